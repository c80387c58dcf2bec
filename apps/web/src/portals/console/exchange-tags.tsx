import { Tag, Tooltip } from 'antd';
import { MaskType, effectiveMask, maskLabels, type ApiAccess, type GrantMethod } from '@shuyuan/contracts';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { ExchangeApiField, Grant } from '@/features/exchange/use-exchange-console';
import { useLang, useT } from '@/i18n/lang-provider';

/** The tag colour of a grant's state. */
const stateColor: Record<Grant['state'], string> = { pending: 'processing', active: 'success', expired: 'default', revoked: 'error' };

/** Where a grant is in its life: 待生效, 生效中, 已过期, 已撤销. */
export function GrantStateTag({ state }: { state: Grant['state'] }) {
  const t = useT();
  return (
    <Tag color={stateColor[state]} data-testid="grant-state" data-state={state}>
      {t(`exchangeConsole.state.${state}`)}
    </Tag>
  );
}

/** 接入方式: logical, physical or forwarded. */
export function AccessTag({ access }: { access: ApiAccess }) {
  const t = useT();
  return (
    <Tag color={access === 'physical' ? 'blue' : access === 'logical' ? 'purple' : 'cyan'}>{t(`exchangeConsole.access.${access}`)}</Tag>
  );
}

/** 共享方式 of a grant, labelled as the catalog labels it. */
export function MethodTag({ method }: { method: GrantMethod }) {
  const t = useT();
  return <Tag>{codeLabel(t, 'sharingMethod', method)}</Tag>;
}

/** Whether the gateway serves an API now, and whether the provider disabled it. */
export function ServedTag({ served, status }: { served: boolean; status: 'active' | 'disabled' }) {
  const t = useT();
  if (status === 'disabled')
    return (
      <Tag data-testid="api-served" data-served="false">
        {t('exchangeConsole.api.disabled')}
      </Tag>
    );
  return served ? (
    <Tag color="success" data-testid="api-served" data-served="true">
      {t('exchangeConsole.api.served')}
    </Tag>
  ) : (
    <Tooltip title={t('exchangeConsole.api.notServedHint')}>
      <Tag color="warning" data-testid="api-served" data-served="false">
        {t('exchangeConsole.api.notServed')}
      </Tag>
    </Tooltip>
  );
}

/** A mask type's label in the UI language (from @shuyuan/contracts, which the server shares). */
export function useMaskLabel(): (mask: MaskType) => string {
  const { lang } = useLang();
  return (mask) => maskLabels[mask][lang === 'zh' ? 0 : 1];
}

/** Select options of every mask type. */
export function useMaskOptions(): { value: MaskType; label: string }[] {
  const label = useMaskLabel();
  return MaskType.options.map((value) => ({ value, label: label(value) }));
}

/** The mask the gateway applies when a grant names none: the field's own, or redaction for a sensitive field. */
export function defaultMask(field: Pick<ExchangeApiField, 'mask' | 'sensitive'>): MaskType {
  return effectiveMask({ sensitive: field.sensitive, fieldDefault: field.mask, grantMask: undefined });
}
