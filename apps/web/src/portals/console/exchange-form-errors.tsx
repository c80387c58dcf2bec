import { App, type FormInstance } from 'antd';
import { ErrorCode } from '@shuyuan/contracts';
import { ApiError } from '@/api/client';
import { errorText, useShowError } from '@/components/api-error';
import { groupProblems, pathOf, problemsFromError, type FieldPath, type FieldProblem } from '@/features/catalog/catalog-problems';
import { useT, type Translate } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';
import { jobReasonKeys, jobReasonPrefixes } from '@/portals/console/exchange-job-reasons';

/** The exchange services' reasons (apis.service.ts, grants.service.ts, jobs.service.ts) in the user's language. */
const reasonKeys: Record<string, MessageKey> = {
  'no such department': 'exchangeConsole.reason.noDepartment',
  'an API grant names the application that calls': 'exchangeConsole.reason.appRequired',
  "not an application of the consumer's department": 'exchangeConsole.reason.appNotOfDepartment',
  'the application is disabled': 'exchangeConsole.reason.appDisabled',
  'the end must come after the start': 'exchangeConsole.reason.endBeforeStart',
  'the provider has not declared an API for this entry yet': 'exchangeConsole.reason.noApi',
  'a field is listed twice': 'exchangeConsole.reason.fieldTwice',
  'a mask for a field the grant does not give': 'exchangeConsole.reason.maskNotGiven',
  'a list for `in`': 'exchangeConsole.reason.inNeedsList',
  'one value': 'exchangeConsole.reason.oneValue',
  'a field name is used twice': 'exchangeConsole.reason.fieldNameTwice',
  'the key must be one of the fields': 'exchangeConsole.reason.keyNotField',
  'a parameter name is used twice or reserved': 'exchangeConsole.reason.paramTwice',
  'a parameter must filter a declared field': 'exchangeConsole.reason.paramField',
  'no such table in the platform store': 'exchangeConsole.reason.noStoreTable',
  'logical and forwarded access read a source': 'exchangeConsole.reason.sourceRequired',
  "not a source of the entry's department": 'exchangeConsole.reason.sourceNotOfDepartment',
  'forwarding needs an HTTP (http_json) source': 'exchangeConsole.reason.forwardHttp',
  'logical access reads a PostgreSQL or MySQL source': 'exchangeConsole.reason.logicalDatabase',
  'the entry has no approved mount of this table (挂接)': 'exchangeConsole.reason.noMount',
  ...jobReasonKeys,
};

/** Reasons that end with what they are about (`no field named x`). */
const reasonPrefixes: [string, MessageKey][] = [
  ['no field named ', 'exchangeConsole.reason.noField'],
  ['the entry is shared by ', 'exchangeConsole.reason.methodNotShared'],
  ['columns not in the table: ', 'exchangeConsole.reason.missingColumns'],
  ["a table of the department's own store schema: ", 'exchangeConsole.reason.storeTable'],
  ['columns not in the source table: ', 'exchangeConsole.reason.missingColumns'],
  ...jobReasonPrefixes,
];

/** A server reason in the user's language; one we do not know is shown as the server wrote it. */
export function exchangeReasonText(t: Translate, reason: string): string {
  const key = reasonKeys[reason];
  if (key) return t(key);
  for (const [prefix, prefixKey] of reasonPrefixes)
    if (reason.startsWith(prefix)) return t(prefixKey, { what: reason.slice(prefix.length) });
  return reason;
}

/** The problems a failed save carries, reasons translated; a duplicate (409) is a problem of its field too. */
function problemsOf(t: Translate, error: unknown, duplicateKey: MessageKey): FieldProblem[] | null {
  if (!(error instanceof ApiError)) return null;
  const details = (error.details ?? {}) as { field?: string; reason?: string };
  if (error.code === ErrorCode.Duplicate && details.field) return [{ path: pathOf(details.field), message: t(duplicateKey) }];
  if (error.status === 400 && details.field && details.reason)
    return [{ path: pathOf(details.field), message: exchangeReasonText(t, details.reason) }];
  return problemsFromError(t, error);
}

/** Shows a failed call as a toast, with the server's reason (a refused transition, a field it names) when it gives one. */
export function useShowExchangeError(): (error: unknown) => void {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  return (error) => {
    const reason = error instanceof ApiError ? (error.details as { reason?: unknown } | null)?.reason : undefined;
    if (typeof reason === 'string') void message.error(`${errorText(error, t)}：${exchangeReasonText(t, reason)}`);
    else showError(error);
  };
}

/**
 * Shows problems at the form's fields: `toField` maps a request path to the field showing it (null:
 * none does), and what no field shows becomes a toast. Returns a handler for a failed save as well.
 */
export function useFieldProblems<T>(form: FormInstance<T>, toField: (path: FieldPath) => FieldPath | null, duplicateKey: MessageKey) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowExchangeError();
  const show = (problems: readonly FieldProblem[]) => {
    const { fields, general } = groupProblems(problems, toField);
    form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
    if (general.length > 0) void message.error(general.map((p) => p.message).join('；'));
  };
  const onSaveError = (error: unknown) => {
    const problems = problemsOf(t, error, duplicateKey);
    if (problems && problems.length > 0) show(problems);
    else showError(error);
  };
  return { show, onSaveError };
}
