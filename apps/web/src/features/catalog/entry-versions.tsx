import { useState } from 'react';
import { Button, Empty, Modal, Table } from 'antd';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import type { EntryVersion } from '@/features/catalog/catalog-types';
import { EntryDiffView } from '@/features/catalog/entry-diff-view';
import { useEntryVersions } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';

/** The published versions of an entry, each comparable with the one before it. */
export function EntryVersions({ entryId }: { entryId: string }) {
  const t = useT();
  const versions = useEntryVersions(entryId);
  const [compare, setCompare] = useState<number | null>(null);

  return (
    <>
      <Table<EntryVersion>
        rowKey="revision"
        size="small"
        data-testid="entry-versions"
        loading={versions.isPending}
        dataSource={versions.data ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={versions.error ? errorText(versions.error, t) : t('catalog.versions.empty')}
            />
          ),
        }}
        columns={[
          { title: t('catalog.versions.revision'), dataIndex: 'revision', render: (revision: number) => `V${revision}` },
          { title: t('catalog.versions.publishedAt'), dataIndex: 'publishedAt', render: formatDateTime },
          { title: t('catalog.versions.publishedBy'), dataIndex: 'publishedBy', render: (name: string | null) => name ?? '—' },
          { title: t('catalog.field.name'), key: 'name', render: (_, version) => version.content.name },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, version) =>
              version.revision > 1 && (
                <Button type="link" size="small" onClick={() => setCompare(version.revision)}>
                  {t('catalog.versions.compare')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={compare !== null}
        title={t('catalog.versions.compareTitle', { from: (compare ?? 1) - 1, to: compare ?? 1 })}
        footer={null}
        width={880}
        onCancel={() => setCompare(null)}
        destroyOnHidden
      >
        {compare !== null && <EntryDiffView entryId={entryId} from={String(compare - 1)} to={String(compare)} />}
      </Modal>
    </>
  );
}
