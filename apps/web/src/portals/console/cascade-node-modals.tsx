import { useEffect } from 'react';
import { App, Button, Col, Form, Input, Modal, Radio, Row, Switch, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { isValidDivisionCode, isValidUscc } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import { CopyButton } from '@/components/copy-button';
import { httpUrlRule } from '@/components/url-rules';
import { randomSecret, useCreateNode, useUpdateNode, type CascadeNode, type CascadeNodeCreateInput } from '@/features/cascade/use-cascade';
import { useT, type Translate } from '@/i18n/lang-provider';

/** Limits of the node form; they mirror the server's `NodeCreate`, which keeps them to itself. */
const L = { nameMin: 2, nameMax: 50, urlMax: 500, secretMin: 16, secretMax: 200 } as const;
const KEY_PATTERN = /^[A-Za-z0-9_.-]{4,64}$/;

const urlRules = (t: Translate) => [
  { required: true, whitespace: true, message: t('validation.required') },
  httpUrlRule(t('cascade.baseUrlInvalid')),
  { max: L.urlMax, message: t('validation.max', { max: L.urlMax }) },
];

const secretRules = (t: Translate) => [
  { required: true, message: t('validation.required') },
  { min: L.secretMin, message: t('validation.min', { min: L.secretMin }) },
  { max: L.secretMax, message: t('validation.max', { max: L.secretMax }) },
];

/** The link secret: write-only, generated on demand, copied to give to the other bureau. */
function SecretField({ name, label }: { name: string; label: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const value = Form.useWatch<string | undefined>(name, form);
  return (
    <Form.Item label={label} required extra={t('cascade.secretHint')}>
      <Row gutter={8} wrap={false}>
        <Col flex="auto">
          <Form.Item name={name} noStyle rules={secretRules(t)}>
            <Input.Password autoComplete="new-password" maxLength={L.secretMax} data-testid="cascade-secret" />
          </Form.Item>
        </Col>
        <Col>
          <Button icon={<KeyOutlined />} onClick={() => form.setFieldValue(name, randomSecret())}>
            {t('cascade.secretGenerate')}
          </Button>
        </Col>
        {value && (
          <Col>
            <CopyButton text={value} />
          </Col>
        )}
      </Row>
    </Form.Item>
  );
}

/** Registers an upper or lower node: its address, region, bureau and the link's key and secret. */
export function NodeCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const create = useCreateNode();
  const [form] = Form.useForm<CascadeNodeCreateInput>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await create.mutateAsync({ ...values, name: values.name.trim(), baseUrl: values.baseUrl.trim(), key: values.key.trim() });
      void message.success(t('cascade.created', { name: values.name.trim() }));
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('cascade.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'cascade-save' }}
      width={640}
      forceRender
    >
      <Form<CascadeNodeCreateInput> form={form} layout="vertical" initialValues={{ role: 'lower', enabled: true }}>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item
              name="name"
              label={t('cascade.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { min: L.nameMin, message: t('validation.min', { min: L.nameMin }) },
                { max: L.nameMax, message: t('validation.max', { max: L.nameMax }) },
              ]}
            >
              <Input placeholder={t('cascade.namePlaceholder')} maxLength={L.nameMax} data-testid="cascade-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="role" label={t('cascade.role')} extra={t('cascade.roleHint')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'upper', label: t('cascade.role.upper') },
                  { value: 'lower', label: t('cascade.role.lower') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="baseUrl" label={t('cascade.baseUrl')} extra={t('cascade.baseUrlHint')} rules={urlRules(t)}>
          <Input placeholder="https://sjj.nanjing.gov.cn" maxLength={L.urlMax} data-testid="cascade-base-url" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="regionCode"
              label={t('cascade.regionCode')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: (_, value?: string) =>
                    !value || isValidDivisionCode(value) ? Promise.resolve() : Promise.reject(new Error(t('cascade.regionCodeInvalid'))),
                },
              ]}
            >
              <Input placeholder="320100" maxLength={6} data-testid="cascade-region" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="agencyCode"
              label={t('cascade.agencyCode')}
              extra={t('cascade.agencyCodeHint')}
              normalize={(value?: string) => value?.toUpperCase()}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: (_, value?: string) =>
                    !value || isValidUscc(value) ? Promise.resolve() : Promise.reject(new Error(t('cascade.agencyCodeInvalid'))),
                },
              ]}
            >
              <Input maxLength={18} data-testid="cascade-agency" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="key"
          label={t('cascade.key')}
          extra={t('cascade.keyHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: KEY_PATTERN, message: t('cascade.keyInvalid') },
          ]}
        >
          <Input maxLength={64} data-testid="cascade-key" />
        </Form.Item>
        <SecretField name="secret" label={t('cascade.secret')} />
        <Form.Item name="enabled" label={t('cascade.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the edit modal changes: the node's address, or the link secret (rotation). */
export type NodeEditTarget = { mode: 'address' | 'secret'; node: CascadeNode };

/** Changes a node's address or rotates the link secret; the other bureau must set the same new secret. */
export function NodeEditModal({ target, onClose }: { target: NodeEditTarget | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdateNode();
  const [form] = Form.useForm<{ baseUrl?: string; secret?: string }>();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'address') form.setFieldsValue({ baseUrl: target.node.baseUrl });
  }, [target, form]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !target) return;
    const { node } = target;
    const changes = target.mode === 'address' ? { baseUrl: values.baseUrl?.trim() } : { secret: values.secret };
    try {
      await update.mutateAsync({ id: node.id, version: node.version, ...changes });
      void message.success(target.mode === 'secret' ? t('cascade.secretRotated') : t('common.saved'));
      onClose();
    } catch (error) {
      showError(error);
      if (isVersionConflict(error)) onClose();
    }
  };

  return (
    <Modal
      open={target !== null}
      title={
        target?.mode === 'secret'
          ? t('cascade.rotateTitle', { name: target.node.name })
          : t('cascade.addressTitle', { name: target?.node.name ?? '' })
      }
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      <Form form={form} layout="vertical">
        {target?.mode === 'secret' ? (
          <>
            <Typography.Paragraph type="warning">{t('cascade.rotateWarning')}</Typography.Paragraph>
            <SecretField name="secret" label={t('cascade.secretNew')} />
          </>
        ) : (
          <Form.Item name="baseUrl" label={t('cascade.baseUrl')} rules={urlRules(t)}>
            <Input maxLength={L.urlMax} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
