import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ExchangeApiInput, GrantCreate, JobCreate, JobUpdate, Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { InclusionOut, ProvenLeavesOut, type EvidenceLog } from '../evidence';
import { contextOf } from '../identity';
import { apiOpenApi, apiSamples } from './api-docs';
import type { ApisService } from './apis.service';
import type { CallsService } from './calls.service';
import {
  ApiQuery,
  ApiSamples,
  CallQuery,
  CallStats,
  CallStatsQuery,
  ExchangeApi,
  ExchangeApiUpdate,
  ExchangeJob,
  ExchangeOverview,
  ExchangeRun,
  GatewayCall,
  Grant,
  GrantQuery,
  GrantRevoke,
  IdParams,
  JobQuery,
  EvidenceListQuery,
  RunParams,
  RunQuery,
} from './exchange.schemas';
import type { GrantsService } from './grants.service';
import type { JobsService } from './jobs.service';

const P = Permission;
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** The origin a consumer calls, as this request reached us. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Sharing and exchange under /api/v1/exchange: gateway APIs, grants, the call log and its statistics. */
export const exchangeRoutes: FastifyPluginAsyncZod<{
  db: Kysely<DB>;
  apis: ApisService;
  grants: GrantsService;
  calls: CallsService;
  jobs: JobsService;
  /** The evidence log, for the proofs of table-job runs. */
  evidence: EvidenceLog;
}> = async (app, { db, apis, grants, calls, jobs, evidence }) => {
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['exchange'];

  app.get(
    '/exchange/apis',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: "Gateway APIs served now, or (mine=true) the caller's departments' own",
        querystring: ApiQuery,
        response: { 200: items(ExchangeApi) },
      },
    },
    async (req) => ({ items: await apis.list(ctx(req), req.query.mine === 'true') }),
  );
  app.get(
    '/exchange/apis/:id',
    { config: { access: P.CatalogRead }, schema: { tags, summary: 'A gateway API', params: IdParams, response: { 200: ExchangeApi } } },
    (req) => apis.get(ctx(req), req.params.id),
  );
  app.get(
    '/exchange/apis/:id/openapi.json',
    {
      config: { access: P.CatalogRead },
      schema: { tags, summary: "The API's own OpenAPI 3.1 description, for consumers' code generators", params: IdParams },
    },
    async (req) => apiOpenApi(await apis.get(ctx(req), req.params.id), originOf(req)),
  );
  app.get(
    '/exchange/apis/:id/samples',
    {
      config: { access: P.CatalogRead },
      schema: { tags, summary: 'Signing samples: curl, TypeScript, Java and Python', params: IdParams, response: { 200: ApiSamples } },
    },
    async (req) => apiSamples(await apis.get(ctx(req), req.params.id), originOf(req)),
  );
  app.post(
    '/exchange/apis',
    {
      config: { access: P.ExchangeApiManage },
      schema: {
        tags,
        summary: "Declare the gateway API of one of the department's published entries",
        body: ExchangeApiInput,
        response: { 201: ExchangeApi },
      },
    },
    async (req, reply) => reply.status(201).send(await apis.create(ctx(req), req.body)),
  );
  app.put(
    '/exchange/apis/:id',
    {
      config: { access: P.ExchangeApiManage },
      schema: {
        tags,
        summary: 'Change, disable or enable a gateway API',
        params: IdParams,
        body: ExchangeApiUpdate,
        response: { 200: ExchangeApi },
      },
    },
    (req) => apis.update(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/exchange/grants',
    {
      config: { access: P.GrantRead },
      schema: {
        tags,
        summary: "Grants the caller's departments hold (consumer) or give (provider)",
        querystring: GrantQuery,
        response: { 200: items(Grant) },
      },
    },
    async (req) => ({ items: await grants.list(ctx(req), req.query) }),
  );
  app.get(
    '/exchange/grants/:id',
    { config: { access: P.GrantRead }, schema: { tags, summary: 'A grant', params: IdParams, response: { 200: Grant } } },
    (req) => grants.get(ctx(req), req.params.id),
  );
  app.post(
    '/exchange/grants',
    {
      config: { access: P.GrantManage },
      schema: {
        tags,
        summary: 'Grant a consumer application fields of a resource, masked, filtered and with quotas',
        body: GrantCreate,
        response: { 201: Grant },
      },
    },
    async (req, reply) => reply.status(201).send(await grants.create(ctx(req), req.body)),
  );
  app.post(
    '/exchange/grants/:id/revoke',
    {
      config: { access: P.GrantManage },
      schema: { tags, summary: 'Revoke a grant; it stops at once', params: IdParams, body: GrantRevoke, response: { 200: Grant } },
    },
    (req) => grants.revoke(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/exchange/calls',
    {
      config: { access: P.CallRead },
      schema: {
        tags,
        summary: "The gateway's call log (refused calls too), newest first",
        querystring: CallQuery,
        response: { 200: items(GatewayCall) },
      },
    },
    async (req) => ({ items: await calls.list(ctx(req), req.query) }),
  );
  app.get(
    '/exchange/calls/:id/proof',
    {
      config: { access: P.CallRead },
      schema: {
        tags,
        summary: "A call's evidence: its leaf, inclusion proof and signed checkpoint (null until the next checkpoint covers it)",
        params: IdParams,
        response: { 200: InclusionOut },
      },
    },
    (req) => calls.proof(ctx(req), req.params.id),
  );
  app.get(
    '/exchange/stats',
    {
      config: { access: P.CallRead },
      schema: {
        tags,
        summary: 'Calls per day, refusals by code and latency percentiles',
        querystring: CallStatsQuery,
        response: { 200: CallStats },
      },
    },
    (req) => calls.stats(ctx(req), req.query),
  );
  app.get(
    '/exchange/overview',
    {
      config: { access: P.ScopeAll },
      schema: {
        tags,
        summary: "The bureau's exchange overview: volumes per department and method, today's counter",
        response: { 200: ExchangeOverview },
      },
    },
    (req) => calls.overview(ctx(req)),
  );

  app.get(
    '/exchange/jobs',
    {
      config: { access: P.JobRead },
      schema: {
        tags,
        summary: "Table jobs the caller's departments own or whose resources they provide: aggregation and distribution",
        querystring: JobQuery,
        response: { 200: items(ExchangeJob) },
      },
    },
    async (req) => ({ items: await jobs.list(ctx(req), req.query) }),
  );
  app.get(
    '/exchange/jobs/:id',
    {
      config: { access: P.JobRead },
      schema: { tags, summary: 'A table job with its last run', params: IdParams, response: { 200: ExchangeJob } },
    },
    (req) => jobs.get(ctx(req), req.params.id),
  );
  app.post(
    '/exchange/jobs',
    {
      config: { access: P.JobManage },
      schema: {
        tags,
        summary:
          "Create a table job: aggregate a mounted source table into the department's store, or distribute a table grant into the consumer's database",
        body: JobCreate,
        response: { 201: ExchangeJob },
      },
    },
    async (req, reply) => reply.status(201).send(await jobs.create(ctx(req), req.body)),
  );
  app.put(
    '/exchange/jobs/:id',
    {
      config: { access: P.JobManage },
      schema: {
        tags,
        summary: "Change a job's schedule or batch size, pause or resume it, or accept its source's changed columns",
        params: IdParams,
        body: JobUpdate,
        response: { 200: ExchangeJob },
      },
    },
    (req) => jobs.update(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/exchange/jobs/:id/run',
    {
      config: { access: P.JobManage },
      schema: { tags, summary: 'Run a job now (409 while a run is queued or running)', params: IdParams, response: { 202: ExchangeRun } },
    },
    async (req, reply) => reply.status(202).send(await jobs.runNow(ctx(req), req.params.id)),
  );
  app.get(
    '/exchange/jobs/:id/runs',
    {
      config: { access: P.JobRead },
      schema: {
        tags,
        summary: "A job's run history, newest first: rows read, written and deleted, duration, errors",
        params: IdParams,
        querystring: RunQuery,
        response: { 200: items(ExchangeRun) },
      },
    },
    async (req) => ({ items: await jobs.runs(ctx(req), req.params.id, req.query.limit) }),
  );
  app.get(
    '/exchange/jobs/:id/runs/:runId/evidence',
    {
      config: { access: P.JobRead },
      schema: {
        tags,
        summary: "A run's evidence: each batch's leaf with its inclusion proof and signed checkpoint, in log order",
        description:
          'Every batch of a run (rows read, written, deleted, with digests) is a leaf of the evidence log. `queued` batches ' +
          'are not sequenced into the log yet (within seconds); `more` says the run has more leaves than `limit`.',
        params: RunParams,
        querystring: EvidenceListQuery,
        response: { 200: ProvenLeavesOut },
      },
    },
    async (req) => evidence.provenNamed({ ...(await jobs.runEvidence(ctx(req), req.params.id, req.params.runId)), limit: req.query.limit }),
  );
};
