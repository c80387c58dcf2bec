import autocannon from 'autocannon';
import type { Scale } from './types';

/** The connections autocannon keeps open. */
export const LOAD_CONNECTIONS = 50;

/** Seconds of each measured load run at a scale. */
export function loadSeconds(scale: Scale): number {
  return scale === 'full' ? 30 : 10;
}

/** Seconds of the warm-up run before measuring (JIT, connection setup). */
export function warmUpSeconds(scale: Scale): number {
  return scale === 'full' ? 5 : 2;
}

/** The figures of one load run. */
export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  total: number;
}

/** Drives GET url with autocannon (50 connections, pipelining 1); throws when any request errs or is not 2xx. */
export async function runLoad(url: string, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: LOAD_CONNECTIONS, duration: seconds, pipelining: 1 });
  // A rate of failures is no throughput: refuse the figure rather than report it.
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `load on ${url}: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx of ${result.requests.total}`,
    );
  }
  if (result.requests.total === 0) throw new Error(`load on ${url}: no request completed`);
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
  };
}
