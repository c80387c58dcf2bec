import { Drawer } from 'antd';
import { entryFields, ProvenLeavesView } from '@/features/evidence/proven-leaves';
import { useFileEvidence, type ExchangeFile } from '@/features/exchange/use-exchange-files';
import { useRunEvidence, type ExchangeRun } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';

const count = (value: unknown) => (typeof value === 'number' ? value.toLocaleString() : '?');

function RunEvidence({ jobId, run }: { jobId: string; run: ExchangeRun }) {
  const t = useT();
  return (
    <ProvenLeavesView
      query={useRunEvidence(jobId, run.id)}
      testId="run-evidence"
      empty={t('exchangeJobs.evidence.empty')}
      hint={t('exchangeJobs.evidence.hint')}
      describe={(entry) => {
        const { op, rows, written } = entryFields(entry);
        const n = count(typeof rows === 'number' ? rows : written);
        return op === 'delete'
          ? t('exchangeJobs.evidence.op.delete', { rows: n })
          : op === 'upsert'
            ? t('exchangeJobs.evidence.op.upsert', { rows: n })
            : t('exchangeJobs.evidence.op.other', { rows: n });
      }}
    />
  );
}

/** A run's evidence in a drawer: each batch's leaf, checked here in the browser against the signed checkpoint. */
export function RunEvidenceDrawer({ jobId, run, onClose }: { jobId: string; run: ExchangeRun | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={run !== null} onClose={onClose} size={720} title={t('exchangeJobs.evidence.title')} destroyOnHidden>
      {run && <RunEvidence jobId={jobId} run={run} />}
    </Drawer>
  );
}

function FileEvidence({ file }: { file: ExchangeFile }) {
  const t = useT();
  return (
    <ProvenLeavesView
      query={useFileEvidence(file.id)}
      testId="file-evidence"
      empty={t('exchangeFiles.evidence.empty')}
      hint={t('exchangeFiles.evidence.hint')}
      describe={(entry) => {
        const { op, at } = entryFields(entry);
        return op === 'upload'
          ? t('exchangeFiles.evidence.upload')
          : t('exchangeFiles.evidence.download', { at: typeof at === 'string' ? new Date(at).toLocaleString() : '' });
      }}
    />
  );
}

/** A file version's evidence in a drawer: its upload and downloads, each leaf checked here in the browser. */
export function FileEvidenceDrawer({ file, onClose }: { file: ExchangeFile | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={file !== null}
      onClose={onClose}
      size={720}
      title={file ? t('exchangeFiles.evidence.title', { name: file.fileName, version: file.version }) : ''}
      destroyOnHidden
    >
      {file && <FileEvidence file={file} />}
    </Drawer>
  );
}
