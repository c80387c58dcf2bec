import type { Department } from '@/features/identity/identity-types';

/** A department with its children, as Tree and TreeSelect want it. */
export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/**
 * Builds the forest from the flat list. A department whose parent the caller cannot see becomes a
 * root, so a department-scoped user still gets a tree of their own subtree.
 */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  for (const department of departments) {
    nodes.set(department.id, { key: department.id, value: department.id, title: department.name, department, children: [] });
  }
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const bySortOrder = (a: DepartmentNode, b: DepartmentNode) =>
    a.department.sortOrder - b.department.sortOrder || a.department.name.localeCompare(b.department.name, 'zh-CN');
  const sortDeep = (list: DepartmentNode[]) => {
    list.sort(bySortOrder);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}

/** Keeps the nodes whose name, short name or codes contain the text, with their ancestors. */
export function filterDepartmentTree(nodes: readonly DepartmentNode[], text: string): DepartmentNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...nodes];
  const matches = (d: Department) =>
    [d.name, d.shortName ?? '', d.divisionCode, d.agencyCode].some((value) => value.toLowerCase().includes(needle));
  const result: DepartmentNode[] = [];
  for (const node of nodes) {
    const children = filterDepartmentTree(node.children, needle);
    if (matches(node.department) || children.length > 0) result.push({ ...node, children });
  }
  return result;
}

/** Every key of a tree, for expanding it all. */
export function allKeys(nodes: readonly DepartmentNode[]): string[] {
  return nodes.flatMap((node) => [node.key, ...allKeys(node.children)]);
}

/** The ids of a department and everything below it. */
export function subtreeIds(departments: readonly Department[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && ids.has(d.parentId) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return ids;
}
