import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import type { Department } from '@/features/identity/identity-types';
import { useDeleteDepartment } from '@/features/identity/use-departments';
import { useT } from '@/i18n/lang-provider';

interface DepartmentDetailProps {
  department: Department | null;
  parent: Department | null;
  childCount: number;
  canManage: boolean;
  onCreateChild: (parent: Department) => void;
  onEdit: (department: Department) => void;
  onDeleted: () => void;
}

/** The selected department's details, with create-child, edit and delete for managers. */
export function DepartmentDetail({ department, parent, childCount, canManage, onCreateChild, onEdit, onDeleted }: DepartmentDetailProps) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const remove = useDeleteDepartment();

  if (!department) {
    return (
      <Card title={t('department.detail')}>
        <Empty description={t('department.selectHint')} />
      </Card>
    );
  }

  const actions = canManage && (
    <Flex gap={8} wrap>
      <Button icon={<PlusOutlined />} onClick={() => onCreateChild(department)} data-testid="department-create-child">
        {t('department.createChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit(department)} data-testid="department-edit">
        {t('common.edit')}
      </Button>
      <Tooltip title={childCount > 0 ? t('department.deleteHasChildren') : undefined}>
        <Popconfirm
          title={t('department.deleteConfirm', { name: department.name })}
          okButtonProps={{ danger: true }}
          disabled={childCount > 0}
          onConfirm={() =>
            remove.mutateAsync(department.id).then(
              () => {
                void message.success(t('common.deleted'));
                onDeleted();
              },
              (error: unknown) => showError(error),
            )
          }
        >
          <Button danger icon={<DeleteOutlined />} disabled={childCount > 0} loading={remove.isPending} data-testid="department-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Tooltip>
    </Flex>
  );

  return (
    <Card title={department.name} extra={actions}>
      <Descriptions
        column={{ xs: 1, lg: 2 }}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('department.name'), children: department.name, span: 2 },
          { key: 'shortName', label: t('department.shortName'), children: department.shortName ?? '—' },
          { key: 'level', label: t('department.level'), children: t(`level.${department.level}`) },
          { key: 'divisionCode', label: t('department.divisionCode'), children: department.divisionCode },
          {
            key: 'agencyCode',
            label: t('department.agencyCode'),
            children: <span style={{ fontFamily: 'monospace' }}>{department.agencyCode}</span>,
          },
          { key: 'parent', label: t('department.parent'), children: parent?.name ?? t('department.noParent') },
          { key: 'children', label: t('department.childCount'), children: childCount },
          { key: 'sortOrder', label: t('department.sortOrder'), children: department.sortOrder },
          { key: 'version', label: t('common.version'), children: department.version },
          { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(department.createdAt) },
          { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(department.updatedAt) },
        ]}
      />
    </Card>
  );
}
