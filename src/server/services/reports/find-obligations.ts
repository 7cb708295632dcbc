import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import type { ObligationList, ObligationListQuery } from '#shared/reports.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { getUnitRow } from '../../db/queries/units.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';
import { deadlineView } from './present.ts';
import { notFound } from './rules.ts';

const STATUS_FILTER: Record<ObligationListQuery['status'], string[] | null> = {
  all: null,
  open: ['pending', 'draft', 'returned'],
  pending: ['pending'],
  draft: ['draft'],
  submitted: ['submitted'],
  returned: ['returned'],
  accepted: ['accepted'],
};

type Row = {
  id: string;
  obligationId: string;
  title: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  toText: string | null;
  viaText: string | null;
  toUnitName: string | null;
  viaUnitName: string | null;
  periodKey: string;
  periodLabel: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  dueDate: IsoDate | null;
  status: Exclude<InstanceRow['status'], 'cancelled'>;
  currentVersion: number;
  firstSubmittedOn: IsoDate | null;
};

/**
 * What a unit must report: its obligation instances of published plans, the open ones first, by
 * due date, a page at a time; the words of a secret plan the actor may not read are masked. Throws
 * NOT_FOUND when the unit is out of the actor's sight.
 */
export async function findObligations(unitId: string, q: ObligationListQuery, { actor, tx, now }: ServiceContext): Promise<ObligationList> {
  const unit = await getUnitRow(tx, unitId);
  if (!can(actor, 'read', unit.path)) throw notFound();
  const statuses = STATUS_FILTER[q.status];
  const statusCond = statuses ? sql`AND oi.status IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})` : sql`AND oi.status <> 'cancelled'`;
  const where = sql`oi.unit_id = ${unitId} AND p.status = 'published' ${statusCond}`;
  const rows = await tx.execute<Row & { hidden: boolean }>(sql`
    SELECT oi.id, oi.obligation_id AS "obligationId", ro.title, ${secretHiddenSql(actor, sql`oi.plan_id`)} AS hidden, oi.plan_id AS "planId", d.number AS "planNumber", d.title AS "planTitle",
           ro.to_text AS "toText", ro.via_text AS "viaText", tu.name AS "toUnitName", vu.name AS "viaUnitName",
           oi.period_key AS "periodKey", oi.period_label AS "periodLabel", oi.period_start::text AS "periodStart",
           oi.period_end::text AS "periodEnd", oi.due_date::text AS "dueDate", oi.status, oi.current_version AS "currentVersion",
           oi.first_submitted_on::text AS "firstSubmittedOn"
    FROM obligation_instance oi
    JOIN report_obligation ro ON ro.id = oi.obligation_id
    JOIN plan p ON p.id = oi.plan_id
    JOIN document d ON d.id = p.id
    LEFT JOIN unit tu ON tu.id = ro.to_unit_id
    LEFT JOIN unit vu ON vu.id = ro.via_unit_id
    WHERE ${where}
    ORDER BY (oi.status IN ('pending', 'draft', 'returned')) DESC, oi.due_date NULLS LAST, ro.title, oi.period_start, oi.id
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const count = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM obligation_instance oi JOIN plan p ON p.id = oi.plan_id WHERE ${where}`);
  const today = vietnamDate(now);
  return {
    items: rows.rows.map(({ hidden, ...r }) => ({ ...maskSecret(r, hidden, { title: 'report', planNumber: 'number', planTitle: 'plan' }), ...deadlineView(r, today) })),
    total: count.rows[0]?.n ?? 0,
  };
}
