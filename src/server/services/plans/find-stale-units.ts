import { sql } from 'drizzle-orm';
import { parentNameSql } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { planAndUnit } from './plan-scope.ts';

const DAY = 86_400_000;

/**
 * GET /api/plans/:id/stale: units of the subtree that still have open work of the plan and have
 * changed none of their instances of it for `days` days (publication counts as a change) — the
 * commonest failure of such systems is an update left untouched. Longest silent first.
 */
export async function findStaleUnits(
  planId: string,
  q: { unit?: string | undefined; days: number; limit: number; offset: number },
  ctx: ServiceContext,
): Promise<{ items: { unitId: string; name: string; parentName: string | null; openItems: number; lastUpdateAt: string; daysSinceUpdate: number }[]; total: number }> {
  const { plan, unit } = await planAndUnit(planId, q.unit, ctx);
  const cutoff = new Date(ctx.now.getTime() - q.days * DAY).toISOString();
  const r = await ctx.tx.execute<{ unitId: string; name: string; parentName: string | null; openItems: number; lastUpdateAt: Date; total: number }>(sql`
    WITH per_unit AS (
      SELECT unit_id, max(updated_at) AS last, sum(open)::int AS open_items FROM (
        SELECT unit_id, updated_at, (status = 'open')::int AS open
        FROM task_instance WHERE plan_id = ${plan.id} AND unit_path <@ ${unit.path}::ltree AND status <> 'cancelled'
        UNION ALL
        SELECT unit_id, updated_at, (status IN ('pending', 'draft', 'returned'))::int
        FROM obligation_instance WHERE plan_id = ${plan.id} AND unit_path <@ ${unit.path}::ltree AND status <> 'cancelled'
      ) x GROUP BY unit_id
    )
    SELECT p.unit_id AS "unitId", u.name, ${parentNameSql('u')} AS "parentName", p.open_items AS "openItems", p.last AS "lastUpdateAt", count(*) OVER ()::int AS total
    FROM per_unit p JOIN unit u ON u.id = p.unit_id
    WHERE p.open_items > 0 AND p.last < ${cutoff}::timestamptz
    ORDER BY p.last, u.name
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  return {
    items: r.rows.map(({ total: _t, lastUpdateAt, ...x }) => {
      const last = new Date(lastUpdateAt);
      return { ...x, lastUpdateAt: last.toISOString(), daysSinceUpdate: Math.floor((ctx.now.getTime() - last.getTime()) / DAY) };
    }),
    total: r.rows[0]?.total ?? 0,
  };
}
