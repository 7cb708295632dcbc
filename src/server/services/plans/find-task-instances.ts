import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { TaskInstanceListQuery, TaskInstanceView } from '#shared/plans.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { NOT_CARRIED_OUT_SQL, presentTaskInstance, taskInstanceColumns, TASK_INSTANCE_FROM } from '../../db/queries/plans.ts';
import type { TaskInstanceRow } from '../../db/queries/plans.ts';
import type { IsoDate } from '#core/ids.ts';

/**
 * GET /api/units/:id/task-instances: the unit's own task instances of published plans, open work
 * first by due date, optionally of one plan or one status on today. Throws UNIT_NOT_FOUND.
 */
export async function findTaskInstances(unitId: string, q: TaskInstanceListQuery, { actor, tx, now }: ServiceContext): Promise<{ items: TaskInstanceView[]; total: number }> {
  const unit = await lookupUnit(tx, unitId);
  if (!unit || !can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
  const today = vietnamDate(now);
  const conds: SQL[] = [sql`ti.unit_id = ${unit.id}`, sql`ti.status <> 'cancelled'`];
  if (q.planId) conds.push(sql`ti.plan_id = ${q.planId}`);
  else conds.push(NOT_CARRIED_OUT_SQL);
  if (q.status) conds.push(statusSql(q.status, today));
  const r = await tx.execute<TaskInstanceRow & { total: number }>(sql`
    SELECT ${taskInstanceColumns(actor)}, count(*) OVER ()::int AS total
    FROM ${TASK_INSTANCE_FROM}
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY (ti.status = 'open') DESC, ti.due_date NULLS LAST, d.issued_on DESC NULLS LAST, ti.plan_id, t.ord, ti.period_start
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { items: r.rows.map(({ total: _t, ...x }) => presentTaskInstance(x, today)), total: r.rows[0]?.total ?? 0 };
}

/** The SQL condition for a status on `today`, the same rule as instanceStatus (due soon: within 7 days). */
function statusSql(status: TaskInstanceView['status'], today: IsoDate): SQL {
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
