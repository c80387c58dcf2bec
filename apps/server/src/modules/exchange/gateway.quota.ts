const DAY_MS = 86_400_000;
/** Quota days turn at midnight China Standard Time (UTC+8). */
const CST_OFFSET_MS = 8 * 3_600_000;
/** How often a grant's day count is read again from the log (other processes serve calls too). */
const REFRESH_MS = 5_000;

/** The start of the quota day holding `now`. */
export function dayStart(now: number): number {
  return Math.floor((now + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/**
 * Rate limits and daily quotas of the gateway. Calls per second are counted in this process (per
 * application and per grant); calls per day are the committed log's count, read again every few
 * seconds, plus the calls this process served since.
 */
export function gatewayQuota() {
  const seconds = new Map<string, { second: number; count: number }>();
  const days = new Map<string, { day: number; base: number; readAt: number; local: number }>();

  /** Counts one call in a one-second window; false when the limit was already reached. */
  const hit = (key: string, limit: number, second: number) => {
    const window = seconds.get(key);
    if (!window || window.second !== second) {
      if (seconds.size > 100_000) seconds.clear();
      seconds.set(key, { second, count: 1 });
      return true;
    }
    if (window.count >= limit) return false;
    window.count += 1;
    return true;
  };

  return {
    /** Takes one call from the application's and the grant's rate; returns the limit that refused it, or null. */
    take(appId: string, appLimit: number, grantId: string, grantLimit: number | null, now: number): number | null {
      const second = Math.floor(now / 1000);
      if (!hit(`a:${appId}`, appLimit, second)) return appLimit;
      if (grantLimit !== null && !hit(`g:${grantId}`, grantLimit, second)) return grantLimit;
      return null;
    },
    /** Successful calls of a grant today, across processes (as fresh as the last read) and in this one. */
    async usedToday(
      grantId: string,
      now: number,
      countSince: (since: Date) => Promise<number>,
      pending: ReadonlyMap<string, number>,
    ): Promise<number> {
      const day = dayStart(now);
      let entry = days.get(grantId);
      if (!entry || entry.day !== day || now - entry.readAt > REFRESH_MS) {
        // The log's count holds what is committed; `pending` what this process wrote and has not committed.
        const base = (await countSince(new Date(day))) + (pending.get(grantId) ?? 0);
        entry = { day, base, readAt: now, local: 0 };
        days.set(grantId, entry);
      }
      return entry.base + entry.local;
    },
    /** Counts a served call against the day. */
    count(grantId: string, now: number): void {
      const entry = days.get(grantId);
      if (entry && entry.day === dayStart(now)) entry.local += 1;
    },
    secondsToNextDay(now: number): number {
      return Math.max(1, Math.ceil((dayStart(now) + DAY_MS - now) / 1000));
    },
  };
}
