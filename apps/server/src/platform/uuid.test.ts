import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuid';

describe('uuidv7', () => {
  it('is a version 7, variant 10 UUID whose first 48 bits are the time in milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        const id = uuidv7(ms);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
      }),
    );
    // RFC 9562's example time: 2022-02-22T19:22:22Z.
    expect(uuidv7(0x017f22e279b0).startsWith('017f22e2-79b0-7')).toBe(true);
  });

  it('sorts by time as text, and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => uuidv7(1_764_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const times = ids.map((id) => id.slice(0, 13));
    expect([...times].sort()).toEqual(times);
  });
});
