import type { HTMLAttributes } from 'react';
import { App, Button, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { formatBytes } from '@/features/exchange/file-format';
import { useAbandonUpload, useUnfinishedUploads, type FileUploadSummary } from '@/features/exchange/use-exchange-files';
import { useT } from '@/i18n/lang-provider';

function rowAttributes(upload: FileUploadSummary): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'file-unfinished-row',
    'data-upload-id': upload.id,
    'data-received': String(upload.receivedCount),
    'data-chunks': String(upload.chunkCount),
  };
  return attributes;
}

/**
 * 未完成的上传: the department's uploads to an entry that stopped before the end, from the server (so from any
 * browser), with who started each; each to resume by picking the same file again, or to abandon (放弃, after a
 * confirm: its chunks are deleted). Nothing shows when there are none, or when the list cannot be read (it is a
 * help, the versions below are the page).
 */
export function UnfinishedUploads({ entryId, onResume }: { entryId: string; onResume: (upload: FileUploadSummary) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const uploads = useUnfinishedUploads(entryId);
  const abandon = useAbandonUpload(entryId);
  if (!uploads.data?.length) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="file-unfinished">
      <Typography.Text strong>{t('exchangeFiles.unfinished.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('exchangeFiles.unfinished.hint')}
      </Typography.Paragraph>
      <Table<FileUploadSummary>
        rowKey="id"
        size="small"
        dataSource={uploads.data}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={rowAttributes}
        columns={[
          { title: t('exchangeFiles.col.name'), dataIndex: 'fileName', key: 'name' },
          { title: t('exchangeFiles.col.size'), key: 'size', render: (_, u) => formatBytes(u.size) },
          {
            title: t('exchangeFiles.unfinished.received'),
            key: 'received',
            render: (_, u) => (
              <div style={{ minWidth: 160 }}>
                <Progress size="small" percent={Math.floor((u.receivedCount / u.chunkCount) * 100)} status="normal" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('exchangeFiles.unfinished.chunks', { received: u.receivedCount, count: u.chunkCount })}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('exchangeFiles.unfinished.startedBy'),
            key: 'by',
            render: (_, u) => <span data-testid="file-unfinished-started-by">{u.createdByName ?? '—'}</span>,
          },
          { title: t('exchangeFiles.unfinished.startedAt'), key: 'at', render: (_, u) => formatDateTime(u.createdAt) },
          { title: t('exchangeFiles.unfinished.expiresAt'), key: 'expires', render: (_, u) => formatDateTime(u.expiresAt) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<PlayCircleOutlined />}
                  onClick={() => onResume(u)}
                  data-testid="file-unfinished-resume"
                >
                  {t('exchangeFiles.upload.resume')}
                </Button>
                <Popconfirm
                  title={t('exchangeFiles.unfinished.abandonConfirm')}
                  okButtonProps={{ danger: true, 'data-testid': 'file-unfinished-abandon-confirm' }}
                  onConfirm={() =>
                    abandon.mutateAsync(u.id).then(
                      () => void message.success(t('exchangeFiles.unfinished.abandoned', { name: u.fileName })),
                      (error: unknown) => showError(error),
                    )
                  }
                >
                  <Button type="link" danger size="small" icon={<DeleteOutlined />} data-testid="file-unfinished-abandon">
                    {t('exchangeFiles.unfinished.abandon')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
