import { useState } from 'react';
import { Alert, App, Button, Descriptions, Empty, Flex, Modal, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorCode } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText, useShowError } from '@/components/api-error';
import type { CatalogEntry, CatalogItem } from '@/features/catalog/catalog-types';
import type { MountDiff, MountInput } from '@/features/mounts/mount-types';
import { useCreateMount, useMountPreview } from '@/features/mounts/use-mounts';
import { sourceAddress } from '@/features/sources/source-form-values';
import { sourcesPath } from '@/features/sources/source-paths';
import { LastTestTag, SourceErrorAlert } from '@/features/sources/source-test-result';
import type { DataSource, SourceTable } from '@/features/sources/source-types';
import { useSources, useSourceTables } from '@/features/sources/use-sources';
import { useT } from '@/i18n/lang-provider';
import { MountDiffView } from '@/portals/console/mount-diff-view';

/** The data items a mount is compared with: the pending change where one is being compiled. */
export function itemsOf(entry: CatalogEntry): CatalogItem[] {
  return entry.pending?.items ?? entry.content.items;
}

function ChooseSource({ value, onChange }: { value: DataSource | null; onChange: (source: DataSource) => void }) {
  const t = useT();
  const sources = useSources();
  const usable = (sources.data ?? []).filter((s) => s.status === 'active');
  return (
    <Table<DataSource>
      rowKey="id"
      size="small"
      loading={sources.isFetching}
      dataSource={usable}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rowSelection={{ type: 'radio', selectedRowKeys: value ? [value.id] : [], onChange: (_, rows) => rows[0] && onChange(rows[0]) }}
      onRow={(source) => ({ onClick: () => onChange(source) })}
      locale={{
        emptyText: (
          <Empty
            description={
              sources.error ? (
                errorText(sources.error, t)
              ) : (
                <>
                  {t('mount.wizard.noSources')} <Link to={sourcesPath}>{t('console.menu.sources')}</Link>
                </>
              )
            }
          />
        ),
      }}
      columns={[
        { title: t('source.name'), dataIndex: 'name', render: (name: string) => <span data-testid="mount-source-option">{name}</span> },
        { title: t('source.kind'), dataIndex: 'kind', render: (kind: DataSource['kind']) => <Tag>{t(`source.kind.${kind}`)}</Tag> },
        { title: t('source.department'), dataIndex: 'departmentName' },
        { title: t('source.address'), key: 'address', render: (_, source) => sourceAddress(source) },
        { title: t('source.lastTest'), key: 'lastTest', render: (_, source) => <LastTestTag test={source.lastTest} /> },
      ]}
    />
  );
}

function ChooseResource({
  source,
  value,
  onChange,
}: {
  source: DataSource;
  value: SourceTable | null;
  onChange: (table: SourceTable) => void;
}) {
  const t = useT();
  const tables = useSourceTables(source.id);
  if (tables.error) return <SourceErrorAlert error={tables.error} />;
  const keyOf = (table: SourceTable) => `${table.schema ?? ''}.${table.name}`;
  return (
    <Table<SourceTable>
      rowKey={keyOf}
      size="small"
      loading={tables.isFetching}
      dataSource={tables.data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rowSelection={{ type: 'radio', selectedRowKeys: value ? [keyOf(value)] : [], onChange: (_, rows) => rows[0] && onChange(rows[0]) }}
      onRow={(table) => ({ onClick: () => onChange(table) })}
      locale={{ emptyText: <Empty description={t('source.noTables')} /> }}
      columns={[
        { title: t('source.table.schema'), dataIndex: 'schema', render: (schema: string | null) => schema ?? '—' },
        {
          title: t('source.table.name'),
          dataIndex: 'name',
          render: (name: string) => <span data-testid="mount-resource-option">{name}</span>,
        },
        { title: t('source.table.kind'), dataIndex: 'kind', render: (kind: SourceTable['kind']) => t(`source.table.kind.${kind}`) },
        {
          title: t('source.table.estimatedRows'),
          dataIndex: 'estimatedRows',
          render: (rows: number | null) => rows?.toLocaleString() ?? '—',
        },
        { title: t('source.table.comment'), dataIndex: 'comment', render: (comment: string | null) => comment ?? '—' },
      ]}
    />
  );
}

/** The wizard's steps and state; unmounted when the modal closes, so each opening starts afresh. */
function WizardBody({ entry, onDone, onCancel }: { entry: CatalogEntry; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [step, setStep] = useState(0);
  const [source, setSource] = useState<DataSource | null>(null);
  const [resource, setResource] = useState<SourceTable | null>(null);
  const [columnMap, setColumnMap] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<MountDiff | null>(null);
  const items = itemsOf(entry);
  // A PostgreSQL table is named with its schema (`schema.table`): the source may span several schemas.
  const resourceName =
    resource && source?.kind === 'postgresql' && resource.schema ? `${resource.schema}.${resource.name}` : resource?.name;
  const input: MountInput | null = source && resource && resourceName ? { sourceId: source.id, resourceName, columnMap } : null;
  const preview = useMountPreview(entry.id, step >= 2 ? input : null);
  const create = useCreateMount(entry.id);
  const covers = !!preview.data?.diff.covers && !preview.isFetching;

  const chooseSource = (next: DataSource) => {
    if (next.id !== source?.id) setResource(null);
    setSource(next);
  };
  const chooseResource = (next: SourceTable) => {
    if (next.name !== resource?.name || next.schema !== resource?.schema) setColumnMap({});
    setResource(next);
  };
  const map = (item: string, column: string | undefined) => {
    setRefused(null);
    setColumnMap((current) => {
      const { [item]: _dropped, ...rest } = current;
      return column ? { ...rest, [item]: column } : rest;
    });
  };
  const submit = async () => {
    if (!input) return;
    setRefused(null);
    try {
      await create.mutateAsync(input);
      void message.success(t('mount.wizard.submitted'));
      onDone();
    } catch (error) {
      if (isApiError(error, { code: ErrorCode.MountIncomplete })) setRefused((error.details as { diff: MountDiff }).diff);
      else showError(error);
    }
  };

  const canNext = [source !== null, resource !== null, covers, false][step];
  const mapped = Object.entries(columnMap);

  return (
    <Flex vertical gap={16} data-testid="mount-wizard" data-step={step}>
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('mount.wizard.source'), content: source?.name },
          { title: t('mount.wizard.resource'), content: resource?.name },
          { title: t('mount.wizard.compare') },
          { title: t('mount.wizard.submit') },
        ]}
      />
      {step === 0 && <ChooseSource value={source} onChange={chooseSource} />}
      {step === 1 && source && <ChooseResource source={source} value={resource} onChange={chooseResource} />}
      {step === 2 &&
        (preview.error ? (
          <SourceErrorAlert error={preview.error} />
        ) : preview.data ? (
          <Spin spinning={preview.isFetching}>
            <MountDiffView items={items} diff={preview.data.diff} columns={preview.data.columns} columnMap={columnMap} onMap={map} />
          </Spin>
        ) : (
          <Spin style={{ display: 'block', padding: 48 }} />
        ))}
      {step === 3 && source && resource && (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'entry', label: t('mount.entry'), children: `${entry.code} ${entry.name}` },
              { key: 'source', label: t('mount.source'), children: `${source.name}（${t(`source.kind.${source.kind}`)}）` },
              { key: 'resource', label: t('mount.resource'), children: <Typography.Text code>{resourceName}</Typography.Text> },
              {
                key: 'map',
                label: t('mount.columnMap'),
                children: mapped.length ? (
                  <Flex wrap gap={4}>
                    {mapped.map(([item, column]) => (
                      <Tag key={item}>{`${item} → ${column}`}</Tag>
                    ))}
                  </Flex>
                ) : (
                  t('mount.columnMapNone')
                ),
              },
              { key: 'items', label: t('mount.items'), children: t('mount.wizard.itemsCovered', { count: items.length }) },
            ]}
          />
          <Typography.Text type="secondary">{t('mount.wizard.reviewNote')}</Typography.Text>
          {refused && (
            <Alert
              type="error"
              showIcon
              title={t('mount.wizard.refused')}
              description={<MountDiffView items={items} diff={refused} />}
              data-testid="mount-refused"
            />
          )}
        </Flex>
      )}
      <Flex justify="space-between">
        <Button onClick={onCancel}>{t('mount.wizard.cancel')}</Button>
        <Space>
          {step === 2 && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void preview.refetch()}
              loading={preview.isFetching}
              data-testid="mount-recompare"
            >
              {t('mount.wizard.recompare')}
            </Button>
          )}
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('mount.wizard.previous')}</Button>}
          {step < 3 ? (
            <Button type="primary" disabled={!canNext} onClick={() => setStep(step + 1)} data-testid="mount-next">
              {t('mount.wizard.next')}
            </Button>
          ) : (
            <Button type="primary" disabled={!covers} loading={create.isPending} onClick={submit} data-testid="mount-submit">
              {t('mount.wizard.submitButton')}
            </Button>
          )}
        </Space>
      </Flex>
      {step === 2 && !covers && preview.data && !preview.isFetching && (
        <Typography.Text type="secondary" style={{ textAlign: 'right' }}>
          {t('mount.wizard.nextBlocked')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 挂接向导: choose a data source, then its table, API or file, compare its columns with the entry's data items, map, submit. */
export function MountWizard({ entry, open, onClose }: { entry: CatalogEntry; open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} title={t('mount.wizard.title', { name: entry.name })} onCancel={onClose} footer={null} width={1000} destroyOnHidden>
      <WizardBody entry={entry} onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
