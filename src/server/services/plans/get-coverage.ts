import { sql } from 'drizzle-orm';
import type { Coverage } from '#shared/plans.ts';
import { parentNameSql } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { planAndUnit } from './plan-scope.ts';

/**
 * GET /api/plans/:id/coverage: for each task of the plan (the "make your plan" tasks aside), the
 * units of the subtree of `unit` (default: the plan's unit; itself excepted) it is addressed to
 * whose own published plan has no task carrying it out — at any depth: a cell's plan carrying out
 * its đảng bộ's plan that carries out this one counts (task.parent_task_id climbed, ADR 014).
 * Units without a published plan of the chain are named so.
 */
export async function getCoverage(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<Coverage> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const r = await ctx.tx.execute<{ taskId: string; ord: number; text: string; unitId: string | null; name: string | null; parentName: string | null; covered: boolean; hasPlan: boolean }>(sql`
    WITH RECURSIVE addressed AS (
      SELECT DISTINCT ti.task_id, ti.unit_id FROM task_instance ti JOIN unit u ON u.id = ti.unit_id
      WHERE ti.plan_id = ${plan.id} AND u.path <@ ${unit.path}::ltree AND u.id <> ${unit.id} AND ti.status <> 'cancelled'
    ), chain AS (
      -- The published plans carrying this one out, at any depth.
      SELECT c.id, c.unit_id FROM plan c WHERE c.parent_plan_id = ${plan.id} AND c.status = 'published'
      UNION ALL
      SELECT c.id, c.unit_id FROM plan c JOIN chain ch ON c.parent_plan_id = ch.id WHERE c.status = 'published'
    ), up AS (
      -- Each task of those plans with the task it carries out, climbed until it is a task of this plan.
      SELECT t.plan_id, t.parent_task_id AS top FROM task t JOIN chain ch ON ch.id = t.plan_id WHERE t.parent_task_id IS NOT NULL
      UNION
      SELECT up.plan_id, pt.parent_task_id FROM up JOIN task pt ON pt.id = up.top WHERE pt.plan_id <> ${plan.id} AND pt.parent_task_id IS NOT NULL
    ), covered AS (
      SELECT DISTINCT q.unit_id, up.top AS task_id FROM up JOIN task tt ON tt.id = up.top AND tt.plan_id = ${plan.id} JOIN plan q ON q.id = up.plan_id
    )
    SELECT t.id AS "taskId", t.ord, t.text, a.unit_id AS "unitId", u.name, ${parentNameSql('u')} AS "parentName",
           (c.unit_id IS NOT NULL) AS covered,
           EXISTS (SELECT 1 FROM chain ch WHERE ch.unit_id = a.unit_id) AS "hasPlan"
    FROM task t
    LEFT JOIN addressed a ON a.task_id = t.id
    LEFT JOIN unit u ON u.id = a.unit_id
    LEFT JOIN covered c ON c.unit_id = a.unit_id AND c.task_id = t.id
    WHERE t.plan_id = ${plan.id} AND t.kind <> 'own_plan'
    ORDER BY t.ord`);
  const out = new Map<string, Coverage[number]>();
  for (const x of r.rows) {
    const entry = out.get(x.taskId) ?? { taskId: x.taskId, ord: x.ord, text: x.text, addressed: 0, covered: 0, uncovered: [] };
    out.set(x.taskId, entry);
    if (!x.unitId) continue;
    entry.addressed += 1;
    if (x.covered) entry.covered += 1;
    else entry.uncovered.push({ unitId: x.unitId, name: x.name ?? '', parentName: x.parentName, hasPlan: x.hasPlan });
  }
  const list = [...out.values()];
  for (const e of list) e.uncovered.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return list;
}
