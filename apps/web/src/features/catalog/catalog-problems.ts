import { CatalogEntryContent, ErrorCode, contentProblems, type ContentProblem } from '@shuyuan/contracts';
import { ApiError } from '@/api/client';
import type { Translate } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/** A form field's name path, as antd's Form wants it: `items.0.name` → `['items', 0, 'name']`. */
export type FieldPath = (string | number)[];

/** A problem with one field of the form, in the user's language. */
export interface FieldProblem {
  path: FieldPath;
  message: string;
}

/** The compile rules' reasons (`contentProblems` in @shuyuan/contracts), in the user's language. */
const reasonKeys: Record<string, MessageKey> = {
  'conditional sharing needs its condition': 'catalog.problem.sharingCondition',
  'not sharing needs its legal basis': 'catalog.problem.sharingBasis',
  'an entry that is not shared has no sharing method': 'catalog.problem.noMethodWhenNotShared',
  'a shared entry needs at least one sharing method': 'catalog.problem.methodRequired',
  'a method is listed twice': 'catalog.problem.methodTwice',
  'only database and spreadsheet resources share as tables': 'catalog.problem.tableFormat',
  'conditional opening needs its condition': 'catalog.problem.openCondition',
  'say what the update cycle is': 'catalog.problem.updateCycleNote',
  'the time range ends before it starts': 'catalog.problem.timeRange',
  'a data item with this name already exists': 'catalog.problem.itemDuplicate',
  'character items need a length': 'catalog.problem.charLength',
  'precision larger than the length': 'catalog.problem.precision',
};

/** The text of a rule's reason; a reason we do not know yet is shown as the server wrote it. */
export function reasonText(t: Translate, reason: string): string {
  const key = reasonKeys[reason];
  return key ? t(key) : reason;
}

/** True when the reason has a translation (a test keeps the list in step with the rules). */
export function isKnownReason(reason: string): boolean {
  return reason in reasonKeys;
}

/** `content.items.0.name` (or `/content/items/0/name`) → `['items', 0, 'name']`; the request wrapper `content` is dropped. */
export function pathOf(field: string): FieldPath {
  const parts = field
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return parts[0] === 'content' ? parts.slice(1) : parts;
}

/** The rules' problems as field problems. */
export function fromContentProblems(t: Translate, problems: readonly ContentProblem[]): FieldProblem[] {
  return problems.map((problem) => ({ path: pathOf(problem.field), message: reasonText(t, problem.reason) }));
}

/** The shape of a zod issue we read (the client parses with the same schema as the server). */
export interface ShapeIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** A field-shape issue (too long, bad format…) in the user's language. */
export function issueText(t: Translate, issue: Omit<ShapeIssue, 'path'>): string {
  const limit = (value: number | bigint | undefined) => (value === undefined ? undefined : Number(value));
  const min = limit(issue.minimum);
  const max = limit(issue.maximum);
  if (issue.code === 'too_small' && min !== undefined) {
    if (issue.origin === 'array') return t('catalog.validation.minItems', { min });
    if (issue.origin === 'number') return t('catalog.validation.minValue', { min });
    return min <= 1 ? t('validation.required') : t('validation.min', { min });
  }
  if (issue.code === 'too_big' && max !== undefined) {
    if (issue.origin === 'array') return t('catalog.validation.maxItems', { max });
    if (issue.origin === 'number') return t('catalog.validation.maxValue', { max });
    return t('validation.max', { max });
  }
  if (issue.code === 'too_small') return t('validation.required');
  if (issue.code === 'invalid_format' || issue.code === 'invalid_string' || issue.code === 'pattern') return t('catalog.validation.format');
  if (issue.code === 'invalid_value' || issue.code === 'invalid_type' || issue.code === 'invalid_enum_value')
    return t('catalog.validation.invalid');
  return issue.message || t('catalog.validation.invalid');
}

/** Zod issues as field problems. */
export function fromShapeIssues(t: Translate, issues: readonly ShapeIssue[]): FieldProblem[] {
  return issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issueText(t, issue),
  }));
}

/**
 * The field problems a failed save carries: the rules' `details.problems`, the schema's
 * `details.issues` (paths like `content.items.0.name`), a single `{field, reason}`, or a duplicate
 * name. Null when the error is not about the fields.
 */
export function problemsFromError(t: Translate, error: unknown): FieldProblem[] | null {
  if (!(error instanceof ApiError)) return null;
  const details = (error.details ?? {}) as {
    problems?: ContentProblem[];
    issues?: { in?: string; path?: string; code?: string; message?: string }[];
    field?: string;
    reason?: string;
  };
  if (error.code === ErrorCode.Duplicate && details.field === 'name') return [{ path: ['name'], message: t('catalog.problem.nameTaken') }];
  if (error.status !== 400) return null;
  if (Array.isArray(details.problems) && details.problems.length > 0) return fromContentProblems(t, details.problems);
  if (Array.isArray(details.issues) && details.issues.length > 0)
    return details.issues
      .filter((issue) => !issue.in || issue.in === 'body')
      .map((issue) => ({
        path: pathOf(issue.path ?? ''),
        message: issueText(t, { code: issue.code ?? '', message: issue.message ?? '' }),
      }));
  if (details.field && details.reason) return [{ path: pathOf(details.field), message: reasonText(t, details.reason) }];
  return null;
}

/** Problems grouped per field for `form.setFields`, and those no field of the form shows. */
export interface GroupedProblems {
  fields: { name: FieldPath; errors: string[] }[];
  general: FieldProblem[];
}

/** Groups problems by field; `toField` gives the form field that shows a path, or null when none does. */
export function groupProblems(problems: readonly FieldProblem[], toField: (path: FieldPath) => FieldPath | null): GroupedProblems {
  const byPath = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: FieldProblem[] = [];
  for (const problem of problems) {
    const name = problem.path.length > 0 ? toField(problem.path) : null;
    if (!name) {
      general.push(problem);
      continue;
    }
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(problem.message)) entry.errors.push(problem.message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], general };
}

/**
 * Checks form content with the server's own schema and compile rules (@shuyuan/contracts), so the
 * form refuses exactly what the server would: the content to send, or the problems to show.
 */
export function checkContent(
  t: Translate,
  draft: unknown,
): { content: CatalogEntryContent; problems: [] } | { content: null; problems: FieldProblem[] } {
  const parsed = CatalogEntryContent.safeParse(draft);
  if (!parsed.success) return { content: null, problems: fromShapeIssues(t, parsed.error.issues) };
  const problems = contentProblems(parsed.data);
  if (problems.length > 0) return { content: null, problems: fromContentProblems(t, problems) };
  return { content: parsed.data, problems: [] };
}
