import type { CatalogEntryContent, EntryStatus, MountStatus } from '@shuyuan/contracts';
import type { DemoRandom } from '../../demo/demo-random';
import { workingDaysBetween } from '../../platform/workdays';
import { RETIRE_REASONS, RETURN_COMMENTS } from './catalog.demo-data';
import { changedContent, firstVersionOf } from './catalog.demo-content';
import type { DemoActor, DemoEvent, PlannedEntry } from './catalog.demo-writer';

/** Where a demo entry's story ends: a status, `overdue` (submitted 8+ working days ago) or `published2` (two versions). */
export type DemoPlan =
  'draft' | 'submitted' | 'overdue' | 'returned' | 'published' | 'published2' | 'change_review' | 'retire_review' | 'retired';

/** The steps of each story, as the service records them. */
const STEPS: Record<DemoPlan, readonly string[]> = {
  draft: ['create'],
  submitted: ['create', 'submit'],
  overdue: ['create', 'submit'],
  returned: ['create', 'submit', 'return'],
  published: ['create', 'submit', 'publish'],
  published2: ['create', 'submit', 'publish', 'edit_change', 'submit_change', 'publish'],
  change_review: ['create', 'submit', 'publish', 'edit_change', 'submit_change'],
  retire_review: ['create', 'submit', 'publish', 'request_retire'],
  retired: ['create', 'submit', 'publish', 'request_retire', 'retire'],
};

const TARGET: Record<string, EntryStatus> = {
  create: 'draft',
  submit: 'submitted',
  return: 'returned',
  publish: 'published',
  edit_change: 'published',
  submit_change: 'change_review',
  request_retire: 'retire_review',
  retire: 'retired',
};

const BY_REVIEWER = new Set(['return', 'publish', 'retire']);

/** Weighted draw of a story for an entry with no fixed one: mostly published, a few of every other kind. */
export function drawPlan(rng: DemoRandom): DemoPlan {
  const x = rng.next();
  if (x < 0.05) return 'draft';
  if (x < 0.08) return 'submitted';
  if (x < 0.1) return 'overdue';
  if (x < 0.13) return 'returned';
  if (x < 0.16) return 'change_review';
  if (x < 0.18) return 'retire_review';
  if (x < 0.2) return 'retired';
  if (x < 0.23) return 'published2';
  return 'published';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When the story's last step happened: recent for work in review, 8+ working days back when overdue. */
function lastStepAt(rng: DemoRandom, plan: DemoPlan, now: Date): Date {
  if (plan === 'overdue') {
    const wanted = 8 + rng.int(0, 6);
    let at = new Date(now.getTime() - wanted * DAY);
    while (workingDaysBetween(at, now) < wanted) at = new Date(at.getTime() - DAY);
    return new Date(at.getTime() - rng.int(0, 8) * HOUR);
  }
  if (plan === 'submitted' || plan === 'change_review' || plan === 'retire_review') return new Date(now.getTime() - rng.int(1, 30) * HOUR);
  if (plan === 'draft' || plan === 'returned') return new Date(now.getTime() - rng.int(1, 20) * DAY - rng.int(0, 23) * HOUR);
  return new Date(now.getTime() - rng.int(3, 500) * DAY - rng.int(0, 23) * HOUR);
}

/** What is fixed about an entry before its story: where it belongs, who compiles and reviews it. */
export interface EntrySubject {
  code: string;
  departmentId: string;
  departmentName: string;
  content: CatalogEntryContent;
  officer: DemoActor;
  reviewer: DemoActor;
}

/** The entry with the timeline, versions, feed rows and pending change its story leaves behind. */
export function planEntry(rng: DemoRandom, subject: EntrySubject, plan: DemoPlan, now: Date): PlannedEntry {
  const steps = STEPS[plan];
  const times: Date[] = [lastStepAt(rng, plan, now)];
  for (let i = steps.length - 1; i > 0; i--) times.unshift(new Date(times[0]!.getTime() - rng.int(1, 12) * DAY - rng.int(1, 20) * HOUR));

  const { content } = subject;
  const versions: PlannedEntry['versions'] = [];
  const changes: PlannedEntry['changes'] = [];
  const events: DemoEvent[] = [];
  let status: EntryStatus | null = null;
  for (const [i, action] of steps.entries()) {
    const at = times[i]!;
    const to = TARGET[action]!;
    const event: DemoEvent = { action, from: status, to, actor: BY_REVIEWER.has(action) ? subject.reviewer : subject.officer, at };
    if (action === 'publish') {
      const revision = versions.length + 1;
      const published = plan === 'published2' && revision === 1 ? firstVersionOf(content) : content;
      versions.push({ revision, content: published, at, by: subject.reviewer.id });
      changes.push({ kind: revision === 1 ? 'published' : 'changed', revision, at });
      event.details = { revision };
    }
    if (action === 'return') {
      event.comment = rng.pick(RETURN_COMMENTS);
      event.details = { reviewed: 'submitted' };
    }
    if (action === 'request_retire') event.comment = rng.pick(RETIRE_REASONS);
    if (action === 'retire') changes.push({ kind: 'retired', revision: versions.length, at });
    events.push(event);
    status = to;
  }

  const inForce = versions.length > 0;
  const mountStatus: MountStatus = inForce && rng.next() < 0.85 ? 'mounted' : 'unmounted';
  return {
    code: subject.code,
    departmentId: subject.departmentId,
    departmentName: subject.departmentName,
    status: status!,
    mountStatus,
    content,
    pending: plan === 'change_review' ? changedContent(content) : null,
    createdBy: subject.officer.id,
    events,
    versions,
    changes,
  };
}
