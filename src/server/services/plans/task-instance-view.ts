import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../core/ids.ts';
import { daysLate, instanceStatus, INSTANCE_STATUS_LABELS } from '../../../core/deadline/resolve.ts';
import type { TaskInstanceView } from '../../../shared/plans.ts';
import type { Db, Tx } from '../../db/client.ts';

/** How task instances are read for the lists and after an update. */

export type TaskInstanceRow = Omit<TaskInstanceView, 'status' | 'statusLabel' | 'daysLate' | 'updatedAt'> & { updatedAt: Date };

export const TASK_INSTANCE_COLUMNS = sql.raw(`ti.id, ti.plan_id AS "planId", d.number AS "planNumber", coalesce(d.title, '') AS "planTitle",
  ti.task_id AS "taskId", t.text AS "taskText", t.kind AS "taskKind", ti.unit_id AS "unitId", u.name AS "unitName",
  ti.period_key AS "periodKey", ti.period_label AS "periodLabel", ti.period_start::text AS "periodStart", ti.period_end::text AS "periodEnd",
  ti.due_date::text AS "dueDate", ti.status AS state, ti.done_on::text AS "doneOn", ti.progress_note AS "progressNote", ti.evidence,
  ti.fulfilled_by_plan_id AS "fulfilledByPlanId", ti.updated_at AS "updatedAt"`);

export const TASK_INSTANCE_FROM = sql.raw(`task_instance ti JOIN task t ON t.id = ti.task_id JOIN document d ON d.id = ti.plan_id
  JOIN unit u ON u.id = ti.unit_id`);

/** Adds the status on `today` (chưa đến hạn … hoàn thành trễ hạn) and the days late. */
export function presentTaskInstance(r: TaskInstanceRow, today: IsoDate): TaskInstanceView {
  const due = r.dueDate as IsoDate | null;
  const doneOn = r.doneOn as IsoDate | null;
  const status = instanceStatus({ due, doneOn }, today);
  const late = status === 'overdue' ? daysLate(due!, today) : status === 'done_late' ? daysLate(due!, doneOn!) : null;
  return { ...r, status, statusLabel: INSTANCE_STATUS_LABELS[status].vi, daysLate: late, updatedAt: new Date(r.updatedAt).toISOString() };
}

/** The SQL condition for a status on `today`, the same rule as instanceStatus (due soon: within 7 days). */
export function statusSql(status: TaskInstanceView['status'], today: IsoDate): SQL {
  switch (status) {
    case 'done_on_time':
      return sql`(ti.done_on IS NOT NULL AND (ti.due_date IS NULL OR ti.done_on <= ti.due_date))`;
    case 'done_late':
      return sql`(ti.done_on IS NOT NULL AND ti.due_date IS NOT NULL AND ti.done_on > ti.due_date)`;
    case 'overdue':
      return sql`(ti.done_on IS NULL AND ti.due_date < ${today}::date)`;
    case 'due_soon':
      return sql`(ti.done_on IS NULL AND ti.due_date >= ${today}::date AND ti.due_date <= ${today}::date + 7)`;
    case 'not_due':
      return sql`(ti.done_on IS NULL AND (ti.due_date IS NULL OR ti.due_date > ${today}::date + 7))`;
  }
}

/** The view of a task instance the caller knows exists (it has just locked or written it). */
export async function getTaskInstanceView(tx: Db | Tx, id: string, today: IsoDate): Promise<TaskInstanceView> {
  const r = await tx.execute<TaskInstanceRow>(sql`SELECT ${TASK_INSTANCE_COLUMNS} FROM ${TASK_INSTANCE_FROM} WHERE ti.id = ${id}`);
  return presentTaskInstance(r.rows[0]!, today);
}
