import { useEffect, useState } from 'react';
import { Alert, Form, Input, Select, Spin, Tag, Typography } from 'antd';
import { Permission } from '@shuyuan/contracts';
import { useCatalogSearch } from '@/features/catalog/use-catalog';
import type { CatalogEntrySummary } from '@/features/catalog/catalog-types';
import type { Mount } from '@/features/mounts/mount-types';
import { useEntryMounts } from '@/features/mounts/use-mounts';
import { SourceErrorAlert } from '@/features/sources/source-test-result';
import type { SourceColumn } from '@/features/sources/source-types';
import { useSourceColumns } from '@/features/sources/use-sources';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { ModeField, type JobForm } from '@/portals/console/exchange-job-schedule-fields';

/** Column types a key may have, and a watermark (jobs.service.ts). */
const KEY_TYPES = ['int', 'char', 'text'];
const WATERMARK_TYPES = ['int', 'date', 'datetime'];

/** A mount's resource as the source names it: `schema.table` on PostgreSQL, the bare name elsewhere. */
function tableOf(resourceName: string): { schema: string | null; name: string } {
  const dot = resourceName.indexOf('.');
  return dot < 0 ? { schema: null, name: resourceName } : { schema: resourceName.slice(0, dot), name: resourceName.slice(dot + 1) };
}

/** The store table the server names after the source table when none is given (storeTableName in jobs.service.ts). */
export function defaultStoreTable(remote: string): string {
  const bare = remote
    .slice(remote.lastIndexOf('.') + 1)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  return (/^[a-z_]/.test(bare) ? bare : `t_${bare}`).slice(0, 63);
}

const columnLabel = (c: SourceColumn) => `${c.name}（${c.dataType}）`;

/** The key, columns, mode, watermark and store table of a mounted source table, read from its columns. */
function SourceColumnFields({ mount }: { mount: Mount }) {
  const t = useT();
  const form = Form.useFormInstance<JobForm>();
  const columns = useSourceColumns(mount.sourceId, tableOf(mount.resourceName));
  const mode = Form.useWatch('mode', form);
  const all = columns.data ?? [];
  const primary = all.filter((c) => c.primaryKey);
  const keys = primary.length === 1 ? primary.filter((c) => KEY_TYPES.includes(c.normalizedType)) : [];
  const watermarks = all.filter((c) => WATERMARK_TYPES.includes(c.normalizedType));
  const only = keys.length === 1 ? keys[0]!.name : undefined;

  useEffect(() => {
    if (only && !form.getFieldValue('keyColumn')) form.setFieldsValue({ keyColumn: only });
  }, [only, form]);

  if (columns.error) return <SourceErrorAlert error={columns.error} />;
  if (columns.isPending) return <Spin style={{ display: 'block', marginBottom: 24 }} />;
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      {keys.length === 0 && <Alert type="error" showIcon title={t('exchangeJobs.form.noKey')} style={{ marginBottom: 16 }} />}
      <Form.Item name="keyColumn" label={t('exchangeJobs.form.keyColumn')} extra={t('exchangeJobs.form.keyHint')} rules={[required]}>
        <Select options={keys.map((c) => ({ value: c.name, label: columnLabel(c) }))} data-testid="job-key" />
      </Form.Item>
      <Form.Item name="columns" label={t('exchangeJobs.form.columns')} extra={t('exchangeJobs.form.columnsHint')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('exchangeJobs.form.columnsPlaceholder')}
          options={all.map((c) => ({
            value: c.name,
            label: (
              <span>
                {columnLabel(c)}
                {c.primaryKey && <Tag style={{ marginInlineStart: 4 }}>{t('exchangeJobs.form.primaryKey')}</Tag>}
              </span>
            ),
          }))}
          data-testid="job-columns"
        />
      </Form.Item>
      <ModeField extra={t('exchangeJobs.form.modeHint')} />
      {mode === 'incremental' &&
        (watermarks.length === 0 ? (
          <Alert type="warning" showIcon title={t('exchangeJobs.form.noWatermark')} style={{ marginBottom: 16 }} />
        ) : (
          <Form.Item
            name="watermarkColumn"
            label={t('exchangeJobs.form.watermark')}
            extra={t('exchangeJobs.form.watermarkHint')}
            rules={[required]}
          >
            <Select options={watermarks.map((c) => ({ value: c.name, label: columnLabel(c) }))} data-testid="job-watermark" />
          </Form.Item>
        ))}
      <Form.Item
        name="targetTable"
        label={t('exchangeJobs.form.storeTable')}
        extra={t('exchangeJobs.form.storeTableHint', { name: defaultStoreTable(mount.resourceName) })}
      >
        <Input placeholder={defaultStoreTable(mount.resourceName)} maxLength={63} style={{ maxWidth: 360 }} data-testid="job-store-table" />
      </Form.Item>
    </>
  );
}

/** Entries of the caller's departments (every department's for the bureau) with a mounted table. */
function useMountedEntries(open: boolean, q: string) {
  const can = useCan();
  const text = q.trim();
  return useCatalogSearch(
    {
      scope: can(Permission.ScopeAll) ? undefined : 'mine',
      mountStatus: 'mounted,change_in_review',
      q: text || undefined,
      sort: text ? 'relevance' : 'name',
      facets: 'false',
      limit: 50,
    },
    { enabled: open },
  );
}

/** 归集's fields: one of the department's mounted tables, then its key, columns, mode, watermark and store table. */
export function AggregateFields({ open }: { open: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<JobForm>();
  const [q, setQ] = useState('');
  const [entry, setEntry] = useState<CatalogEntrySummary | null>(null);
  const entryId = Form.useWatch('entryId', form);
  const mountId = Form.useWatch('mountId', form);
  const search = useMountedEntries(open, q);
  const mounts = useEntryMounts(entryId);
  const tables = (mounts.data ?? []).filter((m) => m.kind === 'table' && m.status === 'mounted');
  const mount = tables.find((m) => m.id === mountId);
  const onlyTable = tables.length === 1 ? tables[0]!.id : undefined;

  useEffect(() => {
    if (!open) setEntry(null);
  }, [open]);
  useEffect(() => {
    if (onlyTable && !form.getFieldValue('mountId')) form.setFieldsValue({ mountId: onlyTable });
  }, [onlyTable, form]);

  // The chosen entry stays an option while the user searches on, so the select keeps its label.
  const found = search.data?.items ?? [];
  const entries = entry && !found.some((e) => e.id === entry.id) ? [entry, ...found] : found;
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item
        name="entryId"
        label={t('exchangeJobs.form.entry')}
        rules={[required]}
        extra={entry ? `${entry.code} · ${entry.departmentName}` : undefined}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={search.isFetching}
          placeholder={t('exchangeJobs.form.entryPlaceholder')}
          notFoundContent={t('exchangeJobs.form.noEntries')}
          options={entries.map((e) => ({ value: e.id, label: `${e.name}（${e.departmentName}）` }))}
          onChange={(id: string) => setEntry(found.find((e) => e.id === id) ?? null)}
          data-testid="job-entry"
        />
      </Form.Item>
      <Form.Item name="mountId" label={t('exchangeJobs.form.mount')} rules={[required]}>
        <Select
          disabled={!entryId}
          loading={mounts.isFetching}
          notFoundContent={t('exchangeJobs.form.noMounts')}
          options={tables.map((m) => ({ value: m.id, label: `${m.resourceName}（${m.sourceName}）` }))}
          data-testid="job-mount"
        />
      </Form.Item>
      {mount ? (
        <SourceColumnFields key={mount.id} mount={mount} />
      ) : (
        <Typography.Paragraph type="secondary">{t('exchangeJobs.form.mountFirst')}</Typography.Paragraph>
      )}
    </>
  );
}
