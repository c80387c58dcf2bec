import { Alert, Button, Collapse, Descriptions, Empty, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { isGatewayPage, type ExchangeApi, type GatewayExchange } from '@/features/exchange/use-exchange';
import { useT } from '@/i18n/lang-provider';

const statusColor = (status: number) => (status < 300 ? 'green' : status < 500 ? 'orange' : 'red');

/** Which kind of refusal a status is, to say what to check. */
function whyOf(status: number) {
  if (status === 400) return 'params';
  if (status === 401) return 'signature';
  if (status === 403) return 'grant';
  if (status === 429) return 'quota';
  return 'source';
}

/** A value as the table shows it: null marked as such, objects as JSON. */
function cellText(value: unknown) {
  if (value === null || value === undefined)
    return (
      <Typography.Text type="secondary" italic>
        null
      </Typography.Text>
    );
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** How the request was signed, for learning: the URL, the seven lines of the string to sign and the headers. */
function SignedRequestView({ exchange }: { exchange: GatewayExchange }) {
  const t = useT();
  return (
    <Collapse
      size="small"
      defaultActiveKey={['signed']}
      items={[
        {
          key: 'signed',
          label: t('shareGrant.try.signed'),
          children: (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">{t('shareGrant.try.url')}</Typography.Text>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="try-url">
                GET {exchange.url}
              </Typography.Text>
              <Typography.Text type="secondary">{t('shareGrant.try.stringToSign')}</Typography.Text>
              <pre className="sy-details-json" data-testid="try-string-to-sign">
                {exchange.stringToSign}
              </pre>
              <Typography.Text type="secondary">{t('shareGrant.try.headers')}</Typography.Text>
              <pre className="sy-details-json">
                {Object.entries(exchange.headers)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('\n')}
              </pre>
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** What the gateway answered to the try-it form: status, rows as a table and as JSON, or the refusal and why. */
export function TryItResult({
  api,
  exchange,
  error,
  pending,
  onNextPage,
}: {
  api: ExchangeApi;
  exchange: GatewayExchange | undefined;
  error: Error | null;
  pending: boolean;
  onNextPage: (next: string) => void;
}) {
  const t = useT();
  if (error) return <Alert type="error" showIcon title={t('error.network')} description={error.message} data-testid="try-network-error" />;
  if (!exchange) return <Empty description={t('shareGrant.try.nothingYet')} />;

  const { body } = exchange;
  const labels = new Map(api.fields.map((f) => [f.name, f.label]));
  return (
    <Flex vertical gap={12} data-testid="try-result">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        bordered
        items={[
          {
            key: 'status',
            label: t('shareGrant.try.status'),
            children: (
              <Tag color={statusColor(exchange.status)} data-testid="try-status">
                {exchange.status}
              </Tag>
            ),
          },
          { key: 'elapsed', label: t('shareGrant.try.elapsed'), children: `${exchange.ms} ms` },
          {
            key: 'callId',
            label: t('shareGrant.try.callId'),
            children:
              body && 'callId' in body && body.callId ? (
                <Typography.Text code copyable style={{ fontSize: 12 }}>
                  {body.callId}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />

      {isGatewayPage(body) ? (
        <Tabs
          size="small"
          items={[
            {
              key: 'table',
              label: t('shareGrant.try.rows', { count: body.data.length }),
              children: (
                <Flex vertical gap={8}>
                  <Table<Record<string, unknown>>
                    size="small"
                    data-testid="try-result-table"
                    rowKey={(_, i) => String(i)}
                    dataSource={body.data}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: <Empty description={t('shareGrant.try.noRows')} /> }}
                    columns={body.fields.map((name) => ({
                      key: name,
                      title: (
                        <span data-testid={`try-col-${name}`}>
                          {labels.get(name) ?? name}
                          <br />
                          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                            {name}
                          </Typography.Text>
                        </span>
                      ),
                      render: (_: unknown, row: Record<string, unknown>) => (
                        <span data-testid={`try-cell-${name}`}>{cellText(row[name])}</span>
                      ),
                    }))}
                  />
                  {body.next && (
                    <Flex justify="flex-end">
                      <Button icon={<RightOutlined />} loading={pending} onClick={() => onNextPage(body.next!)} data-testid="try-next">
                        {t('shareGrant.try.nextPage')}
                      </Button>
                    </Flex>
                  )}
                </Flex>
              ),
            },
            {
              key: 'json',
              label: t('shareGrant.try.raw'),
              children: (
                <pre className="sy-details-json" data-testid="try-raw">
                  {JSON.stringify(body, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      ) : body && 'code' in body ? (
        <Alert
          type={exchange.status >= 500 ? 'error' : 'warning'}
          showIcon
          data-testid="try-refusal"
          title={
            <span>
              <Typography.Text code data-testid="try-error-code">
                {body.code}
              </Typography.Text>{' '}
              {body.message}
            </span>
          }
          description={
            <Flex vertical gap={4}>
              {t(`shareGrant.try.why.${whyOf(exchange.status)}`)}
              {body.details !== undefined && Object.keys(body.details as object).length > 0 && (
                <pre className="sy-details-json">{JSON.stringify(body.details, null, 2)}</pre>
              )}
            </Flex>
          }
        />
      ) : (
        <pre className="sy-details-json" data-testid="try-raw">
          {exchange.raw || t('shareGrant.try.emptyAnswer')}
        </pre>
      )}

      <SignedRequestView exchange={exchange} />
    </Flex>
  );
}
