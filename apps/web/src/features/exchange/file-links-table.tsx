import type { HTMLAttributes } from 'react';
import { App, Button, Empty, Popconfirm, Table, Tag } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { linkState, type LinkState } from '@/features/exchange/file-link-state';
import { useFileLinks, useRevokeFileLink, type ExchangeFile, type FileLinkSummary } from '@/features/exchange/use-exchange-files';
import { useT } from '@/i18n/lang-provider';

const STATE_COLORS: Record<LinkState, string | undefined> = {
  active: 'green',
  expired: 'orange',
  usedUp: 'gold',
  revoked: undefined,
  grantEnded: 'volcano',
  grantRevoked: 'red',
};

function rowAttributes(link: FileLinkSummary): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'file-link-row',
    'data-link-id': link.id,
    'data-state': linkState(link),
    'data-downloads': String(link.downloads),
  };
  return attributes;
}

/**
 * A version's download links, newest first: when made and by which department, until when, downloads used of
 * those allowed, and whether it still works (or why not: its own time, its downloads, withdrawn, or its grant).
 * Every link listed can be withdrawn while it works: the server lists the provider every link, and a grantee its
 * department's, which any member may withdraw (they share the grant). It refreshes after every link made or
 * withdrawn here or in the link window.
 */
export function FileLinksTable({ file }: { file: ExchangeFile }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const links = useFileLinks(file.id);
  const revoke = useRevokeFileLink();
  return (
    <div data-testid="file-links" data-file-id={file.id}>
      <Table<FileLinkSummary>
        rowKey="id"
        size="small"
        loading={links.isPending}
        dataSource={links.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={rowAttributes}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={links.error ? errorText(links.error, t) : t('exchangeFiles.links.empty')}
            />
          ),
        }}
        columns={[
          { title: t('exchangeFiles.links.createdAt'), key: 'created', render: (_, link) => formatDateTime(link.createdAt) },
          { title: t('exchangeFiles.links.department'), dataIndex: 'departmentName', key: 'department' },
          { title: t('exchangeFiles.links.expiresAt'), key: 'expires', render: (_, link) => formatDateTime(link.expiresAt) },
          {
            title: t('exchangeFiles.links.downloads'),
            key: 'downloads',
            render: (_, link) =>
              link.maxDownloads === null
                ? t('exchangeFiles.links.downloadsAny', { n: link.downloads })
                : t('exchangeFiles.links.downloadsOf', { n: link.downloads, max: link.maxDownloads }),
          },
          {
            title: t('common.status'),
            key: 'state',
            render: (_, link) => {
              const state = linkState(link);
              return <Tag color={STATE_COLORS[state]}>{t(`exchangeFiles.links.state.${state}`)}</Tag>;
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, link) =>
              linkState(link) === 'active' && (
                <Popconfirm
                  title={t('exchangeFiles.links.revokeConfirm')}
                  okButtonProps={{ danger: true, 'data-testid': 'file-link-revoke-confirm' }}
                  onConfirm={() =>
                    revoke.mutateAsync(link.id).then(
                      () => void message.success(t('exchangeFiles.link.revoked')),
                      (error: unknown) => showError(error),
                    )
                  }
                >
                  <Button type="link" danger size="small" icon={<StopOutlined />} data-testid="file-link-row-revoke">
                    {t('exchangeFiles.link.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
