/** How much work a run does: `small` for a quick look, `full` for figures worth quoting. */
export type Scale = 'small' | 'full';

/** The target a benchmark is judged by: its own value, or its ratio to the baseline. */
export interface Goal {
  op: '<=' | '>=';
  value: number;
  of: 'value' | 'ratio';
  /** Why this goal, in words (quotes the requirement it comes from). */
  text: string;
  /** A second condition the figure must meet as well (e.g. a ratio and an absolute floor). */
  and?: { op: '<=' | '>='; value: number; of: 'value' | 'ratio' };
}

/** What a benchmark's run hands the harness: its figure and the baseline's, measured the same way. */
export interface Measurement {
  value: number;
  baseline: { name: string; value: number };
  /** What else a reader needs to judge the figure (data size, per-query figures), kept in results.json. */
  details?: Record<string, string | number>;
}

/** What the harness gives a benchmark to run with. */
export interface BenchContext {
  scale: Scale;
  /** The repository root (the working directory of every child process). */
  root: string;
  /** Prints a progress line under the benchmark's name. */
  log(message: string): void;
}

/** One named benchmark; add one as a file in bench/benchmarks/ and list it in bench/benchmarks/index.ts. */
export interface Benchmark {
  name: string;
  /** The unit of value, e.g. 'seconds', 'requests/s', 'ms p95'. */
  metric: string;
  goal: Goal;
  run(ctx: BenchContext): Promise<Measurement>;
}

/** One entry of results.json. */
export interface BenchResult {
  name: string;
  metric: string;
  value: number;
  baseline: { name: string; value: number };
  /** value / baseline.value; null when the baseline is zero. */
  ratio: number | null;
  goal: Goal;
  pass: boolean;
  /** When this figure was measured (a partial run keeps older figures of other benchmarks). */
  measuredAt?: string;
  /** The scale this figure was measured at (a partial run may mix scales). */
  scale?: Scale;
  details?: Record<string, string | number>;
}

/** The machine a run happened on, recorded beside the figures. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
  scale: Scale;
}

/** The whole of results.json. */
export interface BenchReport {
  machine: MachineInfo;
  results: BenchResult[];
  /** Benchmarks that crashed in this run; present only when one did. */
  errors?: { name: string; error: string }[];
}
