import { CronExpressionParser } from 'cron-parser';
import type { UpdateCycle } from '@shuyuan/contracts';

/** Cron times are the bureau's wall clock. */
export const SCHEDULE_TZ = 'Asia/Shanghai';

/** The cron a catalog entry's update cycle (更新周期) implies: off-hours, so a run never competes with the working day. */
export const CYCLE_CRON: Record<UpdateCycle, string> = {
  realtime: '*/5 * * * *',
  daily: '0 2 * * *',
  weekly: '0 2 * * 1',
  monthly: '0 2 1 * *',
  quarterly: '0 2 1 1,4,7,10 *',
  half_yearly: '0 2 1 1,7 *',
  yearly: '0 2 1 1 *',
  other: '0 2 * * *',
};

/** Why a cron expression was refused; null when it parses (five fields, minute first). */
export function cronProblem(expr: string): string | null {
  if (expr.trim().split(/\s+/).length !== 5) return 'five fields: minute hour day-of-month month day-of-week';
  try {
    CronExpressionParser.parse(expr, { tz: SCHEDULE_TZ });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** When a job runs next after `from`; null for a job run by hand only. */
export function nextRunAt(
  job: { schedule: 'manual' | 'cycle' | 'cron'; cron: string | null },
  cycle: UpdateCycle | null | undefined,
  from: Date = new Date(),
): Date | null {
  if (job.schedule === 'manual') return null;
  const expr = job.schedule === 'cron' ? job.cron! : CYCLE_CRON[cycle ?? 'daily'];
  return CronExpressionParser.parse(expr, { currentDate: from, tz: SCHEDULE_TZ }).next().toDate();
}
