import { useMemo } from 'react';
import { Alert, Collapse, Drawer, Empty, Flex, Spin, Typography } from 'antd';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { allPassed, checkInclusion, InclusionVerdictTags, InclusionView } from '@/features/evidence/inclusion-view';
import { useEvidenceKey } from '@/features/exchange/use-exchange-console';
import { useRunEvidence, type ExchangeRun } from '@/features/exchange/use-exchange-jobs';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/** What a batch's entry says of itself: upsert or delete, and how many rows. */
function batchOf(entry: string): { op: string; rows: number } {
  try {
    const parsed = JSON.parse(entry) as { op?: unknown; rows?: unknown; written?: unknown };
    const rows = typeof parsed.rows === 'number' ? parsed.rows : typeof parsed.written === 'number' ? parsed.written : 0;
    return { op: typeof parsed.op === 'string' ? parsed.op : '', rows };
  } catch {
    return { op: '', rows: 0 };
  }
}

function RunEvidenceView({ jobId, run }: { jobId: string; run: ExchangeRun }) {
  const t = useT();
  const can = useCan();
  const evidence = useRunEvidence(jobId, run.id);
  const key = useEvidenceKey(can(Permission.AuditRead));
  const checked = useMemo(
    () => (evidence.data?.items ?? []).map((data) => ({ data, verdicts: checkInclusion(data, key.data) })),
    [evidence.data, key.data],
  );
  if (evidence.isPending) return <Spin />;
  if (evidence.error || !evidence.data) return <Alert type="warning" showIcon title={errorText(evidence.error, t)} />;
  const bad = checked.filter((c) => !allPassed(c.verdicts)).length;
  const { queued, more } = evidence.data;
  return (
    <Flex vertical gap={16} data-testid="run-evidence" data-batches={checked.length} data-bad={bad} data-queued={queued}>
      {checked.length === 0 ? (
        <Empty description={t('exchangeJobs.evidence.empty')} />
      ) : (
        <Alert
          type={bad === 0 ? 'success' : 'error'}
          showIcon
          title={
            bad === 0
              ? t('exchangeJobs.evidence.allOk', { count: checked.length })
              : t('exchangeJobs.evidence.someBad', { bad, count: checked.length })
          }
        />
      )}
      {queued > 0 && <Alert type="info" showIcon title={t('exchangeJobs.evidence.queued', { count: queued })} />}
      {more && <Alert type="info" showIcon title={t('exchangeJobs.evidence.more', { count: checked.length })} />}
      {checked.length > 0 && (
        <Collapse
          size="small"
          items={checked.map(({ data, verdicts }) => {
            const batch = batchOf(data.entry);
            const op = batch.op === 'upsert' || batch.op === 'delete' ? batch.op : 'other';
            return {
              key: String(data.index),
              label: (
                <Flex gap={12} wrap align="center" data-testid="run-evidence-batch" data-ok={String(allPassed(verdicts))}>
                  <Typography.Text strong>{t('exchangeJobs.evidence.batch', { index: data.index })}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`exchangeJobs.evidence.op.${op}`, { rows: batch.rows.toLocaleString() })}
                  </Typography.Text>
                  <InclusionVerdictTags data={data} verdicts={verdicts} />
                </Flex>
              ),
              children: <InclusionView data={data} verdicts={verdicts} entryTestId="run-evidence-entry" />,
            };
          })}
        />
      )}
      <Typography.Paragraph type="secondary">{t('exchangeJobs.evidence.hint')}</Typography.Paragraph>
    </Flex>
  );
}

/** A run's evidence in a drawer: each batch's leaf, checked here in the browser against the signed checkpoint. */
export function RunEvidenceDrawer({ jobId, run, onClose }: { jobId: string; run: ExchangeRun | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={run !== null} onClose={onClose} size={720} title={t('exchangeJobs.evidence.title')} destroyOnHidden>
      {run && <RunEvidenceView jobId={jobId} run={run} />}
    </Drawer>
  );
}
