import { useMemo } from 'react';
import { Alert, Drawer, Flex, Spin, Typography } from 'antd';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { checkInclusion, InclusionView } from '@/features/evidence/inclusion-view';
import { useCallProof, useEvidenceKey, type GatewayCall } from '@/features/exchange/use-exchange-console';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

function ProofView({ call }: { call: GatewayCall }) {
  const t = useT();
  const can = useCan();
  const proof = useCallProof(call.id);
  const key = useEvidenceKey(can(Permission.AuditRead));
  const data = proof.data;
  const verdicts = useMemo(() => (data ? checkInclusion(data, key.data) : null), [data, key.data]);

  if (proof.isPending) return <Spin />;
  if (proof.error || !data || !verdicts) return <Alert type="warning" showIcon title={errorText(proof.error, t)} />;
  return (
    <Flex vertical gap={16} data-testid="call-proof">
      <InclusionView data={data} verdicts={verdicts} entryTestId="call-entry" />
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
