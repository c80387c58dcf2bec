import { Empty, Timeline, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { codeLabel, timelineActionLabel } from '@/features/catalog/catalog-labels';
import type { TimelineEvent } from '@/features/catalog/catalog-types';
import { useEntryTimeline } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';

const actionColor: Record<string, string> = { publish: 'green', retire: 'gray', return: 'red', request_retire: 'orange' };

/** The latest step of a kind (the reason of the last return, say), or null. */
export function lastEvent(events: readonly TimelineEvent[] | undefined, action: string): TimelineEvent | null {
  return [...(events ?? [])].reverse().find((event) => event.action === action) ?? null;
}

/** An entry's lifecycle, step by step: who did what, when, moving it from which status to which, and why. */
export function EntryTimeline({ entryId }: { entryId: string }) {
  const t = useT();
  const timeline = useEntryTimeline(entryId);
  if (timeline.error) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(timeline.error, t)} />;
  if (timeline.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  if (timeline.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.timeline.empty')} />;

  return (
    <Timeline
      data-testid="entry-timeline"
      items={timeline.data.map((event) => ({
        key: event.id,
        color: actionColor[event.action] ?? 'blue',
        content: (
          <>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 12 }}>
              {formatDateTime(event.at)}
            </Typography.Text>
            <Typography.Text strong>{timelineActionLabel(t, event.action)}</Typography.Text>
            <Typography.Text type="secondary">
              {' · '}
              {event.actorName}
              {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
                ? ` · ${codeLabel(t, 'entryStatus', event.fromStatus)} → ${codeLabel(t, 'entryStatus', event.toStatus)}`
                : ''}
            </Typography.Text>
            {event.comment && (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="timeline-comment">
                {event.comment}
              </Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
  );
}
