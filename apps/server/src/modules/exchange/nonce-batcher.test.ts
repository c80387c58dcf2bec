import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment } from '../../../test/factories';
import { NonceBatcher } from './nonce-batcher';

describeEachEngine('the nonce batcher', (get) => {
  it('lets each nonce through once: in one batch, across batches and across batchers (processes)', async () => {
    const expires = new Date(Date.now() + 600_000);
    // On a PostgreSQL server one batcher uses the pool's prepared statement and the other Kysely: they must agree.
    const one = new NonceBatcher(get().db, get().pool);
    const other = new NonceBatcher(get().db);
    // Sent at once: the same nonce three times under one key, once under another key, and from a second process.
    const answers = (
      await Promise.all([
        one.remember('app-a', 'nonce-0000000000000001', expires),
        one.remember('app-a', 'nonce-0000000000000001', expires),
        other.remember('app-a', 'nonce-0000000000000001', expires),
        one.remember('app-b', 'nonce-0000000000000001', expires),
        one.remember('app-a', 'nonce-0000000000000002', expires),
      ])
    ).map((s) => s.fresh);
    expect(answers.filter((a, i) => i < 3 && a)).toHaveLength(1);
    expect(answers.slice(3)).toEqual([true, true]);
    expect((await one.remember('app-a', 'nonce-0000000000000002', expires)).fresh).toBe(false);
    const many = await Promise.all(
      Array.from({ length: 1200 }, (_, i) => other.remember('app-c', `bulk-nonce-${String(i % 600).padStart(8, '0')}`, expires)),
    );
    expect(many.filter((s) => s.fresh)).toHaveLength(600);
  });

  it("answers a fresh nonce with the gateway configuration's version, which a committed change moves on once", async () => {
    const expires = new Date(Date.now() + 600_000);
    const batchers = [new NonceBatcher(get().db, get().pool), new NonceBatcher(get().db)];
    const version = async (b: NonceBatcher) => (await b.remember('app-v', `v-${Math.random()}`, expires)).version!;
    const before = await version(batchers[0]!);
    expect(await version(batchers[1]!)).toBe(before);
    expect((await batchers[0]!.remember('app-v', 'same', expires)).version).not.toBeNull();
    expect(await batchers[0]!.remember('app-v', 'same', expires)).toEqual({ fresh: false, version: null });

    // A transaction that changes several rows of watched tables moves the version by one, at its commit.
    const department = await buildDepartment(get().db);
    await get()
      .db.transaction()
      .execute(async (trx) => {
        for (const key of ['ver-app-1', 'ver-app-2'])
          await trx.insertInto('client_app').values({ department_id: department.id, name: key, app_key: key, status: 'active' }).execute();
        await trx.updateTable('client_app').set({ status: 'disabled' }).where('app_key', 'in', ['ver-app-1', 'ver-app-2']).execute();
        // Another connection does not see it before the commit (PGlite has one connection: nothing to look from).
        if (get().pool) expect(await version(batchers[0]!)).toBe(before);
      });
    const after = await version(batchers[0]!);
    expect(after).toBe(before + 1);
    // A rolled-back change does not move it; an entry's title does not either (only status, sharing, code matter).
    await get()
      .db.transaction()
      .execute(async (trx) => {
        await sql`update exchange_grant set purpose = purpose where true`.execute(trx);
        await sql`select 1 / 0`.execute(trx);
      })
      .catch(() => {});
    await sql`update catalog_entry set updated_at = updated_at where true`.execute(get().db);
    expect(await version(batchers[1]!)).toBe(after);
  });
});
