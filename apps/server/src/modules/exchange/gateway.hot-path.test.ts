import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadDemo, type DemoApp } from '../../demo/demo';
import { SealedBox } from '../../platform/crypto/provider';
import { signatureHeaders } from '../../platform/signing';
import { describeEachEngine } from '../../../test/databases';
import { buildTestApp } from '../../../test/factories';
import { exchangeRepository } from './exchange.repository';

/**
 * What the gateway's hot path may not drop while it saves round trips: replay protection across processes
 * and restarts, revocations that apply at once in every process (the configuration's version), and daily
 * counts read only for grants that have a daily quota.
 */
describeEachEngine('the gateway hot path', (get) => {
  let app: FastifyInstance;
  let dataDir: string;
  let consumer: { key: string; secret: string };
  let path: string;
  const extra: FastifyInstance[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-gateway-hot-'));
    await loadDemo(get().db, { box: new SealedBox(Buffer.alloc(32, 7)), dataDir });
    const apps = (JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { apps: DemoApp[] }).apps;
    const demo = apps.find((a) => a.app === 'demo-consumer')!;
    consumer = { key: demo.key, secret: demo.secret };
    const [population] = demo.resources as [{ code: string; query: string }];
    path = `/gateway/v1/${population.code}?${population.query}`;
    ({ app } = await buildTestApp(get()));
  }, 60_000);
  afterAll(async () => {
    for (const other of extra) await other.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Another process serving the same database: an app of its own, with its own caches and batches. */
  const anotherProcess = async () => {
    const built = await buildTestApp(get());
    extra.push(built.app);
    return built.app;
  };
  const call = (target: FastifyInstance, headers: Record<string, string>, url = path) => target.inject({ method: 'GET', url, headers });

  it('refuses a replayed nonce in another process, at the same moment and later, and after a restart', async () => {
    const other = await anotherProcess();
    const headers = signatureHeaders({ method: 'GET', url: path }, consumer);
    const [a, b] = await Promise.all([call(app, headers), call(other, headers)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    expect([a, b].find((r) => r.statusCode === 401)!.json().code).toBe('REPLAYED');
    expect((await call(other, headers)).json().code).toBe('REPLAYED');

    const fresh = signatureHeaders({ method: 'GET', url: path }, consumer);
    expect((await call(other, fresh)).statusCode).toBe(200);
    await other.close();
    const restarted = await anotherProcess();
    expect((await call(restarted, fresh)).json().code).toBe('REPLAYED');
    expect((await call(app, fresh)).json().code).toBe('REPLAYED');
  });

  it("applies a revocation made by another process to the very next call, and a secret's rotation too", async () => {
    const other = await anotherProcess();
    const grants = await get()
      .db.selectFrom('exchange_grant as g')
      .innerJoin('client_app as a', 'a.id', 'g.app_id')
      .select(['g.id', 'g.status'])
      .where('a.app_key', '=', consumer.key)
      .execute();
    // Both processes have served the consumer: each holds its key and grant in its caches.
    expect((await call(app, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);
    expect((await call(other, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);
    try {
      // "Another process" revokes in the database (as an administrator's request there would); no cache is told.
      await get()
        .db.updateTable('exchange_grant')
        .set({ status: 'revoked' })
        .where(
          'id',
          'in',
          grants.map((g) => g.id),
        )
        .execute();
      const refused = await call(app, signatureHeaders({ method: 'GET', url: path }, consumer));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('NO_GRANT');
      expect((await call(other, signatureHeaders({ method: 'GET', url: path }, consumer))).json().code).toBe('NO_GRANT');
    } finally {
      for (const g of grants) await get().db.updateTable('exchange_grant').set({ status: g.status }).where('id', '=', g.id).execute();
    }
    expect((await call(app, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);

    // The secret is revoked elsewhere: the next call signed with it is refused.
    const { id: appId } = await get()
      .db.selectFrom('client_app')
      .select('id')
      .where('app_key', '=', consumer.key)
      .executeTakeFirstOrThrow();
    try {
      await get().db.updateTable('app_secret').set({ revoked_at: new Date() }).where('app_id', '=', appId).execute();
      const unsigned = await call(other, signatureHeaders({ method: 'GET', url: path }, consumer));
      expect(unsigned.statusCode).toBe(401);
    } finally {
      await get().db.updateTable('app_secret').set({ revoked_at: null }).where('app_id', '=', appId).execute();
    }
    expect((await call(other, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);
  });

  it('reads no day count for a grant without a daily quota, and one for a grant with one', async () => {
    const spy = vi.spyOn(exchangeRepository, 'callsSince');
    const { id: appId } = await get()
      .db.selectFrom('client_app')
      .select('id')
      .where('app_key', '=', consumer.key)
      .executeTakeFirstOrThrow();
    const setQuota = (perDay: number | null) =>
      get().db.updateTable('exchange_grant').set({ calls_per_day: perDay }).where('app_id', '=', appId).execute();
    try {
      await setQuota(null);
      const unlimited = await anotherProcess();
      for (let i = 0; i < 3; i++)
        expect((await call(unlimited, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);
      expect(spy).not.toHaveBeenCalled();

      await setQuota(100_000);
      const limited = await anotherProcess();
      expect((await call(limited, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("looks a new process's first call up once, and shares the configuration's version among a burst of refusals", async () => {
    const grants = vi.spyOn(exchangeRepository, 'liveGrant');
    const versions = vi.spyOn(exchangeRepository, 'configVersion');
    try {
      const fresh = await anotherProcess();
      expect((await call(fresh, signatureHeaders({ method: 'GET', url: path }, consumer))).statusCode).toBe(200);
      // Its nonce statement returned the version it had learnt first: no second round of checks and reads.
      expect(grants).toHaveBeenCalledTimes(1);
      expect(versions).toHaveBeenCalledTimes(1);

      // Thirty calls for a resource with no grant, at once: each refusal stands only after a version read that
      // started after the call arrived, and the calls share such reads.
      versions.mockClear();
      const nowhere = '/gateway/v1/999999/999999?id=1';
      const refused = await Promise.all(
        Array.from({ length: 30 }, () => call(fresh, signatureHeaders({ method: 'GET', url: nowhere }, consumer), nowhere)),
      );
      expect(refused.map((r) => r.json().code)).toEqual(Array.from({ length: 30 }, () => 'NO_GRANT'));
      expect(versions.mock.calls.length).toBeGreaterThan(0);
      expect(versions.mock.calls.length).toBeLessThan(10);
    } finally {
      grants.mockRestore();
      versions.mockRestore();
    }
  });
});
