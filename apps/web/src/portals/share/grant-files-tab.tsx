import { useState } from 'react';
import { Button, Empty, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import type { Grant } from '@/features/exchange/use-exchange';
import { FileLinkModal } from '@/features/exchange/file-link-modal';
import { FileVersionsTable } from '@/features/exchange/file-versions-table';
import type { ExchangeFile } from '@/features/exchange/use-exchange-files';
import { useT } from '@/i18n/lang-provider';

/** A file grant's versions of the resource, each with its SM3 and a download link to make. */
export function GrantFilesTab({ grant }: { grant: Grant }) {
  const t = useT();
  const [linking, setLinking] = useState<ExchangeFile | null>(null);
  if (grant.state !== 'active') return <Empty description={t('exchangeFiles.share.inactive')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('exchangeFiles.share.intro')}</Typography.Paragraph>
      <FileVersionsTable
        entryId={grant.entryId}
        empty={t('exchangeFiles.noVersionsShare')}
        action={(file) => (
          <Button type="link" size="small" icon={<LinkOutlined />} onClick={() => setLinking(file)} data-testid="file-link-open">
            {t('exchangeFiles.getLink')}
          </Button>
        )}
      />
      <FileLinkModal file={linking} onClose={() => setLinking(null)} />
    </>
  );
}
