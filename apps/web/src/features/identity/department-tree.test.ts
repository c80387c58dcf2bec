import { describe, expect, it } from 'vitest';
import { allKeys, buildDepartmentTree, filterDepartmentTree, subtreeIds } from './department-tree';
import type { Department } from './identity-types';

function department(id: string, parentId: string | null, name: string, sortOrder = 0): Department {
  return {
    id,
    parentId,
    name,
    shortName: null,
    level: 'province',
    divisionCode: '320000',
    agencyCode: '11320000MB0000000X',
    sortOrder,
    version: 1,
    createdAt: '',
    updatedAt: '',
  };
}

const list = [
  department('gat', 'sjj', '江苏省公安厅', 2),
  department('sjj', null, '江苏省数据局'),
  department('nj', 'sjj', '南京市数据局', 1),
  department('njgaj', 'nj', '南京市公安局'),
  department('orphan', 'invisible', '无锡市数据局'),
];

describe('buildDepartmentTree', () => {
  it('nests by parent, orders by sort order, and makes a department with an unseen parent a root', () => {
    const tree = buildDepartmentTree(list);
    expect(tree.map((n) => n.key)).toEqual(['sjj', 'orphan']);
    expect(tree[0]?.children.map((n) => n.key)).toEqual(['nj', 'gat']);
    expect(tree[0]?.children[0]?.children.map((n) => n.key)).toEqual(['njgaj']);
  });
});

describe('filterDepartmentTree', () => {
  it('keeps matches with their ancestors', () => {
    const filtered = filterDepartmentTree(buildDepartmentTree(list), '公安');
    expect(allKeys(filtered)).toEqual(['sjj', 'nj', 'njgaj', 'gat']);
  });

  it('keeps everything for an empty search', () => {
    expect(allKeys(filterDepartmentTree(buildDepartmentTree(list), '  '))).toHaveLength(list.length);
  });
});

describe('subtreeIds', () => {
  it('holds a department and all below it', () => {
    expect([...subtreeIds(list, 'nj')].sort()).toEqual(['nj', 'njgaj']);
  });
});
