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

/** The figures of one latency run over a list of paths. */
export interface LatencyFigures {
  p50Ms: number;
  p95Ms: number;
  requestsPerSecond: number;
  total: number;
}

/** The value below which a share `q` (0…1) of the sorted figures lie (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]!;
}

/**
 * Drives GET on `paths` of `baseUrl` (taken in turn across all connections, so every path is in
 * flight at every moment) with a fixed number of connections, and measures each response's latency
 * (autocannon's histogram has no p95); throws when any request errs or is not 2xx.
 */
export function runLatencyLoad(
  baseUrl: string,
  paths: readonly string[],
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LatencyFigures> {
  let next = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        pipelining: 1,
        headers: options.headers ?? {},
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        if (result.errors > 0 || result.non2xx > 0)
          return reject(
            new Error(
              `load on ${baseUrl}: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx of ${result.requests.total}`,
            ),
          );
        if (latencies.length === 0) return reject(new Error(`load on ${baseUrl}: no request completed`));
        const sorted = latencies.sort((a, b) => a - b);
        resolve({
          p50Ms: percentile(sorted, 0.5),
          p95Ms: percentile(sorted, 0.95),
          requestsPerSecond: result.requests.average,
          total: sorted.length,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
