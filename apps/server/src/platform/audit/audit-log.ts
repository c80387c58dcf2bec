import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { enqueueEvidence } from '../evidence/evidence-log';

/** Who did something and from where; taken from the request. */
export interface Actor {
  userId: string | null;
  login: string | null;
  departmentId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** A security-relevant event, e.g. `identity.user.create` or `auth.login.failed`. */
export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure';
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  details?: Record<string, unknown>;
}

/** The actor of work done by the platform itself (demo loader, migrations, CLI). */
export const systemActor = (login = 'system'): Actor => ({ userId: null, login, departmentId: null, ip: null, userAgent: null });

/**
 * Appends an audit event. Pass the transaction of the change it records, so that the change and
 * its record commit or roll back together.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, actor: Actor, event: AuditEvent): Promise<void> {
  const row = {
    actor_user_id: actor.userId,
    actor_login: actor.login,
    actor_department_id: actor.departmentId,
    action: event.action,
    outcome: event.outcome ?? 'success',
    target_type: event.targetType ?? null,
    target_id: event.targetId ?? null,
    target_label: event.targetLabel ?? null,
    ip: actor.ip,
    user_agent: actor.userAgent?.slice(0, 300) ?? null,
  };
  const details = event.details ?? {};
  const { id } = await trx
    .insertInto('audit_event')
    .values({ ...row, details: JSON.stringify(details) })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Every security-relevant change is also a leaf of the evidence log, in the same transaction.
  await enqueueEvidence(trx, 'audit', { auditId: Number(id), at: new Date().toISOString(), ...row, details });
}
