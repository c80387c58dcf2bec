import { Breadcrumb, Button, Tooltip } from 'antd';
import { SettingOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { EntryDetail } from '@/features/catalog/entry-detail';
import { useCatalogEntry } from '@/features/catalog/use-catalog';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/** Where an entry's page is in the sharing portal. */
export const shareEntryPath = (id: string) => `/share/catalog/${id}`;

/** An entry of the shared catalog: everything about it, and the apply button (applications come in a later release). */
export function CatalogEntryPage() {
  const t = useT();
  const { id } = useParams();
  const can = useCan();
  const entry = useCatalogEntry(id);
  // Its department and the bureau manage the entry in the console (edit, review, ask for an update).
  const manages = can(Permission.ConsoleAccess) && (entry.data?.actions.length ?? 0) > 0;

  if (entry.isPending) return <PageLoading />;
  if (isApiError(entry.error, { status: 404 })) return <NotFoundResult />;
  if (entry.error) return <LoadFailedResult message={errorText(entry.error, t)} onRetry={() => void entry.refetch()} />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/share/catalog">{t('share.nav.catalog')}</Link> }, { title: entry.data.name }]}
      />
      <EntryDetail
        entry={entry.data}
        entryPath={shareEntryPath}
        extra={
          <>
            {manages && (
              <LinkButton to={`/console/catalog/${entry.data.id}`} icon={<SettingOutlined />} data-testid="entry-manage">
                {t('catalog.detail.manage')}
              </LinkButton>
            )}
            <Tooltip title={t('catalog.apply.later')}>
              {/* A disabled button swallows the hover; the wrapper keeps the tooltip working. */}
              <span>
                <Button type="primary" icon={<ShoppingCartOutlined />} disabled data-testid="entry-apply">
                  {t('catalog.apply')}
                </Button>
              </span>
            </Tooltip>
          </>
        }
      />
    </>
  );
}
