import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { limits, ErrorCode } from '@shuyuan/contracts';
import type { Database } from './db/database';
import { registerAuth } from './platform/auth/auth-hook';
import { SealedBox } from './platform/crypto/provider';
import { registerErrorHandler } from './platform/error-handler';
import { messageFor, pickLang } from './platform/i18n';
import { auditRoutes } from './modules/audit/audit.routes';
import { EvidenceLog, evidenceRoutes } from './modules/evidence';
import { cascadeRoutes, catalogRoutes } from './modules/catalog';
import { catalogExcelRoutes } from './modules/catalog/catalog-excel.routes';
import {
  ApisService,
  CallLog,
  CallsService,
  Gateway,
  GrantsService,
  FileStore,
  FilesService,
  JobWorker,
  JobsService,
  exchangeRoutes,
  filesRoutes,
  returnsRoutes,
  tableRunDeps,
  gatewayRoutes,
  type JobWorkerOptions,
} from './modules/exchange';
import { healthRoutes } from './modules/health/health.routes';
import { AppsService, AuthService, authRoutes, identityRoutes } from './modules/identity';
import { sourceColumnReader, sourcesRoutes } from './modules/sources';

/** What the app is built from. */
export interface AppOptions {
  database: Database;
  masterKey: Buffer;
  logLevel?: string;
  /** Pino logger on stdout; off in tests. */
  logger?: boolean;
  secureCookies?: boolean;
  sessionHours?: number;
  /** The built web app to serve; omitted in tests. */
  webDist?: string | null;
  /** Where the gateway writes its calls ahead of the database (`<data dir>/gateway-wal`); a temp directory by default. */
  callLogDir?: string;
  /** Gateway calls per second per application (APP_CALLS_PER_SECOND by default). */
  gatewayAppRate?: number;
  /** The most source lookups the gateway sends as one statement (LOOKUP_BATCH_MOST by default; 1: each alone). */
  gatewayLookupBatch?: number;
  /** Where exchanged files are kept (`<data dir>/exchange-files`); a temp directory by default. */
  fileDir?: string;
  /** The table-job worker's settings, or false for none in this process (tests drive it by hand). */
  jobWorker?: JobWorkerOptions | false;
}

/** The services the app holds, for the CLI and tests. */
export interface AppServices {
  auth: AuthService;
  apps: AppsService;
  evidence: EvidenceLog;
  gateway: Gateway;
  callLog: CallLog;
  /** Runs table jobs (aggregation, distribution): started when the app is ready. */
  jobWorker: JobWorker;
  /** File exchange: uploads, versions and download links (and the sweep of expired uploads). */
  files: FilesService;
}

const OPENAPI_INFO = {
  title: 'Shuyuan (数源) API',
  description: 'The HTTP API of the Shuyuan integrated public-data platform. Every route declares its permission in `x-permission`.',
  version: '0.1.0',
};

/** Builds the Fastify app: plugins, auth, error handler and every module. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: AppServices }> {
  const { db, engine } = options.database;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: options.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
    bodyLimit: limits.bodyLimitBytes,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const box = new SealedBox(options.masterKey);
  const evidence = new EvidenceLog(db, box, options.database.pool);
  const apps = new AppsService(new SealedBox(options.masterKey));
  const runDeps = tableRunDeps(options.database, box, options.masterKey);
  const callLog = new CallLog(db, evidence, options.callLogDir ?? mkdtempSync(join(tmpdir(), 'shuyuan-calls-')), app.log);
  const services: AppServices = {
    auth: new AuthService(db, options.sessionHours ?? 12),
    apps,
    evidence,
    callLog,
    gateway: new Gateway(db, box, apps, callLog, options.masterKey, {
      log: app.log,
      appCallsPerSecond: options.gatewayAppRate,
      pool: options.database.pool,
      lookupBatch: options.gatewayLookupBatch,
    }),
    jobWorker: new JobWorker(runDeps, app.log, options.jobWorker || {}),
    files: new FilesService(new FileStore(options.fileDir ?? mkdtempSync(join(tmpdir(), 'shuyuan-files-')))),
  };
  if (options.jobWorker !== false) app.addHook('onReady', async () => services.jobWorker.start());
  apps.onChange(() => services.gateway.invalidate());
  // Calls a dead process wrote ahead but did not commit go into the log before any new call.
  const replayed = await callLog.recover();
  if (replayed > 0) app.log.info({ replayed }, 'replayed gateway calls from the write-ahead files');
  callLog.start();
  app.addHook('onClose', async () => {
    await services.jobWorker.stop();
    await callLog.stop();
    await services.gateway.close();
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sy_session' },
          token: { type: 'http', scheme: 'bearer', description: 'A personal access token (sy_pat_…)' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: string } | undefined)?.access;
      const schema = out.schema as Record<string, unknown>;
      if (access) schema['x-permission'] = access;
      if (access && access !== 'public') schema.security = [{ session: [] }, { token: [] }];
      return out;
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

  registerErrorHandler(app);
  registerAuth(app, services.auth);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/docs')) reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(gatewayRoutes, { gateway: services.gateway });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { db, engine });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { db, auth: services.auth, secureCookies: options.secureCookies ?? false });
      await api.register(identityRoutes, { db, apps: services.apps });
      await api.register(sourcesRoutes, { db, box });
      await api.register(auditRoutes, { db });
      await api.register(catalogRoutes, { db, readColumns: sourceColumnReader(box) });
      await api.register(catalogExcelRoutes, { db });
      await api.register(cascadeRoutes, { db, box });
      await api.register(evidenceRoutes, { db, log: services.evidence });
      const onChange = () => services.gateway.invalidate();
      await api.register(returnsRoutes, { db, box });
      await api.register(filesRoutes, { db, files: services.files, evidence });
      await api.register(exchangeRoutes, {
        db,
        apis: new ApisService(sourceColumnReader(box), onChange),
        grants: new GrantsService(onChange),
        calls: new CallsService(evidence),
        jobs: new JobsService({
          openSource: runDeps.openSource,
          onQueued: () => services.jobWorker.kick(),
        }),
        evidence,
      });
    },
    { prefix: '/api/v1' },
  );

  const webDist = options.webDist;
  const indexHtml = webDist && existsSync(join(webDist, 'index.html')) ? readFileSync(join(webDist, 'index.html'), 'utf8') : null;
  if (webDist && indexHtml) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/api' || path.startsWith('/gateway/');
    if (!isApi && indexHtml && (request.method === 'GET' || request.method === 'HEAD')) {
      // The single-page app renders its own pages, including the 404 page for unknown paths.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    const lang = pickLang(request.headers['accept-language']);
    return reply.status(404).send({ code: ErrorCode.NotFound, message: messageFor(ErrorCode.NotFound, lang), details: { path } });
  });

  return { app, services };
}
