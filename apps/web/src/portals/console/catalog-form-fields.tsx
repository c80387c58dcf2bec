import { Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Switch, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { resourceCodePattern } from '@shuyuan/contracts';
import { codeOptions } from '@/features/catalog/catalog-labels';
import { catalogLimits as limits } from '@/features/catalog/catalog-limits';
import type { CatalogFormValues } from '@/features/catalog/catalog-form-values';
import { useSystems } from '@/features/catalog/use-catalog-systems';
import { useT } from '@/i18n/lang-provider';

/** Dates are kept as `YYYY-MM-DD` strings in the form, as the API wants them. */
const dateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/** The content fields of the compile form, in sections: basics, classification, format, sharing and opening, systems. */
export function CatalogFormFields({ form }: { form: FormInstance<CatalogFormValues> }) {
  const t = useT();
  const required = { required: true, message: t('validation.required') };
  const sharingType = Form.useWatch('sharingType', form);
  const openType = Form.useWatch('openType', form);
  const updateCycle = Form.useWatch('updateCycle', form);
  const systems = useSystems();
  const systemOptions = (systems.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.departmentName}）` }));
  const select = (list: Parameters<typeof codeOptions>[1]) => (
    <Select options={codeOptions(t, list)} showSearch={{ optionFilterProp: 'label' }} />
  );

  return (
    <>
      <Card title={t('catalog.detail.basics')} size="small">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('catalog.field.name')}
              rules={[
                required,
                { whitespace: true, message: t('validation.required') },
                { min: limits.nameMin, message: t('validation.min', { min: limits.nameMin }) },
              ]}
            >
              <Input maxLength={limits.nameMax} showCount placeholder={t('catalog.form.namePlaceholder')} data-testid="form-name" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="summary"
              label={t('catalog.field.summary')}
              rules={[required, { whitespace: true, message: t('validation.required') }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={limits.summaryMax}
                showCount
                placeholder={t('catalog.form.summaryPlaceholder')}
                data-testid="form-summary"
              />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="resourceAttribute" label={t('catalog.field.resourceAttribute')} rules={[required]}>
              {select('resourceAttribute')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="domain" label={t('catalog.field.domain')} rules={[required]}>
              {select('dataDomain')}
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="classItem"
              label={t('catalog.field.classItem')}
              tooltip={t('catalog.form.classItemHint')}
              rules={[required, { pattern: /^\d{2}$/, message: t('catalog.form.digits', { count: 2 }) }]}
            >
              <Input maxLength={2} placeholder="02" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="classTopic"
              label={t('catalog.field.classTopic')}
              tooltip={t('catalog.form.classTopicHint')}
              rules={[required, { pattern: /^\d{3}$/, message: t('catalog.form.digits', { count: 3 }) }]}
            >
              <Input maxLength={3} placeholder="001" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="dataLevel" label={t('catalog.field.dataLevel')} rules={[required]}>
              {select('dataLevel')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="areaRange" label={t('catalog.field.areaRange')} rules={[required]}>
              {select('areaRange')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="processingDegree" label={t('catalog.field.processingDegree')} rules={[required]}>
              {select('processingDegree')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="scenario" label={t('catalog.field.scenario')} rules={[required]}>
              {select('scenario')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="channel" label={t('catalog.field.channel')} rules={[required]}>
              {select('channel')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="eLicence" label={t('catalog.field.eLicence')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="formatClass" label={t('catalog.field.formatClass')} rules={[required]}>
              {select('formatClass')}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="formatType"
              label={t('catalog.field.formatType')}
              rules={[required, { whitespace: true, message: t('validation.required') }]}
            >
              <Input
                maxLength={limits.formatTypeMax}
                placeholder={t('catalog.form.formatTypePlaceholder')}
                data-testid="form-format-type"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="timeRangeFrom" label={t('catalog.field.timeRangeFrom')} {...dateProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="timeRangeTo" label={t('catalog.field.timeRangeTo')} {...dateProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="tags"
              label={t('catalog.field.tags')}
              extra={t('catalog.form.tagsHint', { max: limits.tagsMax, length: limits.tagMax })}
            >
              <Select mode="tags" maxCount={limits.tagsMax} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="relatedCodes"
              label={t('catalog.field.relatedCodes')}
              extra={t('catalog.form.relatedCodesHint')}
              rules={[
                {
                  validator: async (_, codes?: string[]) => {
                    const bad = (codes ?? []).filter((code) => !resourceCodePattern.test(code.trim()));
                    if (bad.length > 0)
                      throw new Error(t('catalog.form.relatedCodesInvalid', { codes: bad.join(t('catalog.listSeparator')) }));
                  },
                },
              ]}
            >
              <Select mode="tags" maxCount={limits.relatedCodesMax} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('catalog.detail.sharing')} size="small">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="sharingType" label={t('catalog.field.sharingType')} rules={[required]}>
              <Radio.Group options={codeOptions(t, 'sharingType')} optionType="button" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="sharingMethods"
              label={t('catalog.field.sharingMethods')}
              extra={sharingType === 'none' ? t('catalog.form.noMethodWhenNotShared') : undefined}
            >
              <Checkbox.Group options={codeOptions(t, 'sharingMethod')} disabled={sharingType === 'none'} />
            </Form.Item>
          </Col>
          {sharingType && sharingType !== 'unconditional' && (
            <Col span={24}>
              <Form.Item
                name="sharingCondition"
                label={sharingType === 'none' ? t('catalog.field.sharingBasis') : t('catalog.field.sharingCondition')}
                required
                extra={sharingType === 'none' ? t('catalog.form.sharingBasisHint') : t('catalog.form.sharingConditionHint')}
              >
                <Input.TextArea rows={3} maxLength={limits.conditionMax} showCount data-testid="form-sharing-condition" />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="openType" label={t('catalog.field.openType')} rules={[required]}>
              <Radio.Group options={codeOptions(t, 'openType')} optionType="button" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="updateCycle" label={t('catalog.field.updateCycle')} rules={[required]}>
              {select('updateCycle')}
            </Form.Item>
          </Col>
          {openType === 'conditional' && (
            <Col span={24}>
              <Form.Item name="openCondition" label={t('catalog.field.openCondition')} required>
                <Input.TextArea rows={3} maxLength={limits.openConditionMax} showCount />
              </Form.Item>
            </Col>
          )}
          {updateCycle === 'other' && (
            <Col span={24}>
              <Form.Item name="updateCycleNote" label={t('catalog.field.updateCycleNote')} required>
                <Input maxLength={limits.updateCycleNoteMax} showCount placeholder={t('catalog.form.updateCycleNotePlaceholder')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>

      <Card title={t('catalog.detail.systemsTitle')} size="small">
        <Form.Item name="systemIds" label={t('catalog.field.systemIds')} extra={t('catalog.form.systemsHint')} style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            maxCount={limits.systemsMax}
            loading={systems.isPending}
            options={systemOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('catalog.form.systemsPlaceholder')}
            notFoundContent={t('catalog.form.noSystems')}
          />
        </Form.Item>
      </Card>
    </>
  );
}
