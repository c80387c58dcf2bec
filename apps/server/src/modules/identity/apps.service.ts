import { randomBytes } from 'node:crypto';
import { ErrorCode, limits } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { assertInScope } from '../../platform/auth/principal';
import { randomToken, type SealedBox } from '../../platform/crypto/provider';
import { badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import { departmentScope } from './departments.service';
import { departmentsRepository } from './departments.repository';
import type { RequestContext } from './identity.context';
import { appsRepository as repo, type AppRow } from './apps.repository';
import type { ClientAppCreate, ClientAppUpdate } from './apps.schemas';

function toApp(row: AppRow) {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    name: row.name,
    appKey: row.app_key,
    description: row.description,
    status: row.status,
    secrets: row.secrets.map((s) => ({
      id: s.id,
      hint: s.hint,
      createdAt: new Date(s.createdAt),
      revokedAt: s.revokedAt ? new Date(s.revokedAt) : null,
    })),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new AppKey: `sy` and 18 hex characters, easy to read out and to grep in logs. */
export function newAppKey(): string {
  return `sy${randomBytes(9).toString('hex')}`;
}

/** Client applications (应用) of departments and their secrets, sealed with SM4 at rest. */
export class AppsService {
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly box: SealedBox) {}

  /** Calls `listener` after each committed change of an application or its secrets (the gateway forgets its keys). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed<T>(result: T): T {
    for (const listener of this.listeners) listener();
    return result;
  }

  private async visible(ctx: RequestContext, id: string) {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw notFound('app');
    assertInScope(await departmentScope(ctx.db, ctx.principal), row.department_id, 'app');
    return row;
  }

  async list(ctx: RequestContext, departmentId?: string) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    return (await repo.list(ctx.db, scope ? [...scope] : null, departmentId)).map(toApp);
  }

  async get(ctx: RequestContext, id: string) {
    return toApp(await this.visible(ctx, id));
  }

  /** Creates an application with its first secret, which is returned once. */
  async create(ctx: RequestContext, input: z.infer<typeof ClientAppCreate>, appKey = newAppKey(), secretText?: string) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    return ctx.db.transaction().execute(async (trx) => {
      if (!(await departmentsRepository.findById(trx, input.departmentId)) || (scope && !scope.has(input.departmentId))) {
        throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
      }
      const { id } = await repo
        .insert(trx, { department_id: input.departmentId, name: input.name, app_key: appKey, description: input.description ?? '' })
        .catch((e: unknown) => rethrowUnique(e, { app_key: 'appKey', department_id_name: 'name' }));
      await appendAudit(trx, ctx.actor, {
        action: 'identity.app.create',
        targetType: 'app',
        targetId: id,
        targetLabel: input.name,
        details: { appKey, departmentId: input.departmentId },
      });
      const secret = await this.addSecret(trx, ctx, id, input.name, secretText);
      return { app: toApp((await repo.findById(trx, id))!), secret };
    });
  }

  async update(ctx: RequestContext, id: string, input: z.infer<typeof ClientAppUpdate>) {
    const current = await this.visible(ctx, id);
    const done = await ctx.db.transaction().execute(async (trx) => {
      const { version, ...values } = input;
      const updated = await repo.update(trx, id, version, values).catch((e: unknown) => rethrowUnique(e, { department_id_name: 'name' }));
      if (!updated) throw conflict(ErrorCode.VersionConflict, { current: toApp(current) });
      await appendAudit(trx, ctx.actor, {
        action: 'identity.app.update',
        targetType: 'app',
        targetId: id,
        targetLabel: current.name,
        details: { changed: Object.keys(values), ...(values.status ? { status: values.status } : {}) },
      });
      return toApp((await repo.findById(trx, id))!);
    });
    return this.changed(done);
  }

  /** Adds a secret (rotation step one); at most two are active at a time. */
  async createSecret(ctx: RequestContext, id: string) {
    const app = await this.visible(ctx, id);
    return this.changed(await ctx.db.transaction().execute((trx) => this.addSecret(trx, ctx, id, app.name)));
  }

  private async addSecret(trx: Kysely<DB>, ctx: RequestContext, appId: string, appName: string, secretText?: string) {
    await repo.lockApp(trx, appId);
    if ((await repo.countActiveSecrets(trx, appId)) >= limits.maxActiveSecrets)
      throw conflict(ErrorCode.SecretLimit, { max: limits.maxActiveSecrets });
    const secret = secretText ?? randomToken(32);
    const hint = `…${secret.slice(-4)}`;
    const row = await repo.insertSecret(trx, { app_id: appId, secret_ciphertext: this.box.seal(secret), secret_hint: hint });
    await appendAudit(trx, ctx.actor, {
      action: 'identity.app.secret.create',
      targetType: 'app',
      targetId: appId,
      targetLabel: appName,
      details: { secretId: row.id, hint },
    });
    return { id: row.id, secret, hint, createdAt: row.created_at };
  }

  /** Revokes a secret at once (rotation step two). */
  async revokeSecret(ctx: RequestContext, id: string, secretId: string) {
    const app = await this.visible(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.revokeSecret(trx, id, secretId))) throw notFound('app_secret');
      await appendAudit(trx, ctx.actor, {
        action: 'identity.app.secret.revoke',
        targetType: 'app',
        targetId: id,
        targetLabel: app.name,
        details: { secretId },
      });
    });
    this.changed(undefined);
  }

  /** The decrypted active secrets of an application, for signature checks by the gateway. */
  async activeSecrets(db: Kysely<DB>, appKey: string) {
    const rows = await repo.activeSecretsByKey(db, appKey);
    return rows.map((r) => ({
      appId: r.app_id,
      departmentId: r.department_id,
      secretId: r.secret_id,
      secret: this.box.open(r.secret_ciphertext),
    }));
  }
}
