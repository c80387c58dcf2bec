import type { CatalogEntryContent, CatalogItemInput } from '@shuyuan/contracts';

/** One difference between two versions of an entry's content. */
export interface FieldChange {
  /** A content field (`summary`), or a data item (`items.身份证号`, `items.身份证号.length`). */
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed from one content to another: every top-level field that differs, and data items
 * matched by name (added, removed, or each changed property).
 */
export function diffContent(before: CatalogEntryContent, after: CatalogEntryContent): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof CatalogEntryContent>;
  for (const key of keys) {
    if (key === 'items') continue;
    if (!same(before[key], after[key])) changes.push({ field: key, before: before[key] ?? null, after: after[key] ?? null });
  }
  const byName = (items: CatalogItemInput[]) => new Map(items.map((i) => [i.name, i]));
  const old = byName(before.items);
  const now = byName(after.items);
  for (const [name, item] of old) if (!now.has(name)) changes.push({ field: `items.${name}`, before: item, after: null });
  for (const [name, item] of now) {
    const previous = old.get(name);
    if (!previous) {
      changes.push({ field: `items.${name}`, before: null, after: item });
      continue;
    }
    const props = new Set([...Object.keys(previous), ...Object.keys(item)]) as Set<keyof CatalogItemInput>;
    for (const prop of props)
      if (!same(previous[prop], item[prop]))
        changes.push({ field: `items.${name}.${prop}`, before: previous[prop] ?? null, after: item[prop] ?? null });
  }
  return changes;
}
