import { APP_CALLS_PER_SECOND } from '@shuyuan/contracts';
import { resolve } from 'node:path';

/** The most source lookups the gateway sends as one statement (SHUYUAN_GATEWAY_LOOKUP_BATCH may lower it). */
export const LOOKUP_BATCH_MOST = 32;

/** Settings read from the environment, with their defaults. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  logLevel: string;
  secureCookies: boolean;
  sessionHours: number;
  /** Gateway calls per second one application may make over all its grants (SHUYUAN_GATEWAY_APP_RATE). */
  gatewayAppRate: number;
  /** The most source lookups the gateway sends as one statement; 1 sends each alone (SHUYUAN_GATEWAY_LOOKUP_BATCH). */
  gatewayLookupBatch: number;
  /** Seconds after which a table-job run whose process stopped renewing it is taken over (SHUYUAN_JOB_LEASE_SECONDS). */
  jobLeaseSeconds: number;
  /** How often an idle process looks for due table-job runs and schedules, in ms (SHUYUAN_JOB_POLL_MS). */
  jobPollMs: number;
}

/** SHUYUAN_GATEWAY_LOOKUP_BATCH as a whole number from 1 to LOOKUP_BATCH_MOST; unset, empty or not a number: the most. */
function lookupBatch(text: string | undefined): number {
  const n = Math.floor(Number(text));
  return !text || !Number.isFinite(n) ? LOOKUP_BATCH_MOST : Math.max(1, Math.min(LOOKUP_BATCH_MOST, n));
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SHUYUAN_DATA_DIR ?? './data'),
    masterKey: env.SHUYUAN_MASTER_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.SHUYUAN_SECURE_COOKIES === '1',
    sessionHours: Number(env.SHUYUAN_SESSION_HOURS ?? 12),
    gatewayAppRate: Number(env.SHUYUAN_GATEWAY_APP_RATE ?? APP_CALLS_PER_SECOND),
    gatewayLookupBatch: lookupBatch(env.SHUYUAN_GATEWAY_LOOKUP_BATCH),
    jobLeaseSeconds: Number(env.SHUYUAN_JOB_LEASE_SECONDS ?? 60),
    jobPollMs: Number(env.SHUYUAN_JOB_POLL_MS ?? 5000),
  };
}
