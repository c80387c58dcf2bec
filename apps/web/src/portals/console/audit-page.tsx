import { useState } from 'react';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { formatDateTimeSeconds } from '@/components/format';
import { auditActionLabel } from '@/features/audit/audit-action-labels';
import { auditCsvUrl, useAuditEvents, type AuditEvent, type AuditFilter } from '@/features/audit/use-audit';
import { useCan } from '@/features/identity/use-session';
import { useLang, useT } from '@/i18n/lang-provider';
import { AuditFilterBar } from '@/portals/console/audit-filter-bar';

/** 审计日志: the audit log with filters, expandable details and a CSV export of the same filters. */
export function AuditPage() {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const events = useAuditEvents(filter, { limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const filtered = Object.values(filter).some((value) => value);

  return (
    <Card
      title={t('console.menu.audit')}
      extra={
        can(Permission.AuditExport) && (
          <Button icon={<DownloadOutlined />} href={auditCsvUrl(filter)} download data-testid="audit-export">
            {t('audit.export')}
          </Button>
        )
      }
    >
      <AuditFilterBar
        onChange={(next) => {
          setFilter(next);
          setPage((current) => ({ ...current, current: 1 }));
        }}
      />
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty description={events.error ? errorText(events.error, t) : filtered ? t('audit.noMatch') : t('audit.empty')} />,
        }}
        expandable={{
          expandedRowRender: (event) =>
            Object.keys(event.details).length === 0 ? (
              <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
            ) : (
              <pre className="sy-details-json">{JSON.stringify(event.details, null, 2)}</pre>
            ),
        }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
        columns={[
          { title: t('audit.time'), dataIndex: 'occurredAt', render: formatDateTimeSeconds },
          {
            title: t('audit.actor'),
            dataIndex: 'actorLogin',
            render: (login: string | null) => login ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
          },
          { title: t('audit.department'), dataIndex: 'actorDepartmentName', render: (name: string | null) => name ?? '—' },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (action: string) => <span title={action}>{auditActionLabel(action, lang)}</span>,
          },
          {
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            render: (outcome: AuditEvent['outcome']) => (
              <Tag color={outcome === 'success' ? 'green' : 'red'}>{t(`audit.outcome.${outcome}`)}</Tag>
            ),
          },
          {
            title: t('audit.target'),
            key: 'target',
            render: (_, event) => (event.targetType ? `${event.targetType}: ${event.targetLabel ?? event.targetId ?? ''}` : '—'),
          },
          { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
        ]}
      />
    </Card>
  );
}
