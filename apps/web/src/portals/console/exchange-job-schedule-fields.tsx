import { Form, Input, InputNumber, Radio, Switch } from 'antd';
import { JOB_BATCH, JobKind, JobMode, JobSchedule, JobUpdate } from '@shuyuan/contracts';
import { useT } from '@/i18n/lang-provider';

/** The scheduling values of a job's forms: when it runs, delete detection and batch size. */
export interface ScheduleValues {
  schedule: JobSchedule;
  cron?: string | null;
  detectDeletes: boolean;
  batchSize: number;
}

const update = JobUpdate.shape;
/** The new-job form: the fields of every kind (only the chosen kind's are sent) and the schedule. */
export interface JobForm extends ScheduleValues {
  kind: JobKind;
  name?: string;
  mode: JobMode;
  entryId?: string;
  mountId?: string;
  keyColumn?: string;
  columns?: string[];
  watermarkColumn?: string;
  grantId?: string;
  targetSourceId?: string;
  /** The store table (aggregation, optional) or the table in the consumer's database (distribution). */
  targetTable?: string;
  /** Return flow: the lower node, the column that places a row in a region, and the region's prefix. */
  nodeId?: string;
  regionColumn?: string;
  regionPrefix?: string;
}

/** The server's bounds (the contracts' schema), so the inputs stop where it would refuse. */
export const jobLimits = {
  batchMin: update.batchSize.unwrap().minValue ?? 100,
  batchMax: update.batchSize.unwrap().maxValue ?? 50_000,
  cronMax: update.cron.unwrap().unwrap().maxLength ?? 100,
  nameMin: update.name.unwrap().minLength ?? 2,
  nameMax: update.name.unwrap().maxLength ?? 100,
} as const;

/** The defaults the server applies when nothing is said. */
export const scheduleDefaults: ScheduleValues = { schedule: 'manual', cron: null, detectDeletes: true, batchSize: JOB_BATCH.default };

/** 全量 or 增量, with what it means for the kind of job. */
export function ModeField({ extra }: { extra: string }) {
  const t = useT();
  return (
    <Form.Item name="mode" label={t('exchangeJobs.form.mode')} extra={extra}>
      <Radio.Group
        optionType="button"
        options={JobMode.options.map((m) => ({ value: m, label: t(`exchangeJobs.mode.${m}`) }))}
        data-testid="job-mode"
      />
    </Form.Item>
  );
}

/**
 * The form fields of a job's schedule: 手动 / 按更新周期 / cron (with a hint), 检测删除 and 批大小. A return
 * flow has no 检测删除 (`detectDeletes={false}`): the lower node drops what a run did not send.
 */
export function ScheduleFields({ detectDeletes = true }: { detectDeletes?: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<ScheduleValues>();
  const schedule = Form.useWatch('schedule', form) ?? 'manual';
  return (
    <>
      <Form.Item
        name="schedule"
        label={t('exchangeJobs.form.schedule')}
        extra={
          schedule === 'manual' ? t('exchangeJobs.form.manualHint') : schedule === 'cycle' ? t('exchangeJobs.form.cycleHint') : undefined
        }
      >
        <Radio.Group
          optionType="button"
          options={JobSchedule.options.map((s) => ({ value: s, label: t(`exchangeJobs.schedule.${s}`) }))}
          data-testid="job-schedule"
        />
      </Form.Item>
      {schedule === 'cron' && (
        <Form.Item
          name="cron"
          label={t('exchangeJobs.form.cron')}
          extra={t('exchangeJobs.form.cronHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input placeholder="0 2 * * *" maxLength={jobLimits.cronMax} style={{ maxWidth: 280 }} data-testid="job-cron" />
        </Form.Item>
      )}
      {detectDeletes && (
        <Form.Item
          name="detectDeletes"
          label={t('exchangeJobs.form.detectDeletes')}
          extra={t('exchangeJobs.form.detectDeletesHint')}
          valuePropName="checked"
          style={{ display: 'inline-block', marginRight: 32 }}
        >
          <Switch data-testid="job-detect-deletes" />
        </Form.Item>
      )}
      <Form.Item
        name="batchSize"
        label={t('exchangeJobs.form.batchSize')}
        extra={t('exchangeJobs.form.batchSizeHint', { min: jobLimits.batchMin, max: jobLimits.batchMax })}
        rules={[{ required: true, message: t('validation.required') }]}
        style={{ display: 'inline-block' }}
      >
        <InputNumber min={jobLimits.batchMin} max={jobLimits.batchMax} step={1000} precision={0} style={{ width: 180 }} />
      </Form.Item>
    </>
  );
}
