import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography, Upload } from 'antd';
import { CloudUploadOutlined, InboxOutlined, PauseOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { FILE_CHUNK, FILE_MAX_BYTES } from '@shuyuan/contracts';
import { formatDateTime } from '@/components/format';
import { formatBytes } from '@/features/exchange/file-format';
import { resumeProblem } from '@/features/exchange/file-resume';
import { useRefreshVersions, useUnfinishedUploads, type FileEntry, type FileUploadSummary } from '@/features/exchange/use-exchange-files';
import { useFileUpload } from '@/features/exchange/use-file-upload';
import { useT, type Translate } from '@/i18n/lang-provider';
import { UploadProgress } from '@/portals/console/exchange-file-upload-progress';

/** Chunk sizes offered, from the server's smallest to its largest. */
const CHUNK_SIZES = [FILE_CHUNK.min, 1024 ** 2, 4 * 1024 ** 2, FILE_CHUNK.default, FILE_CHUNK.max];
const NOTE_MAX = 500;

/** What is wrong with a file before anything is sent, if anything. */
function fileProblem(file: File, t: Translate): string | null {
  if (file.size === 0) return t('exchangeFiles.upload.emptyFile');
  if (file.size > FILE_MAX_BYTES) return t('exchangeFiles.upload.tooLarge', { max: formatBytes(FILE_MAX_BYTES) });
  return null;
}

/** The entry's unfinished uploads (the server's): choosing the same file resumes one. */
function PendingUploads({ entryId }: { entryId: string }) {
  const t = useT();
  const pending = useUnfinishedUploads(entryId).data ?? [];
  if (pending.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="file-upload-pending">
      {pending.map((u) => (
        <Alert
          key={u.id}
          type="info"
          showIcon
          title={t('exchangeFiles.upload.pending', {
            name: u.fileName,
            size: formatBytes(u.size),
            received: u.receivedCount,
            count: u.chunkCount,
            time: formatDateTime(u.createdAt),
          })}
        />
      ))}
    </Flex>
  );
}

/** The unfinished upload to go on with, and what the file picked for it must be. */
function ResumeTargetInfo({ target }: { target: FileUploadSummary }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="file-resume-target"
      title={t('exchangeFiles.resume.target', {
        name: target.fileName,
        size: formatBytes(target.size),
        received: target.receivedCount,
        count: target.chunkCount,
      })}
      description={t('exchangeFiles.resume.hint')}
    />
  );
}

/**
 * 上传新版本: picks a file, hashes it with SM3, sends it in chunks with progress, pause and resume, and publishes
 * it as the entry's next version. Closing pauses; the same file chosen again later goes on where it stopped.
 * With `resuming`, it goes on with that unfinished upload instead, once the same file is picked again.
 */
export function FileUploadModal({
  entry,
  resuming,
  onClose,
}: {
  entry: FileEntry | null;
  resuming?: FileUploadSummary | null;
  onClose: () => void;
}) {
  const t = useT();
  const refresh = useRefreshVersions();
  const close = () => {
    if (entry) void refresh(entry.id);
    onClose();
  };
  return (
    <Modal
      open={!!entry}
      title={entry ? t(resuming ? 'exchangeFiles.resume.title' : 'exchangeFiles.upload.title', { name: entry.name }) : ''}
      onCancel={close}
      footer={null}
      width={680}
      destroyOnHidden
      maskClosable={false}
    >
      {entry && <UploadPanel entry={entry} resuming={resuming ?? null} onClose={close} />}
    </Modal>
  );
}

function UploadPanel({ entry, resuming, onClose }: { entry: FileEntry; resuming: FileUploadSummary | null; onClose: () => void }) {
  const t = useT();
  const refresh = useRefreshVersions();
  const { state, start, resumeFrom, pause, resume, reset } = useFileUpload(entry.id, () => void refresh(entry.id));
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [chunkSize, setChunkSize] = useState<number>(FILE_CHUNK.default);
  const mismatch = file && resuming ? resumeProblem(file, resuming) : null;
  const problem = file ? (fileProblem(file, t) ?? (mismatch && t(`exchangeFiles.resume.refused.${mismatch}`))) : null;
  const { phase } = state;
  const editable = phase === 'idle' || (phase === 'failed' && !state.upload);
  const busy = phase === 'hashing' || phase === 'uploading' || phase === 'completing';

  return (
    <Flex vertical gap={16}>
      {editable && (
        <>
          {resuming ? <ResumeTargetInfo target={resuming} /> : <PendingUploads entryId={entry.id} />}
          <Upload.Dragger
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            data-testid="file-upload-input"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('exchangeFiles.upload.pick')}</p>
            <p className="ant-upload-hint">{t('exchangeFiles.upload.pickHint', { max: formatBytes(FILE_MAX_BYTES) })}</p>
          </Upload.Dragger>
          {file && (
            <Typography.Text data-testid="file-upload-chosen">
              {t('exchangeFiles.upload.chosen', { name: file.name, size: formatBytes(file.size) })}
            </Typography.Text>
          )}
          {problem && <Alert type="error" showIcon title={problem} data-testid="file-upload-problem" />}
          {!resuming && (
            <Form layout="vertical" component="div">
              <Form.Item label={t('exchangeFiles.upload.note')}>
                <Input.TextArea
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={NOTE_MAX}
                  showCount
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  placeholder={t('exchangeFiles.upload.notePlaceholder')}
                  data-testid="file-upload-note"
                />
              </Form.Item>
              <Form.Item label={t('exchangeFiles.upload.chunkSize')} extra={t('exchangeFiles.upload.chunkSizeHint')}>
                <Select
                  id="chunkSize"
                  value={chunkSize}
                  onChange={setChunkSize}
                  options={CHUNK_SIZES.map((size) => ({ value: size, label: formatBytes(size) }))}
                  style={{ width: 160 }}
                />
              </Form.Item>
            </Form>
          )}
        </>
      )}
      <UploadProgress state={state} />
      {busy && <Typography.Text type="secondary">{t('exchangeFiles.upload.closeHint')}</Typography.Text>}
      <Flex gap={8} justify="flex-end" wrap>
        {editable && (
          <Button
            type="primary"
            icon={resuming ? <PlayCircleOutlined /> : <CloudUploadOutlined />}
            disabled={!file || !!problem}
            onClick={() => file && (resuming ? resumeFrom(file, resuming) : start(file, { note, chunkSize }))}
            data-testid="file-upload-start"
          >
            {resuming ? t('exchangeFiles.upload.resume') : t('exchangeFiles.upload.start')}
          </Button>
        )}
        {phase === 'uploading' && (
          <Button icon={<PauseOutlined />} onClick={pause} data-testid="file-upload-pause">
            {t('exchangeFiles.upload.pause')}
          </Button>
        )}
        {(phase === 'paused' || (phase === 'failed' && state.upload)) && (
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={resume} data-testid="file-upload-resume">
            {phase === 'paused' ? t('exchangeFiles.upload.resume') : t('exchangeFiles.upload.retry')}
          </Button>
        )}
        {phase === 'hashing' && <Button onClick={reset}>{t('exchangeFiles.upload.cancel')}</Button>}
        {phase === 'done' && !resuming && (
          <Button
            onClick={() => {
              reset();
              setFile(null);
              setNote('');
            }}
          >
            {t('exchangeFiles.upload.another')}
          </Button>
        )}
        <Button onClick={onClose} data-testid="file-upload-close">
          {t('exchangeFiles.upload.close')}
        </Button>
      </Flex>
    </Flex>
  );
}
