import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Input, Row, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { LoadFailedResult } from '@/components/status-results';
import { allKeys, buildDepartmentTree, filterDepartmentTree, type DepartmentNode } from '@/features/identity/department-tree';
import { useDepartments } from '@/features/identity/use-departments';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { DepartmentDetail } from '@/portals/console/department-detail';
import { DepartmentFormModal, type DepartmentFormTarget } from '@/portals/console/department-form-modal';

/** Shows the matching part of a name in bold while searching. */
function highlight(text: string, needle: string) {
  const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <Typography.Text mark>{text.slice(at, at + needle.length)}</Typography.Text>
      {text.slice(at + needle.length)}
    </>
  );
}

/** 部门管理: the department tree, a search box, the selected department and its editing. */
export function DepartmentsPage() {
  const t = useT();
  const can = useCan();
  const canManage = can(Permission.DepartmentManage);
  const departments = useDepartments();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [formTarget, setFormTarget] = useState<DepartmentFormTarget | null>(null);

  const list = useMemo(() => departments.data ?? [], [departments.data]);
  const byId = useMemo(() => new Map(list.map((d) => [d.id, d])), [list]);
  const tree = useMemo(() => buildDepartmentTree(list), [list]);
  const visible = useMemo(() => filterDepartmentTree(tree, search), [tree, search]);
  // By default the first two levels are open; while searching, every match is.
  const defaultExpanded = useMemo(() => [...tree.map((n) => n.key), ...tree.flatMap((n) => n.children.map((c) => c.key))], [tree]);
  const expandedKeys = search.trim() ? allKeys(visible) : (expanded ?? defaultExpanded);

  if (departments.error) return <LoadFailedResult message={errorText(departments.error, t)} onRetry={() => void departments.refetch()} />;

  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const parent = selected?.parentId ? (byId.get(selected.parentId) ?? null) : null;
  const childCount = selected ? list.filter((d) => d.parentId === selected.id).length : 0;

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card
            title={t('console.menu.departments')}
            extra={
              canManage && (
                <Button
                  type="primary"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setFormTarget({ mode: 'create', parent: null })}
                  data-testid="department-create-root"
                >
                  {t('department.createRoot')}
                </Button>
              )
            }
          >
            <Input.Search
              allowClear
              placeholder={t('department.searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="department-search"
            />
            {departments.isPending ? (
              <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
            ) : visible.length === 0 ? (
              <Empty description={search ? t('department.noMatch') : canManage ? t('department.emptyManage') : t('department.empty')} />
            ) : (
              <Tree<DepartmentNode>
                blockNode
                height={560}
                treeData={visible}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys[0] ? String(keys[0]) : null)}
                titleRender={(node) => <span data-testid="department-node">{highlight(node.department.name, search.trim())}</span>}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <DepartmentDetail
            department={selected}
            parent={parent}
            childCount={childCount}
            canManage={canManage}
            onCreateChild={(p) => setFormTarget({ mode: 'create', parent: p })}
            onEdit={(d) => setFormTarget({ mode: 'edit', department: d })}
            onDeleted={() => setSelectedId(selected?.parentId ?? null)}
          />
        </Col>
      </Row>
      <DepartmentFormModal
        target={formTarget}
        departments={list}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setFormTarget(null);
          setSelectedId(saved.id);
          if (saved.parentId) setExpanded((keys) => [...new Set([...(keys ?? defaultExpanded), saved.parentId!])]);
        }}
      />
    </>
  );
}
