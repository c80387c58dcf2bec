import type { FieldPath } from '@/features/catalog/catalog-problems';
import type { JobForm } from '@/portals/console/exchange-job-schedule-fields';

/** Request fields the new-job form shows at its field of the same name. */
const SCALAR_FIELDS = [
  'kind',
  'name',
  'entryId',
  'mode',
  'mountId',
  'keyColumn',
  'watermarkColumn',
  'grantId',
  'targetSourceId',
  'targetTable',
  'schedule',
  'cron',
  'detectDeletes',
  'batchSize',
  'nodeId',
  'regionColumn',
  'regionPrefix',
];

/** The request path a problem is about → the field of this form that shows it (`columns.3` → the column list). */
export function toField(path: FieldPath): FieldPath | null {
  const [head] = path;
  if (head === 'columns') return ['columns'];
  return typeof head === 'string' && SCALAR_FIELDS.includes(head) ? [head] : null;
}

/** The request the form's values make: only the chosen kind's fields, the schedule's cron only for a cron schedule. */
export function draftOf(values: JobForm) {
  const schedule = {
    name: values.name?.trim() || undefined,
    schedule: values.schedule,
    cron: values.schedule === 'cron' ? (values.cron?.trim() ?? null) : null,
    batchSize: values.batchSize,
  };
  // A return flow sends the region's rows in full every run: it has no mode and no delete detection.
  if (values.kind === 'return')
    return {
      kind: values.kind,
      entryId: values.entryId,
      nodeId: values.nodeId,
      regionColumn: values.regionColumn,
      regionPrefix: values.regionPrefix?.trim() || undefined,
      ...schedule,
    };
  const common = { ...schedule, mode: values.mode, detectDeletes: values.detectDeletes };
  if (values.kind === 'distribute')
    return {
      kind: values.kind,
      grantId: values.grantId,
      targetSourceId: values.targetSourceId,
      targetTable: values.targetTable?.trim() ?? '',
      ...common,
    };
  return {
    kind: values.kind,
    mountId: values.mountId,
    keyColumn: values.keyColumn,
    columns: values.columns && values.columns.length > 0 ? values.columns : undefined,
    watermarkColumn: values.mode === 'incremental' ? (values.watermarkColumn ?? null) : null,
    targetTable: values.targetTable?.trim() || undefined,
    ...common,
  };
}
