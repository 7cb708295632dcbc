import { sql } from 'drizzle-orm';
import type { Coverage } from '#shared/plans.ts';
import type { ServiceContext } from '../context.ts';
import { planAndUnit } from './plan-scope.ts';

/**
 * GET /api/plans/:id/coverage: for each task of the plan (the "make your plan" tasks aside), the
 * units directly below `unit` (default: the plan's unit) it is addressed to whose published
 * implementing plan has no task carrying it out — units without a published plan included.
 */
export async function getCoverage(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<Coverage> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const r = await ctx.tx.execute<{ taskId: string; ord: number; text: string; unitId: string | null; name: string | null; covered: boolean; hasPlan: boolean }>(sql`
    WITH addressed AS (
      SELECT DISTINCT ti.task_id, ti.unit_id FROM task_instance ti JOIN unit u ON u.id = ti.unit_id
      WHERE ti.plan_id = ${plan.id} AND u.parent_id = ${unit.id} AND ti.status <> 'cancelled'
    ), implementing AS (
      SELECT c.id, c.unit_id FROM plan c WHERE c.parent_plan_id = ${plan.id} AND c.status = 'published'
    ), carried AS (
      SELECT DISTINCT i.unit_id, t.parent_task_id AS task_id FROM implementing i JOIN task t ON t.plan_id = i.id WHERE t.parent_task_id IS NOT NULL
    )
    SELECT t.id AS "taskId", t.ord, t.text, a.unit_id AS "unitId", u.name,
           (c.unit_id IS NOT NULL) AS covered,
           EXISTS (SELECT 1 FROM implementing i WHERE i.unit_id = a.unit_id) AS "hasPlan"
    FROM task t
    LEFT JOIN addressed a ON a.task_id = t.id
    LEFT JOIN unit u ON u.id = a.unit_id
    LEFT JOIN carried c ON c.unit_id = a.unit_id AND c.task_id = t.id
    WHERE t.plan_id = ${plan.id} AND t.kind <> 'own_plan'
    ORDER BY t.ord`);
  const out = new Map<string, Coverage[number]>();
  for (const x of r.rows) {
    const entry = out.get(x.taskId) ?? { taskId: x.taskId, ord: x.ord, text: x.text, addressed: 0, covered: 0, uncovered: [] };
    out.set(x.taskId, entry);
    if (!x.unitId) continue;
    entry.addressed += 1;
    if (x.covered) entry.covered += 1;
    else entry.uncovered.push({ unitId: x.unitId, name: x.name ?? '', hasPlan: x.hasPlan });
  }
  const list = [...out.values()];
  for (const e of list) e.uncovered.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return list;
}
