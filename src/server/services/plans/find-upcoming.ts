import { sql } from 'drizzle-orm';
import { NOT_CARRIED_OUT_SQL } from '../../db/queries/plans.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { addDays, daysLate } from '#core/deadline/resolve.ts';
import type { UpcomingItem } from '#shared/plans.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';

/**
 * GET /api/units/:id/upcoming: the unit's own open tasks and reports due from today to `days`
 * days ahead, by date (the calendar and the list of "what must we do next"); the words of a secret
 * plan the actor may not read are masked. Throws UNIT_NOT_FOUND.
 */
export async function findUpcoming(
  unitId: string,
  q: { days: number; limit: number; offset: number },
  { actor, tx, now }: ServiceContext,
): Promise<{ asOf: string; items: UpcomingItem[]; total: number }> {
  const unit = await lookupUnit(tx, unitId);
  if (!unit || !can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
  const today = vietnamDate(now);
  const until = addDays(today, q.days);
  const r = await tx.execute<Omit<UpcomingItem, 'daysLeft'> & { total: number; hidden: boolean }>(sql`
    SELECT x.*, ${secretHiddenSql(actor, sql`x."planId"`)} AS hidden, count(*) OVER ()::int AS total FROM (
      SELECT 'task' AS item, ti.id AS "instanceId", ti.task_id AS "itemId", t.text AS title, ti.plan_id AS "planId",
             d.number AS "planNumber", coalesce(d.title, '') AS "planTitle", ti.period_label AS "periodLabel", ti.due_date::text AS "dueDate"
      FROM task_instance ti JOIN task t ON t.id = ti.task_id JOIN document d ON d.id = ti.plan_id
      WHERE ti.unit_id = ${unit.id} AND ti.status = 'open' AND ti.due_date BETWEEN ${today}::date AND ${until}::date AND ${NOT_CARRIED_OUT_SQL}
      UNION ALL
      SELECT 'report', oi.id, oi.obligation_id, ro.title, oi.plan_id, d.number, coalesce(d.title, ''), oi.period_label, oi.due_date::text
      FROM obligation_instance oi JOIN report_obligation ro ON ro.id = oi.obligation_id JOIN document d ON d.id = oi.plan_id
      WHERE oi.unit_id = ${unit.id} AND oi.status IN ('pending', 'draft', 'returned') AND oi.due_date BETWEEN ${today}::date AND ${until}::date
    ) x
    ORDER BY x."dueDate", x.item DESC, x.title, x."instanceId"
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  return {
    asOf: today,
    items: r.rows.map(({ total: _t, hidden, ...x }) => ({
      ...maskSecret(x, hidden, { title: x.item === 'task' ? 'task' : 'report', planNumber: 'number', planTitle: 'plan' }),
      daysLeft: -daysLate(x.dueDate as IsoDate, today),
    })),
    total: r.rows[0]?.total ?? 0,
  };
}
