import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../../core/ids.ts';
import { vietnamDate } from '../../../core/ids.ts';
import type { CounterRow, Progress } from '../../../core/rollup/counters.ts';
import { progressFromCounters, rate } from '../../../core/rollup/counters.ts';
import type { PlanSummary, ProgressRow, Rates } from '../../../shared/plans.ts';
import { PROGRESS_EXPLANATION } from '../../../shared/plans.ts';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { byName, planAndUnit } from './plan-scope.ts';
import { readTogether } from '../../db/read-together.ts';

/**
 * The roll-up of a plan read from progress_counter (never from the instances): one indexed read
 * of the counters of the unit's direct children, each covering its whole subtree.
 */

type ChildCounters = { unitId: string; name: string; rows: CounterRow[] };

async function childCounters(tx: Tx, planId: string, unitId: string): Promise<ChildCounters[]> {
  const r = await tx.execute<{ unitId: string; name: string; item: 'task' | 'report'; dueDate: IsoDate; total: number; done: number; doneLate: number }>(sql`
    SELECT u.id AS "unitId", u.name, c.item, c.due_date::text AS "dueDate", c.total, c.done, c.done_late AS "doneLate"
    FROM unit u JOIN progress_counter c ON c.unit_id = u.id AND c.plan_id = ${planId}
    WHERE u.parent_id = ${unitId}`);
  const byUnit = new Map<string, ChildCounters>();
  for (const { unitId: id, name, ...row } of r.rows) {
    const c = byUnit.get(id) ?? { unitId: id, name, rows: [] };
    c.rows.push(row);
    byUnit.set(id, c);
  }
  return byName([...byUnit.values()]);
}

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
    taskCompletion: rate(p.tasks.done, p.tasks.total),
    taskOnTime: rate(p.tasks.done - taskLate, p.tasks.done + p.tasks.overdue),
    reportSubmission: rate(p.reports.submitted, p.reports.expected),
    reportOnTime: rate(p.reports.submitted - p.reports.late, p.reports.submitted + p.reports.missing),
  };
}

/**
 * GET /api/plans/:id/progress: one row per direct child of the unit (default: the plan's unit)
 * that has instances of the plan in its subtree, on today in Vietnam.
 */
export async function getPlanProgress(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<ProgressRow[]> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const today = vietnamDate(ctx.now);
  const children = await childCounters(ctx.tx, plan.id, unit.id);
  return children.map((c) => row(c.unitId, c.name, progressFromCounters(c.rows, today)));
}

/** GET /api/plans/:id/summary: the unit's own total and rates, each child with its rates, and how they are counted. */
export async function getPlanSummary(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<PlanSummary> {
  const { plan, unit } = await planAndUnit(planId, unitId, ctx);
  const today = vietnamDate(ctx.now);
  const [own, children] = await readTogether(ctx.tx, [() => ownCounters(ctx.tx, plan.id, unit.id), () => childCounters(ctx.tx, plan.id, unit.id)]);
  const total = progressFromCounters(own, today);
  return {
    asOf: today,
    unit: row(unit.id, unit.name, total),
    rates: ratesOf(own, total),
    children: children.map((c) => {
      const p = progressFromCounters(c.rows, today);
      return { ...row(c.unitId, c.name, p), rates: ratesOf(c.rows, p) };
    }),
    explanation: [...PROGRESS_EXPLANATION],
  };
}
