import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, Tag } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { PageLoading } from '@/components/page-loading';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { EntryContentView } from '@/features/catalog/entry-content-view';
import { EntryDiffView } from '@/features/catalog/entry-diff-view';
import { lastEvent } from '@/features/catalog/entry-timeline';
import { useCatalogEntry, useEntryTimeline, useReviewEntry } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/** What a review decides on, by the status the entry waits in. */
export const reviewKindLabel: Record<string, MessageKey> = {
  submitted: 'catalog.review.kind.submitted',
  change_review: 'catalog.review.kind.change_review',
  retire_review: 'catalog.review.kind.retire_review',
};

const COMMENT_MAX = 1000;

/** The timeline step that put an entry in its review, whose actor is the submitter. */
const submitAction: Record<string, string> = { submitted: 'submit', change_review: 'submit_change', retire_review: 'request_retire' };

/** What is reviewed: the request, its deadline, the change or the retirement reason, and the content. */
function ReviewContent({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  const timeline = useEntryTimeline(entry.id);
  const submitted = lastEvent(timeline.data, submitAction[entry.status] ?? 'submit');
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'kind',
            label: t('catalog.review.kind'),
            children: <Tag color="processing">{t(reviewKindLabel[entry.status] ?? 'catalog.review.kind.submitted')}</Tag>,
          },
          { key: 'code', label: t('catalog.field.code'), children: entry.code },
          { key: 'department', label: t('catalog.field.department'), children: entry.departmentName },
          { key: 'submitter', label: t('catalog.review.submitter'), children: submitted?.actorName ?? '—' },
          { key: 'submitted', label: t('catalog.review.submittedAt'), children: formatDateTime(entry.submittedAt) },
          {
            key: 'due',
            label: t('catalog.review.dueDate'),
            children: (
              <Flex gap={8} align="center" data-testid="review-due">
                {entry.reviewDue ?? '—'}
                {entry.reviewOverdue && <Tag color="red">{t('catalog.review.overdue')}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      {!entry.actions.includes('review') && (
        <Alert
          type="info"
          showIcon
          title={entry.status in reviewKindLabel ? t('catalog.review.notYours') : t('catalog.review.notInReview')}
        />
      )}
      {entry.status === 'retire_review' && (
        <Alert type="warning" showIcon title={t('catalog.review.retireReason', { reason: submitted?.comment ?? '—' })} />
      )}
      {entry.status === 'change_review' && (
        <Card size="small" title={t('catalog.review.changes')}>
          <EntryDiffView entryId={entry.id} />
        </Card>
      )}
      <EntryContentView content={entry.status === 'change_review' && entry.pending ? entry.pending : entry.content} meta={entry} />
    </Flex>
  );
}

/** The decision, kept in the drawer's footer: a comment (required to return), Return and Approve. */
function ReviewDecision({ entry, onDone }: { entry: CatalogEntry; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const review = useReviewEntry();
  const [form] = Form.useForm<{ comment?: string }>();
  const [deciding, setDeciding] = useState<'approve' | 'return' | null>(null);
  const mayReview = entry.actions.includes('review');

  const decide = (decision: 'approve' | 'return') => {
    form.setFields([{ name: 'comment', errors: [] }]);
    const comment = ((form.getFieldValue('comment') as string | undefined) ?? '').trim();
    // Returning needs a reason the department can act on; approving may carry a note.
    if (decision === 'return' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('catalog.review.commentRequired')] }]);
      return;
    }
    setDeciding(decision);
    review.mutate(
      { id: entry.id, decision, comment, version: entry.version },
      {
        onSuccess: () => {
          void message.success(decision === 'approve' ? t('catalog.review.approved') : t('catalog.review.returned'));
          onDone();
        },
        onError: showError,
        onSettled: () => setDeciding(null),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" disabled={!mayReview}>
      <Form.Item name="comment" label={t('catalog.review.comment')} extra={t('catalog.review.commentHint')} style={{ marginBottom: 12 }}>
        <Input.TextArea rows={2} maxLength={COMMENT_MAX} showCount data-testid="review-comment" />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button
          danger
          icon={<RollbackOutlined />}
          loading={deciding === 'return'}
          disabled={!mayReview || deciding !== null}
          onClick={() => decide('return')}
          data-testid="review-return"
        >
          {t('catalog.review.return')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={deciding === 'approve'}
          disabled={!mayReview || deciding !== null}
          onClick={() => decide('approve')}
          data-testid="review-approve"
        >
          {entry.status === 'retire_review' ? t('catalog.review.approveRetire') : t('catalog.review.approve')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The review of one entry: what is asked, by whom, by when, the content (and the change), and the decision. */
export function CatalogReviewDrawer({ entryId, onClose }: { entryId: string | null; onClose: () => void }) {
  const t = useT();
  const entry = useCatalogEntry(entryId ?? undefined);
  return (
    <Drawer
      open={entryId !== null}
      onClose={onClose}
      size={960}
      destroyOnHidden
      title={entry.data ? t('catalog.review.drawerTitle', { name: entry.data.name }) : t('catalog.review.title')}
      data-testid="review-drawer"
      // Keyed by the entry, not its version: the decision's answer is a new version, and remounting
      // then would drop the decision's own callbacks (the toast, closing the drawer).
      footer={entry.data && entryId !== null ? <ReviewDecision key={entry.data.id} entry={entry.data} onDone={onClose} /> : null}
    >
      {entryId !== null &&
        (entry.isPending ? (
          <PageLoading />
        ) : entry.error ? (
          <Alert type="error" showIcon title={errorText(entry.error, t)} />
        ) : (
          <ReviewContent entry={entry.data} />
        ))}
    </Drawer>
  );
}
