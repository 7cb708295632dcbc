import { sql } from 'drizzle-orm';
import { unitIdOfLabel } from '#core/access/scope.ts';
import { vietnamDate } from '#core/ids.ts';
import type { Heatmap } from '#shared/plans.ts';
import type { ServiceContext } from '../context.ts';
import { byName, planAndUnit } from './plan-scope.ts';
import { readTogether } from '../../db/read-together.ts';

/**
 * GET /api/plans/:id/heatmap: the unit's direct children × the plan's tasks, each cell the tasks
 * done / to do (and overdue on today) over the child's subtree. Cancelled instances count nowhere.
 */
export async function getHeatmap(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<Heatmap> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const today = vietnamDate(ctx.now);
  const r = await ctx.tx.execute<{ label: string; taskId: string; total: number; done: number; overdue: number }>(sql`
    SELECT subpath(ti.unit_path, nlevel(${unit.path}::ltree), 1)::text AS label, ti.task_id AS "taskId",
           count(*)::int AS total,
           count(*) FILTER (WHERE ti.status = 'done')::int AS done,
           count(*) FILTER (WHERE ti.status = 'open' AND ti.due_date < ${today}::date)::int AS overdue
    FROM task_instance ti
    WHERE ti.plan_id = ${plan.id} AND ti.status <> 'cancelled'
      AND ti.unit_path <@ ${unit.path}::ltree AND nlevel(ti.unit_path) > nlevel(${unit.path}::ltree)
    GROUP BY 1, 2`);
  const cells = r.rows.map(({ label, ...c }) => ({ unitId: unitIdOfLabel(label), ...c }));
  const unitIds = [...new Set(cells.map((c) => c.unitId))];
  const taskIds = [...new Set(cells.map((c) => c.taskId))];
  const [units, tasks] = await readTogether(ctx.tx, [
    () => unitIds.length > 0
      ? ctx.tx.execute<{ unitId: string; name: string }>(sql`SELECT id AS "unitId", name FROM unit WHERE id = ANY(${`{${unitIds.join(',')}}`}::uuid[])`)
      : Promise.resolve({ rows: [] as { unitId: string; name: string }[] }),
    () => ctx.tx.execute<{ taskId: string; ord: number; text: string }>(sql`
      SELECT id AS "taskId", ord, text FROM task WHERE plan_id = ${plan.id} AND id = ANY(${`{${taskIds.join(',')}}`}::uuid[]) ORDER BY ord`),
  ]);
  return { tasks: tasks.rows, units: byName(units.rows), cells };
}
