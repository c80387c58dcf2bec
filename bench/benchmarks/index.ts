import type { Benchmark } from '../lib/types';
import { auditAppend } from './audit-append';
import { cascadeLag } from './cascade-lag';
import { catalogImport } from './catalog-import';
import { catalogSearch } from './catalog-search';
import { exchangeMariadbImport } from './exchange-mariadb-import';
import { exchangeTableSync } from './exchange-table-sync';
import { gatewayLookup } from './gateway-lookup';
import { httpHealthz } from './http-healthz';
import { startupReady } from './startup-ready';

/** Every benchmark `npm run bench` knows, in the order they run; a new one is one file here and one line in this list. */
export const benchmarks: readonly Benchmark[] = [
  startupReady,
  httpHealthz,
  cascadeLag,
  catalogSearch,
  catalogImport,
  auditAppend,
  gatewayLookup,
  exchangeTableSync,
  exchangeMariadbImport,
];
