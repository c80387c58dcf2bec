import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { ErrorCode } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { LinkButton } from '@/components/link-button';
import { templateUrl, useQueueImport } from '@/features/catalog/use-catalog-import';
import { useT, type Translate } from '@/i18n/lang-provider';
import { ImportJobView, RecentImports } from '@/portals/console/catalog-import-job';

/** Why an upload was refused, with the size limit when the file was too large. */
function uploadErrorText(error: unknown, t: Translate): string {
  if (isApiError(error, { code: ErrorCode.BodyTooLarge }) || isApiError(error, { status: 413 })) {
    const maxMiB = (error.details as { maxMiB?: number } | null)?.maxMiB;
    if (typeof maxMiB === 'number') return t('catalog.import.tooLarge', { maxMiB: Math.round(maxMiB * 10) / 10 });
  }
  return errorText(error, t);
}

/** 导入目录: upload a filled template, follow the import job, then fix its errors or open the drafts it created. */
export function CatalogImportPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const queue = useQueueImport();
  const [notXlsx, setNotXlsx] = useState(false);

  const open = (id: string | null) => setParams(id ? { job: id } : {}, { replace: false });
  const upload = (file: File) => {
    queue.reset();
    // The server tells a wrong file by its content; the name only spares an upload that cannot succeed.
    setNotXlsx(!file.name.toLowerCase().endsWith('.xlsx'));
    if (file.name.toLowerCase().endsWith('.xlsx')) queue.mutate(file, { onSuccess: (job) => open(job.id) });
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('catalog.import.title')}
        extra={
          <Flex gap={8}>
            <Button href={templateUrl()} icon={<DownloadOutlined />} data-testid="catalog-template-download">
              {t('catalog.import.template')}
            </Button>
            <LinkButton to="/console/catalog">{t('catalog.import.back')}</LinkButton>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">{t('catalog.import.intro')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={queue.isPending}
          beforeUpload={(file) => {
            upload(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('catalog.import.drop')}</p>
          <p className="ant-upload-hint">{t('catalog.import.dropHint')}</p>
        </Upload.Dragger>
        {notXlsx && <Alert type="warning" showIcon title={t('catalog.import.notXlsx')} style={{ marginTop: 16 }} />}
        {queue.error && (
          <Alert
            type="error"
            showIcon
            title={uploadErrorText(queue.error, t)}
            style={{ marginTop: 16 }}
            data-testid="import-upload-error"
          />
        )}
        {jobId && (
          <div style={{ marginTop: 24 }}>
            <ImportJobView key={jobId} id={jobId} onAgain={() => open(null)} />
          </div>
        )}
      </Card>
      <RecentImports onOpen={open} />
    </Flex>
  );
}
