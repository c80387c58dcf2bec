import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { EntryStatusTag, MountStatusTag } from '@/features/catalog/entry-status-tag';
import { useCatalogEntry } from '@/features/catalog/use-catalog';
import { useCan } from '@/features/identity/use-session';
import type { Mount, MountState } from '@/features/mounts/mount-types';
import { useEntryMounts, useRemoveMount, useReviewMount } from '@/features/mounts/use-mounts';
import { useT } from '@/i18n/lang-provider';
import { MountWizard } from '@/portals/console/mount-wizard';

const stateColor: Record<MountState, string> = { in_review: 'processing', returned: 'error', mounted: 'success', removed: 'default' };
const COMMENT_MAX = 1000;

/** The entry's department may mount while the entry is neither retired nor on its way out, and is not a mirror of another node's. */
function mayMount(entry: CatalogEntry, canCompile: boolean): boolean {
  const compiles = entry.actions.includes('edit') || entry.actions.includes('withdraw');
  return canCompile && compiles && !entry.mirrored && entry.status !== 'retired' && entry.status !== 'retire_review';
}

function rowAttributes(mount: Mount): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'mount-row',
    'data-resource': mount.resourceName,
    'data-status': mount.status,
  };
  return attributes;
}

/** Returns a mount with the reason, which the department sees. */
function ReturnModal({ mount, onClose }: { mount: Mount | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const review = useReviewMount();
  const [form] = Form.useForm<{ comment: string }>();
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !mount) return;
    try {
      await review.mutateAsync({ id: mount.id, decision: 'return', comment: values.comment.trim(), version: mount.version });
      void message.success(t('mount.returned'));
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open={mount !== null}
      title={t('mount.returnTitle', { name: mount?.resourceName ?? '' })}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={t('mount.returnComment')}
          rules={[
            { required: true, whitespace: true, message: t('mount.returnCommentRequired') },
            { max: COMMENT_MAX, message: t('validation.max', { max: COMMENT_MAX }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={COMMENT_MAX} showCount data-testid="mount-return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 资源挂接: the resources mounted to an entry, the mount wizard, and the bureau's review of requested mounts. */
export function MountsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const entry = useCatalogEntry(id);
  const mounts = useEntryMounts(id);
  const review = useReviewMount();
  const remove = useRemoveMount();
  const [wizardOpen, setWizardOpen] = useState(false);
  const [returning, setReturning] = useState<Mount | null>(null);

  if (entry.isPending) return <PageLoading />;
  if (isApiError(entry.error, { status: 404 })) return <NotFoundResult />;
  if (entry.error || !entry.data) return <LoadFailedResult message={errorText(entry.error, t)} onRetry={() => void entry.refetch()} />;
  const data = entry.data;
  const canMount = mayMount(data, can(Permission.CatalogCompile));

  const approve = (mount: Mount) =>
    review
      .mutateAsync({ id: mount.id, decision: 'approve', version: mount.version })
      .then(() => void message.success(t('mount.approved')), showError);

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <LinkButton to={`/console/catalog/${data.id}`} type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} />
            <span>{t('mount.title', { name: data.name })}</span>
          </Space>
        }
        extra={
          canMount && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setWizardOpen(true)} data-testid="mount-create">
              {t('mount.create')}
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'code', label: t('mount.entryCode'), children: data.code },
            { key: 'department', label: t('source.department'), children: data.departmentName },
            { key: 'items', label: t('mount.items'), children: (data.pending?.items ?? data.content.items).length },
            { key: 'status', label: t('mount.entryStatus'), children: <EntryStatusTag status={data.status} /> },
            {
              key: 'mountStatus',
              label: t('mount.entryMountStatus'),
              children: (
                <span data-testid="entry-mount-status" data-status={data.mountStatus}>
                  <MountStatusTag status={data.mountStatus} />
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('mount.list')}>
        <Table<Mount>
          rowKey="id"
          size="middle"
          loading={mounts.isFetching}
          dataSource={mounts.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={rowAttributes}
          locale={{
            emptyText: (
              <Empty description={mounts.error ? errorText(mounts.error, t) : canMount ? t('mount.emptyCompile') : t('mount.empty')} />
            ),
          }}
          columns={[
            {
              title: t('mount.resource'),
              key: 'resource',
              render: (_, mount) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text code>{mount.resourceName}</Typography.Text>
                  <Typography.Text type="secondary">{mount.sourceName}</Typography.Text>
                </Space>
              ),
            },
            { title: t('mount.kind'), dataIndex: 'kind', render: (kind: Mount['kind']) => codeLabel(t, 'sharingMethod', kind) },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (status: MountState) => (
                <Tag color={stateColor[status]} data-testid="mount-status" data-status={status}>
                  {t(`mount.status.${status}`)}
                </Tag>
              ),
            },
            {
              title: t('mount.columnMap'),
              dataIndex: 'columnMap',
              render: (columnMap: Mount['columnMap']) => {
                const pairs = Object.entries(columnMap);
                if (!pairs.length) return '—';
                return (
                  <Tooltip title={pairs.map(([item, column]) => `${item} → ${column}`).join('；')}>
                    <Tag>{t('mount.mappedCount', { count: pairs.length })}</Tag>
                  </Tooltip>
                );
              },
            },
            { title: t('mount.comment'), dataIndex: 'comment', render: (comment: string | null) => comment ?? '—' },
            { title: t('mount.requestedAt'), dataIndex: 'createdAt', render: formatDateTime },
            { title: t('mount.reviewedAt'), dataIndex: 'reviewedAt', render: formatDateTime },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, mount) => (
                <Space size={0} wrap>
                  {/* The server says what this user may do with each mount (never review one's own request). */}
                  {mount.actions.includes('review') && (
                    <>
                      <Popconfirm title={t('mount.approveConfirm', { name: mount.resourceName })} onConfirm={() => approve(mount)}>
                        <Button type="link" size="small" data-testid="mount-approve">
                          {t('mount.approve')}
                        </Button>
                      </Popconfirm>
                      <Button type="link" size="small" danger onClick={() => setReturning(mount)} data-testid="mount-return">
                        {t('mount.return')}
                      </Button>
                    </>
                  )}
                  {mount.actions.includes('remove') && (
                    <Popconfirm
                      title={t('mount.removeConfirm', { name: mount.resourceName })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove
                          .mutateAsync({ id: mount.id, version: mount.version })
                          .then(() => void message.success(t('mount.removed')), showError)
                      }
                    >
                      <Button type="link" size="small" danger data-testid="mount-remove">
                        {t('mount.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <MountWizard entry={data} open={wizardOpen} onClose={() => setWizardOpen(false)} />
      <ReturnModal mount={returning} onClose={() => setReturning(null)} />
    </Flex>
  );
}
