import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../db/schema';

/** Whether a nonce was new, and for a new one the gateway configuration's version the statement saw. */
export interface NonceStamp {
  fresh: boolean;
  version: number | null;
}

interface Waiting {
  key: string;
  nonce: string;
  expiresAt: Date;
  resolve: (stamp: NonceStamp) => void;
  reject: (error: unknown) => void;
}

type Inserted = { key: string; nonce: string; version: string | number };

/** The most nonces one statement remembers. */
const BATCH = 500;

/**
 * The batch statement as a named prepared statement, for a PostgreSQL server: each pool connection parses
 * and plans it once, then only binds and executes it (about half the server's work per batch).
 */
const REMEMBER: Pick<pg.QueryConfig, 'name' | 'text'> = {
  name: 'shuyuan_nonce_remember_v2',
  text: `insert into signature_nonce (key, nonce, expires_at)
    select * from unnest($1::text[], $2::text[], $3::timestamptz[])
    on conflict (key, nonce) do nothing
    returning key, nonce, (select version from gateway_config_version where id = 1) as version`,
};

/**
 * Remembers request nonces in batches: the calls that arrive while one statement runs share the next
 * one, so a busy gateway pays one round trip for many calls instead of one each. The unique key of
 * signature_nonce decides across processes; within a batch, a nonce seen twice is fresh only once. The same
 * statement reads the version of the gateway's configuration (ADR 010), as of its snapshot: a change committed
 * before it is one the call must see.
 */
export class NonceBatcher {
  private queue: Waiting[] = [];
  private running = false;

  /** `pool` is the pool behind `db` on a PostgreSQL server (none on PGlite): batches then run as a prepared statement. */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly pool?: pg.Pool,
  ) {}

  /** Fresh when the nonce was not used before (and is now remembered until `expiresAt`). */
  remember(key: string, nonce: string, expiresAt: Date): Promise<NonceStamp> {
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
      for (const w of repeats) w.resolve({ fresh: false, version: null });
      const unique = [...first.values()];
      try {
        const rows = await this.insert(
          unique.map((w) => w.key),
          unique.map((w) => w.nonce),
          unique.map((w) => w.expiresAt.toISOString()),
        );
        const inserted = new Map(rows.map((r) => [`${r.key}\n${r.nonce}`, Number(r.version)]));
        for (const [id, w] of first)
          w.resolve(inserted.has(id) ? { fresh: true, version: inserted.get(id)! } : { fresh: false, version: null });
      } catch (error) {
        for (const w of unique) w.reject(error);
      }
    }
    this.running = false;
  }

  /** Inserts the nonces not yet remembered; returns those it inserted. */
  private async insert(keys: string[], nonces: string[], expiresAt: string[]): Promise<Inserted[]> {
    if (this.pool) return (await this.pool.query<Inserted>({ ...REMEMBER, values: [keys, nonces, expiresAt] })).rows;
    const { rows } = await sql<Inserted>`
      insert into signature_nonce (key, nonce, expires_at)
      select * from unnest(${keys}::text[], ${nonces}::text[], ${expiresAt}::timestamptz[])
      on conflict (key, nonce) do nothing
      returning key, nonce, (select version from gateway_config_version where id = 1) as version`.execute(this.db);
    return rows;
  }
}
