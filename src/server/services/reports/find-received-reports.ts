import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { daysLate } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import type { ReceivedReports, ReceivedReportsQuery } from '#shared/reports.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import { getUnitRow, parentNameSql } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from './rules.ts';

/**
 * The reports a unit receives, across all its plans (docs/decisions/014-reporting-chain.md): what
 * awaits its acceptance, oldest first, or what is past due and not sent, most late first; and how
 * many fall due this week and this month. One indexed read of `receiver_unit_id` whatever the
 * number of plans. Throws NOT_FOUND when the unit is out of the actor's sight.
 */
export async function findReceivedReports(unitId: string, q: ReceivedReportsQuery, { actor, tx, now }: ServiceContext): Promise<ReceivedReports> {
  const unit = await getUnitRow(tx, unitId);
  if (!can(actor, 'read', unit.path)) throw notFound();
  const today = vietnamDate(now);
  const received = sql`oi.receiver_unit_id = ${unit.id} AND p.status = 'published'`;
  const state = q.state === 'awaiting'
    ? sql`oi.status = 'submitted'`
    : sql`oi.status IN ('pending', 'draft', 'returned') AND oi.due_date < ${today}::date`;
  const order = q.state === 'awaiting' ? sql`oi.first_submitted_on, oi.due_date NULLS LAST` : sql`oi.due_date, u.name`;
  const rows = await tx.execute<{
    instanceId: string; unitId: string; unitName: string; parentName: string | null; planId: string; planNumber: string | null; title: string; hidden: boolean;
    periodLabel: string; dueDate: IsoDate | null; submittedOn: IsoDate | null; version: number; total: number;
  }>(sql`
    SELECT oi.id AS "instanceId", oi.unit_id AS "unitId", u.name AS "unitName", ${parentNameSql('u')} AS "parentName", oi.plan_id AS "planId", d.number AS "planNumber", ro.title,
           ${secretHiddenSql(actor, sql`oi.plan_id`)} AS hidden, oi.period_label AS "periodLabel", oi.due_date::text AS "dueDate",
           oi.first_submitted_on::text AS "submittedOn", oi.current_version AS version, count(*) OVER ()::int AS total
    FROM obligation_instance oi
    JOIN plan p ON p.id = oi.plan_id JOIN document d ON d.id = p.id
    JOIN report_obligation ro ON ro.id = oi.obligation_id JOIN unit u ON u.id = oi.unit_id
    WHERE ${received} AND ${state}
    ORDER BY ${order}, oi.id
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const summary = await tx.execute<ReceivedReports['summary']>(sql`
    SELECT count(*) FILTER (WHERE oi.status = 'submitted')::int AS awaiting,
           count(*) FILTER (WHERE oi.status IN ('pending', 'draft', 'returned') AND oi.due_date < ${today}::date)::int AS late,
           count(*) FILTER (WHERE oi.status IN ('pending', 'draft', 'returned') AND oi.due_date BETWEEN ${today}::date AND ${today}::date + 7)::int AS "dueThisWeek",
           count(*) FILTER (WHERE oi.status IN ('pending', 'draft', 'returned') AND oi.due_date BETWEEN ${today}::date AND ${today}::date + 30)::int AS "dueThisMonth"
    FROM obligation_instance oi JOIN plan p ON p.id = oi.plan_id
    WHERE ${received}`);
  return {
    summary: summary.rows[0]!,
    items: rows.rows.map(({ hidden, total: _total, ...r }) => ({
      ...maskSecret(r, hidden, { title: 'report', planNumber: 'number' }),
      daysLate: q.state === 'late' && r.dueDate ? daysLate(r.dueDate, today) : null,
    })),
    total: rows.rows[0]?.total ?? 0,
  };
}
