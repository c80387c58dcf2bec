import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission } from '@shuyuan/contracts';
import { errorText, isVersionConflict } from '@/components/api-error';
import { useGrants, useRevokeGrant, type Grant, type GrantFilters } from '@/features/exchange/use-exchange-console';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { useShowExchangeError } from '@/portals/console/exchange-form-errors';
import { GrantFormModal } from '@/portals/console/exchange-grant-form-modal';
import { GrantTable } from '@/portals/console/exchange-grant-table';

/** The server's bounds of a revocation reason (GrantRevoke in exchange.schemas.ts). */
const REASON_MIN = 2;
const REASON_MAX = 500;
const STATES: Grant['state'][] = ['pending', 'active', 'expired', 'revoked'];

/** Revokes a grant with the reason, which its consumer sees; calls under it stop at once. */
function RevokeModal({ grant, onClose }: { grant: Grant | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowExchangeError();
  const revoke = useRevokeGrant();
  const [form] = Form.useForm<{ reason: string }>();
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !grant) return;
    try {
      await revoke.mutateAsync({ id: grant.id, version: grant.version, reason: values.reason.trim() });
      void message.success(t('exchangeConsole.grant.revoked'));
      onClose();
    } catch (error) {
      showError(error);
      if (isVersionConflict(error)) onClose();
    }
  };
  return (
    <Modal
      open={grant !== null}
      title={t('exchangeConsole.grant.revokeTitle', {
        entry: grant?.entryName ?? '',
        app: grant?.appName ?? grant?.consumerDepartmentName ?? '',
      })}
      onOk={onOk}
      onCancel={onClose}
      okText={t('exchangeConsole.grant.revoke')}
      okButtonProps={{ danger: true, 'data-testid': 'grant-revoke-confirm' }}
      confirmLoading={revoke.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('exchangeConsole.grant.revokeWarning')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('exchangeConsole.grant.revokeReason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: REASON_MIN, message: t('validation.min', { min: REASON_MIN }) },
            { max: REASON_MAX, message: t('validation.max', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount data-testid="grant-revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 授权管理: every grant the user may see, by side, status and state; new grants and revocations. */
export function ExchangeGrantsPage() {
  const t = useT();
  const can = useCan();
  const canManage = can(Permission.GrantManage);
  const [filters, setFilters] = useState<GrantFilters>({});
  const [state, setState] = useState<Grant['state']>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const grants = useGrants(filters);
  const query = q.trim().toLowerCase();
  const shown = (grants.data ?? []).filter(
    (g) =>
      (!state || g.state === state) &&
      (!query ||
        [g.entryName, g.resourceCode, g.consumerDepartmentName, g.providerDepartmentName, g.appName ?? '', g.appKey ?? ''].some((text) =>
          text.toLowerCase().includes(query),
        )),
  );
  const filtered = !!(filters.role || filters.status || state || query);

  return (
    <Card
      title={t('console.menu.exchangeGrants')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="grant-create">
            {t('exchangeConsole.grant.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('exchangeConsole.grant.searchPlaceholder')}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          style={{ width: 280 }}
          data-testid="grant-search"
        />
        <Select
          allowClear
          placeholder={t('exchangeConsole.grant.filterRole')}
          value={filters.role}
          onChange={(role?: GrantFilters['role']) => setFilters((f) => ({ ...f, role }))}
          options={(['provider', 'consumer'] as const).map((r) => ({ value: r, label: t(`exchangeConsole.role.${r}`) }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder={t('exchangeConsole.grant.filterState')}
          value={state}
          onChange={setState}
          options={STATES.map((s) => ({ value: s, label: t(`exchangeConsole.state.${s}`) }))}
          style={{ width: 160 }}
          data-testid="grant-filter-state"
        />
      </Flex>
      <GrantTable
        grants={shown}
        loading={grants.isFetching}
        showEntry
        onRevoke={canManage ? setRevoking : undefined}
        empty={
          grants.error
            ? errorText(grants.error, t)
            : filtered
              ? t('exchangeConsole.grant.noMatch')
              : canManage
                ? t('exchangeConsole.grant.emptyManage')
                : t('exchangeConsole.grant.empty')
        }
      />
      {canManage && <GrantFormModal open={creating} onClose={() => setCreating(false)} />}
      <RevokeModal grant={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
