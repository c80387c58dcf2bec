import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { limits, passwordPolicyViolation, type UserStatus } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import type { User, UserWithPassword } from '@/features/identity/identity-types';
import { useCreateUser, useUpdateUser, type UserUpdateInput } from '@/features/identity/use-users';
import { useT } from '@/i18n/lang-provider';

/** Create a user or edit one. */
export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface UserForm {
  login: string;
  displayName: string;
  departmentId: string;
  phone?: string;
  email?: string;
  roles: string[];
  status: UserStatus;
  initialPassword?: string;
}

const LOGIN_PATTERN = /^[a-zA-Z0-9._-]+$/;
const PHONE_PATTERN = /^1[3-9]\d{9}$/;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Only the fields that differ from the user as loaded. */
function changedFields(user: User, values: UserForm): Omit<UserUpdateInput, 'id' | 'version'> {
  const changes: Omit<UserUpdateInput, 'id' | 'version'> = {};
  const phone = values.phone?.trim() || null;
  const email = values.email?.trim() || null;
  if (values.displayName.trim() !== user.displayName) changes.displayName = values.displayName.trim();
  if (values.departmentId !== user.departmentId) changes.departmentId = values.departmentId;
  if (phone !== user.phone) changes.phone = phone;
  if (email !== user.email) changes.email = email;
  if (!sameSet(values.roles, user.roles)) changes.roles = values.roles;
  if (values.status !== user.status) changes.status = values.status;
  return changes;
}

/** The user form; creating answers with the initial password, which the caller shows once. */
export function UserFormModal({
  target,
  roleOptions,
  onClose,
  onCreated,
}: {
  target: UserFormTarget | null;
  roleOptions: { value: string; label: string }[];
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({
        login: u.login,
        displayName: u.displayName,
        departmentId: u.departmentId,
        phone: u.phone ?? '',
        email: u.email ?? '',
        roles: u.roles,
        status: u.status,
      });
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
        void message.success(t('common.saved'));
        onClose();
      } else {
        const result = await create.mutateAsync({
          login: values.login.trim(),
          displayName: values.displayName.trim(),
          departmentId: values.departmentId,
          phone: values.phone?.trim() || null,
          email: values.email?.trim() || null,
          roles: values.roles ?? [],
          initialPassword: values.initialPassword || undefined,
        });
        onCreated(result);
      }
    } catch (error) {
      showError(error);
      // The list has reloaded; reopening the form picks up the new version.
      if (isVersionConflict(error)) onClose();
    }
  };

  const passwordRule = {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (!value) return;
      const violation = passwordPolicyViolation(value, form.getFieldValue('login') as string | undefined);
      if (violation) throw new Error(t('user.initialPasswordWeak', { min: limits.passwordMin, classes: limits.passwordClassesMin }));
    },
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('user.edit', { login: editing.login }) : t('user.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      width={600}
    >
      <Form<UserForm> form={form} layout="vertical" initialValues={{ roles: [], status: 'active' }}>
        <Form.Item
          name="login"
          label={t('user.login')}
          extra={editing ? undefined : t('user.loginHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: limits.loginMin, message: t('validation.min', { min: limits.loginMin }) },
            { max: limits.loginMax, message: t('validation.max', { max: limits.loginMax }) },
            { pattern: LOGIN_PATTERN, message: t('user.loginPattern') },
          ]}
        >
          <Input disabled={editing !== null} maxLength={limits.loginMax} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: limits.displayNameMax, message: t('validation.max', { max: limits.displayNameMax }) },
          ]}
        >
          <Input maxLength={limits.displayNameMax} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('user.department')} rules={[{ required: true, message: t('validation.required') }]}>
          <DepartmentTreeSelect placeholder={t('user.departmentPlaceholder')} allowClear={false} />
        </Form.Item>
        <Form.Item name="phone" label={t('user.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('user.phoneInvalid') }]}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('user.email')}
          rules={[
            { type: 'email', message: t('user.emailInvalid') },
            { max: 128, message: t('validation.max', { max: 128 }) },
          ]}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')}>
          <Select mode="multiple" allowClear options={roleOptions} placeholder={t('user.rolesPlaceholder')} />
        </Form.Item>
        {editing ? (
          <Form.Item name="status" label={t('common.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('user.status.active') },
                { value: 'disabled', label: t('user.status.disabled') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="initialPassword"
            label={t('user.initialPassword')}
            extra={t('user.initialPasswordHint')}
            dependencies={['login']}
            rules={[passwordRule]}
          >
            <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
