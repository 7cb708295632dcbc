import { sql } from 'drizzle-orm';
import { vietnamDate } from '#core/ids.ts';
import type { CounterRow, Progress } from '#core/rollup/counters.ts';
import { counterRowsMinus, progressFromCounters, rate } from '#core/rollup/counters.ts';
import type { PlanSummary, ProgressRow, Rates } from '#shared/plans.ts';
import { PROGRESS_EXPLANATION } from '#shared/plans.ts';
import type { Tx } from '../../db/client.ts';
import { findChildCounters } from '../../db/queries/progress.ts';
import type { ServiceContext } from '../context.ts';
import { byName, planAndUnit } from './plan-scope.ts';
import { readTogether } from '../../db/read-together.ts';

/** The counters of a plan at the unit itself, covering its whole subtree. */
async function ownCounters(tx: Tx, planId: string, unitId: string): Promise<CounterRow[]> {
  const r = await tx.execute<CounterRow & Record<string, unknown>>(sql`
    SELECT item, due_date::text AS "dueDate", total, done, done_late AS "doneLate"
    FROM progress_counter WHERE plan_id = ${planId} AND unit_id = ${unitId}`);
  return r.rows;
}

const row = (unitId: string, name: string, p: Progress): ProgressRow => ({ unitId, name, tasks: p.tasks, reports: p.reports });

/** Completion and on-time rates (shared/plans.ts RatesSchema says how each is counted). */
export function ratesOf(rows: readonly CounterRow[], p: Progress): Rates {
  const taskLate = rows.filter((r) => r.item === 'task').reduce((s, r) => s + r.doneLate, 0);
  return {
    taskCompletion: rate(p.tasks.done, p.tasks.dueSoFar),
    taskOnTime: rate(p.tasks.done - taskLate, p.tasks.done + p.tasks.overdue),
    reportSubmission: rate(p.reports.submitted, p.reports.dueSoFar),
    reportOnTime: rate(p.reports.submitted - p.reports.late, p.reports.submitted + p.reports.missing),
  };
}

/**
 * GET /api/plans/:id/summary: the unit's total over its subtree and rates, each child with its
 * rates, the unit's own work apart (so the rows add up to the total), and how they are counted.
 * Read from progress_counter (never from the instances).
 */
export async function getPlanSummary(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<PlanSummary> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const today = vietnamDate(ctx.now);
  const [own, children] = await readTogether(ctx.tx, [() => ownCounters(ctx.tx, plan.id, unit.id), async () => byName(await findChildCounters(ctx.tx, plan.id, unit.id))]);
  const total = progressFromCounters(own, today);
  const selfRows = counterRowsMinus(own, children.map((c) => c.rows));
  const self = progressFromCounters(selfRows, today);
  return {
    asOf: today,
    unit: row(unit.id, unit.name, total),
    rates: ratesOf(own, total),
    children: children.map((c) => {
      const p = progressFromCounters(c.rows, today);
      return { ...row(c.unitId, c.name, p), rates: ratesOf(c.rows, p) };
    }),
    own: self.tasks.total + self.reports.expected > 0 ? { ...row(unit.id, unit.name, self), rates: ratesOf(selfRows, self) } : null,
    explanation: [...PROGRESS_EXPLANATION],
  };
}
