import { parseArgs } from 'node:util';
import type { Benchmark, BenchResult, Goal, Measurement, Scale } from './types';

/** The command line of `npm run bench`, parsed. */
export interface BenchArgs {
  /** Names given with --only; undefined means every benchmark. */
  only: string[] | undefined;
  scale: Scale;
  /** The results file as given (relative to the working directory), undefined for the default. */
  out: string | undefined;
  help: boolean;
}

/** Parses `--only a,b`, `--scale small|full` and `--out <file>`; throws on anything else. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      only: { type: 'string' },
      scale: { type: 'string', default: 'small' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const scale = values.scale;
  if (scale !== 'small' && scale !== 'full') throw new Error(`--scale must be small or full, not ${JSON.stringify(scale)}`);
  const only = values.only === undefined ? undefined : splitNames(values.only);
  if (only && only.length === 0) throw new Error('--only needs at least one benchmark name');
  return { only, scale, out: values.out, help: values.help ?? false };
}

function splitNames(list: string): string[] {
  return [
    ...new Set(
      list
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0),
    ),
  ];
}

/** Picks the benchmarks named by --only, in the registry's order; throws listing the known names on an unknown one. */
export function selectBenchmarks<T extends Pick<Benchmark, 'name'>>(all: readonly T[], only: string[] | undefined): T[] {
  if (!only) return [...all];
  const known = new Set(all.map((b) => b.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  const wanted = new Set(only);
  return all.filter((b) => wanted.has(b.name));
}

/** value / baseline, or null when the baseline is zero (no meaningful ratio). */
export function computeRatio(value: number, baseline: number): number | null {
  return baseline === 0 ? null : value / baseline;
}

/** Whether a figure meets its goal; a goal on a ratio that does not exist fails. */
export function meetsGoal(goal: Goal | NonNullable<Goal['and']>, value: number, ratio: number | null): boolean {
  const subject = goal.of === 'value' ? value : ratio;
  if (subject === null || !Number.isFinite(subject)) return false;
  const met = goal.op === '<=' ? subject <= goal.value : subject >= goal.value;
  return met && (!('and' in goal) || !goal.and || meetsGoal(goal.and, value, ratio));
}

/** Turns a benchmark's measurement into its results.json entry: ratio and pass computed from the goal. */
export function toResult(bench: Pick<Benchmark, 'name' | 'metric' | 'goal'>, measurement: Measurement): BenchResult {
  const ratio = computeRatio(measurement.value, measurement.baseline.value);
  return {
    name: bench.name,
    metric: bench.metric,
    value: measurement.value,
    baseline: { name: measurement.baseline.name, value: measurement.baseline.value },
    ratio,
    goal: bench.goal,
    pass: meetsGoal(bench.goal, measurement.value, ratio),
    measuredAt: new Date().toISOString(),
    ...(measurement.details ? { details: measurement.details } : {}),
  };
}

/** The goal in a few characters for the table, e.g. `value <= 30` or `ratio >= 0.5`. */
export function formatGoal(goal: Goal): string {
  const one = (g: Pick<Goal, 'of' | 'op' | 'value'>) => `${g.of} ${g.op} ${g.value}`;
  return goal.and ? `${one(goal)} and ${one(goal.and)}` : one(goal);
}
