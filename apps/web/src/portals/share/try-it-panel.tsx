import { useEffect } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { LockOutlined, SendOutlined } from '@ant-design/icons';
import { useApiSamples, useTryGateway, type ExchangeApi, type Grant } from '@/features/exchange/use-exchange';
import { useLang, useT } from '@/i18n/lang-provider';
import { TryItResult } from '@/portals/share/try-it-result';

interface TryValues {
  appKey: string;
  secret: string;
  params: Record<string, string | undefined>;
  fields: string[];
  limit: number;
}

const DEFAULT_LIMIT = 10;

/** The example values of an API's parameters, from the query of its samples' example URL. */
function exampleParams(exampleUrl: string | undefined): Record<string, string> {
  const at = exampleUrl?.indexOf('?') ?? -1;
  return at < 0 ? {} : Object.fromEntries(new URLSearchParams(exampleUrl!.slice(at + 1)));
}

/**
 * 在线调试: signs a call with the application's AppKey and AppSecret here in the browser (the secret itself is
 * never sent nor kept) and shows what the gateway answered, the string that was signed, and why a call was refused.
 */
export function TryItPanel({ grant, api }: { grant: Grant; api: ExchangeApi }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<TryValues>();
  const samples = useApiSamples(api.id);
  const call = useTryGateway();
  const grantedFields = api.fields.filter((f) => grant.fields.includes(f.name));

  // The samples arrive after the form: fill in their example values where the user has typed nothing yet.
  useEffect(() => {
    const examples = exampleParams(samples.data?.exampleUrl);
    const current = (form.getFieldValue('params') ?? {}) as TryValues['params'];
    const fill = Object.fromEntries(Object.entries(examples).filter(([name]) => api.params.some((p) => p.name === name) && !current[name]));
    if (Object.keys(fill).length > 0) form.setFieldsValue({ params: { ...current, ...fill } });
  }, [samples.data, form, api.params]);

  const send = (values: TryValues, after?: string) => {
    const params: [string, string][] = [];
    for (const p of api.params) {
      const value = values.params?.[p.name]?.trim();
      if (value) params.push([p.name, value]);
    }
    params.push(['fields', values.fields.join(',')], ['limit', String(values.limit)]);
    if (after) params.push(['after', after]);
    call.mutate({ path: api.gatewayPath, params, key: values.appKey.trim(), secret: values.secret, lang });
  };

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={10}>
        <Form<TryValues>
          form={form}
          layout="vertical"
          autoComplete="off"
          initialValues={{
            appKey: grant.appKey ?? '',
            secret: '',
            params: {},
            fields: grantedFields.map((f) => f.name),
            limit: Math.min(DEFAULT_LIMIT, api.pageSizeMax),
          }}
          onFinish={(values) => send(values)}
        >
          {grant.state !== 'active' && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`shareGrant.stateHint.${grant.state}`)} />
          )}
          <Alert type="info" showIcon icon={<LockOutlined />} style={{ marginBottom: 16 }} title={t('shareGrant.try.secretNote')} />
          <Form.Item name="appKey" label="AppKey" rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="try-key" />
          </Form.Item>
          <Form.Item
            name="secret"
            label="AppSecret"
            rules={[{ required: true, message: t('shareGrant.try.secretRequired') }]}
            extra={t('shareGrant.try.secretExtra')}
          >
            <Input.Password data-testid="try-secret" autoComplete="new-password" />
          </Form.Item>
          {api.params.map((p) => (
            <Form.Item
              key={p.name}
              name={['params', p.name]}
              label={
                <span>
                  {p.label} <Typography.Text code>{p.name}</Typography.Text>
                </span>
              }
              rules={[{ required: p.required, whitespace: true }]}
              extra={t(`shareGrant.format.${p.format}`)}
            >
              <Input data-testid={`try-param-${p.name}`} />
            </Form.Item>
          ))}
          <Form.Item
            name="fields"
            label={t('shareGrant.try.fields')}
            rules={[{ required: true, type: 'array', min: 1, message: t('shareGrant.try.fieldsRequired') }]}
          >
            <Checkbox.Group>
              <Row gutter={[8, 4]}>
                {grantedFields.map((f) => (
                  <Col key={f.name} span={12}>
                    <Checkbox value={f.name} data-testid={`try-field-${f.name}`}>
                      {f.label}
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="limit" label={t('shareGrant.try.limit', { max: api.pageSizeMax })} rules={[{ required: true }]}>
            <InputNumber min={1} max={api.pageSizeMax} precision={0} data-testid="try-limit" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={call.isPending} data-testid="try-send">
            {t('shareGrant.try.send')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} lg={14}>
        <TryItResult
          api={api}
          exchange={call.data}
          error={call.error}
          pending={call.isPending}
          onNextPage={(next) => void form.validateFields().then((values) => send(values, next))}
        />
      </Col>
    </Row>
  );
}
