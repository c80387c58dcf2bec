import { formatGoal } from './goal';
import type { BenchReport } from './types';

/** A figure with about three significant digits: 17.2, 0.412, 15234. */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '-';
  const abs = Math.abs(n);
  if (abs >= 100) return Math.round(n).toString();
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

/** The report as a plain-text table, one row per benchmark, plus one line per crash. */
export function formatTable(report: BenchReport): string {
  const header = ['benchmark', 'metric', 'value', 'baseline', 'baseline value', 'ratio', 'goal', 'result'];
  const rows = report.results.map((r) => [
    r.name,
    r.metric,
    formatNumber(r.value),
    r.baseline.name,
    formatNumber(r.baseline.value),
    formatNumber(r.ratio),
    formatGoal(r.goal),
    r.pass ? 'PASS' : 'FAIL',
  ]);
  const numeric = new Set([2, 4, 5]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const e of report.errors ?? []) out.push(`${e.name}: CRASHED (${e.error.split('\n')[0]})`);
  const m = report.machine;
  out.push('', `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}, scale ${m.scale}, ${m.date}`);
  return out.join('\n');
}
