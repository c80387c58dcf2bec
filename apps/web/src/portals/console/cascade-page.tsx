import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Empty, Flex, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime, formatDateTimeSeconds } from '@/components/format';
import {
  CASCADE_REFRESH_MS,
  LAG_WARNING_SECONDS,
  useCascadeNodes,
  useRetryNode,
  useUpdateNode,
  type CascadeNode,
} from '@/features/cascade/use-cascade';
import { useT } from '@/i18n/lang-provider';
import { NodeCreateModal, NodeEditModal, type NodeEditTarget } from '@/portals/console/cascade-node-modals';

function rowAttributes(node: CascadeNode): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'node-row',
    'data-node': node.name,
    'data-key': node.key,
  };
  return attributes;
}

/** Seconds with one decimal below ten, whole seconds above. */
function formatLag(seconds: number): string {
  return seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds));
}

/** 级联节点: the upper and lower installs this one exchanges its catalog with, and how far behind each link is. */
export function CascadePage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const nodes = useCascadeNodes();
  const update = useUpdateNode();
  const retry = useRetryNode();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<NodeEditTarget | null>(null);

  const toggle = (node: CascadeNode, enabled: boolean) =>
    update.mutate(
      { id: node.id, version: node.version, enabled },
      { onSuccess: () => void message.success(enabled ? t('cascade.enabledOk') : t('cascade.disabledOk')), onError: showError },
    );

  return (
    <Card
      title={t('console.menu.cascade')}
      extra={
        <Space>
          <Typography.Text type="secondary">
            <SyncOutlined spin={nodes.isFetching} /> {t('cascade.autoRefresh', { seconds: CASCADE_REFRESH_MS / 1000 })}
            {nodes.dataUpdatedAt > 0 && ` · ${formatDateTimeSeconds(new Date(nodes.dataUpdatedAt).toISOString())}`}
          </Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cascade-create">
            {t('cascade.create')}
          </Button>
        </Space>
      }
    >
      <Table<CascadeNode>
        rowKey="id"
        size="middle"
        dataSource={nodes.data ?? []}
        loading={nodes.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={rowAttributes}
        locale={{ emptyText: <Empty description={nodes.error ? errorText(nodes.error, t) : t('cascade.empty')} /> }}
        columns={[
          { title: t('cascade.name'), dataIndex: 'name' },
          {
            title: t('cascade.role'),
            dataIndex: 'role',
            render: (role: CascadeNode['role']) => <Tag color={role === 'upper' ? 'purple' : 'blue'}>{t(`cascade.role.${role}`)}</Tag>,
          },
          {
            title: t('cascade.baseUrl'),
            dataIndex: 'baseUrl',
            render: (url: string) => <Typography.Text copyable={{ text: url }}>{url}</Typography.Text>,
          },
          { title: t('cascade.regionCode'), dataIndex: 'regionCode' },
          { title: t('cascade.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
          {
            title: t('cascade.enabled'),
            dataIndex: 'enabled',
            render: (enabled: boolean, node) => (
              <Switch
                size="small"
                checked={enabled}
                loading={update.isPending && update.variables?.id === node.id}
                onChange={(next) => toggle(node, next)}
                aria-label={t('cascade.enabled')}
              />
            ),
          },
          { title: t('cascade.queueLength'), dataIndex: 'queueLength', align: 'right' },
          {
            title: t('cascade.lag'),
            dataIndex: 'lagSeconds',
            align: 'right',
            render: (lag: number) =>
              lag > LAG_WARNING_SECONDS ? (
                <Tooltip title={t('cascade.lagHigh', { seconds: LAG_WARNING_SECONDS })}>
                  <Tag color="error" data-testid="node-lag" data-high="true">
                    {formatLag(lag)} s
                  </Tag>
                </Tooltip>
              ) : (
                <span data-testid="node-lag">{formatLag(lag)} s</span>
              ),
          },
          { title: t('cascade.lastSuccessAt'), dataIndex: 'lastSuccessAt', render: formatDateTimeSeconds },
          {
            title: t('cascade.lastError'),
            key: 'lastError',
            render: (_, node) =>
              node.lastError ? (
                <Flex vertical>
                  <Typography.Text type="danger" ellipsis={{ tooltip: node.lastError }} style={{ maxWidth: 280 }} data-testid="node-error">
                    {node.lastError}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(node.lastErrorAt)}</Typography.Text>
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('cascade.received'),
            key: 'received',
            render: (_, node) => (
              <Tooltip
                title={node.lastReceivedAt ? t('cascade.lastReceivedAt', { time: formatDateTimeSeconds(node.lastReceivedAt) }) : undefined}
              >
                {node.receivedChanges}
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, node) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  disabled={!node.enabled}
                  loading={retry.isPending && retry.variables === node.id}
                  onClick={() =>
                    retry.mutate(node.id, {
                      onSuccess: () => void message.success(t('cascade.retried', { name: node.name })),
                      onError: showError,
                    })
                  }
                  data-testid="node-retry"
                >
                  {t('cascade.retry')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing({ mode: 'secret', node })}>
                  {t('cascade.rotate')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing({ mode: 'address', node })}>
                  {t('cascade.editAddress')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <NodeCreateModal open={creating} onClose={() => setCreating(false)} />
      <NodeEditModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
