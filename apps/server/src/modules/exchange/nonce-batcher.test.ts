import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/databases';
import { NonceBatcher } from './nonce-batcher';

describeEachEngine('the nonce batcher', (get) => {
  it('lets each nonce through once: in one batch, across batches and across batchers (processes)', async () => {
    const expires = new Date(Date.now() + 600_000);
    // On a PostgreSQL server one batcher uses the pool's prepared statement and the other Kysely: they must agree.
    const one = new NonceBatcher(get().db, get().pool);
    const other = new NonceBatcher(get().db);
    // Sent at once: the same nonce three times under one key, once under another key, and from a second process.
    const answers = await Promise.all([
      one.remember('app-a', 'nonce-0000000000000001', expires),
      one.remember('app-a', 'nonce-0000000000000001', expires),
      other.remember('app-a', 'nonce-0000000000000001', expires),
      one.remember('app-b', 'nonce-0000000000000001', expires),
      one.remember('app-a', 'nonce-0000000000000002', expires),
    ]);
    expect(answers.filter((a, i) => i < 3 && a)).toHaveLength(1);
    expect(answers.slice(3)).toEqual([true, true]);
    expect(await one.remember('app-a', 'nonce-0000000000000002', expires)).toBe(false);
    const many = await Promise.all(
      Array.from({ length: 1200 }, (_, i) => other.remember('app-c', `bulk-nonce-${String(i % 600).padStart(8, '0')}`, expires)),
    );
    expect(many.filter(Boolean)).toHaveLength(600);
  });
});
