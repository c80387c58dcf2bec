import { Form, Input, Modal, Select } from 'antd';
import { limits } from '@shuyuan/contracts';
import { useShowError } from '@/components/api-error';
import { useCreateToken } from '@/features/identity/use-tokens';
import { useT } from '@/i18n/lang-provider';

interface TokenForm {
  name: string;
  permissions?: string[];
  expiresInDays: number | 'never';
}

const expiryChoices = [7, 30, 90, 180, 366] as const;

/** Asks for a token's name, scope and lifetime, then creates it. */
export function TokenCreateModal({
  open,
  permissions,
  onClose,
  onCreated,
}: {
  open: boolean;
  permissions: string[];
  onClose: () => void;
  onCreated: (name: string, token: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<TokenForm>();
  const create = useCreateToken();
  const showError = useShowError();

  const onOk = async () => {
    // Invalid fields show their own messages; there is nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const result = await create.mutateAsync({
        name: values.name.trim(),
        permissions: values.permissions?.length ? values.permissions : undefined,
        expiresInDays: values.expiresInDays === 'never' ? undefined : values.expiresInDays,
      });
      onCreated(result.item.name, result.token);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('token.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okText={t('token.createOk')}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<TokenForm> form={form} layout="vertical" initialValues={{ expiresInDays: 90 }}>
        <Form.Item
          name="name"
          label={t('token.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: limits.tokenNameMax, message: t('validation.max', { max: limits.tokenNameMax }) },
          ]}
        >
          <Input maxLength={limits.tokenNameMax} placeholder={t('token.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="permissions" label={t('token.permissions')} extra={t('token.permissionsHint')}>
          <Select
            mode="multiple"
            allowClear
            options={permissions.map((p) => ({ value: p, label: p }))}
            placeholder={t('token.allPermissions')}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('token.expiresIn')}>
          <Select
            options={[
              ...expiryChoices.map((days) => ({ value: days, label: t('token.days', { days }) })),
              { value: 'never', label: t('token.never') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
