import { vietnamDate } from '#core/ids.ts';
import { progressFromCounters } from '#core/rollup/counters.ts';
import type { ProgressRow } from '#shared/plans.ts';
import { findChildCounters } from '../../db/queries/progress.ts';
import type { ServiceContext } from '../context.ts';
import { byName, planAndUnit } from './plan-scope.ts';

/**
 * GET /api/plans/:id/progress: one row per direct child of the unit (default: the plan's unit)
 * that has instances of the plan in its subtree, on today in Vietnam. The roll-up is read from
 * progress_counter, each child's counters covering its whole subtree.
 */
export async function findPlanProgress(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<ProgressRow[]> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const today = vietnamDate(ctx.now);
  const children = byName(await findChildCounters(ctx.tx, plan.id, unit.id));
  return children.map((c) => {
    const p = progressFromCounters(c.rows, today);
    return { unitId: c.unitId, name: c.name, tasks: p.tasks, reports: p.reports };
  });
}
