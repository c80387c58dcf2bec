import type { CatalogItemInput, ItemDataType } from '@shuyuan/contracts';

/** A column of the resource being mounted, as the source's introspection describes it. */
export interface MountColumn {
  name: string;
  /** char, int, decimal, date, datetime, time, bool, text or other. */
  normalizedType: string;
  /** The type as the source names it (e.g. `character varying(18)`), for display. */
  dataType?: string;
  length?: number | null;
}

/** How each data item of an entry lines up with the resource's columns. */
export interface MountDiff {
  /** Items matched to a column of a compatible type. */
  matched: { item: string; column: string; itemType: ItemDataType; columnType: string }[];
  /** Items no column stands for: the mount does not cover the entry. */
  missing: { item: string; expected: string }[];
  /** Items whose column holds another kind of value. */
  typeMismatch: { item: string; column: string; itemType: ItemDataType; columnType: string }[];
  /** Columns no item describes (allowed: they are never shared). */
  extra: { column: string; columnType: string }[];
  /** True when every item is matched: the mount covers the entry. */
  covers: boolean;
}

/** Which normalised column types can hold the values of an item type. */
const compatible: Record<ItemDataType, readonly string[]> = {
  char: ['char', 'text'],
  text: ['text', 'char'],
  int: ['int'],
  decimal: ['decimal', 'int'],
  date: ['date', 'datetime'],
  datetime: ['datetime'],
  time: ['time'],
  bool: ['bool', 'int'],
  binary: ['other'],
  other: ['char', 'text', 'int', 'decimal', 'date', 'datetime', 'time', 'bool', 'other'],
};

const fold = (name: string) => name.trim().toLowerCase();

/**
 * Lines the entry's data items up with the resource's columns. An item matches the column the
 * mapping names for it, else the column named like its English name, else like its Chinese name
 * (case-insensitive). The mount covers the entry when every item has a column of a compatible type.
 */
export function compareColumns(
  items: readonly CatalogItemInput[],
  columns: readonly MountColumn[],
  mapping: Record<string, string> = {},
): MountDiff {
  const byName = new Map(columns.map((c) => [fold(c.name), c]));
  const used = new Set<string>();
  const diff: MountDiff = { matched: [], missing: [], typeMismatch: [], extra: [], covers: false };
  for (const item of items) {
    const wanted = mapping[item.name] ?? item.nameEn ?? item.name;
    const column = byName.get(fold(wanted)) ?? byName.get(fold(item.name));
    if (!column) {
      diff.missing.push({ item: item.name, expected: wanted });
      continue;
    }
    used.add(fold(column.name));
    const pair = { item: item.name, column: column.name, itemType: item.dataType, columnType: column.dataType ?? column.normalizedType };
    if (compatible[item.dataType].includes(column.normalizedType)) diff.matched.push(pair);
    else diff.typeMismatch.push(pair);
  }
  for (const column of columns)
    if (!used.has(fold(column.name))) diff.extra.push({ column: column.name, columnType: column.dataType ?? column.normalizedType });
  diff.covers = diff.missing.length === 0 && diff.typeMismatch.length === 0;
  return diff;
}
