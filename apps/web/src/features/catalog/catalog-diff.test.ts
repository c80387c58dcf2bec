import { describe, expect, it } from 'vitest';
import { describeChanges } from '@/features/catalog/catalog-diff';
import { zhT } from '@/features/catalog/catalog-test-helpers';

describe('describeChanges', () => {
  it('labels fields and data items and shows values by their labels', () => {
    const rows = describeChanges(zhT, [
      { field: 'summary', before: '旧摘要', after: '新摘要' },
      { field: 'sharingType', before: 'unconditional', after: 'conditional' },
      { field: 'sharingMethods', before: ['api'], after: ['api', 'table'] },
      { field: 'eLicence', before: false, after: true },
      { field: 'items.姓名', before: null, after: { name: '姓名', dataType: 'char', length: 50 } },
      { field: 'items.a.b.length', before: 18, after: 20 },
      { field: 'items.出生日期.dataType', before: 'char', after: 'date' },
      { field: 'items.曾用名', before: { name: '曾用名', dataType: 'text' }, after: null },
    ]);
    expect(rows.map(({ label, kind, before, after }) => [label, kind, before, after])).toEqual([
      ['资源摘要', 'changed', '旧摘要', '新摘要'],
      ['共享属性', 'changed', '无条件共享', '有条件共享'],
      ['共享方式', 'changed', '接口', '接口、库表'],
      ['电子证照', 'changed', '否', '是'],
      ['信息项“姓名”', 'added', '—', '姓名（字符型 50）'],
      ['信息项“a.b”的长度', 'changed', '18', '20'],
      ['信息项“出生日期”的数据类型', 'changed', '字符型', '日期型'],
      ['信息项“曾用名”', 'removed', '曾用名（文本型）', '—'],
    ]);
  });

  it('keeps a field it does not know by its name', () => {
    expect(describeChanges(zhT, [{ field: 'somethingNew', before: 1, after: 2 }])[0]).toMatchObject({ label: 'somethingNew', before: '1' });
  });
});
