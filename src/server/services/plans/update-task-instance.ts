import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { contribution, delta } from '#core/rollup/counters.ts';
import type { TaskInstancePatch, TaskInstanceView } from '#shared/plans.ts';
import { BEYOND_NOT_DONE_MESSAGE } from '#shared/plans.ts';
import { addToCounters } from '../../db/queries/progress.ts';
import { followCarriedOut } from '../../db/queries/carried-out.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { lockTaskInstances, taskInstanceColumns, TASK_INSTANCE_FROM, presentTaskInstance } from '../../db/queries/plans.ts';
import type { LockedInstance, TaskInstanceRow } from '../../db/queries/plans.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '#core/access/scope.ts';

/**
 * The day an instance counts as done after `done`/`doneOn`: a new completion defaults to today, an
 * instance already done keeps its day unless another is given. Throws DONE_IN_FUTURE.
 */
export function nextDoneOn(current: IsoDate | null, done: boolean | undefined, doneOn: IsoDate | undefined, today: IsoDate): IsoDate | null {
  if (done === undefined) return current;
  if (!done) return null;
  const day = doneOn ?? current ?? today;
  if (day > today) throw new DomainError('DONE_IN_FUTURE', 'Ngày hoàn thành không được sau ngày hôm nay.');
  return day;
}

/**
 * Whether an instance is marked done beyond requirements ("vượt mức") after an update that leaves it
 * done on `doneOn` (null: open): `wanted` when given, else what it was; an open instance never is, so
 * reopening clears the mark. Throws BEYOND_NOT_DONE when `wanted` is true on an instance left open.
 */
export function nextBeyond(current: boolean, doneOn: IsoDate | null, wanted: boolean | undefined): boolean {
  if (doneOn === null) {
    if (wanted === true) throw new DomainError('BEYOND_NOT_DONE', `${BEYOND_NOT_DONE_MESSAGE}: hãy đánh dấu hoàn thành cùng lúc.`);
    return false;
  }
  return wanted ?? current;
}

/** Adds to the counters the change of one instance from `before` to `after` (its done day). */
export function counterChange(i: LockedInstance, after: IsoDate | null) {
  const cancelled = i.status === 'cancelled';
  return delta(contribution({ due: i.dueDate, doneOn: i.doneOn, cancelled }), contribution({ due: i.dueDate, doneOn: after, cancelled }));
}

/**
 * Updates one task instance (progress note, evidence, done or reopened, done beyond requirements)
 * and keeps the progress counters right in the same transaction. Needs `write` on the instance's unit.
 * Throws NOT_FOUND, FORBIDDEN, INSTANCE_CANCELLED (409), DONE_IN_FUTURE, BEYOND_NOT_DONE.
 */
export async function updateTaskInstance(id: string, patch: TaskInstancePatch, { actor, tx, now }: ServiceContext): Promise<TaskInstanceView> {
  const [i] = await lockTaskInstances(tx, [id]);
  if (!i || !can(actor, 'read', i.accessPath)) throw new DomainError('NOT_FOUND', 'Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', i.accessPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền cập nhật nhiệm vụ này.');
  if (i.status === 'cancelled') throw new DomainError('INSTANCE_CANCELLED', 'Nhiệm vụ này đã được hủy.');
  const today = vietnamDate(now);
  const doneOn = nextDoneOn(i.doneOn, patch.done, patch.doneOn, today);
  const beyond = nextBeyond(i.beyond, doneOn, patch.beyond);
  await tx.execute(sql`
    UPDATE task_instance SET
      status = ${doneOn ? 'done' : 'open'}, done_on = ${doneOn}, beyond = ${beyond},
      fulfilled_by_plan_id = ${doneOn === null ? sql`NULL` : sql`fulfilled_by_plan_id`},
      progress_note = ${patch.progressNote !== undefined ? sql`${patch.progressNote}` : sql`progress_note`},
      evidence = ${patch.evidence !== undefined ? sql`${JSON.stringify(patch.evidence)}::jsonb` : sql`evidence`},
      updated_at = ${now.toISOString()}, updated_by = ${actor.userId}
    WHERE id = ${id}`);
  await addToCounters(tx, { planId: i.planId, unitPath: i.unitPath, item: 'task', due: i.dueDate, delta: counterChange(i, doneOn) });
  // Doing a task of the unit's own plan does the superior plan's task it carries out.
  await followCarriedOut(tx, [id], actor.userId, now);
  await writeAudit(tx, actor, {
    action: 'task_instance.update', entity: 'task_instance', entityId: id, unitPath: i.accessPath,
    before: { doneOn: i.doneOn, beyond: i.beyond }, after: { doneOn, beyond, progressNote: patch.progressNote, evidence: patch.evidence?.length },
  }, now);
  return getTaskInstanceView(tx, actor, id, today);
}

/** The view of a task instance the caller knows exists (it has just locked or written it). */
async function getTaskInstanceView(tx: Db | Tx, actor: Actor, id: string, today: IsoDate): Promise<TaskInstanceView> {
  const r = await tx.execute<TaskInstanceRow>(sql`SELECT ${taskInstanceColumns(actor)} FROM ${TASK_INSTANCE_FROM} WHERE ti.id = ${id}`);
  return presentTaskInstance(r.rows[0]!, today);
}
