import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Modal, Spin, type ButtonProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '@/components/api-error';
import type { CatalogEntry, EntryAction } from '@/features/catalog/catalog-types';
import { useCatalogEntry, useDeleteEntry, useEntryStep, useRequestUpdate, useRetireEntry } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/**
 * The actions taken from an entry in the console, in the order buttons show them: the department's,
 * then the bureau's update request (review itself has its own queue).
 */
const entryActions = ['edit', 'submit', 'withdraw', 'discard_change', 'retire', 'delete', 'request_update'] as const;

type ConsoleAction = (typeof entryActions)[number];

const danger = new Set<EntryAction>(['delete', 'discard_change', 'retire']);

/** The actions of `entryActions` the API offers on the entry now. */
const offered = (entry: CatalogEntry | undefined): ConsoleAction[] => entryActions.filter((action) => entry?.actions.includes(action));

/** Where an entry's page is in the console. */
export const consoleEntryPath = (id: string) => `/console/catalog/${id}`;

/** An action that needs a reason: a retirement (by the department) or an update request (by the bureau). */
type ReasonAction = 'retire' | 'request_update';

const reasonTexts = {
  retire: {
    title: 'catalog.action.retireTitle',
    label: 'catalog.action.retireReason',
    required: 'catalog.action.retireReasonRequired',
    done: 'catalog.action.retireDone',
  },
  request_update: {
    title: 'catalog.action.requestUpdateTitle',
    label: 'catalog.action.requestUpdateReason',
    required: 'catalog.action.requestUpdateReasonRequired',
    done: 'catalog.action.requestUpdateDone',
  },
} as const satisfies Record<ReasonAction, Record<string, MessageKey>>;

const REASON_MAX = 1000;

function ReasonModal({ target, onClose }: { target: { action: ReasonAction; entry: CatalogEntry } | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const retire = useRetireEntry();
  const requestUpdate = useRequestUpdate();
  const [form] = Form.useForm<{ reason: string }>();
  const texts = reasonTexts[target?.action ?? 'retire'];
  const pending = retire.isPending || requestUpdate.isPending;
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !target) return;
    const input = { id: target.entry.id, reason: values.reason.trim(), version: target.entry.version };
    const callbacks = {
      onSuccess: () => {
        void message.success(t(texts.done));
        onClose();
      },
      onError: showError,
    };
    if (target.action === 'retire') retire.mutate(input, callbacks);
    else requestUpdate.mutate(input, callbacks);
  };
  return (
    <Modal
      open={target !== null}
      title={t(texts.title, { name: target?.entry.name ?? '' })}
      okText={t(`catalog.action.${target?.action ?? 'retire'}`)}
      okButtonProps={{ danger: target?.action === 'retire', loading: pending }}
      onOk={onOk}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t(texts.label)}
          rules={[
            { required: true, whitespace: true, message: t(texts.required) },
            { max: REASON_MAX, message: t('validation.max', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount data-testid="action-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Runs the lifecycle actions the API offers on an entry: confirms what cannot be undone, asks the
 * reason of a retirement, reports the outcome. Render `modals` once where the actions are used.
 */
export function useEntryActionRunner(options: { onDeleted?: () => void } = {}) {
  const t = useT();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const step = useEntryStep();
  const remove = useDeleteEntry();
  const [asking, setAsking] = useState<{ action: ReasonAction; entry: CatalogEntry } | null>(null);

  const done = (text: string) => () => void message.success(text);
  const run = (action: EntryAction, entry: CatalogEntry) => {
    const { id, version } = entry;
    if (action === 'edit') navigate(`${consoleEntryPath(id)}/edit`);
    if (action === 'submit')
      step.mutate({ id, step: 'submit', version }, { onSuccess: done(t('catalog.action.submitDone')), onError: showError });
    if (action === 'withdraw')
      modal.confirm({
        title: t('catalog.action.withdrawConfirm', { name: entry.name }),
        onOk: () => step.mutateAsync({ id, step: 'withdraw', version }).then(done(t('catalog.action.withdrawDone')), showError),
      });
    if (action === 'discard_change')
      modal.confirm({
        title: t('catalog.action.discardConfirm', { name: entry.name }),
        okButtonProps: { danger: true },
        onOk: () => step.mutateAsync({ id, step: 'discard-change', version }).then(done(t('catalog.action.discardDone')), showError),
      });
    if (action === 'delete')
      modal.confirm({
        title: t('catalog.action.deleteConfirm', { name: entry.name }),
        okButtonProps: { danger: true },
        onOk: () =>
          remove.mutateAsync({ id, version }).then(() => {
            void message.success(t('common.deleted'));
            options.onDeleted?.();
          }, showError),
      });
    if (action === 'retire' || action === 'request_update') setAsking({ action, entry });
  };

  return { run, pending: step.isPending || remove.isPending, modals: <ReasonModal target={asking} onClose={() => setAsking(null)} /> };
}

/** The actions on an entry as buttons, only those the API offers now. */
export function EntryActionButtons({ entry, size }: { entry: CatalogEntry; size?: ButtonProps['size'] }) {
  const t = useT();
  const navigate = useNavigate();
  const { run, pending, modals } = useEntryActionRunner({ onDeleted: () => navigate('/console/catalog') });
  const actions = offered(entry);
  return (
    <>
      {actions.map((action) => (
        <Button
          key={action}
          size={size}
          type={action === 'submit' ? 'primary' : 'default'}
          danger={danger.has(action)}
          loading={pending && action !== 'edit'}
          onClick={() => run(action, entry)}
          data-testid={`entry-${action}`}
        >
          {t(`catalog.action.${action}`)}
        </Button>
      ))}
      {modals}
    </>
  );
}

function RowActionMenu({ id, onRun }: { id: string; onRun: (action: EntryAction, entry: CatalogEntry) => void }) {
  const t = useT();
  // The list answers without actions: the entry is fetched when its menu opens (see the report on the API).
  const entry = useCatalogEntry(id);
  if (entry.isPending)
    return (
      <div className="sy-popup-menu">
        <Spin size="small" />
      </div>
    );
  const actions = offered(entry.data);
  if (!entry.data || actions.length === 0) return <div className="sy-popup-menu">{t('catalog.action.none')}</div>;
  return (
    <div className="sy-popup-menu">
      {actions.map((action) => (
        <Button
          key={action}
          type="text"
          block
          danger={danger.has(action)}
          style={{ textAlign: 'start', justifyContent: 'flex-start' }}
          onClick={() => onRun(action, entry.data)}
          data-testid={`row-${action}`}
        >
          {t(`catalog.action.${action}`)}
        </Button>
      ))}
    </div>
  );
}

/** A row's action menu in a list; the entry's current actions load when the menu opens. `onRun` comes from the page's runner. */
export function EntryRowActions({ id, onRun }: { id: string; onRun: (action: EntryAction, entry: CatalogEntry) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      popupRender={() => (
        <RowActionMenu
          id={id}
          onRun={(action, entry) => {
            setOpen(false);
            onRun(action, entry);
          }}
        />
      )}
    >
      <Button size="small" data-testid="row-actions">
        {t('common.actions')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
