import { useEffect } from 'react';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { SystemStatus } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import type { InfoSystem } from '@/features/catalog/catalog-types';
import { useCreateSystem, useUpdateSystem } from '@/features/catalog/use-catalog-systems';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/** Register a system, or edit one. */
export type SystemFormTarget = { mode: 'create' } | { mode: 'edit'; system: InfoSystem };

interface SystemForm {
  departmentId?: string;
  name: string;
  status: InfoSystem['status'];
  onGovCloud: boolean;
  description?: string;
}

const NAME_MIN = 2;
const NAME_MAX = 100;
const DESCRIPTION_MAX = 1000;

/** The systems registry form: name, department, construction status, whether it runs on the government cloud. */
export function SystemFormModal({ target, onClose }: { target: SystemFormTarget | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SystemForm>();
  const create = useCreateSystem();
  const update = useUpdateSystem();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.system : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { departmentId, name, status, onGovCloud, description } = target.system;
      form.setFieldsValue({ departmentId, name, status, onGovCloud, description });
    } else form.setFieldsValue({ status: 'running', onGovCloud: false });
  }, [target, form]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const fields = {
      name: values.name.trim(),
      status: values.status,
      onGovCloud: values.onGovCloud,
      description: values.description?.trim() ?? '',
    };
    try {
      if (editing) await update.mutateAsync({ id: editing.id, version: editing.version, ...fields });
      else await create.mutateAsync({ ...fields, departmentId: values.departmentId || undefined });
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
      title={editing ? t('catalog.system.edit') : t('catalog.system.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      width={600}
    >
      <Form<SystemForm> form={form} layout="vertical">
        {!editing && (
          <Form.Item name="departmentId" label={t('catalog.field.department')} extra={t('catalog.system.departmentHint')}>
            <DepartmentTreeSelect placeholder={t('catalog.system.ownDepartment')} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('catalog.system.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: NAME_MIN, message: t('validation.min', { min: NAME_MIN }) },
          ]}
        >
          <Input maxLength={NAME_MAX} showCount data-testid="system-name" />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={SystemStatus.options.map((value) => ({ value, label: t(`catalog.system.status.${value}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="onGovCloud" label={t('catalog.system.onGovCloud')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="description" label={t('common.description')}>
          <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
