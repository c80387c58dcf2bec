import { useState } from 'react';
import { Button, Descriptions, Empty, Flex, Modal, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { useSystem, useSystemEntries } from '@/features/catalog/use-catalog-systems';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/** A system's details and the published entries it links, the system side of 目录—数据—系统. */
function SystemModal({
  systemId,
  entryPath,
  onClose,
}: {
  systemId: string | null;
  entryPath: (id: string) => string;
  onClose: () => void;
}) {
  const t = useT();
  const system = useSystem(systemId);
  const entries = useSystemEntries(systemId);
  return (
    <Modal
      open={systemId !== null}
      title={system.data?.name ?? t('catalog.system.title')}
      footer={null}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
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
              {
                key: 'cloud',
                label: t('catalog.system.onGovCloud'),
                children: system.data.onGovCloud ? t('catalog.yes') : t('catalog.no'),
              },
              { key: 'count', label: t('catalog.system.entryCount'), children: system.data.entryCount },
              { key: 'description', label: t('common.description'), children: system.data.description || '—', span: 2 },
            ]}
          />
        )
      )}
      <Typography.Title level={5}>{t('catalog.system.entries')}</Typography.Title>
      {entries.isPending ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : (entries.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">{t('catalog.system.noEntries')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {(entries.data ?? []).map((entry) => (
            <Flex key={entry.id} justify="space-between" gap={12}>
              <Link to={entryPath(entry.id)} onClick={onClose}>
                {entry.name}
              </Link>
              <Typography.Text type="secondary">{entry.code}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
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
      <Flex vertical gap={4} data-testid="entry-systems">
        {systems.map((system) => (
          <Flex key={system.id} align="center" gap={8}>
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => setOpen(system.id)}>
              {system.name}
            </Button>
            <Tag>{system.departmentName}</Tag>
          </Flex>
        ))}
      </Flex>
      <SystemModal systemId={open} entryPath={entryPath} onClose={() => setOpen(null)} />
    </>
  );
}
