import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * Working days of mainland China for workflow deadlines (the bureau's 5-working-day review, a
 * department's 10-working-day update).
 *
 * Conventions shared by every function here:
 * - Everything works on calendar dates in Asia/Shanghai. A `Date` is an instant and is first turned
 *   into its Shanghai calendar date (2025-09-30T17:00Z is 2025-10-01); a string must be a calendar
 *   date `YYYY-MM-DD` and is taken as it is. The machine's time zone never matters.
 * - A working day is a make-up workday (调休上班), or a Monday to Friday that is not a statutory
 *   holiday, as published by the State Council each year and shipped by the `chinese-days` package.
 * - A year the package does not cover ({@link calendarCovers} is false) falls back to Monday to
 *   Friday: its holidays are counted as working days until the package is updated. A year's notice can
 *   also move days at the end of the year before (the 2019 notice made Saturday 2018-12-29 a workday);
 *   such days are known only once that notice is in the package.
 */

/** A calendar date `YYYY-MM-DD` (taken as is), or an instant (taken as its date in Asia/Shanghai). */
export type CalendarDateInput = string | Date;

/** Where a workflow deadline stands on a given day. */
export interface DeadlineStatus {
  /** The last working day on which the work is on time, `YYYY-MM-DD` in Asia/Shanghai. */
  dueDate: string;
  /** Working days after today up to and including `dueDate`: 0 on the due date, negative once past it. */
  remaining: number;
  /** True once today (in Asia/Shanghai) is after `dueDate`. */
  overdue: boolean;
}

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const calendar: CalendarData = chineseDays;
const coveredYears = new Set(Object.keys(calendar.holidays).map((date) => Number(date.slice(0, 4))));

const shanghaiDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Days since 1970-01-01 of a calendar date; arithmetic on these never touches a time zone. */
function toDayNumber(input: CalendarDateInput): number {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('Invalid Date');
    const parts = shanghaiDate.formatToParts(input);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day')) / MS_PER_DAY;
  }
  const match = DATE_PATTERN.exec(input);
  if (match) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(year, month - 1, day);
    if (new Date(ms).toISOString().slice(0, 10) === input) return ms / MS_PER_DAY;
  }
  throw new RangeError(`Not a calendar date YYYY-MM-DD: ${JSON.stringify(input)}`);
}

function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function isWorkingDayNumber(dayNumber: number): boolean {
  const iso = toIsoDate(dayNumber);
  if (calendar.workdays[iso] !== undefined) return true;
  if (calendar.holidays[iso] !== undefined) return false;
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  return weekday >= 1 && weekday <= 5;
}

/** Working days in (start, end]; negative when end is before start (`0 - x`, so never -0). */
function countWorkingDays(start: number, end: number): number {
  if (end < start) return 0 - countWorkingDays(end, start);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) if (isWorkingDayNumber(day)) count += 1;
  return count;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
}

/** Whether the package holds the official holiday calendar of `year`; otherwise Monday to Friday is assumed. */
export function calendarCovers(year: number): boolean {
  return coveredYears.has(year);
}

/** Whether `date` (its calendar date in Asia/Shanghai) is a working day. */
export function isWorkingDay(date: CalendarDateInput): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/**
 * The nth working day after the calendar date of `start`, as `YYYY-MM-DD`: the start day itself never
 * counts, whether or not it is a working day (a Friday start with n = 1 gives the next Monday).
 * n = 0 gives the start date itself. Throws a RangeError unless n is a whole number ≥ 0.
 */
export function addWorkingDays(start: CalendarDateInput, n: number): string {
  assertCount(n);
  let day = toDayNumber(start);
  for (let left = n; left > 0;) {
    day += 1;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return toIsoDate(day);
}

/**
 * Working days elapsed after the calendar date of `from` up to and including that of `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`:
 * `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`; 0 on the same date.
 */
export function workingDaysBetween(from: CalendarDateInput, to: CalendarDateInput): number {
  return countWorkingDays(toDayNumber(from), toDayNumber(to));
}

/**
 * Where a deadline of `limitDays` working days, counted from `startedAt`, stands at `now`. The due date
 * is `addWorkingDays(startedAt, limitDays)`; the work is on time through the whole of the due date in
 * Asia/Shanghai. `remaining` is `workingDaysBetween(today, dueDate)`: `limitDays` on the start date,
 * 0 on the due date, and minus the working days elapsed since the due date once overdue (0 on a
 * weekend right after it, while `overdue` is already true).
 */
export function deadlineStatus(startedAt: CalendarDateInput, limitDays: number, now: CalendarDateInput): DeadlineStatus {
  const dueDate = addWorkingDays(startedAt, limitDays);
  const today = toDayNumber(now);
  const due = toDayNumber(dueDate);
  return { dueDate, remaining: countWorkingDays(today, due), overdue: today > due };
}
