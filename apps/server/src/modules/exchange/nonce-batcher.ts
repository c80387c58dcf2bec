import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../db/schema';

interface Waiting {
  key: string;
  nonce: string;
  expiresAt: Date;
  resolve: (fresh: boolean) => void;
  reject: (error: unknown) => void;
}

/** The most nonces one statement remembers. */
const BATCH = 500;

/**
 * The batch statement as a named prepared statement, for a PostgreSQL server: each pool connection parses
 * and plans it once, then only binds and executes it (about half the server's work per batch).
 */
const REMEMBER: Pick<pg.QueryConfig, 'name' | 'text'> = {
  name: 'shuyuan_nonce_remember_v1',
  text: `insert into signature_nonce (key, nonce, expires_at)
    select * from unnest($1::text[], $2::text[], $3::timestamptz[])
    on conflict (key, nonce) do nothing
    returning key, nonce`,
};

/**
 * Remembers request nonces in batches: the calls that arrive while one statement runs share the next
 * one, so a busy gateway pays one round trip for many calls instead of one each. The unique key of
 * signature_nonce decides across processes; within a batch, a nonce seen twice is fresh only once.
 */
export class NonceBatcher {
  private queue: Waiting[] = [];
  private running = false;

  /** `pool` is the pool behind `db` on a PostgreSQL server (none on PGlite): batches then run as a prepared statement. */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly pool?: pg.Pool,
  ) {}

  /** True when the nonce was not used before (and is now remembered until `expiresAt`). */
  remember(key: string, nonce: string, expiresAt: Date): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, nonce, expiresAt, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, BATCH);
      const first = new Map<string, Waiting>();
      const repeats: Waiting[] = [];
      for (const w of batch) {
        const id = `${w.key}\n${w.nonce}`;
        if (first.has(id)) repeats.push(w);
        else first.set(id, w);
      }
      for (const w of repeats) w.resolve(false);
      const unique = [...first.values()];
      try {
        const rows = await this.insert(
          unique.map((w) => w.key),
          unique.map((w) => w.nonce),
          unique.map((w) => w.expiresAt.toISOString()),
        );
        const inserted = new Set(rows.map((r) => `${r.key}\n${r.nonce}`));
        for (const [id, w] of first) w.resolve(inserted.has(id));
      } catch (error) {
        for (const w of unique) w.reject(error);
      }
    }
    this.running = false;
  }

  /** Inserts the nonces not yet remembered; returns those it inserted. */
  private async insert(keys: string[], nonces: string[], expiresAt: string[]): Promise<{ key: string; nonce: string }[]> {
    if (this.pool) return (await this.pool.query<{ key: string; nonce: string }>({ ...REMEMBER, values: [keys, nonces, expiresAt] })).rows;
    const { rows } = await sql<{ key: string; nonce: string }>`
      insert into signature_nonce (key, nonce, expires_at)
      select * from unnest(${keys}::text[], ${nonces}::text[], ${expiresAt}::timestamptz[])
      on conflict (key, nonce) do nothing
      returning key, nonce`.execute(this.db);
    return rows;
  }
}
