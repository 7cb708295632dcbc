import { sql } from 'drizzle-orm';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { daysLate } from '#core/deadline/resolve.ts';
import type { OverdueItem } from '#shared/plans.ts';
import type { ServiceContext } from '../context.ts';
import { parentNameSql } from '../../db/queries/units.ts';
import { planAndUnit } from './plan-scope.ts';

/**
 * GET /api/plans/:id/overdue: task and report instances of the unit's subtree past their due date
 * on today and not done / not submitted, with the unit and the days late, most late first. A
 * returned report is not submitted (core/rollup/counters.ts), so the list counts what the
 * dashboard counts.
 */
export async function findOverdue(
  planId: string,
  q: { unit?: string | undefined; limit: number; offset: number },
  ctx: ServiceContext,
): Promise<{ asOf: string; items: OverdueItem[]; total: number; tasks: number; reports: number }> {
  const { plan, unit } = await planAndUnit(planId, q.unit, ctx);
  const today = vietnamDate(ctx.now);
  const r = await ctx.tx.execute<Omit<OverdueItem, 'daysLate'> & { total: number; tasks: number }>(sql`
    SELECT x.*, count(*) OVER ()::int AS total, count(*) FILTER (WHERE x.item = 'task') OVER ()::int AS tasks FROM (
      SELECT 'task' AS item, ti.id AS "instanceId", ti.task_id AS "itemId", t.text AS title, ti.unit_id AS "unitId", u.name AS "unitName",
             ${parentNameSql('u')} AS "parentName", ti.period_label AS "periodLabel", ti.due_date::text AS "dueDate", false AS returned
      FROM task_instance ti JOIN task t ON t.id = ti.task_id JOIN unit u ON u.id = ti.unit_id
      WHERE ti.plan_id = ${plan.id} AND ti.status = 'open' AND ti.due_date IS NOT NULL AND ti.due_date < ${today}::date
        AND ti.unit_path <@ ${unit.path}::ltree
      UNION ALL
      SELECT 'report', oi.id, oi.obligation_id, ro.title, oi.unit_id, u.name, ${parentNameSql('u')}, oi.period_label, oi.due_date::text, oi.status = 'returned'
      FROM obligation_instance oi JOIN report_obligation ro ON ro.id = oi.obligation_id JOIN unit u ON u.id = oi.unit_id
      WHERE oi.plan_id = ${plan.id} AND oi.status IN ('pending', 'draft', 'returned') AND oi.due_date IS NOT NULL
        AND oi.due_date < ${today}::date AND oi.unit_path <@ ${unit.path}::ltree
    ) x
    ORDER BY x."dueDate", x."unitName", x.item, x."instanceId"
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const total = r.rows[0]?.total ?? 0;
  const tasks = r.rows[0]?.tasks ?? 0;
  return {
    asOf: today,
    items: r.rows.map(({ total: _t, tasks: _n, ...x }) => ({ ...x, daysLate: daysLate(x.dueDate as IsoDate, today) })),
    total,
    tasks,
    reports: total - tasks,
  };
}
