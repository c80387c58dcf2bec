import { useEffect, useState } from 'react';
import { App, Button, Divider, Flex, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { limits } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { createInputOf, formValuesOf, testRequestOf, updateInputOf, type SourceFormValues } from '@/features/sources/source-form-values';
import { SourceTestResultView } from '@/features/sources/source-test-result';
import { isDatabaseKind, sourceKinds, type DataSource, type SourceTestResult } from '@/features/sources/source-types';
import {
  useCreateSource,
  useTestSource,
  useTestSourceSettings,
  useUpdateSource,
  useUploadSourceFile,
} from '@/features/sources/use-sources';
import { useT } from '@/i18n/lang-provider';
import { DatabaseFields, FileField, HttpJsonFields } from '@/portals/console/source-connection-fields';

/** Register a source, or edit one. */
export type SourceFormTarget = { mode: 'create'; departmentId?: string } | { mode: 'edit'; source: DataSource };

const NAME_MIN = 2;
const saveButton: ButtonProps & { 'data-testid': string } = { 'data-testid': 'source-save' };

/** The source form: kind-specific connection fields, write-only secrets, a connection test before saving. */
export function SourceFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: SourceFormTarget | null;
  onClose: () => void;
  onSaved?: (source: DataSource) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<SourceFormValues>();
  const create = useCreateSource();
  const update = useUpdateSource();
  const upload = useUploadSourceFile();
  const testSettings = useTestSourceSettings();
  const testStored = useTestSource();
  const [file, setFile] = useState<File | null>(null);
  const [tested, setTested] = useState<SourceTestResult | null>(null);
  const editing = target?.mode === 'edit' ? target.source : null;
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'postgresql';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setFile(null);
    setTested(null);
    if (target.mode === 'edit') form.setFieldsValue(formValuesOf(target.source));
    else if (target.departmentId) form.setFieldsValue({ departmentId: target.departmentId });
  }, [target, form]);

  const runTest = async () => {
    setTested(null);
    try {
      if (kind === 'file') {
        if (editing) setTested(await testStored.mutateAsync(editing.id));
        return;
      }
      const names = ['host', 'port', 'database', 'user', 'password', 'schema', 'url', 'jsonPath', 'headers'];
      const values = await form.validateFields(names, { recursive: true }).catch(() => null);
      if (!values) return;
      const request = testRequestOf({ ...form.getFieldsValue(true), kind }, editing?.id);
      if (request) setTested(await testSettings.mutateAsync(request));
    } catch (error) {
      showError(error);
    }
  };

  const onOk = async () => {
    // Invalid fields show their own messages; there is nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const all: SourceFormValues = { ...form.getFieldsValue(true), kind };
    if (kind === 'file' && !file && !(editing?.kind === 'file' && editing.connection.fileName)) {
      void message.error(t('source.fileRequired'));
      return;
    }
    try {
      let saved: DataSource;
      if (editing) {
        const changes = updateInputOf(editing, all);
        saved = Object.keys(changes).length ? await update.mutateAsync({ id: editing.id, version: editing.version, ...changes }) : editing;
      } else {
        saved = await create.mutateAsync(createInputOf(all));
      }
      if (saved.kind === 'file' && file) saved = await upload.mutateAsync({ id: saved.id, file });
      void message.success(t('common.saved'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showError(error);
      // The list has reloaded; reopening the form picks up the new version.
      if (isVersionConflict(error)) onClose();
    }
  };

  const testing = testSettings.isPending || testStored.isPending;
  const canTest = kind !== 'file' || (editing?.kind === 'file' && !!editing.connection.fileName && !file);

  return (
    <Modal
      open={target !== null}
      title={editing ? t('source.edit', { name: editing.name }) : t('source.create')}
      onOk={onOk}
      onCancel={onClose}
      okButtonProps={saveButton}
      confirmLoading={create.isPending || update.isPending || upload.isPending}
      width={720}
      forceRender
    >
      <Form<SourceFormValues> form={form} layout="vertical" initialValues={{ kind: 'postgresql', status: 'active', headers: [] }}>
        <Form.Item
          name="departmentId"
          label={t('source.department')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={editing ? undefined : t('source.departmentHint')}
        >
          <DepartmentTreeSelect disabled={editing !== null} allowClear={false} placeholder={t('user.departmentPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('source.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: NAME_MIN, message: t('validation.min', { min: NAME_MIN }) },
            { max: limits.appNameMax, message: t('validation.max', { max: limits.appNameMax }) },
          ]}
        >
          <Input maxLength={limits.appNameMax} placeholder={t('source.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('common.description')} rules={[{ max: limits.descriptionMax }]}>
          <Input.TextArea maxLength={limits.descriptionMax} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('source.kind')} extra={editing ? undefined : t('source.kindHint')}>
          <Radio.Group
            disabled={editing !== null}
            optionType="button"
            options={sourceKinds.map((value) => ({ value, label: t(`source.kind.${value}`) }))}
            onChange={() => setTested(null)}
          />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('common.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('source.status.active') },
                { value: 'disabled', label: t('source.status.disabled') },
              ]}
            />
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain>
          {t('source.connection')}
        </Divider>
        {isDatabaseKind(kind) && <DatabaseFields kind={kind} editing={editing} />}
        {kind === 'http_json' && <HttpJsonFields editing={editing} />}
        {kind === 'file' && <FileField editing={editing} file={file} onFile={setFile} />}
        <Flex vertical gap={8}>
          <Flex gap={8} align="center" wrap>
            <Button icon={<ApiOutlined />} onClick={runTest} loading={testing} disabled={!canTest} data-testid="source-test">
              {t('source.test')}
            </Button>
            <Typography.Text type="secondary">
              {kind !== 'file' ? t('source.testHint') : canTest ? t('source.testFileStored') : t('source.testFileLater')}
            </Typography.Text>
          </Flex>
          {tested && <SourceTestResultView result={tested} />}
        </Flex>
      </Form>
    </Modal>
  );
}
