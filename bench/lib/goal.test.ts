import { describe, expect, it } from 'vitest';
import { computeRatio, formatGoal, meetsGoal, parseBenchArgs, selectBenchmarks, toResult } from './goal';
import { median } from './stats';
import type { Goal } from './types';

const atMost30: Goal = { op: '<=', value: 30, of: 'value', text: 'ready within 30 s' };
const halfOfBaseline: Goal = { op: '>=', value: 0.5, of: 'ratio', text: 'at least half the bare throughput' };

describe('ratio and pass', () => {
  it('divides the value by the baseline', () => {
    expect(computeRatio(20, 4)).toBe(5);
    expect(computeRatio(3, 12)).toBe(0.25);
  });

  it('has no ratio against a zero baseline', () => {
    expect(computeRatio(5, 0)).toBeNull();
  });

  it('judges a goal on the value, bounds included', () => {
    expect(meetsGoal(atMost30, 29.9, 100)).toBe(true);
    expect(meetsGoal(atMost30, 30, 100)).toBe(true);
    expect(meetsGoal(atMost30, 30.1, 0.1)).toBe(false);
  });

  it('judges a goal on the ratio, bounds included', () => {
    expect(meetsGoal(halfOfBaseline, 1, 0.5)).toBe(true);
    expect(meetsGoal(halfOfBaseline, 1_000_000, 0.49)).toBe(false);
  });

  it('judges a goal with a second condition on both', () => {
    const both: Goal = { ...halfOfBaseline, and: { op: '>=', value: 20_000, of: 'value' } };
    expect(meetsGoal(both, 20_000, 0.5)).toBe(true);
    expect(meetsGoal(both, 19_999, 0.9)).toBe(false);
    expect(meetsGoal(both, 90_000, 0.4)).toBe(false);
    expect(formatGoal(both)).toBe('ratio >= 0.5 and value >= 20000');
  });

  it('fails a ratio goal when there is no ratio', () => {
    expect(meetsGoal(halfOfBaseline, 10, null)).toBe(false);
  });

  it('builds the results.json entry', () => {
    const bench = { name: 'http.healthz', metric: 'requests/s', goal: halfOfBaseline };
    const result = toResult(bench, { value: 6000, baseline: { name: 'bare Fastify GET /healthz', value: 10000 } });
    expect(result).toEqual({
      name: 'http.healthz',
      metric: 'requests/s',
      value: 6000,
      baseline: { name: 'bare Fastify GET /healthz', value: 10000 },
      ratio: 0.6,
      goal: halfOfBaseline,
      pass: true,
      measuredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(toResult(bench, { value: 4000, baseline: { name: 'bare', value: 10000 } }).pass).toBe(false);
  });

  it('prints the goal briefly', () => {
    expect(formatGoal(atMost30)).toBe('value <= 30');
    expect(formatGoal(halfOfBaseline)).toBe('ratio >= 0.5');
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('command line', () => {
  it('defaults to every benchmark at small scale', () => {
    expect(parseBenchArgs([])).toEqual({ only: undefined, scale: 'small', out: undefined, help: false });
  });

  it('splits --only on commas, trimming and dropping repeats', () => {
    expect(parseBenchArgs(['--only', 'startup.ready, http.healthz,startup.ready']).only).toEqual(['startup.ready', 'http.healthz']);
    expect(parseBenchArgs(['--only=http.healthz']).only).toEqual(['http.healthz']);
  });

  it('reads --scale and --out', () => {
    expect(parseBenchArgs(['--scale', 'full', '--out', '/tmp/r.json'])).toMatchObject({ scale: 'full', out: '/tmp/r.json' });
  });

  it('refuses an unknown scale, an empty --only and unknown flags', () => {
    expect(() => parseBenchArgs(['--scale', 'huge'])).toThrow(/small or full/);
    expect(() => parseBenchArgs(['--only', ' , '])).toThrow(/at least one/);
    expect(() => parseBenchArgs(['--fast'])).toThrow();
  });
});

describe('selecting benchmarks', () => {
  const all = [{ name: 'startup.ready' }, { name: 'http.healthz' }, { name: 'catalog.search' }];

  it('keeps the registry order whatever the order of --only', () => {
    expect(selectBenchmarks(all, ['catalog.search', 'startup.ready']).map((b) => b.name)).toEqual(['startup.ready', 'catalog.search']);
  });

  it('selects everything without --only', () => {
    expect(selectBenchmarks(all, undefined)).toHaveLength(3);
  });

  it('names the unknown benchmark and lists the known ones', () => {
    expect(() => selectBenchmarks(all, ['http.healthz', 'gateway.lookup'])).toThrow(
      'unknown benchmark: gateway.lookup; known: startup.ready, http.healthz, catalog.search',
    );
  });
});
