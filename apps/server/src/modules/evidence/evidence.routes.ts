import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorCode, Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { actorOf } from '../../platform/auth/auth-hook';
import { AppError } from '../../platform/errors';
import type { EvidenceLog } from './evidence.service';

const Hex = z.string().regex(/^[0-9a-f]{64}$/);

const CheckpointOut = z
  .object({
    treeSize: z.number().int(),
    root: Hex,
    signedAt: z.date(),
    keyId: z.string(),
    body: z.string().describe('The checkpoint text exactly as signed'),
    signature: z.string().describe('SM2 signature of `body` (user ID 1234567812345678), DER as hex'),
  })
  .meta({ id: 'EvidenceCheckpoint' });

const StatusOut = z
  .object({
    treeSize: z.number().int(),
    root: Hex,
    updatedAt: z.date(),
    queued: z.number().int().describe('Entries waiting for the sequencer'),
    latestCheckpoint: CheckpointOut.nullable(),
    hash: z.literal('sm3'),
    publicKey: z.string().describe("The node's SM2 public key (uncompressed, hex) that signs checkpoints"),
    keyId: z.string(),
  })
  .meta({ id: 'EvidenceStatus' });

export const InclusionOut = z
  .object({
    index: z.number().int(),
    kind: z.string(),
    entry: z.string().describe('The entry exactly as hashed (canonical JSON): leaf hash = SM3(0x00 ‖ entry)'),
    leafHash: Hex,
    sequencedAt: z.date(),
    treeSize: z.number().int(),
    root: Hex,
    proof: z.array(Hex).describe('RFC 9162 inclusion proof, from the leaf up'),
    checkpoint: CheckpointOut.nullable().describe('The signed checkpoint of `treeSize`, when there is one'),
  })
  .meta({ id: 'EvidenceInclusion' });

/** Leaves of one exchange (a run's batches, a file version's transfers) with their proofs. */
export const ProvenLeavesOut = z
  .object({
    items: z.array(InclusionOut),
    queued: z.number().int().describe('Entries not sequenced into the log yet (within seconds)'),
    more: z.boolean().describe('There are more leaves than `limit`'),
  })
  .meta({ id: 'EvidenceProvenLeaves' });

const ConsistencyOut = z
  .object({ from: z.number().int(), to: z.number().int(), fromRoot: Hex, toRoot: Hex, proof: z.array(Hex) })
  .meta({ id: 'EvidenceConsistency' });

/** Entries per HTTP export; the CLI exports any range. */
const MAX_EXPORT = 200_000;

const Size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const notFound = (what: string) => new AppError(404, ErrorCode.NotFound, { resource: what });

/**
 * The exchange evidence log over HTTP: status, signed checkpoints (also on demand), inclusion and
 * consistency proofs (RFC 9162), and an export segment for `shuyuan audit verify`.
 */
export const evidenceRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; log: EvidenceLog }> = async (app, { db, log }) => {
  const tags = ['evidence'];

  app.get(
    '/evidence/status',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: 'The Merkle tree of the evidence log: size, root, queue, latest checkpoint, signing key',
        response: { 200: StatusOut },
      },
    },
    async () => {
      const [status, key] = await Promise.all([log.status(), log.signingKey()]);
      return { ...status, hash: 'sm3' as const, publicKey: key.publicKey, keyId: key.id };
    },
  );

  app.get(
    '/evidence/checkpoints',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: 'Signed checkpoints, largest tree first',
        querystring: z.strictObject({
          from: Size.optional(),
          to: Size.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(50),
        }),
        response: { 200: z.object({ items: z.array(CheckpointOut) }) },
      },
    },
    async (req) => ({ items: await log.checkpoints(req.query) }),
  );

  app.post(
    '/evidence/checkpoints',
    {
      config: { access: Permission.AuditExport },
      schema: {
        tags,
        summary: 'Sequence what is queued and sign a checkpoint of the tree now',
        response: { 201: CheckpointOut },
      },
    },
    async (req, reply) => {
      await log.drain();
      const checkpoint = await log.checkpoint();
      await appendAudit(db, actorOf(req), {
        action: 'evidence.checkpoint.sign',
        targetType: 'evidence_checkpoint',
        targetId: String(checkpoint.treeSize),
        details: { treeSize: checkpoint.treeSize, root: checkpoint.root },
      });
      return reply.code(201).send(checkpoint);
    },
  );

  app.get(
    '/evidence/leaves/:index',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: 'An entry of the log with its inclusion proof in a tree (the latest checkpoint by default)',
        params: z.object({ index: Size }),
        querystring: z.strictObject({ treeSize: Size.optional() }),
        response: { 200: InclusionOut },
      },
    },
    async (req) => {
      const latest = await log.latestCheckpoint();
      const treeSize = req.query.treeSize ?? latest?.treeSize ?? (await log.status()).treeSize;
      const found = await log.inclusion(req.params.index, treeSize);
      if (!found) throw notFound('evidence_leaf');
      const checkpoint =
        latest?.treeSize === treeSize ? latest : ((await log.checkpoints({ from: treeSize, to: treeSize, limit: 1 }))[0] ?? null);
      return { ...found, checkpoint };
    },
  );

  app.get(
    '/evidence/consistency',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: 'The consistency proof between two tree sizes (RFC 9162)',
        querystring: z.strictObject({ from: Size, to: Size }),
        response: { 200: ConsistencyOut },
      },
    },
    async (req) => {
      const found = await log.consistency(req.query.from, req.query.to);
      if (!found) throw notFound('evidence_tree');
      return found;
    },
  );

  app.get(
    '/evidence/export',
    {
      config: { access: Permission.AuditExport },
      schema: {
        tags,
        summary:
          'A segment of the log with its checkpoints, frontier and keys, for `shuyuan audit verify` (to: the latest checkpoint by default)',
        querystring: z.strictObject({ from: Size.optional(), to: Size.optional() }),
      },
    },
    async (req) => {
      const to = req.query.to ?? (await log.latestCheckpoint())?.treeSize ?? 0;
      const from = req.query.from ?? 0;
      const size = (await log.status()).treeSize;
      if (from > to || to > size)
        throw new AppError(400, ErrorCode.ValidationFailed, {
          problems: [{ field: 'to', reason: `no segment [${from}, ${to}) in a tree of ${size}` }],
        });
      if (to - from > MAX_EXPORT)
        throw new AppError(400, ErrorCode.ValidationFailed, {
          problems: [{ field: 'to', reason: `at most ${MAX_EXPORT} entries per export` }],
        });
      const segment = await log.exportSegment({ from, to });
      await appendAudit(db, actorOf(req), { action: 'evidence.export', details: { from, to } });
      return segment;
    },
  );
};
