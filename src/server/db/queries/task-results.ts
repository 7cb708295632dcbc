import { sql } from 'drizzle-orm';
import type { IsoDate } from '#core/ids.ts';
import type { ReviewPeriodDates, TaskResults } from '#core/reviews/task-results.ts';
import { taskShares } from '#core/reviews/task-results.ts';
import type { Tx } from '../client.ts';
import { NOT_CARRIED_OUT_SQL } from './plans.ts';

/**
 * The task-results figures of one unit over `period`, taken on `asOf`, counted in one statement over
 * the unit's own task instances (not its subtree's) by the rules of core's `taskOutcome`
 * (core/reviews/task-results.ts), which the property test of tests/api/task-results.test.ts holds
 * them to:
 * - a cancelled instance never counts;
 * - done means status 'done' with a done date on or before the end (`asOf`, or `to` when earlier);
 * - with a due date within the period: on time when done by it, late when done after it, not done
 *   when not done by the end and due by it, pending (not counted) when due after it;
 * - without a due date: on time when done within the period by the end, else not counted;
 * - exceeding: counted, done (on time or late), and marked "vượt mức".
 * The unit's instances are those its work list shows: a task of a superior's plan that a task of
 * the unit's own plan carries out counts once, as that task (docs/decisions/014-reporting-chain.md).
 * The scan is bounded by task_instance_unit_idx (unit, due date).
 */
export async function countTaskResults(tx: Tx, unitId: string, period: ReviewPeriodDates, asOf: IsoDate): Promise<TaskResults> {
  const end = asOf < period.to ? asOf : period.to;
  const r = await tx.execute<Omit<TaskResults, 'shares'>>(sql`
    SELECT (count(*) FILTER (WHERE x.outcome IN ('on_time', 'late', 'not_done')))::int AS counted,
           (count(*) FILTER (WHERE x.outcome = 'on_time'))::int AS "onTime",
           (count(*) FILTER (WHERE x.outcome = 'late'))::int AS late,
           (count(*) FILTER (WHERE x.outcome = 'not_done'))::int AS "notDone",
           (count(*) FILTER (WHERE x.outcome IN ('on_time', 'late') AND x.beyond))::int AS exceeding,
           (count(*) FILTER (WHERE x.outcome = 'pending'))::int AS pending
    FROM (
      SELECT ti.beyond,
             CASE
               WHEN ti.due_date IS NULL THEN CASE WHEN d.done_by >= ${period.from}::date THEN 'on_time' END
               WHEN d.done_by IS NULL THEN CASE WHEN ti.due_date > ${end}::date THEN 'pending' ELSE 'not_done' END
               WHEN d.done_by <= ti.due_date THEN 'on_time'
               ELSE 'late'
             END AS outcome
      FROM task_instance ti
      CROSS JOIN LATERAL (SELECT CASE WHEN ti.status = 'done' AND ti.done_on <= ${end}::date THEN ti.done_on END AS done_by) d
      WHERE ti.unit_id = ${unitId} AND ti.status <> 'cancelled' AND ${NOT_CARRIED_OUT_SQL}
        AND (ti.due_date BETWEEN ${period.from}::date AND ${period.to}::date
             OR (ti.due_date IS NULL AND ti.status = 'done' AND ti.done_on BETWEEN ${period.from}::date AND ${end}::date))
    ) x`);
  const counts = r.rows[0]!;
  return { ...counts, shares: taskShares(counts) };
}
