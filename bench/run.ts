// `npm run bench`: runs the named benchmarks, each against its baseline in the same run, writes
// bench/results.json and prints a table. A missed goal is reported, not fatal; a crash exits 1.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarks } from './benchmarks';
import { parseBenchArgs, selectBenchmarks, toResult, type BenchArgs } from './lib/goal';
import { describeMachine } from './lib/machine';
import { stopAllServers } from './lib/server';
import { formatTable } from './lib/table';
import type { Benchmark, BenchReport, BenchResult } from './lib/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('./results.json', import.meta.url));

const USAGE = `Usage: npm run bench -- [--only a,b] [--scale small|full] [--out <file>]

Benchmarks: ${benchmarks.map((b) => b.name).join(', ')}`;

// Runs the benchmarks the command line selects; returns the process exit code.
async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  let selected: Benchmark[];
  try {
    args = parseBenchArgs(argv);
    selected = selectBenchmarks(benchmarks, args.only);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  const out = args.out ? resolve(args.out) : DEFAULT_OUT;
  const report: BenchReport = { machine: describeMachine(args.scale), results: [] };
  const errors: NonNullable<BenchReport['errors']> = [];
  for (const bench of selected) {
    const log = (message: string) => console.log(`[bench] ${bench.name}: ${message}`);
    log(`running at scale ${args.scale}`);
    const started = process.hrtime.bigint();
    try {
      const measurement = await bench.run({ scale: args.scale, root: ROOT, log });
      report.results.push({ ...toResult(bench, measurement), scale: args.scale });
      log(`done in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`[bench] ${bench.name}: CRASHED\n${text}`);
      errors.push({ name: bench.name, error: text });
      await stopAllServers();
    }
  }
  if (errors.length > 0) report.errors = errors;
  // A partial run (--only) keeps the figures of the benchmarks it did not run, each with its own date.
  report.results = [...(await previousResults(out)).filter((r) => !selected.some((b) => b.name === r.name)), ...report.results].sort(
    (a, b) => order(a.name) - order(b.name),
  );

  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatTable(report)}\n\nwrote ${out}`);
  return errors.length > 0 ? 1 : 0;
}

async function previousResults(path: string): Promise<BenchResult[]> {
  try {
    const previous = JSON.parse(await readFile(path, 'utf8')) as BenchReport;
    return previous.results.map((r) => ({ ...r, measuredAt: r.measuredAt ?? previous.machine.date }));
  } catch {
    return [];
  }
}

function order(name: string): number {
  const index = benchmarks.findIndex((b) => b.name === name);
  return index < 0 ? benchmarks.length : index;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping the servers under test`);
    void stopAllServers().finally(() => process.exit(130));
  });
}

process.exitCode = await main(process.argv.slice(2));
