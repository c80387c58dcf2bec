import { describe, expect, it } from 'vitest';
import type { CatalogItemInput } from '@shuyuan/contracts';
import { compareColumns, type MountColumn } from './mount-diff';

const item = (name: string, nameEn: string | null, dataType: CatalogItemInput['dataType']): CatalogItemInput => ({
  name,
  nameEn,
  dataType,
  length: dataType === 'char' ? 50 : null,
  primaryKey: false,
  timestamp: false,
  sensitive: false,
});

const columns: MountColumn[] = [
  { name: 'ID_NUMBER', normalizedType: 'char', dataType: 'character(18)' },
  { name: 'birth_date', normalizedType: 'date' },
  { name: 'amount', normalizedType: 'decimal' },
  { name: '备注', normalizedType: 'text' },
  { name: 'internal_flag', normalizedType: 'bool' },
];

describe('compareColumns', () => {
  it('matches items by English name (any case), then Chinese name, and lists extra columns', () => {
    const diff = compareColumns(
      [item('身份证号', 'id_number', 'char'), item('出生日期', 'birth_date', 'date'), item('备注', null, 'text')],
      columns,
    );
    expect(diff.matched.map((m) => [m.item, m.column])).toEqual([
      ['身份证号', 'ID_NUMBER'],
      ['出生日期', 'birth_date'],
      ['备注', '备注'],
    ]);
    expect(diff.extra.map((e) => e.column)).toEqual(['amount', 'internal_flag']);
    expect(diff.covers).toBe(true);
  });

  it('does not cover an entry when an item has no column or a column of another kind', () => {
    const diff = compareColumns(
      [item('身份证号', 'id_number', 'char'), item('金额', 'amount', 'date'), item('电话', 'phone', 'char')],
      columns,
    );
    expect(diff.missing).toEqual([{ item: '电话', expected: 'phone' }]);
    expect(diff.typeMismatch).toEqual([{ item: '金额', column: 'amount', itemType: 'date', columnType: 'decimal' }]);
    expect(diff.covers).toBe(false);
  });

  it('follows an explicit mapping before the names', () => {
    const diff = compareColumns([item('电话', 'phone', 'text')], columns, { 电话: '备注' });
    expect(diff.matched).toEqual([{ item: '电话', column: '备注', itemType: 'text', columnType: 'text' }]);
    expect(diff.covers).toBe(true);
  });
});
