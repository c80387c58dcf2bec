import { useEffect } from 'react';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import { limits } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import type { PermissionInfo, Role } from '@/features/identity/identity-types';
import { useCreateRole, useUpdateRole, type RoleUpdateInput } from '@/features/identity/use-roles';
import { useT } from '@/i18n/lang-provider';
import { PermissionChecklist } from '@/portals/console/permission-checklist';

/** Create a custom role or edit one. */
export type RoleFormTarget = { mode: 'create' } | { mode: 'edit'; role: Role };

interface RoleForm {
  code: string;
  nameZh: string;
  nameEn: string;
  description?: string;
  permissions: string[];
}

const CODE_PATTERN = /^[a-z][a-z0-9_]{2,47}$/;
const NAME_MAX = 64;

function changedFields(role: Role, values: RoleForm): Omit<RoleUpdateInput, 'id' | 'version'> {
  const changes: Omit<RoleUpdateInput, 'id' | 'version'> = {};
  if (values.nameZh.trim() !== role.nameZh) changes.nameZh = values.nameZh.trim();
  if (values.nameEn.trim() !== role.nameEn) changes.nameEn = values.nameEn.trim();
  if ((values.description ?? '') !== role.description) changes.description = values.description ?? '';
  const before = [...role.permissions].sort().join(',');
  if ([...values.permissions].sort().join(',') !== before) changes.permissions = values.permissions;
  return changes;
}

/** The role form: code (on create), names in both languages, description and permissions. */
export function RoleFormModal({
  target,
  permissions,
  onClose,
}: {
  target: RoleFormTarget | null;
  permissions: PermissionInfo[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleForm>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.role : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { code, nameZh, nameEn, description, permissions: granted } = target.role;
      form.setFieldsValue({ code, nameZh, nameEn, description, permissions: granted });
    }
  }, [target, form]);

  const onOk = async () => {
    // Invalid fields show their own messages; there is nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      if (editing) {
        const changes = changedFields(editing, values);
        if (Object.keys(changes).length > 0) await update.mutateAsync({ id: editing.id, version: editing.version, ...changes });
      } else {
        await create.mutateAsync({
          code: values.code,
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          description: values.description || undefined,
          permissions: values.permissions,
        });
      }
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      showError(error);
      // The list has reloaded; reopening the form picks up the new version.
      if (isVersionConflict(error)) onClose();
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('role.edit', { code: editing.code }) : t('role.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      width={720}
      styles={{ body: { maxHeight: '65vh', overflowY: 'auto' } }}
    >
      <Form<RoleForm> form={form} layout="vertical" initialValues={{ permissions: [] }}>
        <Form.Item
          name="code"
          label={t('role.code')}
          extra={editing ? undefined : t('role.codeHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: CODE_PATTERN, message: t('role.codePattern') },
          ]}
        >
          <Input disabled={editing !== null} maxLength={48} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameZh"
              label={t('role.nameZh')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: NAME_MAX, message: t('validation.max', { max: NAME_MAX }) },
              ]}
            >
              <Input maxLength={NAME_MAX} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameEn"
              label={t('role.nameEn')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: NAME_MAX, message: t('validation.max', { max: NAME_MAX }) },
              ]}
            >
              <Input maxLength={NAME_MAX} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[{ max: limits.descriptionMax, message: t('validation.max', { max: limits.descriptionMax }) }]}
        >
          <Input.TextArea maxLength={limits.descriptionMax} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="permissions" label={t('role.permissions')}>
          <PermissionChecklist permissions={permissions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
