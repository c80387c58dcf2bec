import { useMemo, type ReactNode } from 'react';
import { Alert, Collapse, Empty, Flex, Spin, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { Permission } from '@shuyuan/contracts';
import type { components } from '@/api/schema.gen';
import { errorText } from '@/components/api-error';
import { allPassed, checkInclusion, InclusionVerdictTags, InclusionView } from '@/features/evidence/inclusion-view';
import { useEvidenceKey } from '@/features/exchange/use-exchange-console';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/** The leaves of one exchange (a run's batches, a file version's transfers), each with its proof. */
export type ProvenLeaves = components['schemas']['EvidenceProvenLeaves'];

/**
 * The leaves of one exchange, each checked here in the browser (SM3 leaf hash and inclusion proof, SM2 checkpoint
 * signature): a summary, how many wait to be sequenced, and each leaf as a row (`describe` says what it records)
 * that opens to the whole proof.
 */
export function ProvenLeavesView({
  query,
  describe,
  empty,
  hint,
  testId,
}: {
  query: UseQueryResult<ProvenLeaves>;
  /** What one entry records, in a few words (e.g. "写入 1,000 行"). */
  describe: (entry: string) => ReactNode;
  empty: string;
  hint: string;
  testId: string;
}) {
  const t = useT();
  const can = useCan();
  const key = useEvidenceKey(can(Permission.AuditRead));
  const checked = useMemo(() => {
    const signatures = new Map<string, boolean>();
    return (query.data?.items ?? []).map((data) => ({ data, verdicts: checkInclusion(data, key.data, signatures) }));
  }, [query.data, key.data]);
  if (query.isPending) return <Spin />;
  if (query.error || !query.data) return <Alert type="warning" showIcon title={errorText(query.error, t)} />;
  const bad = checked.filter((c) => !allPassed(c.verdicts)).length;
  const { queued, more } = query.data;
  return (
    <Flex vertical gap={16} data-testid={testId} data-leaves={checked.length} data-bad={bad} data-queued={queued}>
      {checked.length === 0 ? (
        <Empty description={empty} />
      ) : (
        <Alert
          type={bad === 0 ? 'success' : 'error'}
          showIcon
          title={
            bad === 0 ? t('evidence.leaves.allOk', { count: checked.length }) : t('evidence.leaves.someBad', { bad, count: checked.length })
          }
        />
      )}
      {queued > 0 && <Alert type="info" showIcon title={t('evidence.leaves.queued', { count: queued })} />}
      {more && <Alert type="info" showIcon title={t('evidence.leaves.more', { count: checked.length })} />}
      {checked.length > 0 && (
        <Collapse
          size="small"
          items={checked.map(({ data, verdicts }) => ({
            key: String(data.index),
            label: (
              <Flex gap={12} wrap align="center" data-testid={`${testId}-leaf`} data-ok={String(allPassed(verdicts))}>
                <Typography.Text strong>{t('evidence.leaves.leaf', { index: data.index })}</Typography.Text>
                <Typography.Text type="secondary">{describe(data.entry)}</Typography.Text>
                <InclusionVerdictTags data={data} verdicts={verdicts} />
              </Flex>
            ),
            children: <InclusionView data={data} verdicts={verdicts} entryTestId={`${testId}-entry`} showVerdicts={false} />,
          }))}
        />
      )}
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
    </Flex>
  );
}

/** An entry's JSON, or an empty object when it is not JSON. */
export function entryFields(entry: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(entry);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
