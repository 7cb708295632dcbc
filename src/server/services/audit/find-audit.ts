import { sql } from 'drizzle-orm';
import type { Actor } from '#core/access/scope.ts';
import { scopeRoots } from '#core/access/scope.ts';
import type { AuditEntryView } from '#shared/audit.ts';
import type { Db } from '../../db/client.ts';

/**
 * Audit entries the actor may read: administrators everything, leaders and inspectors of a
 * unit the entries of their subtree. Newest first.
 */
export async function findAudit(
  db: Db,
  actor: Actor,
  q: { unitPath?: string | undefined; entity?: string | undefined; limit: number; offset: number },
): Promise<{ items: AuditEntryView[]; total: number }> {
  const conds = [sql`TRUE`];
  if (!actor.superuser) {
    const roots = scopeRoots(actor, 'read_audit');
    if (roots.length === 0) return { items: [], total: 0 };
    conds.push(sql`unit_path <@ ${`{${roots.join(',')}}`}::ltree[]`);
  }
  if (q.unitPath) conds.push(sql`unit_path <@ ${q.unitPath}::ltree`);
  if (q.entity) conds.push(sql`entity = ${q.entity}`);
  const where = sql.join(conds, sql` AND `);
  const r = await db.execute<AuditEntryView & { total: number }>(sql`
    SELECT id::text, at, actor_name AS "actorName", action, entity, entity_id AS "entityId", before, after, count(*) OVER ()::int AS total
    FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  return {
    items: r.rows.map(({ total: _t, at, ...e }) => ({ ...e, at: new Date(at).toISOString() })),
    total: r.rows[0]?.total ?? 0,
  };
}
