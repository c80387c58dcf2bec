import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Typography, Upload } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { formatDateTime } from '@/components/format';
import { httpUrlRule } from '@/components/url-rules';
import { headerNamePattern, hostPattern, reservedHeaders, sourceLimits as L, type HeaderRow } from '@/features/sources/source-form-values';
import type { DataSource } from '@/features/sources/source-types';
import { useT } from '@/i18n/lang-provider';

const DEFAULT_PORT = { postgresql: 5432, mysql: 3306 } as const;

/** Host, port, database, user, password (write-only) and, for PostgreSQL, the schema. */
export function DatabaseFields({ kind, editing }: { kind: 'postgresql' | 'mysql'; editing: DataSource | null }) {
  const t = useT();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const identifier = [required, { max: L.identifierMax, message: t('validation.max', { max: L.identifierMax }) }];
  const hasPassword = editing && editing.kind === kind && editing.hasPassword;
  const clearing = Form.useWatch<boolean | undefined>('clearPassword');
  return (
    <>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item
            name="host"
            label={t('source.host')}
            rules={[required, { max: L.hostMax }, { pattern: hostPattern, message: t('source.hostInvalid') }]}
          >
            <Input placeholder="10.1.2.3" maxLength={L.hostMax} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="port" label={t('source.port')}>
            <InputNumber min={1} max={65535} precision={0} placeholder={String(DEFAULT_PORT[kind])} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="database" label={t('source.database')} rules={identifier}>
            <Input maxLength={L.identifierMax} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="user" label={t('source.user')} rules={identifier}>
            <Input maxLength={L.identifierMax} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="password"
            label={t('source.password')}
            extra={hasPassword ? t('source.passwordKept') : t('source.passwordHint')}
            rules={[{ max: L.secretMax }]}
          >
            <Input.Password
              placeholder={hasPassword ? t('source.passwordSet') : undefined}
              autoComplete="new-password"
              maxLength={L.secretMax}
              disabled={clearing}
            />
          </Form.Item>
          {hasPassword && (
            <Form.Item name="clearPassword" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox>{t('source.passwordClear')}</Checkbox>
            </Form.Item>
          )}
        </Col>
        {kind === 'postgresql' && (
          <Col span={12}>
            <Form.Item name="schema" label={t('source.schema')} extra={t('source.schemaHint')} rules={[{ max: L.identifierMax }]}>
              <Input placeholder="public" maxLength={L.identifierMax} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </>
  );
}

/** URL, the path to the records, and request headers whose values are write-only. */
export function HttpJsonFields({ editing }: { editing: DataSource | null }) {
  const t = useT();
  const stored = new Set(editing?.kind === 'http_json' ? editing.connection.headerNames.map((n) => n.toLowerCase()) : []);
  const rows = Form.useWatch<HeaderRow[] | undefined>('headers') ?? [];
  return (
    <>
      <Form.Item
        name="url"
        label={t('source.url')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          httpUrlRule(t('source.urlInvalid')),
          { max: L.urlMax },
        ]}
      >
        <Input placeholder="https://api.example.gov.cn/v1/records" maxLength={L.urlMax} />
      </Form.Item>
      <Form.Item
        name="jsonPath"
        label={t('source.jsonPath')}
        extra={t('source.jsonPathHint')}
        rules={[{ pattern: /^\S+$/, message: t('source.jsonPathInvalid') }, { max: L.jsonPathMax }]}
      >
        <Input placeholder="data.items" maxLength={L.jsonPathMax} />
      </Form.Item>
      <Typography.Text strong>{t('source.headers')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('source.headersHint')}
      </Typography.Paragraph>
      <Form.List name="headers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => {
              const keeps = stored.has((rows[field.name]?.name ?? '').trim().toLowerCase());
              return (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'name']}
                    style={{ flex: 1 }}
                    rules={[
                      { required: true, whitespace: true, message: t('validation.required') },
                      { pattern: headerNamePattern, message: t('source.headerNameInvalid') },
                      { max: L.headerNameMax },
                      {
                        validator: (_, value?: string) =>
                          value && reservedHeaders.includes(value.trim().toLowerCase())
                            ? Promise.reject(new Error(t('source.headerReserved')))
                            : Promise.resolve(),
                      },
                    ]}
                  >
                    <Input placeholder="Authorization" maxLength={L.headerNameMax} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    style={{ flex: 2 }}
                    rules={[{ required: !keeps, message: t('validation.required') }, { max: L.secretMax }]}
                  >
                    <Input.Password placeholder={keeps ? t('source.passwordSet') : t('source.headerValue')} autoComplete="new-password" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '' })}
              disabled={fields.length >= L.headersMax}
              style={{ marginBottom: 16 }}
            >
              {t('source.headerAdd')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The CSV or XLSX file of a file source: the stored one, and a new one to upload on save. */
export function FileField({
  editing,
  file,
  onFile,
}: {
  editing: DataSource | null;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const t = useT();
  const current = editing?.kind === 'file' ? editing.connection : null;
  return (
    <Form.Item label={t('source.file')} extra={t('source.fileHint')} required={!current?.fileName}>
      {current?.fileName && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('source.fileCurrent', {
            name: current.fileName,
            rows: current.rowCount ?? 0,
            time: formatDateTime(current.uploadedAt),
          })}
        </Typography.Paragraph>
      )}
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          onFile(chosen);
          return false;
        }}
        onRemove={() => onFile(null)}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />} data-testid="source-file-pick">
          {current?.fileName ? t('source.fileReplace') : t('source.filePick')}
        </Button>
      </Upload>
    </Form.Item>
  );
}
