import type { CatalogCodeList } from '@shuyuan/contracts';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { FieldChange } from '@/features/catalog/catalog-types';
import type { Translate } from '@/i18n/lang-provider';
import { messages, type MessageKey } from '@/i18n/messages';

/** One difference as a table row: what changed, from what, to what. */
export interface ChangeRow {
  key: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
}

/** The code list of each coded content field. */
export const contentCodeLists: Partial<Record<string, CatalogCodeList>> = {
  resourceAttribute: 'resourceAttribute',
  domain: 'dataDomain',
  dataLevel: 'dataLevel',
  areaRange: 'areaRange',
  processingDegree: 'processingDegree',
  channel: 'channel',
  scenario: 'scenario',
  formatClass: 'formatClass',
  sharingType: 'sharingType',
  sharingMethods: 'sharingMethod',
  openType: 'openType',
  updateCycle: 'updateCycle',
  dataType: 'itemDataType',
};

const itemProps = new Set(['name', 'nameEn', 'dataType', 'length', 'precision', 'description', 'primaryKey', 'timestamp', 'sensitive']);

const labelOr = (t: Translate, key: string, fallback: string) => (key in messages.zh ? t(key as MessageKey) : fallback);

/** The label of a content field (`summary` → 资源摘要); the name itself for a field we do not know. */
export function fieldLabel(t: Translate, field: string): string {
  return labelOr(t, `catalog.field.${field}`, field);
}

/** The label of a data item property (`length` → 长度). */
export function itemPropLabel(t: Translate, prop: string): string {
  return labelOr(t, `catalog.item.${prop}`, prop);
}

/** A value as text: code values by their label, yes and no, lists joined, a data item by its name and type. */
export function formatValue(t: Translate, field: string, value: unknown, systemName?: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('catalog.yes') : t('catalog.no');
  const list = contentCodeLists[field];
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => formatValue(t, field, v, systemName)).join(t('catalog.listSeparator'));
  }
  if (typeof value === 'object') {
    const item = value as { name?: string; dataType?: string; length?: number | null };
    const type = item.dataType ? codeLabel(t, 'itemDataType', item.dataType) : '';
    return `${item.name ?? ''}（${type}${item.length ? ` ${item.length}` : ''}）`;
  }
  const text = String(value);
  if (list) return codeLabel(t, list, text);
  if (field === 'systemIds' && systemName) return systemName(text);
  return text;
}

/**
 * The server's field changes as rows: `summary`, `items.<name>` (an item added or removed) and
 * `items.<name>.<property>` (one property of an item).
 */
export function describeChanges(t: Translate, changes: readonly FieldChange[], systemName?: (id: string) => string): ChangeRow[] {
  return changes.map((change) => {
    const kind = change.before == null ? 'added' : change.after == null ? 'removed' : 'changed';
    let label = fieldLabel(t, change.field);
    let valueField = change.field;
    if (change.field.startsWith('items.')) {
      const rest = change.field.slice('items.'.length);
      const dot = rest.lastIndexOf('.');
      const prop = dot > 0 ? rest.slice(dot + 1) : '';
      if (prop && itemProps.has(prop)) {
        label = t('catalog.diff.itemProp', { name: rest.slice(0, dot), prop: itemPropLabel(t, prop) });
        valueField = prop;
      } else {
        label = t('catalog.diff.item', { name: rest });
        valueField = 'item';
      }
    }
    return {
      key: change.field,
      label,
      kind,
      before: formatValue(t, valueField, change.before, systemName),
      after: formatValue(t, valueField, change.after, systemName),
    };
  });
}
