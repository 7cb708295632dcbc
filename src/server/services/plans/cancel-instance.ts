import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { instanceCancelledNotice } from '#core/plans/cancellation.ts';
import { contribution, delta } from '#core/rollup/counters.ts';
import type { CancelInput, CancelResult } from '#shared/plans.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { followCarriedOut } from '../../db/queries/carried-out.ts';
import { addToCounters } from '../../db/queries/progress.ts';
import { setReceivers } from '../../db/queries/reporting-chain.ts';
import { reportContribution } from '../../db/queries/reports.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import type { ServiceContext } from '../context.ts';
import { notifyUnits } from './cancel-plan.ts';

type Item = 'task' | 'report';

type Locked = {
  id: string;
  planId: string;
  unitId: string;
  unitPath: TreePath;
  accessPath: TreePath;
  dueDate: IsoDate | null;
  status: string;
  doneOn: IsoDate | null;
  firstSubmittedOn: IsoDate | null;
  periodLabel: string;
  text: string;
  planStatus: 'draft' | 'published' | 'cancelled';
  planUnitId: string;
  planUnitPath: TreePath;
  planUnitName: string;
  number: string | null;
  title: string;
  confidentiality: 'normal' | 'secret';
};

/** The instance, its plan and the plan's unit, the instance row locked. */
async function lockInstance(ctx: ServiceContext, item: Item, id: string): Promise<Locked | null> {
  const [table, itemTable, itemKey, text, done, first] = item === 'task'
    ? [sql.raw('task_instance'), sql.raw('task'), sql.raw('task_id'), sql.raw('it.text'), sql.raw('i.done_on::text'), sql.raw('NULL::text')]
    : [sql.raw('obligation_instance'), sql.raw('report_obligation'), sql.raw('obligation_id'), sql.raw('it.title'), sql.raw('NULL::text'), sql.raw('i.first_submitted_on::text')];
  const r = await ctx.tx.execute<Locked>(sql`
    SELECT i.id, i.plan_id AS "planId", i.unit_id AS "unitId", i.unit_path::text AS "unitPath", u.path::text AS "accessPath",
           i.due_date::text AS "dueDate", i.status, ${done} AS "doneOn", ${first} AS "firstSubmittedOn", i.period_label AS "periodLabel",
           ${text} AS text, p.status AS "planStatus", p.unit_id AS "planUnitId", pu.path::text AS "planUnitPath", pu.name AS "planUnitName",
           d.number, coalesce(d.title, '') AS title, d.confidentiality
    FROM ${table} i JOIN ${itemTable} it ON it.id = i.${itemKey} JOIN unit u ON u.id = i.unit_id
      JOIN plan p ON p.id = i.plan_id JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
    WHERE i.id = ${id}
    FOR UPDATE OF i`);
  return r.rows[0] ?? null;
}

/**
 * POST /api/task-instances/:id/cancel and /api/obligation-instances/:id/cancel: cancels ("thu hồi")
 * one unit's task or report of one period, with a reason, in one transaction: the instance is kept,
 * marked cancelled with who, when and why; its share leaves the counters; a superior's task it
 * carried out follows the instances still carrying it out; the reports it received go to the next
 * level up that owes the same report (db/queries/reporting-chain.ts); the unit's leaders are told
 * why. Needs `write` on the plan's unit (the unit that gave the work), not on the instance's unit.
 * docs/decisions/016-plan-lifecycle.md.
 * Throws NOT_FOUND, FORBIDDEN, PLAN_NOT_PUBLISHED, INSTANCE_CANCELLED (409).
 */
export async function cancelInstance(item: Item, id: string, input: CancelInput, ctx: ServiceContext): Promise<CancelResult> {
  const { actor, tx, now } = ctx;
  const i = await lockInstance(ctx, item, id);
  const what = item === 'task' ? 'nhiệm vụ' : 'báo cáo';
  if (!i || !(can(actor, 'read', i.accessPath) || can(actor, 'read', i.planUnitPath))) throw new DomainError('NOT_FOUND', `Không tìm thấy ${what} hoặc bạn không có quyền xem.`);
  if (!can(actor, 'write', i.planUnitPath)) throw new DomainError('FORBIDDEN', `Chỉ đơn vị ban hành kế hoạch được thu hồi ${what} đã giao.`);
  if (i.status === 'cancelled') throw new DomainError('INSTANCE_CANCELLED', `${item === 'task' ? 'Nhiệm vụ' : 'Báo cáo'} này đã bị thu hồi.`);
  if (i.planStatus !== 'published') throw new DomainError('PLAN_NOT_PUBLISHED', 'Kế hoạch chưa ban hành hoặc đã bị thu hồi.');
  const reason = input.reason.trim();
  const at = now.toISOString();
  if (item === 'task') {
    await tx.execute(sql`
      UPDATE task_instance SET status = 'cancelled', cancelled_at = ${at}, cancelled_by = ${actor.userId}, cancel_reason = ${reason},
        updated_at = ${at}, updated_by = ${actor.userId}
      WHERE id = ${id}`);
    const before = contribution({ due: i.dueDate, doneOn: i.status === 'done' ? i.doneOn : null, cancelled: false });
    await addToCounters(tx, { planId: i.planId, unitPath: i.unitPath, item: 'task', due: i.dueDate, delta: delta(before, contribution({ due: i.dueDate, doneOn: null, cancelled: true })) });
    await followCarriedOut(tx, [id], actor.userId, now);
  } else {
    await tx.execute(sql`
      UPDATE obligation_instance SET status = 'cancelled', cancelled_at = ${at}, cancelled_by = ${actor.userId}, cancel_reason = ${reason}, updated_at = ${at}
      WHERE id = ${id}`);
    const before = reportContribution({ status: i.status as InstanceRow['status'], firstSubmittedOn: i.firstSubmittedOn, dueDate: i.dueDate });
    await addToCounters(tx, { planId: i.planId, unitPath: i.unitPath, item: 'report', due: i.dueDate, delta: delta(before, contribution({ due: i.dueDate, doneOn: null, cancelled: true })) });
    // The units that reported to this one report to the next level up that owes the report.
    await setReceivers(tx, i.planId);
  }
  const notice = instanceCancelledNotice(
    { number: i.number, title: i.title, unitName: i.planUnitName, secret: i.confidentiality === 'secret' },
    { item, text: i.text, periodLabel: i.periodLabel },
    reason,
  );
  await notifyUnits(tx, {
    units: sql`SELECT ${i.unitId}::uuid`,
    kind: 'instance_cancelled', ...notice, link: `/plans/${i.planId}`, dedupe: `instance_cancelled:${id}`, except: actor.userId, now,
  });
  await writeAudit(tx, actor, {
    action: item === 'task' ? 'task_instance.cancel' : 'obligation_instance.cancel', entity: item === 'task' ? 'task_instance' : 'obligation_instance', entityId: id,
    unitPath: i.accessPath, before: { status: i.status }, after: { reason, period: i.periodLabel },
  }, now);
  return item === 'task' ? { tasks: 1, reports: 0 } : { tasks: 0, reports: 1 };
}
