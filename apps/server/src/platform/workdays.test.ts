import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, deadlineStatus, isWorkingDay, workingDaysBetween } from './workdays';

// Facts below are from the State Council notices for 2024–2026, checked against chinese-days 1.5.7.

const DAY = 86_400_000;
/** A calendar date `YYYY-MM-DD` from 2003-07-01 to 2027-12-31: covered years and the fallback around them. */
const calendarDate = fc
  .integer({ min: Date.UTC(2003, 6, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY })
  .map((day) => new Date(day * DAY).toISOString().slice(0, 10));
const count = fc.integer({ min: 0, max: 40 });

const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += DAY) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

describe('calendarCovers', () => {
  it('covers the years the package publishes and no others', () => {
    for (const year of [2004, 2024, 2025, 2026]) expect(calendarCovers(year)).toBe(true);
    for (const year of [2003, 2030, 2100]) expect(calendarCovers(year)).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('knows the 2025 National Day and Mid-Autumn holiday and its make-up workdays', () => {
    for (const date of dates('2025-10-01', '2025-10-08')) expect(isWorkingDay(date), date).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up workday
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up workday
    expect(isWorkingDay('2025-09-30')).toBe(true);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-12')).toBe(false); // an ordinary Sunday
  });

  it('knows the 2026 Spring Festival', () => {
    for (const date of dates('2026-02-15', '2026-02-23')) expect(isWorkingDay(date), date).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, make-up workday
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, make-up workday
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('knows the 2024 calendar', () => {
    expect(isWorkingDay('2024-09-14')).toBe(true); // Saturday before Mid-Autumn, make-up workday
    expect(isWorkingDay('2024-09-16')).toBe(false); // Monday, Mid-Autumn
    expect(isWorkingDay('2024-10-07')).toBe(false);
  });

  it('falls back to Monday to Friday in a year the package does not cover', () => {
    expect(calendarCovers(2030)).toBe(false);
    expect(isWorkingDay('2030-01-01')).toBe(true); // a Tuesday; New Year's Day is not known yet
    expect(isWorkingDay('2030-01-05')).toBe(false); // a Saturday
  });

  it('agrees with the package on every covered day', () => {
    // The package's functions build their tables at load time in the machine's zone, so west of UTC they
    // answer for the day before ('2004-09-06' is a Sunday in Los Angeles): the reason workdays.ts reads
    // its JSON. To compare, load a fresh copy of the package in UTC.
    const require = createRequire(import.meta.url);
    process.env.TZ = 'UTC';
    delete require.cache[require.resolve('chinese-days')];
    const chineseDays = require('chinese-days') as typeof import('chinese-days');
    const covered = calendarDate.filter((date) => calendarCovers(Number(date.slice(0, 4))));
    fc.assert(fc.property(covered, (date) => isWorkingDay(date) === chineseDays.isWorkday(date)));
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2025-02-30', '2025-9-1', '2025-10-01T00:00:00Z', '']) expect(() => isWorkingDay(bad)).toThrow(RangeError);
    expect(() => isWorkingDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('time zone', () => {
  it('takes an instant as its calendar date in Shanghai', () => {
    expect(isWorkingDay(new Date('2025-09-30T15:59:59Z'))).toBe(true); // 23:59:59 on 30 September
    expect(isWorkingDay(new Date('2025-09-30T17:00:00Z'))).toBe(false); // already 1 October
    expect(addWorkingDays(new Date('2025-09-30T17:00:00Z'), 1)).toBe('2025-10-09');
  });

  it('gives the same answers whatever the machine time zone', () => {
    const answers = () => [
      isWorkingDay(new Date('2025-09-30T17:00:00Z')),
      isWorkingDay('2025-10-01'),
      addWorkingDays(new Date('2025-09-25T17:00:00Z'), 1),
      workingDaysBetween('2025-09-30', new Date('2025-10-10T15:00:00Z')),
    ];
    const expected = [false, false, '2025-09-28', 2];
    for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = zone;
      expect(answers(), zone).toEqual(expected);
    }
  });

  it('matches UTC+8 for any instant', () => {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (at) => {
        const shanghai = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        return isWorkingDay(at) === isWorkingDay(shanghai) && addWorkingDays(at, 0) === shanghai;
      }),
    );
  });
});

describe('addWorkingDays', () => {
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(addWorkingDays('2025-09-30', 5)).toBe('2025-10-14'); // 9, 10, 11 (Sat), 13, 14 October
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28'); // Friday → the make-up Sunday
    expect(addWorkingDays('2025-09-26', 10)).toBe('2025-10-16');
  });

  it('skips the 2026 Spring Festival', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(addWorkingDays('2026-02-12', 10)).toBe('2026-03-04'); // through the make-up Saturday 28 February
  });

  it('never counts the start day, even when it is a working day or a holiday', () => {
    expect(addWorkingDays('2025-10-09', 1)).toBe('2025-10-10');
    expect(addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-03', 0)).toBe('2025-10-03');
  });

  it('takes only a whole number of days ≥ 0', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => addWorkingDays('2025-10-09', n)).toThrow(RangeError);
  });

  it('lands on a working day', () => {
    fc.assert(fc.property(calendarDate, fc.integer({ min: 1, max: 40 }), (date, n) => isWorkingDay(addWorkingDays(date, n))));
  });

  it('is undone by workingDaysBetween', () => {
    fc.assert(fc.property(calendarDate, count, (date, n) => workingDaysBetween(date, addWorkingDays(date, n)) === n));
  });

  it('grows strictly with n', () => {
    fc.assert(
      fc.property(calendarDate, count, count, (date, a, b) => {
        fc.pre(a !== b);
        const [n, m] = a < b ? [a, b] : [b, a];
        return addWorkingDays(date, n) < addWorkingDays(date, m);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after from, up to and including to', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2);
    expect(workingDaysBetween('2025-09-27', '2025-09-28')).toBe(1); // the make-up Sunday
    expect(workingDaysBetween('2025-10-09', '2025-10-09')).toBe(0);
  });

  it('is negative backwards, and never -0', () => {
    expect(workingDaysBetween('2025-10-10', '2025-09-30')).toBe(-2);
    expect(workingDaysBetween('2025-10-08', '2025-09-30')).toBe(0);
    fc.assert(fc.property(calendarDate, calendarDate, (a, b) => Object.is(workingDaysBetween(a, b), 0 - workingDaysBetween(b, a))));
  });
});

describe('deadlineStatus', () => {
  // 10:00 in Shanghai on Tuesday 30 September 2025, the day before National Day.
  const startedAt = new Date('2025-09-30T02:00:00Z');
  const at = (date: string) => new Date(`${date}T12:00:00+08:00`);

  it('runs from the full limit down to 0 on the due date, and negative after', () => {
    expect(deadlineStatus(startedAt, 5, at('2025-09-30'))).toEqual({ dueDate: '2025-10-14', remaining: 5, overdue: false });
    expect(deadlineStatus(startedAt, 5, at('2025-10-08'))).toEqual({ dueDate: '2025-10-14', remaining: 5, overdue: false });
    expect(deadlineStatus(startedAt, 5, at('2025-10-11'))).toEqual({ dueDate: '2025-10-14', remaining: 2, overdue: false });
    expect(deadlineStatus(startedAt, 5, new Date('2025-10-14T15:59:59Z'))).toEqual({ dueDate: '2025-10-14', remaining: 0, overdue: false });
    expect(deadlineStatus(startedAt, 5, new Date('2025-10-14T16:00:00Z'))).toEqual({ dueDate: '2025-10-14', remaining: -1, overdue: true });
  });

  it('is overdue on a weekend right after the due date with 0 remaining', () => {
    expect(deadlineStatus('2025-10-17', 5, at('2025-10-25'))).toEqual({ dueDate: '2025-10-24', remaining: 0, overdue: true });
  });

  it('starts on the Shanghai date of the start instant', () => {
    // 01:00 on Friday 26 September in Shanghai, still Thursday in UTC.
    expect(deadlineStatus(new Date('2025-09-25T17:00:00Z'), 1, at('2025-09-26')).dueDate).toBe('2025-09-28');
  });

  it('gives a department 10 working days across the 2026 Spring Festival', () => {
    expect(deadlineStatus('2026-02-12', 10, at('2026-02-20'))).toEqual({ dueDate: '2026-03-04', remaining: 8, overdue: false });
  });
});
