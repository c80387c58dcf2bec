import { randomInt } from 'node:crypto';
import { ErrorCode, passwordPolicyViolation } from '@shuyuan/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log';
import { assertInScope } from '../../platform/auth/principal';
import { hashPassword } from '../../platform/crypto/password';
import { badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import type { Transaction, Updateable } from 'kysely';
import type { DB, UserTable } from '../../db/schema';
import { departmentScope } from './departments.service';
import { departmentsRepository } from './departments.repository';
import type { RequestContext } from './identity.context';
import { rolesRepository } from './roles.repository';
import { usersRepository as repo, type UserWithRoles } from './users.repository';
import type { UserCreate, UserQuery, UserUpdate } from './users.schemas';

/** The API shape of a user row (never the hash). */
export function toUser(row: UserWithRoles) {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    phone: row.phone,
    email: row.email,
    status: row.status,
    roles: row.roles,
    mustChangePassword: row.must_change_password,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until : null,
    lastLoginAt: row.last_login_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Throws WEAK_PASSWORD when a password breaks the policy. */
export function assertPasswordPolicy(password: string, login: string): void {
  const violation = passwordPolicyViolation(password, login);
  if (violation) throw badRequest(ErrorCode.WeakPassword, { reason: violation });
}

/** A random initial password that meets the policy (no look-alike characters). */
export function generateInitialPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 14) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

async function resolveRoleIds(trx: Transaction<DB>, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const found = await rolesRepository.findByCodes(trx, unique);
  const missing = unique.filter((c) => !found.some((r) => r.code === c));
  if (missing.length) throw badRequest(ErrorCode.ValidationFailed, { field: 'roles', unknown: missing });
  return found.map((r) => r.id);
}

async function visibleUser(ctx: RequestContext, id: string) {
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound('user');
  assertInScope(await departmentScope(ctx.db, ctx.principal), row.department_id, 'user');
  return row;
}

export async function listUsers(ctx: RequestContext, query: z.infer<typeof UserQuery>) {
  const scope = await departmentScope(ctx.db, ctx.principal);
  const { rows, total } = await repo.list(ctx.db, { ...query, departmentIds: scope ? [...scope] : null });
  return { items: rows.map(toUser), total };
}

export async function getUser(ctx: RequestContext, id: string) {
  return toUser(await visibleUser(ctx, id));
}

/** Creates a user with an initial password that must be changed at first login. */
export async function createUser(ctx: RequestContext, input: z.infer<typeof UserCreate>, options: { mustChangePassword?: boolean } = {}) {
  const initialPassword = input.initialPassword ?? generateInitialPassword();
  assertPasswordPolicy(initialPassword, input.login);
  const passwordHash = await hashPassword(initialPassword);
  const scope = await departmentScope(ctx.db, ctx.principal);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await departmentsRepository.findById(trx, input.departmentId)) || (scope && !scope.has(input.departmentId))) {
      throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
    }
    const roleIds = await resolveRoleIds(trx, input.roles);
    const { id } = await repo
      .insert(trx, {
        login: input.login,
        display_name: input.displayName,
        department_id: input.departmentId,
        phone: input.phone ?? null,
        email: input.email ?? null,
        password_hash: passwordHash,
        must_change_password: options.mustChangePassword ?? true,
      })
      .catch((e: unknown) => rethrowUnique(e, { login: 'login' }));
    await repo.setRoles(trx, id, roleIds);
    await appendAudit(trx, ctx.actor, {
      action: 'identity.user.create',
      targetType: 'user',
      targetId: id,
      targetLabel: input.login,
      details: { departmentId: input.departmentId, roles: input.roles },
    });
    const row = await repo.findById(trx, id);
    return { user: toUser(row!), initialPassword };
  });
}

export async function updateUser(ctx: RequestContext, id: string, input: z.infer<typeof UserUpdate>) {
  const current = await visibleUser(ctx, id);
  const scope = await departmentScope(ctx.db, ctx.principal);
  return ctx.db.transaction().execute(async (trx) => {
    if (
      input.departmentId &&
      (!(await departmentsRepository.findById(trx, input.departmentId)) || (scope && !scope.has(input.departmentId)))
    ) {
      throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
    }
    const values: Updateable<UserTable> = {};
    if (input.displayName !== undefined) values.display_name = input.displayName;
    if (input.departmentId !== undefined) values.department_id = input.departmentId;
    if (input.phone !== undefined) values.phone = input.phone;
    if (input.email !== undefined) values.email = input.email;
    if (input.status !== undefined) values.status = input.status;
    const updated = await repo.update(trx, id, input.version, values);
    if (!updated) throw conflict(ErrorCode.VersionConflict, { current: toUser(current) });
    if (input.roles) await repo.setRoles(trx, id, await resolveRoleIds(trx, input.roles));
    if (input.status === 'disabled') await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
    const changed = [...Object.keys(values), ...(input.roles ? ['roles'] : [])];
    await appendAudit(trx, ctx.actor, {
      action: 'identity.user.update',
      targetType: 'user',
      targetId: id,
      targetLabel: current.login,
      details: {
        changed,
        ...(input.roles ? { roles: input.roles, previousRoles: current.roles } : {}),
        ...(input.status ? { status: input.status } : {}),
      },
    });
    return toUser((await repo.findById(trx, id))!);
  });
}

/** Sets a new initial password, ends the user's sessions and clears any lockout. */
export async function resetPassword(ctx: RequestContext, id: string) {
  const current = await visibleUser(ctx, id);
  const initialPassword = generateInitialPassword();
  const hash = await hashPassword(initialPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.patch(trx, id, {
      password_hash: hash,
      must_change_password: true,
      password_changed_at: new Date(),
      failed_logins: 0,
      locked_until: null,
    });
    await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
    await appendAudit(trx, ctx.actor, {
      action: 'identity.user.reset_password',
      targetType: 'user',
      targetId: id,
      targetLabel: current.login,
    });
  });
  return { user: toUser((await repo.findById(ctx.db, id))!), initialPassword };
}

/** Lifts a lockout before it runs out. */
export async function unlockUser(ctx: RequestContext, id: string) {
  const current = await visibleUser(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.patch(trx, id, { failed_logins: 0, locked_until: null });
    await appendAudit(trx, ctx.actor, { action: 'identity.user.unlock', targetType: 'user', targetId: id, targetLabel: current.login });
  });
  return toUser((await repo.findById(ctx.db, id))!);
}
