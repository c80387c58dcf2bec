import { ErrorCode, limits } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit, type Actor } from '../../platform/audit/audit-log';
import type { Authenticator } from '../../platform/auth/auth-hook';
import type { Principal } from '../../platform/auth/principal';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/crypto/password';
import { randomToken, sha256Hex } from '../../platform/crypto/provider';
import { AppError, badRequest, forbidden, unauthenticated } from '../../platform/errors';
import { sessionsRepository as sessions } from './sessions.repository';
import { grantsOf, usersRepository as users } from './users.repository';
import { assertPasswordPolicy, toUser } from './users.service';

const TOUCH_AFTER_MS = 60_000;

/** A started session: the cookie token (never stored) and the CSRF token the page must echo. */
export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  mustChangePassword: boolean;
}

/** Login, sessions and the authenticator behind every request. */
export class AuthService implements Authenticator {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly sessionHours: number,
  ) {}

  private expiry(): Date {
    return new Date(Date.now() + this.sessionHours * 3600_000);
  }

  /**
   * Checks a login and password and starts a session. Failures are counted and audited in one
   * transaction; the fifth in a row locks the account for 15 minutes.
   */
  async login(login: string, password: string, actor: Omit<Actor, 'userId' | 'login' | 'departmentId'>): Promise<StartedSession> {
    const user = await users.findByLogin(this.db, login);
    const base = {
      ...actor,
      userId: user?.id ?? null,
      login: user?.login ?? login.slice(0, 64),
      departmentId: user?.department_id ?? null,
    };
    if (!user) {
      await verifyPassword(password, await dummyPasswordHash);
      await appendAudit(this.db, base, {
        action: 'auth.login.failed',
        outcome: 'failure',
        targetType: 'user',
        targetLabel: login.slice(0, 64),
        details: { reason: 'unknown_login' },
      });
      throw unauthenticated(ErrorCode.InvalidCredentials);
    }
    if (user.locked_until && user.locked_until > new Date()) {
      await appendAudit(this.db, base, {
        action: 'auth.login.failed',
        outcome: 'failure',
        targetType: 'user',
        targetId: user.id,
        targetLabel: user.login,
        details: { reason: 'locked' },
      });
      throw new AppError(423, ErrorCode.AccountLocked, { lockedUntil: user.locked_until.toISOString() });
    }
    const ok = await verifyPassword(password, user.password_hash);
    if (!ok) {
      const lockedUntil = await this.db.transaction().execute(async (trx) => {
        const failures = await sessions.countFailedLogin(trx, user.id);
        await appendAudit(trx, base, {
          action: 'auth.login.failed',
          outcome: 'failure',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.login,
          details: { reason: 'bad_password', failures },
        });
        if (failures < limits.lockoutAttempts) return null;
        const until = new Date(Date.now() + limits.lockoutMinutes * 60_000);
        await users.patch(trx, user.id, { failed_logins: 0, locked_until: until });
        await appendAudit(trx, base, {
          action: 'auth.lockout',
          outcome: 'failure',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.login,
          details: { lockedUntil: until.toISOString(), failures },
        });
        return until;
      });
      if (lockedUntil) throw new AppError(423, ErrorCode.AccountLocked, { lockedUntil: lockedUntil.toISOString() });
      throw unauthenticated(ErrorCode.InvalidCredentials);
    }
    if (user.status !== 'active') {
      await appendAudit(this.db, base, {
        action: 'auth.login.failed',
        outcome: 'failure',
        targetType: 'user',
        targetId: user.id,
        targetLabel: user.login,
        details: { reason: 'disabled' },
      });
      throw forbidden(ErrorCode.AccountDisabled);
    }
    const token = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = this.expiry();
    await this.db.transaction().execute(async (trx) => {
      await users.patch(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: new Date() });
      await sessions.insertSession(trx, {
        id: sha256Hex(token),
        user_id: user.id,
        csrf_token: csrfToken,
        ip: actor.ip,
        user_agent: actor.userAgent?.slice(0, 300) ?? null,
        expires_at: expiresAt,
      });
      await appendAudit(trx, base, { action: 'auth.login', targetType: 'user', targetId: user.id, targetLabel: user.login });
    });
    return { token, csrfToken, expiresAt, mustChangePassword: user.must_change_password };
  }

  async logout(principal: Principal, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (principal.sessionId) await sessions.deleteSession(trx, principal.sessionId);
      await appendAudit(trx, actor, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: principal.userId,
        targetLabel: principal.login,
      });
    });
  }

  /** Ends every session of the user, on every device. */
  async logoutEverywhere(principal: Principal, actor: Actor): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const result = await sessions.deleteUserSessions(trx, principal.userId);
      const ended = Number(result.numDeletedRows);
      await appendAudit(trx, actor, {
        action: 'auth.logout_all',
        targetType: 'user',
        targetId: principal.userId,
        targetLabel: principal.login,
        details: { sessionsEnded: ended },
      });
      return ended;
    });
  }

  /** Changes the caller's own password; other sessions of the user end. */
  async changePassword(principal: Principal, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await users.findByLogin(this.db, principal.login);
    if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
      throw badRequest(ErrorCode.InvalidCredentials, { field: 'currentPassword' });
    }
    assertPasswordPolicy(newPassword, user.login);
    if (currentPassword === newPassword) throw badRequest(ErrorCode.WeakPassword, { reason: 'same_as_current' });
    const hash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await users.patch(trx, user.id, { password_hash: hash, must_change_password: false, password_changed_at: new Date() });
      await sessions.deleteUserSessions(trx, user.id, principal.sessionId);
      await appendAudit(trx, actor, { action: 'auth.password.change', targetType: 'user', targetId: user.id, targetLabel: user.login });
    });
  }

  /** Deletes sessions past their expiry; run periodically by the server. */
  async purgeExpiredSessions(): Promise<number> {
    return Number((await sessions.deleteExpiredSessions(this.db)).numDeletedRows);
  }

  /** Who is logged in: the user, roles, permissions and the CSRF token for the page. */
  async me(principal: Principal, csrfToken: string | null) {
    const row = await users.findById(this.db, principal.userId);
    if (!row) throw unauthenticated();
    return { user: toUser(row), roles: principal.roles, permissions: [...principal.permissions].sort(), csrfToken, via: principal.via };
  }

  async fromSession(token: string): Promise<{ principal: Principal; csrfToken: string } | null> {
    if (token.length > 100) return null;
    const id = sha256Hex(token);
    const row = await sessions.findLiveSession(this.db, id);
    if (!row) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) await sessions.touchSession(this.db, id, this.expiry());
    const grants = grantsOf(row.grants);
    return {
      csrfToken: row.csrf_token,
      principal: {
        userId: row.user_id,
        login: row.login,
        displayName: row.display_name,
        departmentId: row.department_id,
        roles: grants.roles,
        permissions: new Set(grants.permissions),
        mustChangePassword: row.must_change_password,
        via: 'session',
        sessionId: id,
      },
    };
  }

  /** A personal access token never carries more than its owner holds now. */
  async fromBearer(token: string): Promise<Principal | null> {
    if (!token.startsWith('sy_pat_') || token.length > 100) return null;
    const row = await sessions.findLiveToken(this.db, sha256Hex(token));
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_AFTER_MS) await sessions.touchToken(this.db, row.id);
    const grants = grantsOf(row.grants);
    const owner = new Set(grants.permissions);
    return {
      userId: row.user_id,
      login: row.login,
      displayName: row.display_name,
      departmentId: row.department_id,
      roles: grants.roles,
      permissions: new Set(row.permissions.filter((p) => owner.has(p))),
      mustChangePassword: row.must_change_password,
      via: 'token',
      tokenId: row.id,
    };
  }
}
