import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '#core/access/scope.ts';
import type { AuditAction } from '#shared/audit.ts';
import type { Tx } from '../client.ts';

export interface AuditEntry {
  /** One of the labelled codes of AUDIT_ACTIONS (src/shared/audit.ts). */
  action: AuditAction;
  entity: string;
  entityId: string | null;
  /** The tree path the entry belongs to: leaders of that subtree may read it. */
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Who an entry names: a signed-in actor, someone who named a user but did not sign in (a failed
 * sign-in: no id, the name as typed), or null for the system.
 */
export type AuditActor = Pick<Actor, 'userId' | 'username'> | { userId: null; username: string } | null;

/**
 * The INSERT of one audit entry; with `when`, the entry is written only when that condition holds
 * (inside a larger statement that makes the change it records).
 */
export function auditInsertSql(actor: AuditActor, entry: AuditEntry, now: Date, when?: SQL): SQL {
  return sql`
    INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, unit_path, before, after)
    SELECT ${now.toISOString()}::timestamptz, ${actor?.userId ?? null}::uuid, ${actor?.username ?? 'system'}::text, ${entry.action}::text,
           ${entry.entity}::text, ${entry.entityId}::text, ${entry.unitPath}::ltree,
           ${entry.before === undefined ? null : JSON.stringify(entry.before)}::jsonb,
           ${entry.after === undefined ? null : JSON.stringify(entry.after)}::jsonb${when ? sql` WHERE ${when}` : sql``}`;
}

/** Appends to the audit log in the caller's transaction, so the entry exists iff the change does. */
export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry, now: Date): Promise<void> {
  await tx.execute(auditInsertSql(actor, entry, now));
}
