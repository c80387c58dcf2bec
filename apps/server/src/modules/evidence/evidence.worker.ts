import type { FastifyBaseLogger } from 'fastify';
import type { EvidenceLog } from './evidence.service';

/** How often queued entries are sequenced into the tree. */
const SEQUENCE_MS = 250;
/** How often a checkpoint is signed when the tree has grown (contracts §4: every minute). */
const CHECKPOINT_MS = 60_000;

/**
 * Runs the evidence log in the background of a server process: sequences what is queued every
 * 250 ms and signs a checkpoint every minute when the tree has grown. Several processes may run one:
 * the tree's row lock lets one sequence at a time, and a checkpoint of a size is signed once.
 */
export class EvidenceSequencer {
  private sequenceTimer: NodeJS.Timeout | null = null;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: EvidenceLog,
    private readonly logger: FastifyBaseLogger,
    private readonly intervals = { sequenceMs: SEQUENCE_MS, checkpointMs: CHECKPOINT_MS },
  ) {}

  start(): void {
    const tick = (work: () => Promise<unknown>, what: string) => () => {
      this.running = this.running.then(work).catch((err: unknown) => this.logger.warn({ err }, `evidence log: ${what} failed`));
    };
    this.sequenceTimer = setInterval(
      tick(() => this.log.drain(), 'sequencing'),
      this.intervals.sequenceMs,
    );
    this.checkpointTimer = setInterval(
      tick(() => this.log.checkpointIfGrown(), 'signing a checkpoint'),
      this.intervals.checkpointMs,
    );
    this.sequenceTimer.unref();
    this.checkpointTimer.unref();
  }

  /** Stops the timers and waits for the work in hand (then sequences what is left). */
  async stop(): Promise<void> {
    if (this.sequenceTimer) clearInterval(this.sequenceTimer);
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    await this.running;
    await this.log.drain().catch((err: unknown) => this.logger.warn({ err }, 'evidence log: sequencing at shutdown failed'));
  }
}
