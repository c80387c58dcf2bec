import { useState } from 'react';
import { Button, Descriptions, Empty, List, Modal, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { useSystem, useSystemEntries } from '@/features/catalog/use-catalog-systems';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/** A system's details and the published entries it links, the system side of 目录—数据—系统. */
function SystemModal({ systemId, entryPath, onClose }: { systemId: string | null; entryPath: (id: string) => string; onClose: () => void }) {
  const t = useT();
  const system = useSystem(systemId);
  const entries = useSystemEntries(systemId);
  return (
    <Modal open={systemId !== null} title={system.data?.name ?? t('catalog.system.title')} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      {system.error ? (
        <Empty description={errorText(system.error, t)} />
      ) : (
        system.data && (
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'department', label: t('catalog.field.department'), children: system.data.departmentName },
              { key: 'status', label: t('common.status'), children: t(`catalog.system.status.${system.data.status}` as MessageKey) },
              { key: 'cloud', label: t('catalog.system.onGovCloud'), children: system.data.onGovCloud ? t('catalog.yes') : t('catalog.no') },
              { key: 'count', label: t('catalog.system.entryCount'), children: system.data.entryCount },
              { key: 'description', label: t('common.description'), children: system.data.description || '—', span: 2 },
            ]}
          />
        )
      )}
      <Typography.Title level={5}>{t('catalog.system.entries')}</Typography.Title>
      <List
        size="small"
        loading={entries.isPending}
        dataSource={entries.data ?? []}
        locale={{ emptyText: t('catalog.system.noEntries') }}
        renderItem={(entry) => (
          <List.Item>
            <Link to={entryPath(entry.id)} onClick={onClose}>
              {entry.name}
            </Link>
            <Typography.Text type="secondary">{entry.code}</Typography.Text>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** The information systems an entry's data comes from, each opening its registry record. */
export function EntrySystems({ systems, entryPath }: { systems: CatalogEntry['systems']; entryPath: (id: string) => string }) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  if (systems.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.detail.noSystems')} />;
  return (
    <>
      <List
        size="small"
        data-testid="entry-systems"
        dataSource={systems}
        renderItem={(system) => (
          <List.Item>
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => setOpen(system.id)}>
              {system.name}
            </Button>
            <Tag>{system.departmentName}</Tag>
          </List.Item>
        )}
      />
      <SystemModal systemId={open} entryPath={entryPath} onClose={() => setOpen(null)} />
    </>
  );
}
