import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { formatBytes, shortSm3 } from '@/features/exchange/file-format';
import { FileEvidenceDrawer } from '@/features/exchange/exchange-evidence';
import { FileLinksTable } from '@/features/exchange/file-links-table';
import { useFileVersions, type ExchangeFile } from '@/features/exchange/use-exchange-files';
import { useT } from '@/i18n/lang-provider';

function rowAttributes(file: ExchangeFile): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'file-version-row',
    'data-version': String(file.version),
    'data-file-id': file.id,
    'data-sm3': file.sm3,
  };
  return attributes;
}

/** An SM3 shortened, the whole of it copied and shown on hover. */
export function Sm3Text({ sm3 }: { sm3: string }) {
  return (
    <Typography.Text code copyable={{ text: sm3 }} title={sm3} data-testid="file-sm3" data-sm3={sm3}>
      {shortSm3(sm3)}
    </Typography.Text>
  );
}

/** An entry's file versions, newest first, each with the caller's action (a download link) and, expanded, its links. */
export function FileVersionsTable({
  entryId,
  action,
  empty,
}: {
  entryId: string;
  action: (file: ExchangeFile) => ReactNode;
  empty: string;
}) {
  const t = useT();
  const versions = useFileVersions(entryId);
  const latest = versions.data?.[0]?.version;
  const [proving, setProving] = useState<ExchangeFile | null>(null);
  return (
    <>
      <Table<ExchangeFile>
        rowKey="id"
        size="small"
        loading={versions.isPending}
        dataSource={versions.data}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={rowAttributes}
        expandable={{ expandedRowRender: (file) => <FileLinksTable file={file} /> }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={versions.error ? errorText(versions.error, t) : empty} />,
        }}
        columns={[
          {
            title: t('exchangeFiles.col.version'),
            key: 'version',
            render: (_, file) => (
              <Space size={4}>
                <span>{t('exchangeFiles.version', { version: file.version })}</span>
                {file.version === latest && <Tag color="blue">{t('exchangeFiles.latest')}</Tag>}
              </Space>
            ),
          },
          { title: t('exchangeFiles.col.name'), dataIndex: 'fileName', key: 'name' },
          { title: t('exchangeFiles.col.size'), key: 'size', render: (_, file) => formatBytes(file.size) },
          { title: t('exchangeFiles.col.sm3'), key: 'sm3', render: (_, file) => <Sm3Text sm3={file.sm3} /> },
          {
            title: t('exchangeFiles.col.note'),
            key: 'note',
            render: (_, file) => (
              <Typography.Text ellipsis={{ tooltip: file.note }} style={{ maxWidth: 240 }}>
                {file.note || '—'}
              </Typography.Text>
            ),
          },
          { title: t('exchangeFiles.col.uploadedAt'), key: 'at', render: (_, file) => formatDateTime(file.createdAt) },
          {
            title: t('exchangeFiles.col.evidence'),
            key: 'evidence',
            render: (_, file) => (
              <Button type="link" size="small" onClick={() => setProving(file)} data-testid="file-evidence-open">
                {t('exchangeFiles.evidence.open')}
              </Button>
            ),
          },
          { title: t('common.actions'), key: 'actions', render: (_, file) => action(file) },
        ]}
      />
      <FileEvidenceDrawer file={proving} onClose={() => setProving(null)} />
    </>
  );
}
