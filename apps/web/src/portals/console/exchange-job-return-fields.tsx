import { useEffect } from 'react';
import { Alert, Form, Input, Select, Typography } from 'antd';
import { useCascadeNodes, type CascadeNode } from '@/features/cascade/use-cascade';
import { divisionPrefix, guessRegionColumn, REGION_PREFIX, regionColumns } from '@/features/exchange/return-region';
import { useJobs, type ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useT, type Translate } from '@/i18n/lang-provider';
import type { JobForm } from '@/portals/console/exchange-job-schedule-fields';

/** The region column among the aggregation's text columns, preselected when its name tells. */
function RegionColumnField({ aggregation }: { aggregation: ExchangeJob }) {
  const t = useT();
  const form = Form.useFormInstance<JobForm>();
  const columns = regionColumns(aggregation.columns);
  const guess = guessRegionColumn(aggregation.columns);

  useEffect(() => {
    if (guess && !form.getFieldValue('regionColumn')) form.setFieldsValue({ regionColumn: guess });
  }, [guess, form]);

  if (columns.length === 0)
    return <Alert type="error" showIcon title={t('exchangeReturns.form.noRegionColumns')} style={{ marginBottom: 16 }} />;
  return (
    <Form.Item
      name="regionColumn"
      label={t('exchangeReturns.form.regionColumn')}
      extra={t('exchangeReturns.form.regionColumnHint')}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        options={columns.map((c) => ({ value: c.name, label: `${c.name}（${c.dataType}）` }))}
        style={{ maxWidth: 360 }}
        data-testid="job-region-column"
      />
    </Form.Item>
  );
}

const nodeLabel = (t: Translate, node: CascadeNode) =>
  `${node.name}（${node.regionCode}${node.enabled ? '' : ` · ${t('exchangeReturns.form.nodeDisabled')}`}）`;

/**
 * 回流's fields: a resource aggregated into the store, a lower node of the cascade, the text column that
 * places a row in a region, and the region's prefix (the node's division code's significant digits, editable).
 */
export function ReturnFields({ open }: { open: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<JobForm>();
  const entryId = Form.useWatch('entryId', form);
  const aggregations = useJobs({ kind: 'aggregate' }, { enabled: open });
  const nodes = useCascadeNodes();
  const lower = (nodes.data ?? []).filter((n) => n.role === 'lower');
  const aggregation = (aggregations.data ?? []).find((j) => j.entryId === entryId);

  // A node chosen anew sets the prefix to its region; the user may narrow or widen it afterwards.
  const onNode = (id: string) => {
    const node = lower.find((n) => n.id === id);
    if (node) form.setFieldsValue({ regionPrefix: divisionPrefix(node.regionCode) });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item
        name="entryId"
        label={t('exchangeReturns.form.entry')}
        rules={[required]}
        extra={
          aggregation ? t('exchangeReturns.form.entryExtra', { code: aggregation.resourceCode, table: aggregation.storeTable }) : undefined
        }
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={aggregations.isFetching}
          placeholder={t('exchangeReturns.form.entryPlaceholder')}
          notFoundContent={t('exchangeReturns.form.noEntries')}
          options={(aggregations.data ?? []).map((j) => ({ value: j.entryId, label: `${j.entryName}（${j.providerDepartmentName}）` }))}
          data-testid="job-return-entry"
        />
      </Form.Item>
      <Form.Item name="nodeId" label={t('exchangeReturns.form.node')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={nodes.isPending}
          placeholder={t('exchangeReturns.form.nodePlaceholder')}
          notFoundContent={t('exchangeReturns.form.noNodes')}
          options={lower.map((n) => ({ value: n.id, label: nodeLabel(t, n) }))}
          onChange={onNode}
          style={{ maxWidth: 420 }}
          data-testid="job-return-node"
        />
      </Form.Item>
      {aggregation ? (
        <RegionColumnField key={aggregation.id} aggregation={aggregation} />
      ) : (
        <Typography.Paragraph type="secondary">{t('exchangeReturns.form.entryFirst')}</Typography.Paragraph>
      )}
      <Form.Item
        name="regionPrefix"
        label={t('exchangeReturns.form.regionPrefix')}
        extra={t('exchangeReturns.form.regionPrefixHint')}
        rules={[required, { pattern: REGION_PREFIX, message: t('exchangeReturns.form.regionPrefixInvalid') }]}
      >
        <Input maxLength={12} inputMode="numeric" style={{ maxWidth: 200 }} data-testid="job-region-prefix" />
      </Form.Item>
    </>
  );
}
