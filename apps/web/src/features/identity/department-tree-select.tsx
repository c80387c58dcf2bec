import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { buildDepartmentTree, type DepartmentNode } from '@/features/identity/department-tree';
import { useDepartments } from '@/features/identity/use-departments';

interface DepartmentTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Departments that may not be chosen (a department's own subtree when moving it). */
  excludeIds?: ReadonlySet<string>;
  style?: CSSProperties;
  id?: string;
}

function markDisabled(nodes: DepartmentNode[], excluded: ReadonlySet<string>): (DepartmentNode & { disabled: boolean })[] {
  return nodes.map((node) => ({ ...node, disabled: excluded.has(node.key), children: markDisabled(node.children, excluded) }));
}

/** Picks a department from the tree the caller may see, searchable by name. */
export function DepartmentTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  disabled,
  excludeIds,
  style,
  id,
}: DepartmentTreeSelectProps) {
  const { data: departments, isPending } = useDepartments();
  const treeData = useMemo(() => markDisabled(buildDepartmentTree(departments ?? []), excludeIds ?? new Set()), [departments, excludeIds]);

  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={(departments?.length ?? 0) < 60}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, ...style }}
    />
  );
}
