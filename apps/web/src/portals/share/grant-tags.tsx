import { Flex, Tag, Tooltip } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { maskLabels, type MaskType } from '@shuyuan/contracts';
import dayjs from 'dayjs';
import { effectiveMask, type ExchangeApi, type Grant, type GrantState } from '@/features/exchange/use-exchange';
import { useLang, useT, type Translate } from '@/i18n/lang-provider';

const STATE_COLORS: Record<GrantState, string> = { pending: 'blue', active: 'green', expired: 'orange', revoked: 'red' };

/** A grant's state as a coloured tag. */
export function GrantStateTag({ state }: { state: GrantState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="grant-state" data-state={state}>
      {t(`shareGrant.state.${state}`)}
    </Tag>
  );
}

/** The label of a mask type in the current language. */
export function useMaskLabel(): (mask: MaskType) => string {
  const { lang } = useLang();
  return (mask) => maskLabels[mask][lang === 'en' ? 1 : 0];
}

/** A grant's validity as `YYYY-MM-DD ~ YYYY-MM-DD`, or to the minute (the end itself is no longer valid). */
export function validityText(grant: Pick<Grant, 'validFrom' | 'validTo'>, format = 'YYYY-MM-DD'): string {
  return `${dayjs(grant.validFrom).format(format)} ~ ${dayjs(grant.validTo).format(format)}`;
}

/** A grant's quotas, e.g. `每日 10,000 次 · 每秒 50 次`. */
export function quotaText(grant: Pick<Grant, 'callsPerDay' | 'callsPerSecond'>, t: Translate): string {
  const parts = [
    grant.callsPerDay !== null && t('shareGrant.quota.perDay', { count: grant.callsPerDay.toLocaleString() }),
    grant.callsPerSecond !== null && t('shareGrant.quota.perSecond', { count: grant.callsPerSecond.toLocaleString() }),
  ].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : t('shareGrant.quota.none');
}

/**
 * The fields a grant gives, each with its label and, when it comes masked, how. Without the API (not served
 * now) only the grant's own masks are known.
 */
export function GrantFieldTags({ grant, api }: { grant: Grant; api: ExchangeApi | undefined }) {
  const t = useT();
  const maskLabel = useMaskLabel();
  const byName = new Map(api?.fields.map((f) => [f.name, f]));
  return (
    <Flex gap={4} wrap data-testid="grant-fields">
      {grant.fields.map((name) => {
        const field = byName.get(name);
        const mask = field ? effectiveMask(field, grant) : (grant.masks[name] ?? null);
        const label = field?.label ?? name;
        if (!mask || mask === 'none')
          return (
            <Tooltip key={name} title={name}>
              <Tag style={{ marginInlineEnd: 0 }}>{label}</Tag>
            </Tooltip>
          );
        return (
          <Tooltip key={name} title={t('shareGrant.maskedTip', { field: name, mask: maskLabel(mask) })}>
            <Tag
              color="orange"
              icon={<EyeInvisibleOutlined />}
              style={{ marginInlineEnd: 0 }}
              data-testid={`masked-${name}`}
              data-mask={mask}
            >
              {label} · {maskLabel(mask)}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
