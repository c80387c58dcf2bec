import { Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { formatDateTimeSeconds } from '@/components/format';
import type { EvidenceInclusion } from '@/features/evidence/use-evidence';
import { leafHashOf, verifyCheckpointSignature, verifyInclusion } from '@/features/evidence/verify';
import { useT } from '@/i18n/lang-provider';

/** The node's checkpoint signing key, when this user may read it. */
export type SigningKey = { publicKey: string; keyId: string };

/** The checks of a proof, made here in the browser (SM3, SM2) rather than taken from the server. */
export interface InclusionVerdicts {
  hashOk: boolean;
  proofOk: boolean;
  /** null: not checked (no checkpoint yet, or the signing key is not known to this user). */
  signatureOk: boolean | null;
}

/**
 * Checks an entry's leaf hash, its inclusion proof, and the signature of the checkpoint it is proven in. Many
 * entries proven in one checkpoint share `signatures`, so that its SM2 signature (milliseconds) is checked once.
 */
export function checkInclusion(
  data: EvidenceInclusion,
  key: SigningKey | undefined,
  signatures: Map<string, boolean> = new Map(),
): InclusionVerdicts {
  const hashOk = leafHashOf(data.entry) === data.leafHash;
  const proofOk = hashOk && verifyInclusion(data.leafHash, data.index, data.treeSize, data.proof, data.root);
  const checkpoint = data.checkpoint;
  let signatureOk: boolean | null = null;
  if (checkpoint && key && checkpoint.keyId === key.keyId) {
    const id = `${key.publicKey}:${checkpoint.signature}`;
    let signed = signatures.get(id);
    if (signed === undefined)
      signatures.set(id, (signed = verifyCheckpointSignature(key.publicKey, checkpoint.body, checkpoint.signature)));
    signatureOk = checkpoint.root === data.root && checkpoint.treeSize === data.treeSize && signed;
  }
  return { hashOk, proofOk, signatureOk };
}

/** Whether nothing checked failed (a signature not checked is no failure). */
export const allPassed = (v: InclusionVerdicts) => v.hashOk && v.proofOk && v.signatureOk !== false;

/** A check made in the browser, passed or failed; `data-ok` lets tests read the verdict. */
export function Verdict({ ok, label, testId }: { ok: boolean; label: string; testId: string }) {
  return (
    <Tag
      color={ok ? 'success' : 'error'}
      icon={ok ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
      data-testid={testId}
      data-ok={String(ok)}
    >
      {label}
    </Tag>
  );
}

/** The three verdicts of a proof as tags: leaf hash, inclusion proof, checkpoint signature. */
export function InclusionVerdictTags({ data, verdicts }: { data: EvidenceInclusion; verdicts: InclusionVerdicts }) {
  const t = useT();
  const { hashOk, proofOk, signatureOk } = verdicts;
  return (
    <Flex gap={8} wrap>
      <Verdict ok={hashOk} label={t(hashOk ? 'evidence.hashOk' : 'evidence.hashBad')} testId="verdict-hash" />
      <Verdict ok={proofOk} label={t(proofOk ? 'evidence.proofOk' : 'evidence.proofBad', { size: data.treeSize })} testId="verdict-proof" />
      {!data.checkpoint ? (
        <Tooltip title={t('exchangeConsole.proof.noCheckpointHint')}>
          <Tag data-testid="verdict-signature" data-ok="unknown">
            {t('evidence.noCheckpoint')}
          </Tag>
        </Tooltip>
      ) : signatureOk === null ? (
        <Tooltip title={t('exchangeConsole.proof.keyHiddenHint', { keyId: data.checkpoint.keyId })}>
          <Tag data-testid="verdict-signature" data-ok="unknown">
            {t('exchangeConsole.proof.signatureUnchecked')}
          </Tag>
        </Tooltip>
      ) : (
        <Verdict ok={signatureOk} label={t(signatureOk ? 'evidence.signatureOk' : 'evidence.signatureBad')} testId="verdict-signature" />
      )}
    </Flex>
  );
}

/** The entry as recorded, pretty-printed; the exact text hashed is kept for the copy button. */
function prettyEntry(entry: string): string {
  try {
    return JSON.stringify(JSON.parse(entry), null, 2);
  } catch {
    return entry;
  }
}

/**
 * An entry's evidence in full: verdicts (unless the list row above shows them already), position, hashes,
 * checkpoint, proof path and the entry as hashed.
 */
export function InclusionView({
  data,
  verdicts,
  entryTestId,
  showVerdicts = true,
}: {
  data: EvidenceInclusion;
  verdicts: InclusionVerdicts;
  entryTestId: string;
  showVerdicts?: boolean;
}) {
  const t = useT();
  return (
    <Flex vertical gap={16}>
      {showVerdicts && <InclusionVerdictTags data={data} verdicts={verdicts} />}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('evidence.index')}>{data.index}</Descriptions.Item>
        <Descriptions.Item label={t('evidence.sequencedAt')}>{formatDateTimeSeconds(data.sequencedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('evidence.leafHash')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {data.leafHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('evidence.root')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {data.root}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('evidence.treeSize')}>{data.treeSize}</Descriptions.Item>
        {data.checkpoint && (
          <Descriptions.Item label={t('exchangeConsole.proof.checkpoint')}>
            {t('exchangeConsole.proof.checkpointAt', { at: formatDateTimeSeconds(data.checkpoint.signedAt), keyId: data.checkpoint.keyId })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('evidence.proof', { count: data.proof.length })}>
          {data.proof.map((p, i) => (
            <div key={`${i}-${p}`}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {p}
              </Typography.Text>
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>{t('evidence.entry')}</Typography.Text>{' '}
        <Typography.Text copyable={{ text: data.entry }} type="secondary">
          {t('exchangeConsole.proof.copyEntry')}
        </Typography.Text>
        <pre
          data-testid={entryTestId}
          style={{ marginTop: 8, maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }}
        >
          {prettyEntry(data.entry)}
        </pre>
      </div>
    </Flex>
  );
}
