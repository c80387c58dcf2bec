import { ErrorCode, limits } from '@shuyuan/contracts';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log';
import { randomToken, sha256Hex } from '../../platform/crypto/provider';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import type { RequestContext } from './identity.context';
import { sessionsRepository as repo } from './sessions.repository';

export const AccessToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    tokenPrefix: z.string(),
    permissions: z.array(z.string()),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'AccessToken' });

export const AccessTokenCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(limits.tokenNameMax),
    /** A subset of the owner's permissions; all of them when omitted. */
    permissions: z.array(z.string().max(100)).max(200).optional(),
    expiresInDays: z.number().int().min(1).max(366).optional(),
  })
  .meta({ id: 'AccessTokenCreate' });

type TokenRow = Awaited<ReturnType<typeof repo.listTokens>>[number];

function toToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.token_prefix,
    permissions: row.permissions,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listTokens(ctx: RequestContext) {
  return (await repo.listTokens(ctx.db, ctx.principal.userId)).map(toToken);
}

/** Creates a token for the caller; the token text is returned once and only its hash is kept. */
export async function createToken(ctx: RequestContext, input: z.infer<typeof AccessTokenCreate>) {
  if (ctx.principal.via !== 'session') throw forbidden(ErrorCode.Forbidden, { reason: 'tokens are created from a logged-in session' });
  const held = [...ctx.principal.permissions];
  const requested = input.permissions ?? held;
  const beyond = requested.filter((p) => !ctx.principal.permissions.has(p));
  if (beyond.length) throw badRequest(ErrorCode.ValidationFailed, { field: 'permissions', notHeld: beyond });
  const token = `sy_pat_${randomToken(32)}`;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertToken(trx, {
      user_id: ctx.principal.userId,
      name: input.name,
      token_hash: sha256Hex(token),
      token_prefix: token.slice(0, 12),
      permissions: [...new Set(requested)].sort(),
      expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'identity.token.create',
      targetType: 'access_token',
      targetId: row.id,
      targetLabel: input.name,
      details: { permissions: row.permissions, expiresAt: row.expires_at },
    });
    return { token, item: toToken(row) };
  });
}

export async function revokeToken(ctx: RequestContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.revokeToken(trx, id, ctx.principal.userId);
    if (!row) throw notFound('access_token');
    await appendAudit(trx, ctx.actor, { action: 'identity.token.revoke', targetType: 'access_token', targetId: id, targetLabel: row.name });
  });
}
