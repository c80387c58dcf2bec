import { useMemo, useState } from 'react';
import { Permission } from '@shuyuan/contracts';
import { App, Alert, Button, Card, Descriptions, Empty, InputNumber, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTimeSeconds } from '@/components/format';
import {
  useCheckpoints,
  useEvidenceLeaf,
  useEvidenceStatus,
  useSignCheckpoint,
  type EvidenceCheckpoint,
  type EvidenceStatus,
} from '@/features/evidence/use-evidence';
import { useCan } from '@/features/identity/use-session';
import { verifyCheckpointSignature } from '@/features/evidence/verify';
import { checkInclusion, InclusionVerdictTags, Verdict } from '@/features/evidence/inclusion-view';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

const KINDS = ['audit', 'api_call', 'table_batch', 'file_transfer', 'return_flow'] as const;

/** The message key of an entry's kind; null for a kind this page does not know (shown as it is). */
function kindKey(kind: string): MessageKey | null {
  return (KINDS as readonly string[]).includes(kind) ? (`evidence.kind.${kind as (typeof KINDS)[number]}` as const) : null;
}

/** An entry looked up by its index, with its proof checked here in the browser (SM3, SM2), not taken on trust. */
function LeafLookup({ status }: { status: EvidenceStatus }) {
  const t = useT();
  const [index, setIndex] = useState<number | null>(null);
  const [asked, setAsked] = useState<number | null>(null);
  const leaf = useEvidenceLeaf(asked);
  const data = leaf.data;
  // Checked once per answer, not on every render (an SM2 verification takes milliseconds).
  const verdicts = useMemo(
    () => (data ? checkInclusion(data, { publicKey: status.publicKey, keyId: status.keyId }) : null),
    [data, status.publicKey, status.keyId],
  );
  return (
    <Card type="inner" title={t('evidence.lookup')}>
      <Space>
        <InputNumber
          min={0}
          precision={0}
          value={index}
          onChange={(v) => setIndex(v)}
          placeholder={t('evidence.indexPlaceholder')}
          style={{ width: 200 }}
          data-testid="evidence-index"
        />
        <Button type="primary" disabled={index === null} onClick={() => setAsked(index)} data-testid="evidence-lookup">
          {t('evidence.verify')}
        </Button>
      </Space>
      {leaf.error && <Alert style={{ marginTop: 16 }} type="warning" showIcon title={errorText(leaf.error, t)} />}
      {data && verdicts && (
        <div style={{ marginTop: 16 }} data-testid="evidence-leaf">
          <div style={{ marginBottom: 12 }}>
            <InclusionVerdictTags data={data} verdicts={verdicts} />
          </div>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('evidence.index')}>{data.index}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.kind')}>{kindKey(data.kind) ? t(kindKey(data.kind)!) : data.kind}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.sequencedAt')}>{formatDateTimeSeconds(data.sequencedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.entry')}>
              <Typography.Paragraph code copyable style={{ marginBottom: 0, wordBreak: 'break-all' }}>
                {data.entry}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('evidence.leafHash')}>
              <Typography.Text code>{data.leafHash}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('evidence.proof', { count: data.proof.length })}>
              {data.proof.map((p) => (
                <div key={p}>
                  <Typography.Text code>{p}</Typography.Text>
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Card>
  );
}

/** 存证日志: the Merkle log of exchanges and audited changes, its signed checkpoints, and any entry's proof. */
export function EvidencePage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const status = useEvidenceStatus();
  const checkpoints = useCheckpoints();
  const sign = useSignCheckpoint();
  const s = status.data;
  const can = useCan();
  const publicKey = s?.publicKey;
  const signedOk = useMemo(
    () =>
      new Map((checkpoints.data ?? []).map((c) => [c.treeSize, !!publicKey && verifyCheckpointSignature(publicKey, c.body, c.signature)])),
    [checkpoints.data, publicKey],
  );

  return (
    <Card
      title={t('console.menu.evidence')}
      extra={
        can(Permission.AuditExport) && (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={sign.isPending}
            onClick={() =>
              sign.mutate(undefined, {
                onSuccess: (c) => void message.success(t('evidence.signed', { size: c.treeSize })),
                onError: showError,
              })
            }
            data-testid="evidence-sign"
          >
            {t('evidence.signNow')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {status.error && <Alert type="error" showIcon title={errorText(status.error, t)} />}
        {s && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="evidence-status">
            <Descriptions.Item label={t('evidence.treeSize')}>
              <span data-testid="evidence-size">{s.treeSize}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('evidence.queued')}>{s.queued}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.root')} span={2}>
              <Typography.Text code>{s.root}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('evidence.key')} span={2}>
              <Typography.Text>{s.keyId}</Typography.Text>{' '}
              <Typography.Text type="secondary" copyable={{ text: s.publicKey }}>
                {t('evidence.publicKey')}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        <Table<EvidenceCheckpoint>
          rowKey="treeSize"
          size="small"
          title={() => t('evidence.checkpoints')}
          dataSource={checkpoints.data ?? []}
          loading={checkpoints.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('evidence.noCheckpoints')} /> }}
          columns={[
            { title: t('evidence.treeSize'), dataIndex: 'treeSize' },
            { title: t('evidence.signedAt'), dataIndex: 'signedAt', render: (v: string) => formatDateTimeSeconds(v) },
            {
              title: t('evidence.root'),
              dataIndex: 'root',
              render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text>,
            },
            {
              title: t('evidence.signature'),
              key: 'signature',
              render: (_, c) => {
                const ok = signedOk.get(c.treeSize) ?? false;
                return <Verdict ok={ok} label={t(ok ? 'evidence.signatureOk' : 'evidence.signatureBad')} testId="checkpoint-signature" />;
              },
            },
          ]}
        />
        {s && <LeafLookup status={s} />}
        <Typography.Paragraph type="secondary">{t('evidence.cliHint')}</Typography.Paragraph>
      </Space>
    </Card>
  );
}
