/** The same promise, with a rejection marked handled: it is awaited later, or dropped when the run stops early. */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Pages read ahead of the one the caller writes. Each read starts when the one before it has ended (its last row
 * is the next one's cursor), so one connection serves them in turn; up to `depth` pages are read or being read
 * beyond the one taken, so neither the source waits for the writer nor the writer for the source while there is
 * room. A failed read fails every later one, each when taken. A caller that stops early closes it before giving
 * the connection back: no read starts after that, and the ones under way have ended when close resolves.
 */
export class ReadAhead<P> {
  private readonly queue: Promise<P | null>[] = [];
  private newest: Promise<P | null>;
  private closed = false;

  /**
   * @param first the first read, resolving to null when there is nothing to read
   * @param after the read that follows a page, or null when that page was the last
   */
  constructor(
    first: () => Promise<P | null>,
    private readonly after: (page: P) => (() => Promise<P | null>) | null,
    private readonly depth: number,
  ) {
    this.newest = quiet(first());
    this.queue.push(this.newest);
    this.fill();
  }

  private fill() {
    while (this.queue.length < this.depth) {
      this.newest = quiet(
        this.newest.then((page) => {
          const next = page === null || this.closed ? null : this.after(page);
          return next ? next() : null;
        }),
      );
      this.queue.push(this.newest);
    }
  }

  /** Starts no more reads; resolves once those under way have ended (failed or not). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.queue);
  }

  /** The next page, or null after the last (and on every call after that). */
  next(): Promise<P | null> {
    const page = this.queue.shift()!;
    this.fill();
    return page;
  }
}

/**
 * Steps (a batch's write and commit) run on `count` connections in turn: step n takes lane n % count once the step
 * before it on that lane has ended, and is handed the step just before it (on whichever lane), to wait for where
 * order matters — a batch commits after the one before, so a run's cursor never passes a batch not committed. A
 * failed step fails the next `run` on its lane, or `drain`; `settle` waits for every step, failed or not.
 */
export class Lanes {
  private readonly running: (Promise<unknown> | null)[];
  private last: Promise<unknown> | null = null;
  private turn = 0;

  constructor(readonly count: number) {
    this.running = new Array<Promise<unknown> | null>(count).fill(null);
  }

  /** Starts the next step once its lane is free (resolves when it has started, not ended). */
  async run(step: (lane: number, before: Promise<unknown> | null) => Promise<unknown>): Promise<void> {
    const lane = this.turn++ % this.count;
    await this.running[lane];
    const started = quiet(step(lane, this.last));
    this.running[lane] = started;
    this.last = started;
  }

  /** Waits for every step started; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
  }

  /** Waits for every step started, failed or not: before its connections are given back. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.running);
  }
}
