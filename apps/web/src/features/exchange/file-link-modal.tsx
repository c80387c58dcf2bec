import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DownloadOutlined, LinkOutlined, StopOutlined } from '@ant-design/icons';
import { useShowError } from '@/components/api-error';
import { CopyButton } from '@/components/copy-button';
import { formatDateTime } from '@/components/format';
import {
  linkAddress,
  useCreateFileLink,
  useRevokeFileLink,
  type ExchangeFile,
  type FileLink,
  type FileLinkCreateInput,
} from '@/features/exchange/use-exchange-files';
import { useT } from '@/i18n/lang-provider';

/** The validities offered, in minutes (the server takes 5 minutes to 7 days). */
const VALIDITIES = [60, 1440, 3 * 1440, 7 * 1440] as const;
const DEFAULT_VALIDITY = 1440;
const MAX_DOWNLOADS = 1000;

interface LinkForm {
  expiresInMinutes: number;
  maxDownloads?: number | null;
}

/** The link made: its full address to copy, a download button, and a way to withdraw it. */
function LinkResult({ file, link, onAnother }: { file: ExchangeFile; link: FileLink; onAnother: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const revoke = useRevokeFileLink();
  const [revoked, setRevoked] = useState(false);
  const address = linkAddress(link);
  return (
    <Flex vertical gap={12}>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={address} data-testid="file-link-url" />
        <CopyButton text={address} testId="file-link-copy" />
      </Space.Compact>
      <Typography.Text type="secondary">
        {t('exchangeFiles.link.until', { at: formatDateTime(link.expiresAt) })} ·{' '}
        {link.maxDownloads ? t('exchangeFiles.link.limit', { n: link.maxDownloads }) : t('exchangeFiles.link.unlimited')}
      </Typography.Text>
      <div>
        <Typography.Text>{t('exchangeFiles.link.verify')}</Typography.Text>
        <Typography.Paragraph code copyable style={{ wordBreak: 'break-all', marginBottom: 0 }} data-testid="file-link-sm3">
          {file.sm3}
        </Typography.Paragraph>
      </div>
      {revoked && <Alert type="warning" showIcon title={t('exchangeFiles.link.revoked')} />}
      <Flex gap={8} wrap>
        <Button type="primary" icon={<DownloadOutlined />} href={link.url} disabled={revoked} data-testid="file-link-download">
          {t('exchangeFiles.link.download')}
        </Button>
        <Button
          danger
          icon={<StopOutlined />}
          disabled={revoked}
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(link.id, {
              onSuccess: () => {
                setRevoked(true);
                void message.success(t('exchangeFiles.link.revoked'));
              },
              onError: showError,
            })
          }
          data-testid="file-link-revoke"
        >
          {t('exchangeFiles.link.revoke')}
        </Button>
        <Button onClick={onAnother}>{t('exchangeFiles.link.another')}</Button>
      </Flex>
    </Flex>
  );
}

/** Makes an expiring, audited download link for one file version, with the validity and downloads chosen. */
export function FileLinkModal({ file, onClose }: { file: ExchangeFile | null; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const [form] = Form.useForm<LinkForm>();
  const create = useCreateFileLink();
  const [link, setLink] = useState<FileLink | null>(null);
  const close = () => {
    setLink(null);
    create.reset();
    onClose();
  };
  const submit = (values: LinkForm) => {
    if (!file) return;
    const input: FileLinkCreateInput = { expiresInMinutes: values.expiresInMinutes, maxDownloads: values.maxDownloads ?? null };
    create.mutate({ fileId: file.id, ...input }, { onSuccess: setLink, onError: showError });
  };

  return (
    <Modal
      open={!!file}
      title={file ? t('exchangeFiles.link.title', { name: file.fileName, version: file.version }) : ''}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={640}
    >
      {file && link ? (
        <LinkResult file={file} link={link} onAnother={() => setLink(null)} />
      ) : (
        <Form<LinkForm>
          form={form}
          layout="vertical"
          initialValues={{ expiresInMinutes: DEFAULT_VALIDITY, maxDownloads: null }}
          onFinish={submit}
        >
          <Typography.Paragraph type="secondary">{t('exchangeFiles.link.hint')}</Typography.Paragraph>
          <Flex gap={16} wrap>
            <Form.Item name="expiresInMinutes" label={t('exchangeFiles.link.expires')} style={{ minWidth: 160 }}>
              <Select
                data-testid="file-link-expires"
                options={VALIDITIES.map((minutes) => ({
                  value: minutes,
                  label:
                    minutes === 60
                      ? t('exchangeFiles.link.hour')
                      : minutes === 1440
                        ? t('exchangeFiles.link.day')
                        : t('exchangeFiles.link.days', { days: minutes / 1440 }),
                }))}
              />
            </Form.Item>
            <Form.Item name="maxDownloads" label={t('exchangeFiles.link.maxDownloads')}>
              <InputNumber
                min={1}
                max={MAX_DOWNLOADS}
                precision={0}
                placeholder={t('exchangeFiles.link.unlimitedPlaceholder')}
                style={{ width: 160 }}
                data-testid="file-link-max"
              />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" icon={<LinkOutlined />} loading={create.isPending} data-testid="file-link-create">
            {t('exchangeFiles.link.create')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
