/**
 * The loop of a background worker: one round at a time (a round runs `round` until it reports no more work),
 * again every `pollMs`, at once when kicked; `stop` waits for the round in progress. The timer never keeps the
 * process alive.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private kicked = false;
  private stopped = true;

  constructor(
    private readonly round: (stopped: () => boolean) => Promise<void>,
    private readonly pollMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts looking for work (at once, then every pollMs). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for work now: called after this process queued some. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.kicked = true;
    else this.schedule(0);
  }

  /** Stops looking for work and waits for the round in progress, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
    this.timer.unref();
  }

  private async loop() {
    if (this.running || this.stopped) return;
    this.running = this.round(() => this.stopped).catch(this.onError);
    await this.running;
    this.running = null;
    if (!this.stopped) this.schedule(this.kicked ? 0 : this.pollMs);
    this.kicked = false;
  }
}
