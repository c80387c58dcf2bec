import { parseArgs } from 'node:util';
import { ErrorCode, JobKind } from '@shuyuan/contracts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildApp } from './app';
import { openPglite } from './db/database';
import { DEFAULT_SEED, demoLogins, isEmpty, loadDemo, type DemoScale } from './demo/demo';
import { CascadePusher, cascade, NodeCreate } from './modules/catalog';
import { EvidenceLog, EvidenceSequencer, verifyExport } from './modules/evidence';
import { JobWorker, JobsService, tableRunDeps } from './modules/exchange';
import { AppsService, createUser, usersRepository } from './modules/identity';
import { loadConfig, type Config } from './platform/config';
import { SealedBox } from './platform/crypto/provider';
import { AppError } from './platform/errors';
import { DataDirBusyError } from './platform/data-dir-lock';
import { cliContext, openRuntime } from './runtime';
import { resetPasswordByLogin, resolveDepartment } from './cli-helpers';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const OPENAPI_FILE = fileURLToPath(new URL('../openapi.json', import.meta.url));

const USAGE = `Usage: shuyuan <command> [options]

Commands:
  serve [--demo] [--port N]        start the platform (PORT, default 8080); --demo loads demo data into an empty database
  migrate                          apply pending database migrations
  demo [--scale small|full] [--seed N] [--catalog N]
                                   load the deterministic demo data into an empty database;
                                   --catalog adds N published entries (a province-scale catalog)
  demo logins                      print the demo logins as JSON lines (demo mode only)
  demo apps                        print the demo applications as JSON lines {app, key, secret, resources: [{code, query}]}
                                   (demo mode only; a secret rotated since the demo was loaded is not shown)
  user create --login L --name N --department D [--roles r1,r2] [--password P]
                                   create a user (D: agency code, name or id); prints the initial password
  user reset-password LOGIN        set a new initial password for a user
  app create --department D --name N [--description T]
                                   create a client application; prints its AppKey and first secret
  node add --name N --role upper|lower --url U --region R --agency-code C --key K --secret S
                                   register a node of the cascade (级联) and the key of the link
  node list                        print the cascade nodes with their queue, lag and last error, as JSON lines
  audit export [--from N] [--to N] [--out F]
                                   write a segment of the evidence log (to: now, checkpointed) with its
                                   checkpoints, frontier and keys as JSON (stdout unless --out)
  audit verify [FILE]              check an exported segment offline (signatures, entries against every
                                   checkpoint's root); without FILE, the whole log of this database
  job list [--kind aggregate|distribute|return]
                                   print the table jobs (归集, 分发) with their last runs, as JSON lines
  job run ID                       run a table job now and wait for it; prints the run as JSON (exit 1 unless done)
  openapi --write | --check        write apps/server/openapi.json, or fail when it differs from the code

Environment: PORT, HOST, DATABASE_URL, SHUYUAN_DATA_DIR (./data), SHUYUAN_MASTER_KEY, LOG_LEVEL,
SHUYUAN_GATEWAY_APP_RATE (gateway calls per second per application, default 1000),
SHUYUAN_GATEWAY_LOOKUP_BATCH (most source lookups sent as one statement, 1 to 32; default 32),
SHUYUAN_JOB_LEASE_SECONDS (60), SHUYUAN_JOB_POLL_MS (5000).`;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const config = loadConfig();
  const [command, sub] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(config, argv.slice(1));
      case 'migrate': {
        const rt = await openRuntime(config, 'migrate');
        console.log(rt.migrated.length ? `applied: ${rt.migrated.join(', ')}` : 'the database is up to date');
        await rt.close();
        return 0;
      }
      case 'demo':
        if (sub === 'logins') return printDemoLogins(config);
        if (sub === 'apps') return printDemoApps(config);
        return await demo(config, argv.slice(1));
      case 'user':
        return await user(config, sub, argv.slice(2));
      case 'app':
        return await appCommand(config, sub, argv.slice(2));
      case 'node':
        return await nodeCommand(config, sub, argv.slice(2));
      case 'audit':
        return await auditCommand(config, sub, argv.slice(2));
      case 'job':
        return await jobCommand(config, sub, argv.slice(2));
      case 'openapi':
        return await openapi(argv.slice(1));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command ? 0 : 1;
      default:
        console.error(`unknown command: ${command}\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    if (error instanceof DataDirBusyError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${JSON.stringify(error.details)}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

async function serve(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false }, port: { type: 'string' } } });
  if (values.port) config.port = Number(values.port);
  const started = Date.now();
  const rt = await openRuntime(config, 'serve');
  const box = new SealedBox(rt.masterKey);
  if (values.demo && (await isEmpty(rt.database.db))) {
    const counts = await loadDemo(rt.database.db, { box, dataDir: config.dataDir });
    console.log(`[shuyuan] loaded demo data: ${JSON.stringify(counts)}`);
  }
  const { app, services } = await buildApp({
    database: rt.database,
    masterKey: rt.masterKey,
    logLevel: config.logLevel,
    secureCookies: config.secureCookies,
    sessionHours: config.sessionHours,
    webDist: WEB_DIST,
    callLogDir: join(config.dataDir, 'gateway-wal'),
    fileDir: join(config.dataDir, 'exchange-files'),
    gatewayAppRate: config.gatewayAppRate,
    gatewayLookupBatch: config.gatewayLookupBatch,
    jobWorker: {
      leaseSeconds: config.jobLeaseSeconds,
      pollMs: config.jobPollMs,
      heartbeatMs: Math.min(2000, (config.jobLeaseSeconds * 1000) / 3),
    },
  });
  // Expired sessions go, and so do uploads left unfinished past their expiry (their chunks with them): hourly, and
  // the uploads once now.
  const sweepUploads = () =>
    services.files
      .sweepExpiredUploads(rt.database.db)
      .then((ended) => ended > 0 && app.log.info({ ended }, 'ended expired file uploads'))
      .catch((err: unknown) => app.log.warn({ err }, 'ending expired file uploads failed'));
  void sweepUploads();
  const purge = setInterval(() => {
    services.auth.purgeExpiredSessions().catch((err: unknown) => app.log.warn({ err }, 'purging expired sessions failed'));
    void sweepUploads();
  }, 3600_000);
  purge.unref();
  // Pushes this node's catalog changes to the other nodes of the cascade (级联), if any are registered.
  const pusher = new CascadePusher(rt.database.db, box, app.log);
  pusher.start();
  // Sequences the evidence log and signs a checkpoint every minute (contracts §4).
  const sequencer = new EvidenceSequencer(services.evidence, app.log);
  sequencer.start();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(purge);
    await pusher.stop();
    await sequencer.stop();
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(
    `[shuyuan] ready at ${url} on ${rt.database.engine} in ${((Date.now() - started) / 1000).toFixed(1)} s (API docs: ${url}/docs)`,
  );
  if (!existsSync(join(WEB_DIST, 'index.html'))) console.log('[shuyuan] the web app is not built: run `npm run build` for the portals');
  if (await isDemoMode(rt.database.db)) {
    console.log('[shuyuan] demo logins (demo mode only):');
    for (const l of demoLogins()) console.log(`  ${l.role.padEnd(16)} ${l.login.padEnd(10)} ${l.password}  ${l.department}`);
  }
  return await new Promise<number>(() => {});
}

async function isDemoMode(db: Awaited<ReturnType<typeof openPglite>>['db']): Promise<boolean> {
  return !!(await db.selectFrom('platform_setting').select('key').where('key', '=', 'demo').executeTakeFirst());
}

function printDemoLogins(config: Config): number {
  if (!existsSync(join(config.dataDir, 'demo.json'))) {
    console.error(
      `No demo data in ${config.dataDir}: start with \`npm start\` (or run \`shuyuan demo\`) first. Demo logins exist in demo mode only.`,
    );
    return 1;
  }
  for (const login of demoLogins()) console.log(JSON.stringify(login));
  return 0;
}

/** The demo applications with their keys, secrets and an example lookup each, as JSON lines (demo mode only). */
function printDemoApps(config: Config): number {
  const file = join(config.dataDir, 'demo.json');
  const apps = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { apps?: unknown[] }).apps : undefined;
  if (!apps) {
    console.error(
      `No demo applications in ${config.dataDir}: start with \`npm start\` (or run \`shuyuan demo\`) first. They exist in demo mode only.`,
    );
    return 1;
  }
  for (const app of apps) console.log(JSON.stringify(app));
  return 0;
}

async function demo(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string' }, catalog: { type: 'string' } },
  });
  if (values.scale !== 'small' && values.scale !== 'full') throw new Error('--scale must be small or full');
  const catalogEntries = values.catalog === undefined ? 0 : Number(values.catalog);
  if (!Number.isSafeInteger(catalogEntries) || catalogEntries < 0) throw new Error('--catalog must be a whole number of entries');
  const rt = await openRuntime(config, 'demo');
  try {
    if (!(await isEmpty(rt.database.db))) {
      console.error('The database already holds data; demo data is loaded only into an empty database.');
      return 1;
    }
    const counts = await loadDemo(rt.database.db, {
      box: new SealedBox(rt.masterKey),
      dataDir: config.dataDir,
      scale: values.scale as DemoScale,
      seed: values.seed ? Number(values.seed) : DEFAULT_SEED,
      catalogEntries,
    });
    console.log(`loaded demo data: ${JSON.stringify(counts)}`);
    return 0;
  } finally {
    await rt.close();
  }
}

async function user(config: Config, sub: string | undefined, args: string[]): Promise<number> {
  if (sub === 'create') {
    const { values } = parseArgs({
      args,
      options: {
        login: { type: 'string' },
        name: { type: 'string' },
        department: { type: 'string' },
        roles: { type: 'string', default: 'department_user' },
        password: { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
      },
    });
    if (!values.login || !values.name || !values.department) throw new Error('user create needs --login, --name and --department');
    const rt = await openRuntime(config, 'user create');
    try {
      const ctx = cliContext(rt.database);
      const departmentId = await resolveDepartment(rt.database.db, values.department);
      const result = await createUser(ctx, {
        login: values.login,
        displayName: values.name,
        departmentId,
        roles: values.roles.split(',').filter(Boolean),
        phone: values.phone ?? null,
        email: values.email ?? null,
        ...(values.password ? { initialPassword: values.password } : {}),
      });
      console.log(
        JSON.stringify({
          login: result.user.login,
          initialPassword: result.initialPassword,
          department: result.user.departmentName,
          roles: result.user.roles,
        }),
      );
      return 0;
    } finally {
      await rt.close();
    }
  }
  if (sub === 'reset-password') {
    const login = args[0];
    if (!login) throw new Error('user reset-password needs a login');
    const rt = await openRuntime(config, 'user reset-password');
    try {
      const found = await usersRepository.findByLogin(rt.database.db, login);
      if (!found) {
        console.error(`no user with login ${login}`);
        return 1;
      }
      const result = await resetPasswordByLogin(cliContext(rt.database), found.id);
      console.log(JSON.stringify({ login: result.user.login, initialPassword: result.initialPassword }));
      return 0;
    } finally {
      await rt.close();
    }
  }
  console.error(USAGE);
  return 1;
}

async function appCommand(config: Config, sub: string | undefined, args: string[]): Promise<number> {
  if (sub !== 'create') {
    console.error(USAGE);
    return 1;
  }
  const { values } = parseArgs({
    args,
    options: { department: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' } },
  });
  if (!values.department || !values.name) throw new Error('app create needs --department and --name');
  const rt = await openRuntime(config, 'app create');
  try {
    const apps = new AppsService(new SealedBox(rt.masterKey));
    const departmentId = await resolveDepartment(rt.database.db, values.department);
    const result = await apps.create(cliContext(rt.database), {
      departmentId,
      name: values.name,
      ...(values.description ? { description: values.description } : {}),
    });
    console.log(
      JSON.stringify({
        app: result.app.name,
        appKey: result.app.appKey,
        secret: result.secret.secret,
        department: result.app.departmentName,
      }),
    );
    return 0;
  } finally {
    await rt.close();
  }
}

/** `node add` and `node list`: the cascade from the command line, with the same checks as the API. */
/** `audit export` and `audit verify`: the evidence log (contracts §4) for auditors. */
async function auditCommand(config: Config, sub: string | undefined, args: string[]): Promise<number> {
  if (sub === 'verify' && args[0]) {
    // Offline: nothing but the file.
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(args[0], 'utf8'));
    } catch (error) {
      console.error(`cannot read ${args[0]} as JSON: ${(error as Error).message}`);
      return 2;
    }
    return printVerifyReport(verifyExport(data));
  }
  if (sub !== 'export' && sub !== 'verify') {
    console.error(USAGE);
    return 1;
  }
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } });
  const bound = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new AppError(400, ErrorCode.ValidationFailed, { problems: [{ field: name, reason: 'a whole number' }] });
    return Number(v);
  };
  const rt = await openRuntime(config, `audit ${sub}`);
  try {
    const log = new EvidenceLog(rt.database.db, new SealedBox(rt.masterKey), rt.database.pool);
    // Up to now unless told otherwise: what is queued gets its place, and the tree a signed checkpoint.
    if (values.to === undefined) {
      await log.drain();
      await log.checkpoint();
    }
    const segment = await log.exportSegment({ from: bound(values.from, 'from'), to: bound(values.to, 'to') });
    if (sub === 'verify') return printVerifyReport(verifyExport(segment));
    const text = `${JSON.stringify(segment)}\n`;
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
    console.error(`exported entries [${segment.from}, ${segment.to}) with ${segment.checkpoints.length} checkpoints`);
    return 0;
  } finally {
    await rt.close();
  }
}

/** Prints what `verifyExport` found; exit code 0 when the segment holds, 3 when it does not. */
function printVerifyReport(report: ReturnType<typeof verifyExport>): number {
  for (const key of report.keys) console.log(`signing key ${key.id}: ${key.publicKey}`);
  console.log(`entries [${report.from}, ${report.to}): ${report.leaves} entries, ${report.checkpoints} checkpoints`);
  for (const problem of report.problems) console.log(`PROBLEM ${problem}`);
  console.log(report.ok ? 'OK: every checkpoint is signed and matches the entries' : `FAILED: ${report.problems.length} problems`);
  return report.ok ? 0 : 3;
}

/** `job list` and `job run ID`: table jobs from the command line; a run is executed in this process. */
async function jobCommand(config: Config, sub: string | undefined, args: string[]): Promise<number> {
  if (sub !== 'list' && sub !== 'run') {
    console.error(USAGE);
    return 1;
  }
  const rt = await openRuntime(config, `job ${sub}`);
  try {
    const ctx = cliContext(rt.database);
    const deps = tableRunDeps(rt.database, new SealedBox(rt.masterKey), rt.masterKey);
    const jobs = new JobsService({ openSource: deps.openSource });
    if (sub === 'list') {
      const { values } = parseArgs({ args, options: { kind: { type: 'string' } } });
      const kind = JobKind.safeParse(values.kind ?? undefined);
      if (values.kind && !kind.success) {
        console.error(`--kind: ${JobKind.options.join(', ')}`);
        return 1;
      }
      for (const job of await jobs.list(ctx, { kind: kind.success ? kind.data : undefined })) console.log(JSON.stringify(job));
      return 0;
    }
    const id = args[0];
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) {
      console.error('job run ID: the job id (see `shuyuan job list`)');
      return 1;
    }
    const queued = await jobs.runNow(ctx, id);
    const worker = new JobWorker(deps, console);
    // This process runs it unless another process sharing the database claimed it first; either way, wait for the end.
    for (;;) {
      await worker.runOnce();
      const [run] = await jobs.runs(ctx, id, 1);
      // A failed attempt that is queued again is reported too: the server retries it later.
      const ended =
        run?.status === 'done' || run?.status === 'failed' || run?.status === 'drift' || (run?.status === 'queued' && !!run.errorCode);
      if (run && run.id === queued.id && ended) {
        console.log(JSON.stringify(run));
        return run.status === 'done' ? 0 : 1;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await rt.close();
  }
}

async function nodeCommand(config: Config, sub: string | undefined, args: string[]): Promise<number> {
  if (sub !== 'add' && sub !== 'list') {
    console.error(USAGE);
    return 1;
  }
  const rt = await openRuntime(config, `node ${sub}`);
  try {
    const ctx = cliContext(rt.database);
    if (sub === 'list') {
      for (const node of await cascade.listNodes(ctx)) console.log(JSON.stringify(node));
      return 0;
    }
    const { values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        url: { type: 'string' },
        region: { type: 'string' },
        'agency-code': { type: 'string' },
        key: { type: 'string' },
        secret: { type: 'string' },
        disabled: { type: 'boolean', default: false },
      },
    });
    const parsed = NodeCreate.safeParse({
      name: values.name,
      role: values.role,
      baseUrl: values.url,
      regionCode: values.region,
      agencyCode: values['agency-code'],
      key: values.key,
      secret: values.secret,
      enabled: !values.disabled,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0] ?? '?')}: ${issue.message}`);
      return 1;
    }
    const node = await cascade.createNode(ctx, new SealedBox(rt.masterKey), parsed.data);
    console.log(JSON.stringify(node));
    return 0;
  } finally {
    await rt.close();
  }
}

/** Renders the OpenAPI document from the code, without a database. */
export async function renderOpenApi(): Promise<string> {
  const database = await openPglite(null);
  try {
    const { app } = await buildApp({ database, masterKey: Buffer.alloc(32), logger: false });
    await app.ready();
    const text = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return text;
  } finally {
    await database.close();
  }
}

async function openapi(args: string[]): Promise<number> {
  const text = await renderOpenApi();
  if (args.includes('--write')) {
    writeFileSync(OPENAPI_FILE, text);
    console.log(`wrote ${OPENAPI_FILE}`);
    return 0;
  }
  const committed = existsSync(OPENAPI_FILE) ? readFileSync(OPENAPI_FILE, 'utf8') : '';
  if (committed !== text) {
    console.error('apps/server/openapi.json differs from the code: run `npm run openapi` and commit it');
    return 1;
  }
  console.log('openapi.json matches the code');
  return 0;
}
