import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/scope.ts';
import type { Tx } from '../../db/client.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  /** The tree path the entry belongs to: leaders of that subtree may read it. */
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log in the caller's transaction, so the entry exists iff the change does. */
export async function writeAudit(tx: Tx, actor: Actor | null, entry: AuditEntry, now: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, unit_path, before, after)
    VALUES (${now.toISOString()}, ${actor?.userId ?? null}, ${actor?.username ?? 'system'}, ${entry.action}, ${entry.entity},
            ${entry.entityId}, ${entry.unitPath}::ltree,
            ${entry.before === undefined ? null : JSON.stringify(entry.before)}::jsonb,
            ${entry.after === undefined ? null : JSON.stringify(entry.after)}::jsonb)`);
}
