import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { unitIdOfLabel } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { Contribution, CounterRow, Item } from '#core/rollup/counters.ts';
import { NO_DUE } from '#core/rollup/counters.ts';
import type { Tx } from '../client.ts';

/** What addToCounters adds: a delta for one plan, kind of item and due bucket at a unit and its ancestors. */
export interface CounterDelta {
  planId: string;
  unitPath: TreePath;
  item: Item;
  due: IsoDate | null;
  delta: Contribution;
}

/**
 * The levels whose counters are split into slots (the unit at depth 1 is the root of the tree):
 * the few units near the root that nearly every change writes to (migration 0011).
 */
export const SLOTTED_DEPTH = 3;
/** How many slots a counter of those levels has; a writer uses the one of its connection. */
export const COUNTER_SLOTS = 16;

/**
 * The statement addToCounters runs, or null when the delta is zero. With `when`, the rows are
 * added only when that condition holds (inside a larger statement that writes the change itself).
 * The rows are written root first, the same order in every transaction, so writers never deadlock.
 */
export function addToCountersSql(c: CounterDelta, when?: SQL): SQL | null {
  if (c.delta.total === 0 && c.delta.done === 0 && c.delta.doneLate === 0) return null;
  const unitIds = c.unitPath.split('.').map(unitIdOfLabel);
  return sql`
    INSERT INTO progress_counter (plan_id, unit_id, item, due_date, slot, total, done, done_late)
    SELECT ${c.planId}::uuid, a.u, ${c.item}::text, ${c.due ?? NO_DUE}::date,
           CASE WHEN a.depth <= ${SLOTTED_DEPTH} THEN pg_backend_pid() % ${COUNTER_SLOTS} ELSE 0 END,
           ${c.delta.total}::int, ${c.delta.done}::int, ${c.delta.doneLate}::int
    FROM unnest(${`{${unitIds.join(',')}}`}::uuid[]) WITH ORDINALITY AS a(u, depth)${when ? sql` WHERE ${when}` : sql``}
    ON CONFLICT (plan_id, unit_id, item, due_date, slot) DO UPDATE SET
      total = progress_counter.total + EXCLUDED.total,
      done = progress_counter.done + EXCLUDED.done,
      done_late = progress_counter.done_late + EXCLUDED.done_late`;
}

/**
 * Adds a delta to the progress counters of the unit at `unitPath` and of every ancestor, for one
 * plan, kind of item and due bucket. Call it in the transaction that changes the instance, so the
 * roll-up is never out of step with the instances (`src/core/rollup/counters.ts`).
 */
export async function addToCounters(tx: Tx, c: CounterDelta): Promise<void> {
  const q = addToCountersSql(c);
  if (q) await tx.execute(q);
}

/**
 * Rebuilds all counters of a plan from its instances in one statement (after publishing to
 * thousands of units, where one delta per instance would be far slower).
 */
export async function rebuildCounters(tx: Tx, planId: string): Promise<void> {
  await tx.execute(sql`DELETE FROM progress_counter WHERE plan_id = ${planId}`);
  // Each instance counts at its unit and every ancestor: the labels of its ltree path, which are
  // the units' ids in hex (PostgreSQL reads them as uuid directly). One hash aggregation over
  // (label, due date): at national scale four times faster than grouping per unit first.
  await tx.execute(sql`
    WITH items AS (
      SELECT 'task' AS item, l, coalesce(due_date, ${NO_DUE}::date) AS due_date,
             count(*) FILTER (WHERE status <> 'cancelled') AS total,
             count(*) FILTER (WHERE status = 'done') AS done,
             count(*) FILTER (WHERE status = 'done' AND due_date IS NOT NULL AND done_on > due_date) AS done_late
      FROM task_instance, unnest(string_to_array(unit_path::text, '.')) AS l
      WHERE plan_id = ${planId} GROUP BY l, 3
      UNION ALL
      -- a returned report counts as not submitted until it is submitted again (core/rollup/counters.ts)
      SELECT 'report', l, coalesce(due_date, ${NO_DUE}::date),
             count(*) FILTER (WHERE status <> 'cancelled'),
             count(*) FILTER (WHERE first_submitted_on IS NOT NULL AND status NOT IN ('cancelled', 'returned')),
             count(*) FILTER (WHERE first_submitted_on IS NOT NULL AND status NOT IN ('cancelled', 'returned') AND due_date IS NOT NULL AND first_submitted_on > due_date)
      FROM obligation_instance, unnest(string_to_array(unit_path::text, '.')) AS l
      WHERE plan_id = ${planId} GROUP BY l, 3
    )
    INSERT INTO progress_counter (plan_id, unit_id, item, due_date, total, done, done_late)
    SELECT ${planId}, l::uuid, item, due_date, total, done, done_late FROM items`);
}

/** The counters of one direct child of a unit for a plan, each covering the child's whole subtree. */
export type ChildCounters = { unitId: string; name: string; rows: CounterRow[] };

/**
 * The counters of a plan at each direct child of a unit, read from progress_counter (never from
 * the instances): one indexed read, in no particular order.
 */
export async function findChildCounters(tx: Tx, planId: string, unitId: string): Promise<ChildCounters[]> {
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
  return [...byUnit.values()];
}
