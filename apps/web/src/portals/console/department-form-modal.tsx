import { useEffect, useMemo } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { AdminLevel, isValidDivisionCode, isValidUscc, limits } from '@shuyuan/contracts';
import { isVersionConflict, useShowError } from '@/components/api-error';
import { subtreeIds } from '@/features/identity/department-tree';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import type { Department, DepartmentInput } from '@/features/identity/identity-types';
import { useCreateDepartment, useUpdateDepartment } from '@/features/identity/use-departments';
import { useT } from '@/i18n/lang-provider';

/** Create a department (optionally under a parent) or edit one. */
export type DepartmentFormTarget = { mode: 'create'; parent: Department | null } | { mode: 'edit'; department: Department };

interface DepartmentForm {
  parentId?: string | null;
  name: string;
  shortName?: string;
  level: AdminLevel;
  divisionCode: string;
  agencyCode: string;
  sortOrder?: number;
}

function initialValues(target: DepartmentFormTarget): Partial<DepartmentForm> {
  if (target.mode === 'edit') {
    const d = target.department;
    return {
      parentId: d.parentId,
      name: d.name,
      shortName: d.shortName ?? '',
      level: d.level,
      divisionCode: d.divisionCode,
      agencyCode: d.agencyCode,
      sortOrder: d.sortOrder,
    };
  }
  const parent = target.parent;
  return {
    parentId: parent?.id ?? null,
    // Most children of a department are departments of the same level; a city or county bureau is picked by hand.
    level: parent?.level ?? 'province',
    divisionCode: parent?.divisionCode ?? '',
    sortOrder: 0,
  };
}

/** Only the fields that differ from the department as loaded. */
function changedFields(original: Department, values: DepartmentInput): Partial<DepartmentInput> {
  const changes: Partial<DepartmentInput> = {};
  if ((values.parentId ?? null) !== original.parentId) changes.parentId = values.parentId ?? null;
  if (values.name !== original.name) changes.name = values.name;
  if ((values.shortName ?? null) !== original.shortName) changes.shortName = values.shortName ?? null;
  if (values.level !== original.level) changes.level = values.level;
  if (values.divisionCode !== original.divisionCode) changes.divisionCode = values.divisionCode;
  if (values.agencyCode !== original.agencyCode) changes.agencyCode = values.agencyCode;
  if (values.sortOrder !== undefined && values.sortOrder !== original.sortOrder) changes.sortOrder = values.sortOrder;
  return changes;
}

/** The department form: names, level and the two national codes, validated as the server does. */
export function DepartmentFormModal({
  target,
  departments,
  onClose,
  onSaved,
}: {
  target: DepartmentFormTarget | null;
  departments: Department[];
  onClose: () => void;
  onSaved: (department: Department) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.department : null;
  const excluded = useMemo(() => (editing ? subtreeIds(departments, editing.id) : undefined), [departments, editing]);

  useEffect(() => {
    if (target) {
      form.resetFields();
      form.setFieldsValue(initialValues(target));
    }
  }, [target, form]);

  const onOk = async () => {
    // Invalid fields show their own messages; there is nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const input: DepartmentInput = {
      parentId: values.parentId ?? null,
      name: values.name.trim(),
      shortName: values.shortName?.trim() ? values.shortName.trim() : null,
      level: values.level,
      divisionCode: values.divisionCode.trim(),
      agencyCode: values.agencyCode.trim().toUpperCase(),
      sortOrder: values.sortOrder ?? 0,
    };
    try {
      if (editing) {
        const changes = changedFields(editing, input);
        if (Object.keys(changes).length === 0) return onClose();
        onSaved(await update.mutateAsync({ id: editing.id, version: editing.version, ...changes }));
      } else {
        onSaved(await create.mutateAsync(input));
      }
      void message.success(t('common.saved'));
    } catch (error) {
      showError(error);
      // The list has reloaded; reopening the form picks up the new version.
      if (isVersionConflict(error)) onClose();
    }
  };

  const title = editing
    ? t('department.edit')
    : target?.mode === 'create' && target.parent
      ? t('department.createChildOf', { name: target.parent.name })
      : t('department.createRoot');

  return (
    <Modal
      open={target !== null}
      title={title}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      width={680}
    >
      <Form<DepartmentForm> form={form} layout="vertical">
        <Form.Item name="parentId" label={t('department.parent')} extra={t('department.parentHint')}>
          <DepartmentTreeSelect placeholder={t('department.noParent')} excludeIds={excluded} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('department.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.min', { min: 2 }) },
            { max: limits.departmentNameMax, message: t('validation.max', { max: limits.departmentNameMax }) },
          ]}
        >
          <Input maxLength={limits.departmentNameMax} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="shortName"
              label={t('department.shortName')}
              rules={[{ max: limits.departmentNameMax, message: t('validation.max', { max: limits.departmentNameMax }) }]}
            >
              <Input maxLength={limits.departmentNameMax} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('department.level')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={AdminLevel.options.map((level) => ({ value: level, label: t(`level.${level}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="divisionCode"
              label={t('department.divisionCode')}
              extra={t('department.divisionCodeHint')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (value && !isValidDivisionCode(value.trim())) throw new Error(t('department.divisionCodeInvalid'));
                  },
                },
              ]}
            >
              <Input maxLength={6} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="agencyCode"
              label={t('department.agencyCode')}
              extra={t('department.agencyCodeHint')}
              normalize={(value: string | undefined) => value?.toUpperCase()}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (value && !isValidUscc(value.trim())) throw new Error(t('department.agencyCodeInvalid'));
                  },
                },
              ]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="sortOrder" label={t('department.sortOrder')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
