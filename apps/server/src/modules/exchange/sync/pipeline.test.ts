import { describe, expect, it } from 'vitest';
import { Lanes, ReadAhead } from './pipeline';

/** A source of pages 1..last, recording the reads started and how many ran at once. */
function source(last: number, failAt?: number) {
  const started: number[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const read = (n: number) => async (): Promise<number | null> => {
    started.push(n);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((r) => setTimeout(r, 1));
    running--;
    if (n === failAt) throw new Error(`page ${n} failed`);
    return n <= last ? n : null;
  };
  return { started, read, mostAtOnce: () => mostAtOnce };
}

describe('ReadAhead', () => {
  it('gives every page in order, then null, reading one at a time and never more than depth ahead', async () => {
    const s = source(7);
    const ahead = new ReadAhead(s.read(1), (page) => s.read(page + 1), 2);
    const got: number[] = [];
    for (let page = await ahead.next(); page !== null; page = await ahead.next()) {
      got.push(page);
      // While the caller holds a page, at most two more are read or being read.
      await new Promise((r) => setTimeout(r, 5));
      expect(s.started.length).toBeLessThanOrEqual(page + 2);
    }
    expect(got).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.started).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.mostAtOnce()).toBe(1);
    expect(await ahead.next()).toBeNull();
  });

  it('stops at a page its rule says is the last, without reading past it', async () => {
    const s = source(100);
    const ahead = new ReadAhead(s.read(1), (page) => (page < 3 ? s.read(page + 1) : null), 4);
    const got: number[] = [];
    for (let page = await ahead.next(); page !== null; page = await ahead.next()) got.push(page);
    expect(got).toEqual([1, 2, 3]);
    expect(s.started).toEqual([1, 2, 3]);
  });

  it('fails the page that failed and every later one, with no read after it', async () => {
    const s = source(10, 3);
    const ahead = new ReadAhead(s.read(1), (page) => s.read(page + 1), 2);
    expect(await ahead.next()).toBe(1);
    expect(await ahead.next()).toBe(2);
    await expect(ahead.next()).rejects.toThrow('page 3 failed');
    await expect(ahead.next()).rejects.toThrow('page 3 failed');
    expect(s.started).toEqual([1, 2, 3]);
  });

  it('starts no read once closed, and resolves close when the read under way has ended', async () => {
    const s = source(100);
    const ahead = new ReadAhead(s.read(1), (page) => s.read(page + 1), 3);
    expect(await ahead.next()).toBe(1);
    await ahead.close();
    const started = s.started.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(s.started.length).toBe(started);
    expect(started).toBeLessThanOrEqual(3);
  });
});

describe('Lanes', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('runs steps on the lanes in turn, one at a time per lane, each ending after the step before it where it waits', async () => {
    const lanes = new Lanes(2);
    const busy = [0, 0];
    const ended: number[] = [];
    let mostPerLane = 0;
    for (let n = 0; n < 8; n++)
      await lanes.run(async (lane, before) => {
        expect(lane).toBe(n % 2);
        busy[lane]!++;
        mostPerLane = Math.max(mostPerLane, busy[lane]!);
        await tick(n % 3 === 0 ? 15 : 1); // some steps' own work is slower than the next one's
        await before;
        ended.push(n);
        busy[lane]!--;
      });
    await lanes.drain();
    expect(ended).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(mostPerLane).toBe(1);
  });

  it('runs two steps side by side on two lanes', async () => {
    const lanes = new Lanes(2);
    let running = 0;
    let most = 0;
    for (let n = 0; n < 4; n++)
      await lanes.run(async () => {
        running++;
        most = Math.max(most, running);
        await tick(5);
        running--;
      });
    await lanes.drain();
    expect(most).toBe(2);
  });

  it("fails the next step on the failed one's lane, and drain; settle waits for all, failed or not", async () => {
    const lanes = new Lanes(2);
    await lanes.run(() => Promise.reject(new Error('batch 0 failed')));
    let second = false;
    await lanes.run(async () => {
      await tick(5);
      second = true;
    });
    await expect(lanes.run(async () => {})).rejects.toThrow('batch 0 failed');
    await lanes.settle();
    expect(second).toBe(true);
    await expect(lanes.drain()).rejects.toThrow('batch 0 failed');
  });
});
