import { uuidv7 } from '../../platform/uuid';
import {
  APP_CALLS_PER_SECOND,
  ErrorCode,
  RESERVED_PARAMS,
  isValidCitizenId,
  isValidDivisionCode,
  isValidUscc,
  type ApiField,
  type ApiParam,
  type MaskType,
  type RowCondition,
} from '@shuyuan/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../db/schema';
import { hmacSm3, sm3Hex, type SealedBox } from '../../platform/crypto/provider';
import { LOOKUP_BATCH_MOST } from '../../platform/config';
import { AppError } from '../../platform/errors';
import { messageFor, pickLang } from '../../platform/i18n';
import { MaskError, compileMasks, effectiveMask } from '../../platform/masking';
import { checkSignature, SIGNATURE_HEADERS, type IncomingRequest } from '../../platform/signing';
import type { AppsService } from '../identity';
import { openSource } from '../sources';
import type { CallLog, CallRecord } from './call-log';
import { IN_FORCE, exchangeRepository as repo, type ApiRow } from './exchange.repository';
import { SourceReadError, physicalReader, sourceReader, type ColumnCondition, type RowReader } from './gateway.readers';
import { gatewayQuota } from './gateway.quota';
import { NonceBatcher } from './nonce-batcher';

/**
 * How long the gateway keeps what it looked up (keys, APIs, grants, sources) at most. It does not rely on it
 * for revocations: every call learns the configuration's version from its nonce statement, and a call that
 * finds it moved looks everything up again (ADR 010).
 */
const CACHE_MS = 60_000;
const DEFAULT_PAGE = 20;
/** Refusals that depend on the configuration (keys, APIs, grants): checked against its version before they stand. */
const CONFIG_REFUSALS: ReadonlySet<string> = new Set([
  ErrorCode.UnknownKey,
  ErrorCode.BadSignature,
  ErrorCode.NoGrant,
  ErrorCode.GrantExpired,
  ErrorCode.FieldNotGranted,
  ErrorCode.BadParameter,
  ErrorCode.SourceUnavailable,
]);

type Cached<T> = { at: number; version: number | null; value: T };
type AppKeyInfo = { appId: string; departmentId: string; secrets: string[] };
type GrantInfo = {
  id: string;
  departmentId: string;
  validFrom: number;
  validTo: number;
  fields: Set<string>;
  rowFilter: RowCondition[];
  masks: Record<string, MaskType>;
  callsPerDay: number | null;
  callsPerSecond: number | null;
};

/** What the gateway answers: the exact bytes, so the logged digest is the digest of what was sent. */
export interface GatewayAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const refusal = (status: number, code: ErrorCode, details: Record<string, unknown> = {}) => new AppError(status, code, details);
const badParameter = (param: string, reason: string) => refusal(400, ErrorCode.BadParameter, { param, reason });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkFormat(param: ApiParam, value: string): string | number {
  switch (param.format) {
    case 'id_card': {
      const v = value.toUpperCase();
      if (!isValidCitizenId(v)) throw badParameter(param.name, 'not a valid 18-digit citizen ID number (GB 11643)');
      return v;
    }
    case 'uscc': {
      const v = value.toUpperCase();
      if (!isValidUscc(v)) throw badParameter(param.name, 'not a valid unified social credit code (GB 32100)');
      return v;
    }
    case 'division':
      if (!isValidDivisionCode(value)) throw badParameter(param.name, 'not a division code (GB/T 2260)');
      return value;
    case 'int':
      if (!/^-?\d{1,15}$/.test(value)) throw badParameter(param.name, 'not a whole number');
      return Number(value);
    case 'date':
      if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badParameter(param.name, 'not a date (YYYY-MM-DD)');
      return value;
    case 'text':
      // eslint-disable-next-line no-control-regex
      if (value.length > 200 || /[\u0000-\u001f]/.test(value))
        throw badParameter(param.name, 'at most 200 characters, no control characters');
      return value;
  }
}

/** A value as JSON carries it: dates as ISO text, big numbers as text. */
function wireValue(value: unknown, type: ApiField['type']): unknown {
  if (value instanceof Date) {
    if (type !== 'date') return value.toISOString();
    const y = value.getFullYear();
    return `${String(y).padStart(4, '0')}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/**
 * The signed API gateway (contracts §3, §5): checks the signature, the grant, the parameters and the
 * quotas, reads one page from the source, keeps only granted fields, masks them, and logs the call,
 * refused or not.
 */
/**
 * The pseudonym key of each consumer department (contracts §5): the gateway and table distribution use the
 * same one, so a person has the same pseudonym in a department's API answers and in its copied tables.
 */
export function gatewayPseudonymKey(masterKey: Buffer): (departmentId: string) => Buffer {
  const base = hmacSm3(masterKey, 'shuyuan/gateway-pseudonym/v1');
  return (departmentId) => hmacSm3(base, departmentId);
}

/** How a gateway runs, beyond what it reads from the database. */
export interface GatewayOptions {
  log?: FastifyBaseLogger | undefined;
  /** Calls per second one application may make (APP_CALLS_PER_SECOND by default). */
  appCallsPerSecond?: number | undefined;
  /** The pool behind `db` on a PostgreSQL server, for the nonce batches' prepared statement. */
  pool?: pg.Pool | undefined;
  /** The most lookups of a live source sent as one statement (LOOKUP_BATCH_MOST by default; 1: each alone). */
  lookupBatch?: number | undefined;
}

export class Gateway {
  private readonly keys = new Map<string, Cached<AppKeyInfo | null>>();
  private readonly apis = new Map<string, Cached<ApiRow | null>>();
  private readonly grants = new Map<string, Cached<GrantInfo | null>>();
  private readonly readers = new Map<string, RowReader>();
  private readonly sources = new Map<string, Cached<Awaited<ReturnType<typeof openSource>>>>();
  private readonly quota = gatewayQuota();
  private readonly nonces: NonceBatcher;
  private readonly pseudonymBase: Buffer;

  private readonly log: FastifyBaseLogger | undefined;
  private readonly appCallsPerSecond: number;
  private readonly lookupBatch: number;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly box: SealedBox,
    private readonly appsService: AppsService,
    private readonly callLog: CallLog,
    masterKey: Buffer,
    options: GatewayOptions = {},
  ) {
    this.log = options.log;
    this.appCallsPerSecond = options.appCallsPerSecond ?? APP_CALLS_PER_SECOND;
    this.lookupBatch = options.lookupBatch ?? LOOKUP_BATCH_MOST;
    this.pseudonymBase = hmacSm3(masterKey, 'shuyuan/gateway-pseudonym/v1');
    this.nonces = new NonceBatcher(db, options.pool);
  }

  /**
   * The version of the gateway's configuration the caches hold (gateway_config_version, moved on by every
   * change to keys, APIs, grants, sources or the entries' status); null until a call has read it.
   */
  private configVersion: number | null = null;

  /** Forgets what is cached, so that a change made in this process applies to the next call. */
  invalidate(): void {
    this.keys.clear();
    this.apis.clear();
    this.grants.clear();
    this.sources.clear();
    this.maskers.clear();
  }

  /** Closes the pools of live sources. */
  async close(): Promise<void> {
    const readers = [...this.readers.values()];
    this.readers.clear();
    await Promise.all(readers.map((r) => r.close().catch(() => {})));
  }

  /** Serves one request to /gateway/v1/{code}; never throws. */
  async handle(request: IncomingRequest & { acceptLanguage?: string | undefined }, code: string): Promise<GatewayAnswer> {
    const started = performance.now();
    const keyHeader = request.headers[SIGNATURE_HEADERS.key];
    const call: CallRecord = {
      id: uuidv7(),
      calledAt: new Date().toISOString(),
      appId: null,
      appKey: typeof keyHeader === 'string' ? keyHeader.slice(0, 100) : null,
      consumerDepartmentId: null,
      grantId: null,
      apiId: null,
      providerDepartmentId: null,
      resourceCode: code.slice(0, 100),
      fields: [],
      rowCount: 0,
      requestDigest: sm3Hex(`${request.method} ${request.url}`),
      responseDigest: null,
      status: 0,
      code: null,
      latencyMs: 0,
    };
    let answer: GatewayAnswer;
    try {
      const page = await this.serve(request, code, call, started);
      answer = { status: 200, body: JSON.stringify({ ...page, callId: call.id }), headers: {} };
      call.status = 200;
    } catch (error) {
      if (!(error instanceof AppError)) this.log?.error({ err: error, callId: call.id }, 'a gateway call failed');
      const e = error instanceof AppError ? error : new AppError(500, ErrorCode.Internal);
      const lang = pickLang(request.acceptLanguage);
      answer = {
        status: e.status,
        body: JSON.stringify({ code: e.code, message: messageFor(e.code, lang), details: e.details, callId: call.id }),
        headers: typeof e.details.retryAfter === 'number' ? { 'retry-after': String(e.details.retryAfter) } : {},
      };
      call.status = e.status;
      call.code = e.code;
    }
    call.responseDigest = sm3Hex(answer.body);
    call.latencyMs = Math.round((performance.now() - started) * 100) / 100;
    // Acknowledged only once the call is written ahead: a process that dies after this loses no answered call.
    await this.callLog.record(call);
    answer.headers['x-sy-call-id'] = call.id;
    return answer;
  }

  /** `arrivedAt` is the call's start (performance.now()): whatever was committed before it, the call sees. */
  private async serve(request: IncomingRequest, code: string, call: CallRecord, arrivedAt: number) {
    const now = Date.now();
    // A process's first calls learn the configuration's version before they look anything up: else the version
    // their nonce statement returns would be news to them, and they would make every check and read twice.
    if (this.configVersion === null) await (this.firstVersion ??= this.configMoved(null, arrivedAt).catch(() => false));
    const seen = this.configVersion;
    let plan: Awaited<ReturnType<Gateway['authorize']>>;
    try {
      plan = await this.authorize(request, code, call, now);
    } catch (error) {
      // A refusal may come from what was cached before a change elsewhere (a grant made, a key added): it stands
      // only once the configuration is known not to have moved.
      if (!(error instanceof AppError) || !CONFIG_REFUSALS.has(error.code) || !(await this.configMoved(seen, arrivedAt))) throw error;
      plan = await this.authorize(request, code, call, now);
    }
    const { checked, grant } = plan;

    const limited = this.quota.take(plan.app.appId, this.appCallsPerSecond, grant.id, grant.callsPerSecond, now);
    if (limited) throw refusal(429, ErrorCode.RateLimited, { retryAfter: 1, limit: limited });
    // Only a grant with a daily quota needs the day's count (a count over the day's calls, re-read every few seconds).
    if (
      grant.callsPerDay !== null &&
      (await this.quota.usedToday(grant.id, now, (since) => repo.callsSince(this.db, grant.id, since), this.callLog.pendingByGrant)) >=
        grant.callsPerDay
    )
      throw refusal(429, ErrorCode.QuotaExceeded, { retryAfter: this.quota.secondsToNextDay(now), callsPerDay: grant.callsPerDay });

    const [stamp, first] = await Promise.all([
      this.nonces.remember(checked.key, checked.nonce, checked.nonceExpiresAt),
      this.read(plan).catch((error: unknown) => error as Error),
    ]);
    if (!stamp.fresh) throw refusal(401, ErrorCode.Replayed);
    let rows = first;
    if (stamp.version !== null && stamp.version !== seen) {
      // The configuration moved since what this call was checked against was looked up (a revocation in another
      // process, say): everything is looked up again, every check made again, and the rows read again.
      this.learnVersion(stamp.version);
      plan = await this.authorize(request, code, call, now);
      rows = await this.read(plan).catch((error: unknown) => error as Error);
    }
    if (rows instanceof Error) {
      if (rows instanceof SourceReadError)
        throw rows.kind === 'timeout'
          ? refusal(504, ErrorCode.SourceTimeout, { timeoutMs: plan.api.timeout_ms })
          : refusal(502, ErrorCode.SourceUnavailable, { reason: rows.message.slice(0, 300) });
      throw rows;
    }
    return this.answer(plan, rows, call, now);
  }

  /** Moves the caches to a newer configuration version: what they hold is looked up again. */
  private learnVersion(version: number): void {
    if (this.configVersion !== null && version <= this.configVersion) return;
    this.configVersion = version;
    this.invalidate();
  }

  /**
   * Whether the configuration's version, as of a read started after the call arrived (`arrivedAt`), is other than
   * `seen` (the caches move on if so). Calls share a read in flight that started after they arrived, so a burst
   * of refusals costs one small read per round trip, not one each.
   */
  private async configMoved(seen: number | null, arrivedAt: number): Promise<boolean> {
    const version = await this.readVersion(arrivedAt);
    if (version === null) return false;
    this.learnVersion(version);
    return version !== seen;
  }

  private firstVersion: Promise<boolean> | null = null;
  private versionRead: { started: number; version: Promise<number | null> } | null = null;

  /** The configuration's version from a read started at or after `after` (performance.now()): the one in flight, or a new one. */
  private readVersion(after: number): Promise<number | null> {
    const current = this.versionRead;
    if (current && current.started >= after) return current.version;
    const read = {
      started: performance.now(),
      version: repo.configVersion(this.db).then((version) => version ?? null),
    };
    this.versionRead = read;
    const done = () => {
      if (this.versionRead === read) this.versionRead = null;
    };
    read.version.then(done, done);
    return read.version;
  }

  /** One page from the API's source, as the plan's query asks. */
  private async read(plan: Awaited<ReturnType<Gateway['authorize']>>) {
    const { api, query } = plan;
    const reader = await this.reader(api);
    return reader.read({
      table: api.resource_name,
      columns: query.fields.map((f) => f.column),
      conditions: query.conditions,
      keyColumn: query.key.column,
      after: query.after,
      limit: query.limit + 1,
      timeoutMs: api.timeout_ms,
    });
  }

  /**
   * The checks of a call that read configuration: its signature and key, the API, the grant and its validity,
   * the fields and parameters; what the call will read and how it is masked.
   */
  private async authorize(request: IncomingRequest, code: string, call: CallRecord, now: number) {
    const checked = await checkSignature(request, async (key) => (await this.appKey(key))?.secrets ?? null, now);
    if (!checked.ok) {
      // A known key signed badly (or too late) is still that application's call: its department sees it.
      const known = checked.refusal === 'BAD_SIGNATURE' && call.appKey ? await this.appKey(call.appKey) : null;
      if (known) {
        call.appId = known.appId;
        call.consumerDepartmentId = known.departmentId;
      }
      throw refusal(401, checked.refusal as ErrorCode);
    }
    const app = (await this.appKey(checked.key))!;
    call.appId = app.appId;
    call.consumerDepartmentId = app.departmentId;

    const api = await this.api(code);
    if (!api) throw refusal(403, ErrorCode.NoGrant);
    call.apiId = api.id;
    call.providerDepartmentId = api.department_id;
    const grant = await this.grant(app.appId, api.entry_id);
    if (!grant) throw refusal(403, ErrorCode.NoGrant);
    call.grantId = grant.id;
    if (now < grant.validFrom || now >= grant.validTo)
      throw refusal(403, ErrorCode.GrantExpired, {
        validFrom: new Date(grant.validFrom).toISOString(),
        validTo: new Date(grant.validTo).toISOString(),
      });

    const query = this.parseQuery(request.url, api, grant);
    call.fields = query.fields.map((f) => f.name);
    const mask = this.masker(api, grant, query.fields);
    return { checked, app, api, grant, query, mask };
  }

  /** The page of an authorised call: granted fields, masked, and the sealed cursor of the next page. */
  private answer(plan: Awaited<ReturnType<Gateway['authorize']>>, rows: Record<string, unknown>[], call: CallRecord, now: number) {
    const { api, grant, query, mask } = plan;
    this.quota.count(grant.id, now);
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    let data: Record<string, unknown>[];
    try {
      data = page.map((row) => {
        const named: Record<string, unknown> = {};
        for (const f of query.fields) named[f.name] = wireValue(row[f.column], f.type);
        return mask(named);
      });
    } catch (error) {
      if (error instanceof MaskError) throw refusal(502, ErrorCode.MaskFailed, { reason: error.message });
      throw error;
    }
    call.rowCount = data.length;
    const last = page[page.length - 1];
    const next =
      more && last ? this.box.seal(JSON.stringify({ api: api.id, key: wireValue(last[query.key.column], query.key.type) })) : null;
    return { fields: call.fields, data, next };
  }

  /**
   * The position of the next page, sealed: the key may be a masked field (an ID number), so the
   * cursor must not show it, and a consumer cannot forge one to jump past the API's rules.
   */
  private decodeCursor(text: string, apiId: string): string | number {
    try {
      const value = JSON.parse(this.box.open(text)) as { api?: unknown; key?: unknown };
      if (value.api === apiId && (typeof value.key === 'string' || typeof value.key === 'number')) return value.key;
    } catch {
      // falls through to the refusal
    }
    throw badParameter('after', 'not a cursor this API gave');
  }

  /** Fields, parameters, row filter and page of a request, each checked against the API and the grant. */
  private parseQuery(url: string, api: ApiRow, grant: GrantInfo) {
    const at = url.indexOf('?');
    const search = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
    const seen = new Set<string>();
    for (const name of search.keys()) {
      if (seen.has(name)) throw badParameter(name, 'given more than once');
      seen.add(name);
    }
    const byName = new Map(api.fields.map((f) => [f.name, f]));
    const key = byName.get(api.key_field)!;
    let fields: ApiField[];
    const asked = search.get('fields');
    if (asked !== null) {
      const names = asked.split(',').map((n) => n.trim());
      fields = names.map((name) => {
        const field = byName.get(name);
        if (!field) throw badParameter('fields', `no field named ${name.slice(0, 64)}`);
        if (!grant.fields.has(name)) throw refusal(403, ErrorCode.FieldNotGranted, { field: name });
        return field;
      });
    } else {
      fields = api.fields.filter((f) => grant.fields.has(f.name));
    }
    if (fields.length === 0) throw refusal(403, ErrorCode.FieldNotGranted, { field: null });

    const limitText = search.get('limit');
    const limit = limitText === null ? Math.min(DEFAULT_PAGE, api.page_size_max) : Number(limitText);
    if (!/^\d{1,4}$/.test(limitText ?? '1') || limit < 1 || limit > api.page_size_max)
      throw badParameter('limit', `a whole number from 1 to ${api.page_size_max}`);
    const afterText = search.get('after');
    const after = afterText === null ? null : this.decodeCursor(afterText, api.id);

    const conditions: ColumnCondition[] = [];
    const params = new Map(api.params.map((p) => [p.name, p]));
    for (const [name, value] of search) {
      if (RESERVED_PARAMS.has(name)) continue;
      const param = params.get(name);
      if (!param) throw badParameter(name.slice(0, 64), 'not a parameter of this API');
      conditions.push({ column: byName.get(param.field)!.column, op: param.op, value: checkFormat(param, value) });
    }
    for (const param of api.params) if (param.required && !search.has(param.name)) throw badParameter(param.name, 'required');
    for (const condition of grant.rowFilter) {
      const field = byName.get(condition.field);
      // A filter that cannot be applied refuses the call rather than let rows out (contracts §5).
      if (!field) throw refusal(403, ErrorCode.NoGrant, { reason: `the grant's row filter names ${condition.field}, which the API lacks` });
      conditions.push({ column: field.column, op: condition.op, value: condition.value });
    }
    return { fields, conditions, limit, after, key };
  }

  private readonly maskers = new Map<string, (row: Record<string, unknown>) => Record<string, unknown>>();
  private masker(api: ApiRow, grant: GrantInfo, fields: readonly ApiField[]) {
    const cacheKey = `${grant.id}:${api.version}:${fields.map((f) => f.name).join(',')}`;
    let fn = this.maskers.get(cacheKey);
    if (!fn) {
      const masks: Record<string, MaskType> = {};
      for (const f of fields)
        masks[f.name] = effectiveMask({ sensitive: f.sensitive, fieldDefault: f.mask, grantMask: grant.masks[f.name] });
      fn = compileMasks(
        fields.map((f) => f.name),
        masks,
        hmacSm3(this.pseudonymBase, grant.departmentId),
      );
      if (this.maskers.size > 10_000) this.maskers.clear();
      this.maskers.set(cacheKey, fn);
    }
    return fn;
  }

  private async cached<T>(map: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = map.get(key);
    if (hit && now - hit.at < CACHE_MS && hit.version === this.configVersion) return hit.value;
    // Tagged with the version known before the load: a load that straddles a change is not trusted after it.
    const version = this.configVersion;
    const value = await load();
    if (map.size > 50_000) map.clear();
    map.set(key, { at: now, version, value });
    return value;
  }

  private appKey(key: string) {
    return this.cached(this.keys, key, async () => {
      const rows = await this.appsService.activeSecrets(this.db, key);
      if (rows.length === 0) return null;
      return { appId: rows[0]!.appId, departmentId: rows[0]!.departmentId, secrets: rows.map((r) => r.secret) };
    });
  }

  private api(code: string) {
    return this.cached(this.apis, code, async () => {
      const row = await repo.apiByCode(this.db, code);
      const served =
        row && row.status === 'active' && (IN_FORCE as readonly string[]).includes(row.entry_status) && row.sharing_methods.includes('api');
      return served ? row : null;
    });
  }

  private grant(appId: string, entryId: string) {
    return this.cached(this.grants, `${appId}:${entryId}`, async () => {
      const row = await repo.liveGrant(this.db, appId, entryId, 'api');
      if (!row) return null;
      return {
        id: row.id,
        departmentId: row.consumer_department_id,
        validFrom: row.valid_from.getTime(),
        validTo: row.valid_to.getTime(),
        fields: new Set(row.fields),
        rowFilter: row.row_filter,
        masks: row.masks,
        callsPerDay: row.calls_per_day,
        callsPerSecond: row.calls_per_second,
      };
    });
  }

  private async reader(api: ApiRow): Promise<RowReader> {
    if (api.access === 'physical') {
      let reader = this.readers.get('physical');
      if (!reader) this.readers.set('physical', (reader = physicalReader(this.db)));
      return reader;
    }
    const source = await this.cached(this.sources, api.source_id!, () => openSource(this.db, this.box, api.source_id!));
    if (!source) throw refusal(502, ErrorCode.SourceUnavailable, { reason: 'the source is disabled or removed' });
    const key = `${api.source_id}:${source.version}:${api.timeout_ms}`;
    let reader = this.readers.get(key);
    if (!reader) {
      // A changed source (new version) gets a new pool; the old ones are closed (they answer what they hold first).
      // Readers of the same version with another time limit stay: two APIs on one source must not close each other's.
      for (const [k, r] of this.readers)
        if (k.startsWith(`${api.source_id}:`) && !k.startsWith(`${api.source_id}:${source.version}:`)) {
          this.readers.delete(k);
          void r.close().catch(() => {});
        }
      try {
        reader = sourceReader(source.resolved, api.timeout_ms, this.lookupBatch);
      } catch (error) {
        if (error instanceof SourceReadError) throw refusal(502, ErrorCode.SourceUnavailable, { reason: error.message });
        throw error;
      }
      this.readers.set(key, reader);
    }
    return reader;
  }
}
