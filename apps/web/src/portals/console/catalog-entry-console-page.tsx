import { Alert, Breadcrumb, Flex, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { EntryDetail } from '@/features/catalog/entry-detail';
import { lastEvent } from '@/features/catalog/entry-timeline';
import { useCatalogEntry, useEntryTimeline } from '@/features/catalog/use-catalog';
import { mountsPath } from '@/features/mounts/mount-paths';
import { useT } from '@/i18n/lang-provider';
import { consoleEntryPath, EntryActionButtons } from '@/portals/console/catalog-entry-actions';

const inReview = new Set(['submitted', 'change_review', 'retire_review']);

/** Where the entry stands for its department: why it came back, when its review is due, what change waits. */
export function EntryStateNotices({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  const watchesHistory = entry.status === 'returned' || entry.status === 'retire_review';
  const timeline = useEntryTimeline(watchesHistory ? entry.id : undefined);
  const returned = lastEvent(timeline.data, 'return');
  const retireRequest = lastEvent(timeline.data, 'request_retire');
  return (
    <>
      {entry.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          title={t('catalog.returned.title')}
          description={
            <span data-testid="catalog-return-comment">
              {returned
                ? t('catalog.returned.by', { name: returned.actorName, time: formatDateTime(returned.at), comment: returned.comment ?? '' })
                : t('common.loading')}
            </span>
          }
        />
      )}
      {inReview.has(entry.status) && (
        <Alert
          type={entry.reviewOverdue ? 'warning' : 'info'}
          showIcon
          data-testid="catalog-review-state"
          title={
            <Flex gap={8} wrap align="center">
              {t('catalog.review.waiting', { time: formatDateTime(entry.submittedAt) })}
              {entry.reviewDue && <span>{t('catalog.review.due', { date: entry.reviewDue })}</span>}
              {entry.reviewOverdue && <Tag color="red">{t('catalog.review.overdue')}</Tag>}
            </Flex>
          }
          description={
            entry.status === 'retire_review' && retireRequest?.comment
              ? t('catalog.review.retireReason', { reason: retireRequest.comment })
              : undefined
          }
        />
      )}
      {entry.status === 'published' && entry.pending && <Alert type="warning" showIcon title={t('catalog.detail.pendingNotice')} />}
      {entry.updateDue && (
        <Alert
          type={entry.updateOverdue ? 'error' : 'warning'}
          showIcon
          data-testid="catalog-update-request"
          title={
            <Flex gap={8} wrap align="center">
              {t('catalog.update.requested', { reason: entry.updateRequestReason ?? '—' })}
              <span>{t('catalog.update.due', { date: entry.updateDue })}</span>
              {entry.updateOverdue && <Tag color="red">{t('catalog.review.overdue')}</Tag>}
            </Flex>
          }
        />
      )}
    </>
  );
}

/** An entry in the console: the shared entry page with the department's actions and its state in the workflow. */
export function CatalogEntryConsolePage() {
  const t = useT();
  const { id } = useParams();
  const entry = useCatalogEntry(id);

  if (entry.isPending) return <PageLoading />;
  if (isApiError(entry.error, { status: 404 })) return <NotFoundResult />;
  if (entry.error) return <LoadFailedResult message={errorText(entry.error, t)} onRetry={() => void entry.refetch()} />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/console/catalog">{t('console.menu.catalogMine')}</Link> }, { title: entry.data.name }]}
      />
      <EntryDetail
        entry={entry.data}
        entryPath={consoleEntryPath}
        notices={<EntryStateNotices entry={entry.data} />}
        extra={
          <>
            <EntryActionButtons entry={entry.data} />
            {!entry.data.mirrored && (
              <LinkButton to={mountsPath(entry.data.id)} data-testid="entry-go-mounts">
                {t('mount.list')}
              </LinkButton>
            )}
            {entry.data.actions.includes('review') && (
              <LinkButton to={`/console/catalog/review?open=${entry.data.id}`} type="primary" data-testid="entry-go-review">
                {t('catalog.action.review')}
              </LinkButton>
            )}
          </>
        }
      />
    </>
  );
}
