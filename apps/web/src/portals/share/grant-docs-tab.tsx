import { Button, Card, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { ApiOutlined, CheckOutlined, MinusOutlined } from '@ant-design/icons';
import { CopyButton } from '@/components/copy-button';
import { errorText } from '@/components/api-error';
import {
  apiOpenApiUrl,
  effectiveMask,
  useApiSamples,
  type ApiFieldSpec,
  type ExchangeApi,
  type Grant,
} from '@/features/exchange/use-exchange';
import { useT } from '@/i18n/lang-provider';
import { useMaskLabel } from '@/portals/share/grant-tags';

type ApiParamSpec = ExchangeApi['params'][number];

const SAMPLE_LANGS = [
  ['curl', 'curl'],
  ['typescript', 'TypeScript'],
  ['java', 'Java'],
  ['python', 'Python'],
] as const;

const SIGNATURE_HEADERS = ['X-Sy-Key', 'X-Sy-Timestamp', 'X-Sy-Nonce', 'X-Sy-Signature', 'X-Sy-Signature-Method'] as const;

/** The signing samples of the API, each with a copy button. */
function Samples({ apiId }: { apiId: string }) {
  const t = useT();
  const samples = useApiSamples(apiId);
  if (samples.error) return <Typography.Text type="danger">{errorText(samples.error, t)}</Typography.Text>;
  return (
    <Tabs
      size="small"
      items={SAMPLE_LANGS.map(([key, label]) => ({
        key,
        label,
        children: (
          <Flex vertical gap={8}>
            <Flex justify="flex-end">
              <CopyButton text={samples.data?.[key] ?? ''} testId={`copy-sample-${key}`} />
            </Flex>
            <pre className="sy-details-json" style={{ maxHeight: 480 }} data-testid={`sample-${key}`}>
              {samples.isPending ? t('common.loading') : samples.data?.[key]}
            </pre>
          </Flex>
        ),
      }))}
    />
  );
}

/** 接口文档: where to call, how to sign, what to ask with and what comes back, with samples in four languages. */
export function GrantDocsTab({ grant, api }: { grant: Grant; api: ExchangeApi }) {
  const t = useT();
  const maskLabel = useMaskLabel();
  const granted = new Set(grant.fields);
  const url = `${window.location.origin}${api.gatewayPath}`;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('shareGrant.docs.endpoint')}>
        <Flex gap={8} align="center" wrap>
          <Tag color="blue">GET</Tag>
          <Typography.Text code copyable={{ text: url }} data-testid="docs-gateway-path">
            {api.gatewayPath}
          </Typography.Text>
          <Button
            size="small"
            icon={<ApiOutlined />}
            href={apiOpenApiUrl(api.id)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="docs-openapi"
          >
            OpenAPI (openapi.json)
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 8 }}>
          {t('shareGrant.docs.signing')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={SIGNATURE_HEADERS.map((name) => ({ name }))}
          columns={[
            { title: t('shareGrant.docs.header'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            {
              title: t('shareGrant.docs.meaning'),
              dataIndex: 'name',
              key: 'meaning',
              render: (n: (typeof SIGNATURE_HEADERS)[number]) => t(`shareGrant.docs.h.${n}`),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('shareGrant.docs.params')}>
        <Table<ApiParamSpec | { name: string; label: string; reserved: true }>
          size="small"
          rowKey="name"
          pagination={false}
          data-testid="docs-params"
          dataSource={[
            ...api.params,
            { name: 'fields', label: t('shareGrant.docs.paramFields'), reserved: true },
            { name: 'limit', label: t('shareGrant.docs.paramLimit', { max: api.pageSizeMax }), reserved: true },
            { name: 'after', label: t('shareGrant.docs.paramAfter'), reserved: true },
          ]}
          columns={[
            { title: t('shareGrant.docs.name'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            { title: t('shareGrant.docs.label'), dataIndex: 'label' },
            {
              title: t('shareGrant.docs.rule'),
              key: 'rule',
              render: (_, p) =>
                'reserved' in p ? (
                  <Tag>{t('shareGrant.docs.reserved')}</Tag>
                ) : (
                  <span>
                    {p.field} {t(`shareGrant.op.${p.op}`)} · {t(`shareGrant.format.${p.format}`)}
                  </span>
                ),
            },
            {
              title: t('shareGrant.docs.required'),
              key: 'required',
              render: (_, p) =>
                'required' in p && p.required ? <Tag color="red">{t('shareGrant.docs.requiredYes')}</Tag> : t('shareGrant.docs.optional'),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('shareGrant.docs.fields', { granted: grant.fields.length, total: api.fields.length })}>
        <Table<ApiFieldSpec>
          size="small"
          rowKey="name"
          pagination={false}
          data-testid="docs-fields"
          dataSource={api.fields}
          columns={[
            { title: t('shareGrant.docs.name'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            { title: t('shareGrant.docs.label'), dataIndex: 'label' },
            { title: t('shareGrant.docs.type'), dataIndex: 'type', render: (ty: ApiFieldSpec['type']) => t(`shareGrant.type.${ty}`) },
            {
              title: t('shareGrant.docs.granted'),
              key: 'granted',
              render: (_, f) =>
                granted.has(f.name) ? (
                  <Tag color="green" icon={<CheckOutlined />} data-testid={`docs-granted-${f.name}`}>
                    {t('shareGrant.docs.grantedYes')}
                  </Tag>
                ) : (
                  <Tag icon={<MinusOutlined />} data-testid={`docs-not-granted-${f.name}`}>
                    {t('shareGrant.docs.grantedNo')}
                  </Tag>
                ),
            },
            {
              title: t('shareGrant.docs.mask'),
              key: 'mask',
              render: (_, f) => {
                if (!granted.has(f.name)) return '—';
                const mask = effectiveMask(f, grant);
                return mask === 'none' ? t('shareGrant.docs.plain') : <Tag color="orange">{maskLabel(mask)}</Tag>;
              },
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('shareGrant.docs.samples')}>
        <Typography.Paragraph type="secondary">{t('shareGrant.docs.samplesHint')}</Typography.Paragraph>
        <Samples apiId={api.id} />
      </Card>
    </Flex>
  );
}
