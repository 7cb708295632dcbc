import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { daysLate } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import type { ObligationStatusList, ObligationStatusQuery, ObligationStatusRow } from '#shared/reports.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { COUNTED_SQL } from '../../db/queries/reports.ts';
import { parentNameSql } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { obligationScope } from './obligation-scope.ts';

/**
 * For the receiving level: the units whose report it receives (docs/decisions/014; with
 * `reach: 'subtree'`, every unit of the subtree that owes it), one row per unit and period, with
 * its state on today — submitted, late (submitted after the due date),
 * missing (not submitted, past due; returned reports included), returned, pending — the
 * version, the day of the first submission and the days late. Missing first, most late first.
 * The summary counts the whole selection whatever the state filter and page.
 */
export async function findObligationStatus(obligationId: string, q: ObligationStatusQuery, { actor, tx, now }: ServiceContext): Promise<ObligationStatusList> {
  const { obligation, unit } = await obligationScope(tx, actor, obligationId, q.unit, 'read');
  const today = vietnamDate(now);
  const period = q.period ? sql`AND oi.period_key = ${q.period}` : sql``;
  const selection = sql`
    SELECT oi.id, oi.unit_id, oi.period_key, oi.period_label, oi.period_start, oi.due_date, oi.status, oi.current_version, oi.first_submitted_on,
      CASE WHEN ${COUNTED_SQL} THEN (CASE WHEN oi.due_date IS NOT NULL AND oi.first_submitted_on > oi.due_date THEN 'late' ELSE 'submitted' END)
           WHEN oi.due_date IS NOT NULL AND oi.due_date < ${today}::date THEN 'missing'
           WHEN oi.status = 'returned' THEN 'returned'
           ELSE 'pending' END AS state
    FROM obligation_instance oi
    WHERE oi.plan_id = ${obligation.planId} AND oi.obligation_id = ${obligation.id} AND oi.status <> 'cancelled'
      AND oi.unit_path <@ ${unit.path}::ltree ${period}
      ${q.reach === 'received' ? sql`AND oi.receiver_unit_id = ${unit.id}` : sql``}`;
  const filters: Record<ObligationStatusQuery['state'], SQL> = {
    all: sql`true`,
    awaiting: sql`s.status = 'submitted'`,
    submitted: sql`s.state IN ('submitted', 'late')`,
    late: sql`s.state = 'late'`,
    missing: sql`s.state = 'missing'`,
    returned: sql`s.status = 'returned'`,
    pending: sql`s.state = 'pending'`,
  };
  const rows = await tx.execute<{
    instanceId: string; unitId: string; unitName: string; parentName: string | null; periodKey: string; periodLabel: string; dueDate: IsoDate | null;
    status: ObligationStatusRow['status']; state: ObligationStatusRow['state']; version: number; submittedOn: IsoDate | null;
    enteredOnBehalf: boolean | null; receives: ObligationStatusRow['receives'];
  }>(sql`
    WITH s AS (${selection})
    SELECT s.id AS "instanceId", s.unit_id AS "unitId", u.name AS "unitName", ${parentNameSql('u')} AS "parentName", s.period_key AS "periodKey", s.period_label AS "periodLabel",
           s.due_date::text AS "dueDate", s.status, s.state, s.current_version AS version, s.first_submitted_on::text AS "submittedOn",
           (SELECT sub.entered_on_behalf FROM submission sub WHERE sub.obligation_instance_id = s.id AND sub.version = s.current_version) AS "enteredOnBehalf",
           (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_build_object(
                     'expected', count(*)::int,
                     'submitted', count(*) FILTER (WHERE b.first_submitted_on IS NOT NULL AND b.status IN ('submitted', 'accepted'))::int,
                     'awaiting', count(*) FILTER (WHERE b.status = 'submitted')::int) END
            FROM obligation_instance b
            WHERE b.receiver_unit_id = s.unit_id AND b.obligation_id = ${obligation.id} AND b.period_key = s.period_key AND b.status <> 'cancelled') AS receives
    FROM s JOIN unit u ON u.id = s.unit_id
    WHERE ${filters[q.state]}
    ORDER BY CASE s.state WHEN 'missing' THEN 0 WHEN 'returned' THEN 1 WHEN 'pending' THEN 2 WHEN 'late' THEN 3 ELSE 4 END,
             CASE WHEN s.state = 'missing' THEN s.due_date END NULLS LAST,
             CASE WHEN s.state = 'late' THEN s.first_submitted_on - s.due_date END DESC NULLS LAST,
             u.name, s.period_start NULLS LAST, s.id
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const summary = await tx.execute<{ expected: number; submitted: number; late: number; missing: number; returned: number; awaiting: number; total: number }>(sql`
    WITH s AS (${selection})
    SELECT count(*)::int AS expected,
           count(*) FILTER (WHERE s.status = 'submitted')::int AS awaiting,
           count(*) FILTER (WHERE s.state IN ('submitted', 'late'))::int AS submitted,
           count(*) FILTER (WHERE s.state = 'late')::int AS late,
           count(*) FILTER (WHERE s.state = 'missing')::int AS missing,
           count(*) FILTER (WHERE s.status = 'returned')::int AS returned,
           count(*) FILTER (WHERE ${filters[q.state]})::int AS total
    FROM s`);
  const periods = await tx.execute<{ key: string; label: string; dueDate: IsoDate | null }>(sql`
    SELECT period_key AS key, min(period_label) AS label, min(due_date)::text AS "dueDate"
    FROM obligation_instance WHERE plan_id = ${obligation.planId} AND obligation_id = ${obligation.id}
    GROUP BY period_key ORDER BY min(due_date) NULLS LAST, period_key`);
  const { total, ...counts } = summary.rows[0]!;
  return {
    obligation: { id: obligation.id, title: maskSecret({ title: obligation.title }, obligation.hidden, { title: 'report' }).title, planId: obligation.planId },
    unit: { id: unit.id, name: unit.name },
    periods: periods.rows,
    summary: counts,
    items: rows.rows.map((r) => ({
      ...r,
      enteredOnBehalf: r.enteredOnBehalf ?? false,
      daysLate:
        r.state === 'late' && r.dueDate && r.submittedOn ? daysLate(r.dueDate, r.submittedOn) : r.state === 'missing' && r.dueDate ? daysLate(r.dueDate, today) : null,
    })),
    total,
  };
}
