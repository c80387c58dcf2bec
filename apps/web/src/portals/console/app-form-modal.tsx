import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { limits } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import type { ClientApp, NewAppSecret } from '@/features/identity/identity-types';
import { useCreateApp, useUpdateApp, type AppUpdateInput } from '@/features/identity/use-apps';
import { useT } from '@/i18n/lang-provider';

/** Create an application or edit one. */
export type AppFormTarget = { mode: 'create'; departmentId?: string } | { mode: 'edit'; app: ClientApp };

interface AppForm {
  departmentId: string;
  name: string;
  description?: string;
  status: 'active' | 'disabled';
}

const NAME_MIN = 2;

/** The application form; creating answers with the AppKey and first secret, which the caller shows once. */
export function AppFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: AppFormTarget | null;
  onClose: () => void;
  onCreated: (app: ClientApp, secret: NewAppSecret) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppForm>();
  const create = useCreateApp();
  const update = useUpdateApp();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.app : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { departmentId, name, description, status } = target.app;
      form.setFieldsValue({ departmentId, name, description, status });
    } else if (target.departmentId) {
      form.setFieldsValue({ departmentId: target.departmentId });
    }
  }, [target, form]);

  const onOk = async () => {
    // Invalid fields show their own messages; there is nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const name = values.name.trim();
    const description = values.description ?? '';
    try {
      if (editing) {
        const changes: Omit<AppUpdateInput, 'id' | 'version'> = {};
        if (name !== editing.name) changes.name = name;
        if (description !== editing.description) changes.description = description;
        if (values.status !== editing.status) changes.status = values.status;
        if (Object.keys(changes).length > 0) await update.mutateAsync({ id: editing.id, version: editing.version, ...changes });
        void message.success(t('common.saved'));
        onClose();
      } else {
        const result = await create.mutateAsync({ departmentId: values.departmentId, name, description: description || undefined });
        onCreated(result.app, result.secret);
      }
    } catch (error) {
      showError(error);
      // The list has reloaded; reopening the form picks up the new version.
      if (isVersionConflict(error)) onClose();
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('app.edit', { name: editing.name }) : t('app.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<AppForm> form={form} layout="vertical" initialValues={{ status: 'active' }}>
        <Form.Item
          name="departmentId"
          label={t('app.department')}
          extra={editing ? undefined : t('app.departmentHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DepartmentTreeSelect disabled={editing !== null} allowClear={false} placeholder={t('user.departmentPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('app.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: NAME_MIN, message: t('validation.min', { min: NAME_MIN }) },
            { max: limits.appNameMax, message: t('validation.max', { max: limits.appNameMax }) },
          ]}
        >
          <Input maxLength={limits.appNameMax} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[{ max: limits.descriptionMax, message: t('validation.max', { max: limits.descriptionMax }) }]}
        >
          <Input.TextArea maxLength={limits.descriptionMax} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('common.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('app.status.active') },
                { value: 'disabled', label: t('app.status.disabled') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
