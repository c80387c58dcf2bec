import { useMemo } from 'react';
import { Alert, Descriptions, Drawer, Flex, Spin, Tag, Tooltip, Typography } from 'antd';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { formatDateTimeSeconds } from '@/components/format';
import type { EvidenceInclusion } from '@/features/evidence/use-evidence';
import { leafHashOf, verifyCheckpointSignature, verifyInclusion } from '@/features/evidence/verify';
import { useCallProof, useEvidenceKey, type GatewayCall } from '@/features/exchange/use-exchange-console';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { Verdict } from '@/portals/console/exchange-tags';

/** The checks of a proof, made here in the browser (SM3, SM2) rather than taken from the server. */
interface Verdicts {
  hashOk: boolean;
  proofOk: boolean;
  /** null: not checked (no checkpoint yet, or the signing key is not known to this user). */
  signatureOk: boolean | null;
}

function check(data: EvidenceInclusion, key: { publicKey: string; keyId: string } | undefined): Verdicts {
  const hashOk = leafHashOf(data.entry) === data.leafHash;
  const proofOk = hashOk && verifyInclusion(data.leafHash, data.index, data.treeSize, data.proof, data.root);
  const checkpoint = data.checkpoint;
  const signatureOk =
    checkpoint && key && checkpoint.keyId === key.keyId
      ? checkpoint.root === data.root &&
        checkpoint.treeSize === data.treeSize &&
        verifyCheckpointSignature(key.publicKey, checkpoint.body, checkpoint.signature)
      : null;
  return { hashOk, proofOk, signatureOk };
}

/** The entry as recorded, pretty-printed; the exact text hashed is kept for the copy button. */
function prettyEntry(entry: string): string {
  try {
    return JSON.stringify(JSON.parse(entry), null, 2);
  } catch {
    return entry;
  }
}

function ProofView({ call }: { call: GatewayCall }) {
  const t = useT();
  const can = useCan();
  const proof = useCallProof(call.id);
  const key = useEvidenceKey(can(Permission.AuditRead));
  const data = proof.data;
  const verdicts = useMemo(() => (data ? check(data, key.data) : null), [data, key.data]);

  if (proof.isPending) return <Spin />;
  if (proof.error || !data || !verdicts) return <Alert type="warning" showIcon title={errorText(proof.error, t)} />;
  const { hashOk, proofOk, signatureOk } = verdicts;
  return (
    <Flex vertical gap={16} data-testid="call-proof">
      <Flex gap={8} wrap>
        <Verdict ok={hashOk} label={t(hashOk ? 'evidence.hashOk' : 'evidence.hashBad')} testId="verdict-hash" />
        <Verdict
          ok={proofOk}
          label={t(proofOk ? 'evidence.proofOk' : 'evidence.proofBad', { size: data.treeSize })}
          testId="verdict-proof"
        />
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
          data-testid="call-entry"
          style={{ marginTop: 8, maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }}
        >
          {prettyEntry(data.entry)}
        </pre>
      </div>
      <Typography.Paragraph type="secondary">{t('exchangeConsole.proof.hint')}</Typography.Paragraph>
    </Flex>
  );
}

/** A call's evidence in a drawer: the recorded entry and the browser's own verdicts on its proof. */
export function CallProofDrawer({ call, onClose }: { call: GatewayCall | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={call !== null} onClose={onClose} size={640} title={t('exchangeConsole.proof.title')} destroyOnHidden>
      {call && <ProofView call={call} />}
    </Drawer>
  );
}
