import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission, SystemStatus } from '@shuyuan/contracts';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import type { InfoSystem } from '@/features/catalog/catalog-types';
import { useDeleteSystem, useSystems, type SystemQuery } from '@/features/catalog/use-catalog-systems';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';
import { SystemFormModal, type SystemFormTarget } from '@/portals/console/system-form-modal';

const statusColor: Record<string, string> = { planned: 'default', building: 'processing', running: 'success', retired: 'default' };

/** 信息系统: the registry of government information systems that catalog entries link to (目录—数据—系统). */
export function CatalogSystemsPage() {
  const t = useT();
  const can = useCan();
  const canManage = can(Permission.SystemManage);
  const { message } = App.useApp();
  const showError = useShowError();
  const [query, setQuery] = useState<SystemQuery>({});
  const systems = useSystems(query);
  const remove = useDeleteSystem();
  const [target, setTarget] = useState<SystemFormTarget | null>(null);
  const statusLabel = (status: string) => t(`catalog.system.status.${status}` as MessageKey);
  const filtered = Object.values(query).some(Boolean);

  return (
    <Card
      title={t('console.menu.catalogSystems')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="system-create">
            {t('catalog.system.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('catalog.system.searchPlaceholder')}
          onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim() || undefined }))}
          style={{ width: 240 }}
        />
        {can(Permission.DepartmentRead) && (
          <DepartmentTreeSelect
            placeholder={t('user.filterDepartment')}
            value={query.departmentId}
            onChange={(departmentId) => setQuery((current) => ({ ...current, departmentId }))}
            style={{ width: 240 }}
          />
        )}
        <Select
          allowClear
          placeholder={t('user.filterStatus')}
          value={query.status}
          onChange={(status?: InfoSystem['status']) => setQuery((current) => ({ ...current, status }))}
          options={SystemStatus.options.map((value) => ({ value, label: statusLabel(value) }))}
          style={{ width: 160 }}
        />
      </Flex>
      <Table<InfoSystem>
        rowKey="id"
        size="middle"
        loading={systems.isFetching}
        dataSource={systems.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{
          emptyText: systems.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(systems.error, t)} />
          ) : (
            <Empty
              description={filtered ? t('catalog.system.noMatch') : canManage ? t('catalog.system.emptyManage') : t('catalog.system.empty')}
            />
          ),
        }}
        columns={[
          { title: t('catalog.system.name'), dataIndex: 'name', render: (name: string) => <span data-testid="system-row">{name}</span> },
          { title: t('catalog.field.department'), dataIndex: 'departmentName' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag color={statusColor[status]}>{statusLabel(status)}</Tag>,
          },
          {
            title: t('catalog.system.onGovCloud'),
            dataIndex: 'onGovCloud',
            render: (on: boolean) => (on ? t('catalog.yes') : t('catalog.no')),
          },
          { title: t('catalog.system.entryCount'), dataIndex: 'entryCount' },
          { title: t('common.description'), dataIndex: 'description', ellipsis: true, render: (text: string) => text || '—' },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, system: InfoSystem) => (
                    <Flex gap={0} wrap>
                      <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', system })}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={
                          system.entryCount > 0
                            ? t('catalog.system.deleteLinked', { count: system.entryCount })
                            : t('catalog.system.deleteConfirm', { name: system.name })
                        }
                        okButtonProps={{ danger: true, disabled: system.entryCount > 0 }}
                        onConfirm={() =>
                          remove.mutateAsync(system.id).then(
                            () => void message.success(t('common.deleted')),
                            (error: unknown) => showError(error),
                          )
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SystemFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
