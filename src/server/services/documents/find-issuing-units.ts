import { sql } from 'drizzle-orm';
import { pathLabel, scopeRoots, unitIdOfLabel } from '#core/access/scope.ts';
import { foldForSearch } from '#core/text/fold.ts';
import type { IssuingUnit } from '#shared/documents.ts';
import type { ServiceContext } from '../context.ts';

const LIMIT = 20;

/**
 * Units a document may be imported for: those where the actor may write, whose names contain
 * every word of `q` (diacritics ignored). Units that have ended are included — an old plan is
 * imported for the unit that issued it — after the active ones.
 */
export async function findIssuingUnits(q: { q?: string | undefined }, { actor, tx }: ServiceContext): Promise<{ items: IssuingUnit[] }> {
  const words = foldForSearch(q.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  const conds = [sql`u.kind <> 'department'`];
  for (const w of words) conds.push(sql`u.name_folded LIKE ${`%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  if (!actor.superuser) {
    const roots = scopeRoots(actor, 'write');
    if (roots.length === 0) return { items: [] };
    conds.push(sql`u.path <@ ${`{${roots.join(',')}}`}::ltree[]`);
  } else if (words.length === 0) {
    conds.push(sql`u.depth <= 2`);
  }
  const r = await tx.execute<{ id: string; name: string; kind: string; validTo: string | null; pathIds: string }>(sql`
    SELECT u.id, u.name, u.kind, u.valid_to::text AS "validTo", u.path::text AS "pathIds"
    FROM unit u WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY u.valid_to IS NOT NULL, u.depth, u.name
    LIMIT ${LIMIT}`);
  const labels = [...new Set(r.rows.flatMap((x) => x.pathIds.split('.').slice(0, -1)))];
  const names = new Map<string, string>();
  if (labels.length > 0) {
    const n = await tx.execute<{ id: string; name: string }>(sql`
      SELECT id, coalesce(short_name, name) AS name FROM unit WHERE id = ANY(${`{${labels.map(unitIdOfLabel).join(',')}}`}::uuid[])`);
    for (const x of n.rows) names.set(pathLabel(x.id), x.name);
  }
  return {
    items: r.rows.map(({ pathIds, ...u }) => ({ ...u, path: pathIds.split('.').slice(0, -1).map((l) => names.get(l) ?? '') })),
  };
}
