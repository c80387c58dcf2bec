import { catalogCodes, type CatalogCodeList } from '@shuyuan/contracts';
import type { Translate } from '@/i18n/lang-provider';
import { messages, type MessageKey } from '@/i18n/messages';

/** The label of a code value in the UI language: 中文 from `catalogCodes`, English from our messages; the value itself when unknown. */
export function codeLabel(t: Translate, list: CatalogCodeList, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `code.${list}.${value}`;
  return key in messages.zh ? t(key as MessageKey) : value;
}

/** Select options of a code list: the label shown, the semantic value sent. */
export function codeOptions(t: Translate, list: CatalogCodeList): { value: string; label: string }[] {
  return Object.keys(catalogCodes[list]).map((value) => ({ value, label: codeLabel(t, list, value) }));
}

/** The tag colour of an entry status. */
export const entryStatusColor: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  published: 'success',
  change_review: 'warning',
  retire_review: 'warning',
  retired: 'default',
};

/** The tag colour of a mount status. */
export const mountStatusColor: Record<string, string> = {
  unmounted: 'default',
  in_review: 'processing',
  returned: 'error',
  mounted: 'success',
  change_in_review: 'warning',
};

/** The label of a lifecycle step on the timeline; the raw action when we do not know it yet. */
export function timelineActionLabel(t: Translate, action: string): string {
  const key = `catalog.timeline.${action}`;
  return key in messages.zh ? t(key as MessageKey) : action;
}
