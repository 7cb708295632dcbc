import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import { contribution, delta } from '#core/rollup/counters.ts';
import type { Tx } from '../client.ts';
import { addToCounters } from './progress.ts';

/**
 * Links the task instances of `planId` whose task carries out a task of the superior's plan
 * (`task.parent_task_id`) to the superior plan's instance of that task for the same unit: of the
 * same period, else the unit's nearest one (a one-off task carried out by a monthly one).
 * Idempotent; run when the plan is published and when units are added. Returns how many linked.
 * docs/decisions/014-reporting-chain.md.
 */
export async function linkCarriedOut(tx: Tx, planId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH linked AS (
      UPDATE task_instance c SET carries_out_id = (
        SELECT p.id FROM task_instance p
        WHERE p.task_id = ct.parent_task_id AND p.unit_id = c.unit_id AND p.status <> 'cancelled'
        ORDER BY (p.period_key = c.period_key) DESC, abs(coalesce(p.due_date, '9999-12-31'::date) - coalesce(c.due_date, '9999-12-31'::date)), p.id
        LIMIT 1)
      FROM task ct
      WHERE c.plan_id = ${planId} AND ct.id = c.task_id AND ct.parent_task_id IS NOT NULL AND c.carries_out_id IS NULL
      RETURNING c.carries_out_id
    )
    SELECT count(carries_out_id)::int AS n FROM linked`);
  return r.rows[0]!.n;
}

/**
 * After task instances changed, the superior plans' instances they carry out follow them: such an
 * instance is done when every instance carrying it out is done (on the last of their days), open
 * otherwise (and then no longer "vượt mức") — and so on up the chain of plans. The progress counters
 * of each plan move in the same transaction. Instances the unit closed itself with no instance
 * carrying them out are not touched.
 */
export async function followCarriedOut(tx: Tx, changedIds: readonly string[], userId: string, now: Date): Promise<void> {
  let ids = [...changedIds];
  // A chain of plans is a few levels deep (Khối → đảng bộ → chi bộ); the bound guards against a cycle.
  for (let depth = 0; depth < 8 && ids.length > 0; depth++) {
    const r = await tx.execute<{ id: string; planId: string; unitPath: TreePath; dueDate: IsoDate | null; before: IsoDate | null; after: IsoDate | null }>(sql`
      WITH parents AS (
        SELECT DISTINCT carries_out_id AS id FROM task_instance WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND carries_out_id IS NOT NULL
      ), state AS (
        SELECT p.id, bool_and(c.status = 'done') AS all_done, max(c.done_on) AS last_done
        FROM parents p JOIN task_instance c ON c.carries_out_id = p.id AND c.status <> 'cancelled'
        GROUP BY p.id
      ), old AS (
        SELECT ti.id, ti.done_on FROM task_instance ti JOIN state s ON s.id = ti.id WHERE ti.status <> 'cancelled' FOR UPDATE OF ti
      )
      UPDATE task_instance ti SET
        status = CASE WHEN s.all_done THEN 'done' ELSE 'open' END,
        done_on = CASE WHEN s.all_done THEN s.last_done END,
        beyond = s.all_done AND ti.beyond,
        updated_at = ${now.toISOString()}, updated_by = ${userId}
      FROM state s, old o
      WHERE ti.id = s.id AND o.id = s.id AND (ti.done_on IS DISTINCT FROM CASE WHEN s.all_done THEN s.last_done END)
      RETURNING ti.id, ti.plan_id AS "planId", ti.unit_path::text AS "unitPath", ti.due_date::text AS "dueDate",
                o.done_on::text AS before, ti.done_on::text AS after`);
    for (const row of r.rows) {
      const change = delta(contribution({ due: row.dueDate, doneOn: row.before, cancelled: false }), contribution({ due: row.dueDate, doneOn: row.after, cancelled: false }));
      await addToCounters(tx, { planId: row.planId, unitPath: row.unitPath, item: 'task', due: row.dueDate, delta: change });
    }
    ids = r.rows.map((x) => x.id);
  }
}
