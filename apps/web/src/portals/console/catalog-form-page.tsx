import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Tooltip, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { ApiError, isApiError } from '@/api/client';
import { errorText, isVersionConflict, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { fieldLabel } from '@/features/catalog/catalog-diff';
import { codeLabel } from '@/features/catalog/catalog-labels';
import {
  classItemOfDomain,
  emptyFormValues,
  formFieldPath,
  fromContent,
  toContentDraft,
  type CatalogFormValues,
} from '@/features/catalog/catalog-form-values';
import { checkContent, groupProblems, problemsFromError, type FieldProblem } from '@/features/catalog/catalog-problems';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { lastEvent } from '@/features/catalog/entry-timeline';
import {
  fetchEntry,
  useCatalogEntry,
  useCreateEntry,
  useEntryStep,
  useEntryTimeline,
  useUpdateEntry,
} from '@/features/catalog/use-catalog';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { useCan, useMe } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { consoleEntryPath } from '@/portals/console/catalog-entry-actions';
import { CatalogFormFields } from '@/portals/console/catalog-form-fields';
import { CatalogItemsEditor } from '@/portals/console/catalog-items-editor';

/** What a 409 VERSION_CONFLICT says about the entry as someone else saved it. */
interface Conflict {
  updatedAt?: string;
  version?: number;
}

function conflictOf(error: unknown): Conflict {
  const current = error instanceof ApiError ? (error.details as { current?: Conflict } | null)?.current : undefined;
  return current ?? {};
}

/** The notices above the form: why it was returned, that saving a published entry makes a change, when it cannot be edited. */
function FormNotices({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  const timeline = useEntryTimeline(entry.status === 'returned' ? entry.id : undefined);
  const returned = lastEvent(timeline.data, 'return');
  return (
    <>
      {entry.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          title={t('catalog.returned.title')}
          description={<span data-testid="catalog-return-comment">{returned?.comment ?? t('common.loading')}</span>}
        />
      )}
      {entry.status === 'published' && (
        <Alert
          type="warning"
          showIcon
          title={entry.pending ? t('catalog.form.editingChange') : t('catalog.form.publishedNotice')}
          data-testid="form-change-notice"
        />
      )}
      {!entry.actions.includes('edit') && (
        <Alert type="info" showIcon title={t('catalog.form.notEditable', { status: codeLabel(t, 'entryStatus', entry.status) })} />
      )}
    </>
  );
}

function CatalogForm({ entry }: { entry: CatalogEntry | null }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const can = useCan();
  const { data: me } = useMe();
  const [form] = Form.useForm<CatalogFormValues & { departmentId?: string }>();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const step = useEntryStep();
  const [dirty, setDirty] = useState(entry === null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [general, setGeneral] = useState<FieldProblem[]>([]);
  // The form starts from what was saved: the pending change of a published entry, else its content.
  const initialValues = useMemo(
    () => (entry ? fromContent(entry.pending ?? entry.content) : { ...emptyFormValues(), departmentId: me?.user.departmentId }),
    // Only the first render: later answers for the same entry must not overwrite what the user types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const editable = entry === null || entry.actions.includes('edit');
  // Problems no single input shows: those about the item list go above the table, the rest above the form.
  const itemProblems = general.filter((p) => p.path[0] === 'items').map((p) => p.message);
  const otherProblems = general.filter((p) => p.path[0] !== 'items');
  const saving = create.isPending || update.isPending;

  const showProblems = (problems: FieldProblem[]) => {
    const grouped = groupProblems(problems, formFieldPath);
    // Paths into the item list (`items.2.length`) are real fields that the values' type cannot spell.
    form.setFields(grouped.fields.map((field) => ({ name: field.name, errors: field.errors })) as Parameters<typeof form.setFields>[0]);
    setGeneral(grouped.general);
    if (grouped.fields[0]) form.scrollToField(grouped.fields[0].name as Parameters<typeof form.scrollToField>[0], { block: 'center' });
    void message.error(t('catalog.form.fixProblems', { count: problems.length }));
  };

  const save = async () => {
    setGeneral([]);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const checked = checkContent(t, toContentDraft(form.getFieldsValue(true)));
    if (!checked.content) return showProblems(checked.problems);
    try {
      if (entry) {
        await update.mutateAsync({ id: entry.id, content: checked.content, version: entry.version });
        void message.success(entry.status === 'published' ? t('catalog.form.savedAsChange') : t('common.saved'));
        setDirty(false);
      } else {
        const departmentId = form.getFieldValue('departmentId') as string | undefined;
        const created = await create.mutateAsync({ ...checked.content, departmentId: departmentId || undefined });
        void message.success(t('catalog.form.created', { code: created.code }));
        navigate(`${consoleEntryPath(created.id)}/edit`, { replace: true });
      }
    } catch (error) {
      if (isVersionConflict(error)) return setConflict(conflictOf(error));
      const problems = problemsFromError(t, error);
      if (problems) return showProblems(problems);
      showError(error);
    }
  };

  const reload = async () => {
    if (!entry) return;
    try {
      const fresh = await fetchEntry(queryClient, entry.id);
      form.resetFields();
      form.setFieldsValue(fromContent(fresh.pending ?? fresh.content));
      setConflict(null);
      setDirty(false);
      setGeneral([]);
    } catch (error) {
      showError(error);
    }
  };

  const submit = () => {
    if (!entry) return;
    step.mutate(
      { id: entry.id, step: 'submit', version: entry.version },
      {
        onSuccess: (submitted) => {
          void message.success(t('catalog.action.submitDone'));
          if (submitted) navigate(consoleEntryPath(submitted.id));
        },
        onError: (error) => (isVersionConflict(error) ? setConflict(conflictOf(error)) : showError(error)),
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/console/catalog">{t('console.menu.catalogMine')}</Link> },
          ...(entry ? [{ title: <Link to={consoleEntryPath(entry.id)}>{entry.name}</Link> }] : []),
          { title: entry ? t('catalog.form.editTitle') : t('catalog.form.createTitle') },
        ]}
      />
      {conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="form-conflict"
          title={t('catalog.form.conflict')}
          description={t('catalog.form.conflictDetail', { time: formatDateTime(conflict.updatedAt) })}
          action={
            <Button danger onClick={() => void reload()} data-testid="form-reload">
              {t('catalog.form.reload')}
            </Button>
          }
        />
      )}
      {entry && <FormNotices entry={entry} />}
      {otherProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('catalog.form.problems')}
          description={otherProblems
            .map((p) => (p.path.length > 0 ? `${fieldLabel(t, String(p.path[0]))}: ${p.message}` : p.message))
            .join('；')}
        />
      )}
      <Form<CatalogFormValues & { departmentId?: string }>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={!editable}
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={(changed: Partial<CatalogFormValues>, all) => {
          setDirty(true);
          // The 项 code follows the domain until the officer types one of their own.
          if (changed.domain && (!all.classItem || !form.isFieldTouched('classItem')))
            form.setFieldValue('classItem', classItemOfDomain(changed.domain));
          // An entry that is not shared has no method; a box left ticked but greyed out would only confuse.
          if (changed.sharingType === 'none') form.setFieldValue('sharingMethods', []);
        }}
        data-testid="catalog-form"
      >
        <Flex vertical gap={16}>
          <Card size="small">
            <Flex justify="space-between" align="center" wrap gap={12}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {entry ? `${entry.code} · ${entry.name}` : t('catalog.form.createTitle')}
              </Typography.Title>
              {entry === null && can(Permission.DepartmentRead) && (
                <Form.Item name="departmentId" label={t('catalog.field.department')} style={{ margin: 0 }}>
                  <DepartmentTreeSelect allowClear={false} style={{ width: 280 }} />
                </Form.Item>
              )}
            </Flex>
          </Card>
          <CatalogFormFields form={form} />
          <Card title={t('catalog.field.items')} size="small">
            <CatalogItemsEditor problems={itemProblems} />
          </Card>
        </Flex>
      </Form>
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary">{dirty ? t('catalog.form.unsaved') : t('catalog.form.allSaved')}</Typography.Text>
          <Flex gap={8} wrap>
            <Button onClick={() => navigate(entry ? consoleEntryPath(entry.id) : '/console/catalog')}>{t('catalog.form.cancel')}</Button>
            <Button
              icon={<SaveOutlined />}
              type={entry?.actions.includes('submit') && !dirty ? 'default' : 'primary'}
              loading={saving}
              disabled={!editable}
              onClick={() => void save()}
              data-testid="entry-save"
            >
              {entry?.status === 'published' ? t('catalog.form.saveChange') : t('catalog.form.save')}
            </Button>
            {entry?.actions.includes('submit') && (
              <Tooltip title={dirty ? t('catalog.form.saveFirst') : undefined}>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  disabled={dirty || saving}
                  loading={step.isPending}
                  onClick={submit}
                  data-testid="entry-submit"
                >
                  {t('catalog.action.submit')}
                </Button>
              </Tooltip>
            )}
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}

/** 编制目录: the compile form for a new entry (`/console/catalog/new`) or an existing one (`/console/catalog/:id/edit`). */
export function CatalogFormPage() {
  const t = useT();
  const { id } = useParams();
  const entry = useCatalogEntry(id);
  if (!id) return <CatalogForm key="new" entry={null} />;
  if (entry.isPending) return <PageLoading />;
  if (isApiError(entry.error, { status: 404 })) return <NotFoundResult />;
  if (entry.error) return <LoadFailedResult message={errorText(entry.error, t)} onRetry={() => void entry.refetch()} />;
  return <CatalogForm key={entry.data.id} entry={entry.data} />;
}
