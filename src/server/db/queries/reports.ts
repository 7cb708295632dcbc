import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { Contribution } from '#core/rollup/counters.ts';
import { contribution } from '#core/rollup/counters.ts';
import type { Tx } from '../client.ts';

/** An obligation instance with what the report services need of its obligation and plan. */
export type InstanceRow = {
  id: string;
  obligationId: string;
  planId: string;
  unitId: string;
  unitPath: TreePath;
  unitName: string;
  periodKey: string;
  periodLabel: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  dueDate: IsoDate | null;
  status: 'pending' | 'draft' | 'submitted' | 'returned' | 'accepted' | 'cancelled';
  currentVersion: number;
  firstSubmittedOn: IsoDate | null;
  title: string;
  form: unknown;
  planStatus: 'draft' | 'published' | 'cancelled';
  planUnitId: string;
  planUnitPath: TreePath;
  /** The unit that receives and reviews the report (src/core/reports/chain.ts); null only for a report owed above the root. */
  receiverUnitId: string | null;
  receiverPath: TreePath | null;
  /** The plan is "mật": messages that may leave the system (e-mail) name it only as secret (core/plans/secrecy.ts). */
  secret: boolean;
};

const INSTANCE_COLUMNS = sql.raw(`oi.id, oi.obligation_id AS "obligationId", oi.plan_id AS "planId", oi.unit_id AS "unitId",
  oi.unit_path::text AS "unitPath", u.name AS "unitName", oi.period_key AS "periodKey", oi.period_label AS "periodLabel",
  oi.period_start::text AS "periodStart", oi.period_end::text AS "periodEnd", oi.due_date::text AS "dueDate", oi.status,
  oi.current_version AS "currentVersion", oi.first_submitted_on::text AS "firstSubmittedOn", ro.title, ro.form,
  p.status AS "planStatus", p.unit_id AS "planUnitId", p.unit_path::text AS "planUnitPath",
  oi.receiver_unit_id AS "receiverUnitId", (SELECT ru.path::text FROM unit ru WHERE ru.id = oi.receiver_unit_id) AS "receiverPath",
  d.confidentiality = 'secret' AS secret`);

const INSTANCE_FROM = sql.raw(`obligation_instance oi
  JOIN report_obligation ro ON ro.id = oi.obligation_id
  JOIN plan p ON p.id = oi.plan_id
  JOIN document d ON d.id = p.id
  JOIN unit u ON u.id = oi.unit_id`);

/** An obligation instance, or null; `forUpdate` locks it for the rest of the transaction. */
export async function lookupInstance(tx: Tx, id: string, forUpdate = false): Promise<InstanceRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF oi') : sql.raw('');
  const r = await tx.execute<InstanceRow>(sql`SELECT ${INSTANCE_COLUMNS} FROM ${INSTANCE_FROM} WHERE oi.id = ${id} ${lock}`);
  return r.rows[0] ?? null;
}

/**
 * Whether a report instance counts as submitted (src/shared/reports.ts): a version was submitted
 * and the report is not returned (while a returned report's next version is drafted, the instance
 * stays 'returned'). Lateness is judged on the first submission.
 */
export function isCounted(status: InstanceRow['status'], firstSubmittedOn: IsoDate | null): boolean {
  return firstSubmittedOn !== null && (status === 'submitted' || status === 'accepted');
}

/** What an instance in a given state adds to the progress counters. */
export function reportContribution(i: { status: InstanceRow['status']; firstSubmittedOn: IsoDate | null; dueDate: IsoDate | null }): Contribution {
  return contribution({
    due: i.dueDate,
    doneOn: isCounted(i.status, i.firstSubmittedOn) ? i.firstSubmittedOn : null,
    cancelled: i.status === 'cancelled',
  });
}

/** The SQL twin of isCounted, for queries over many instances (alias `oi`). */
export const COUNTED_SQL = sql.raw(`(oi.first_submitted_on IS NOT NULL AND oi.status IN ('submitted', 'accepted'))`);

/** A timestamp column as an ISO string, whichever driver returned it. */
export function isoTime(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return new Date(String(v)).toISOString();
}

export function isoTimeOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : isoTime(v);
}
