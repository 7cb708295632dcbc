import { sql } from 'drizzle-orm';
import type { Actor } from '#core/access/scope.ts';
import { scopeRoots } from '#core/access/scope.ts';
import { foldForSearch } from '#core/text/fold.ts';
import type { AuditAction, AuditEntryView } from '#shared/audit.ts';
import type { Db } from '../../db/client.ts';
import { readTogether } from '../../db/read-together.ts';

/** The most entries counted for the pager; past it the list says "more than". */
export const AUDIT_COUNT_CAP = 10_000;

export interface AuditFilter {
  unitPath?: string | undefined;
  entity?: string | undefined;
  /** Words of the actor's full name or login, diacritics ignored. */
  person?: string | undefined;
  action?: AuditAction | undefined;
  /** Days in Vietnam's time, both included. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

const DAY_MS = 86_400_000;
/** The instant a Vietnamese calendar day begins. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`);
const likeWord = (w: string) => `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * Audit entries the actor may read: administrators everything, leaders and inspectors of a unit the
 * entries of their subtree; filtered by unit, person, action and days. Newest first, with the acting
 * person's full name and the entry's unit with its parent.
 *
 * Each filter has an index of its own (migration 0020): the actor with the time, the action with the
 * time, the time alone, the unit's path. The page is read first and the names joined to its rows
 * only; the count stops at AUDIT_COUNT_CAP.
 */
export async function findAudit(db: Db, actor: Actor, q: AuditFilter): Promise<{ items: AuditEntryView[]; total: number; more: boolean }> {
  const conds = [sql`TRUE`];
  if (!actor.superuser) {
    const roots = scopeRoots(actor, 'read_audit');
    if (roots.length === 0) return { items: [], total: 0, more: false };
    conds.push(sql`a.unit_path <@ ${`{${roots.join(',')}}`}::ltree[]`);
  }
  if (q.unitPath) conds.push(sql`a.unit_path <@ ${q.unitPath}::ltree`);
  if (q.entity) conds.push(sql`a.entity = ${q.entity}`);
  if (q.action) conds.push(sql`a.action = ${q.action}`);
  if (q.from) conds.push(sql`a.at >= ${startOfDay(q.from).toISOString()}::timestamptz`);
  if (q.to) conds.push(sql`a.at < ${new Date(startOfDay(q.to).getTime() + DAY_MS).toISOString()}::timestamptz`);
  const words = foldForSearch(q.person ?? '').split(' ').filter(Boolean).slice(0, 8);
  if (words.length > 0) {
    const match = sql.join(words.map((w) => sql`(coalesce(p.name_folded, '') LIKE ${likeWord(w)} OR lower(au.username) LIKE ${likeWord(w)})`), sql` AND `);
    conds.push(sql`a.actor_id IN (SELECT au.id FROM app_user au LEFT JOIN person p ON p.id = au.person_id WHERE ${match})`);
  }
  const where = sql.join(conds, sql` AND `);
  const [page, count] = await readTogether(db, [
    () => db.execute<Omit<AuditEntryView, 'unit'> & { unitId: string | null; unitName: string | null; unitParentName: string | null }>(sql`
      WITH page AS (
        SELECT a.* FROM audit_log a WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${q.limit} OFFSET ${q.offset}
      )
      SELECT a.id::text, a.at, a.actor_name AS "actorName", p.full_name AS "actorFullName", a.action, a.entity,
             a.entity_id AS "entityId", u.id AS "unitId", u.name AS "unitName", pu.name AS "unitParentName", a.before, a.after
      FROM page a
      LEFT JOIN app_user au ON au.id = a.actor_id
      LEFT JOIN person p ON p.id = au.person_id
      LEFT JOIN LATERAL (SELECT CASE WHEN nlevel(a.unit_path) > 0 THEN subpath(a.unit_path, -1)::text END AS label) l ON TRUE
      LEFT JOIN unit u ON u.id = CASE WHEN l.label ~ '^[0-9a-f]{32}$' THEN l.label::uuid END
      LEFT JOIN unit pu ON pu.id = u.parent_id
      ORDER BY a.at DESC, a.id DESC`),
    () => db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_log a WHERE ${where} LIMIT ${AUDIT_COUNT_CAP + 1}) t`),
  ]);
  const n = count.rows[0]?.n ?? 0;
  return {
    items: page.rows.map(({ at, unitId, unitName, unitParentName, ...e }) => ({
      ...e,
      at: new Date(at).toISOString(),
      unit: unitId ? { id: unitId, name: unitName ?? '', parentName: unitParentName } : null,
    })),
    total: Math.min(n, AUDIT_COUNT_CAP),
    more: n > AUDIT_COUNT_CAP,
  };
}
