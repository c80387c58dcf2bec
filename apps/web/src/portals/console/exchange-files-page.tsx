import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { CloudUploadOutlined, LinkOutlined } from '@ant-design/icons';
import { limits } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { FileLinkModal } from '@/features/exchange/file-link-modal';
import { FileVersionsTable } from '@/features/exchange/file-versions-table';
import { useFileEntries, type ExchangeFile, type FileEntry, type FileUploadSummary } from '@/features/exchange/use-exchange-files';
import { useT } from '@/i18n/lang-provider';
import { UnfinishedUploads } from '@/portals/console/exchange-file-unfinished';
import { FileUploadModal } from '@/portals/console/exchange-file-upload-modal';

const ENTRIES_PER_PAGE = 10;

/** One resource: its unfinished uploads, its versions with their links, a new-version button and a link per version. */
function FileEntryCard({
  entry,
  onUpload,
  onLink,
}: {
  entry: FileEntry;
  onUpload: (resuming?: FileUploadSummary) => void;
  onLink: (file: ExchangeFile) => void;
}) {
  const t = useT();
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      data-testid="file-entry"
      data-entry-id={entry.id}
      title={
        <Space size={8} wrap>
          <span>{entry.name}</span>
          <Typography.Text type="secondary" code>
            {entry.code}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.departmentName}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button type="primary" size="small" icon={<CloudUploadOutlined />} onClick={() => onUpload()} data-testid="file-upload-open">
          {t('exchangeFiles.uploadNew')}
        </Button>
      }
    >
      <UnfinishedUploads entryId={entry.id} onResume={onUpload} />
      <FileVersionsTable
        entryId={entry.id}
        empty={t('exchangeFiles.noVersions')}
        action={(file) => (
          <Button type="link" size="small" icon={<LinkOutlined />} onClick={() => onLink(file)} data-testid="file-link-open">
            {t('exchangeFiles.makeLink')}
          </Button>
        )}
      />
    </Card>
  );
}

/** 文件交换: the department's published resources shared by file, their versions, uploads and download links. */
export function ExchangeFilesPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const entries = useFileEntries(q.trim());
  const [uploading, setUploading] = useState<{ entry: FileEntry; resuming?: FileUploadSummary } | null>(null);
  const [linking, setLinking] = useState<ExchangeFile | null>(null);
  const items = entries.data?.items ?? [];

  return (
    <Card title={t('console.menu.exchangeFiles')}>
      <Typography.Paragraph type="secondary">{t('exchangeFiles.intro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('exchangeFiles.searchPlaceholder')}
        onSearch={setQ}
        onChange={(e) => !e.target.value && setQ('')}
        style={{ width: 320, marginBottom: 16 }}
        data-testid="file-entry-search"
      />
      {entries.data?.more && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('exchangeFiles.more', { limit: limits.pageSizeMax })} />
      )}
      <List<FileEntry>
        loading={entries.isPending}
        dataSource={items}
        rowKey="id"
        split={false}
        pagination={items.length > ENTRIES_PER_PAGE ? { pageSize: ENTRIES_PER_PAGE } : false}
        locale={{
          emptyText: (
            <Empty description={entries.error ? errorText(entries.error, t) : q ? t('exchangeFiles.noMatch') : t('exchangeFiles.empty')} />
          ),
        }}
        renderItem={(entry) => (
          <List.Item>
            <FileEntryCard entry={entry} onUpload={(resuming) => setUploading({ entry, resuming })} onLink={setLinking} />
          </List.Item>
        )}
      />
      <FileUploadModal entry={uploading?.entry ?? null} resuming={uploading?.resuming} onClose={() => setUploading(null)} />
      <FileLinkModal file={linking} onClose={() => setLinking(null)} />
    </Card>
  );
}
