import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { vietnamDate } from '#core/ids.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import type { DueBelow, DueBelowDay, DueBelowItem, DueBelowItems, DueBelowItemsQuery, DueBelowQuery } from '#shared/reports.ts';
import { NOT_CARRIED_OUT_SQL, secretHiddenSql } from '../../db/queries/plans.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { getUnitRow } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from './rules.ts';

/**
 * What falls due below a committee, for its staff's month calendar: the reports the unit receives
 * (docs/decisions/014-reporting-chain.md) and the task instances of the units below it, as the
 * units themselves list them (a task of the superior's plan carried out by the unit's own plan
 * counts once). Both reads are bounded to the window and indexed: the reports through
 * obligation_instance_receiver_idx (receiver, status, due date), the tasks through the subtree's
 * units (unit_path_gist) and task_instance_unit_idx (unit, due date).
 */
const received = (unit: UnitRow, day: SQL) => sql`
  FROM obligation_instance oi JOIN plan p ON p.id = oi.plan_id
  WHERE oi.receiver_unit_id = ${unit.id} AND p.status = 'published' AND oi.status <> 'cancelled' AND ${day}`;
const below = (unit: UnitRow, day: SQL) => sql`
  FROM unit u JOIN task_instance ti ON ti.unit_id = u.id
  WHERE u.path <@ ${unit.path}::ltree AND u.id <> ${unit.id} AND ti.status <> 'cancelled' AND ${day} AND ${NOT_CARRIED_OUT_SQL}`;

async function readable(unitId: string, { actor, tx }: ServiceContext): Promise<UnitRow> {
  const unit = await getUnitRow(tx, unitId);
  if (!can(actor, 'read', unit.path)) throw notFound();
  return unit;
}

/** GET /api/units/:id/due-below: counts per day and state between two dates. Throws NOT_FOUND. */
export async function findDueBelow(unitId: string, q: DueBelowQuery, s: ServiceContext): Promise<DueBelow> {
  const unit = await readable(unitId, s);
  const window = (col: string) => sql`${sql.raw(col)} BETWEEN ${q.from}::date AND ${q.to}::date`;
  const reports = await s.tx.execute<{ date: string } & DueBelowDay['reports']>(sql`
    SELECT oi.due_date::text AS date,
           (count(*) FILTER (WHERE oi.status IN ('pending', 'draft', 'returned')))::int AS "notSent",
           (count(*) FILTER (WHERE oi.status = 'submitted'))::int AS submitted,
           (count(*) FILTER (WHERE oi.status = 'accepted'))::int AS accepted
    ${received(unit, window('oi.due_date'))}
    GROUP BY oi.due_date`);
  const tasks = await s.tx.execute<{ date: string } & DueBelowDay['tasks']>(sql`
    SELECT ti.due_date::text AS date, (count(*) FILTER (WHERE ti.status = 'open'))::int AS open, (count(*) FILTER (WHERE ti.status = 'done'))::int AS done
    ${below(unit, window('ti.due_date'))}
    GROUP BY ti.due_date`);
  const days = new Map<string, DueBelowDay>();
  const day = (date: string) => days.get(date) ?? days.set(date, { date, reports: { notSent: 0, submitted: 0, accepted: 0 }, tasks: { open: 0, done: 0 } }).get(date)!;
  for (const { date, ...r } of reports.rows) day(date).reports = r;
  for (const { date, ...t } of tasks.rows) day(date).tasks = t;
  return { from: q.from, to: q.to, today: vietnamDate(s.now), days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/**
 * GET /api/units/:id/due-below/items: what falls due below on one day, not sent and not done first,
 * reports before tasks, by unit; the words of a secret plan the actor may not read are masked.
 * Throws NOT_FOUND.
 */
export async function findDueBelowItems(unitId: string, q: DueBelowItemsQuery, s: ServiceContext): Promise<DueBelowItems> {
  const unit = await readable(unitId, s);
  const r = await s.tx.execute<DueBelowItem & { hidden: boolean; total: number }>(sql`
    SELECT x.*, xu.name AS "unitName", d.number AS "planNumber", ${secretHiddenSql(s.actor, sql`x."planId"`)} AS hidden, count(*) OVER ()::int AS total FROM (
      SELECT 'report' AS item, oi.id AS "instanceId", oi.obligation_id AS "itemId", oi.unit_id AS "unitId", oi.plan_id AS "planId",
             (SELECT title FROM report_obligation WHERE id = oi.obligation_id) AS title, oi.period_key AS "periodKey", oi.period_label AS "periodLabel", oi.status AS state,
             oi.status IN ('pending', 'draft', 'returned') AS open
      ${received(unit, sql`oi.due_date = ${q.date}::date`)}
      UNION ALL
      SELECT 'task', ti.id, ti.task_id, ti.unit_id, ti.plan_id, (SELECT text FROM task WHERE id = ti.task_id), ti.period_key, ti.period_label, ti.status,
             ti.status = 'open'
      ${below(unit, sql`ti.due_date = ${q.date}::date`)}
    ) x
    JOIN unit xu ON xu.id = x."unitId" JOIN document d ON d.id = x."planId"
    ORDER BY x.open DESC, x.item, xu.name, x."instanceId"
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  return {
    items: r.rows.map(({ hidden, total: _t, ...x }) => maskSecret(x, hidden, { title: x.item === 'task' ? 'task' : 'report', planNumber: 'number' })),
    total: r.rows[0]?.total ?? 0,
  };
}
