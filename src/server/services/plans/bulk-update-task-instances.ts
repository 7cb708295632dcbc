import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import type { Contribution } from '#core/rollup/counters.ts';
import type { TaskInstanceBulk } from '#shared/plans.ts';
import { addToCounters } from '../../db/queries/progress.ts';
import { followCarriedOut } from '../../db/queries/carried-out.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { counterChange, nextBeyond, nextDoneOn } from './update-task-instance.ts';
import { lockTaskInstances } from '../../db/queries/plans.ts';

/**
 * Marks many task instances done (or open again) in one action and one transaction — a cell
 * marking several tasks done with one evidence file. Each id is checked: one out of the actor's
 * reach refuses the whole action (NOT_FOUND or FORBIDDEN) and nothing changes. `evidence` is added
 * to each instance's list; `progressNote`, when given, replaces each note; `beyond`, when given,
 * marks each done beyond requirements or not (reopening clears it).
 * Throws NOT_FOUND, FORBIDDEN, INSTANCE_CANCELLED (409), DONE_IN_FUTURE, BEYOND_NOT_DONE.
 */
export async function bulkUpdateTaskInstances(input: TaskInstanceBulk, { actor, tx, now }: ServiceContext): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  const rows = await lockTaskInstances(tx, ids);
  if (rows.length !== ids.length || rows.some((i) => !can(actor, 'read', i.accessPath))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy một trong các nhiệm vụ được chọn, hoặc bạn không có quyền xem. Chưa có gì thay đổi.');
  }
  if (rows.some((i) => !can(actor, 'write', i.accessPath))) throw new DomainError('FORBIDDEN', 'Bạn không có quyền cập nhật một trong các nhiệm vụ được chọn. Chưa có gì thay đổi.');
  if (rows.some((i) => i.status === 'cancelled')) throw new DomainError('INSTANCE_CANCELLED', 'Một trong các nhiệm vụ được chọn đã được hủy. Chưa có gì thay đổi.');
  const today = vietnamDate(now);
  const next = new Map(rows.map((i) => [i.id, nextDoneOn(i.doneOn, input.done, input.doneOn, today)]));

  const changes = JSON.stringify(rows.map((i) => {
    const doneOn = next.get(i.id) ?? null;
    return { id: i.id, done_on: doneOn, beyond: nextBeyond(i.beyond, doneOn, input.beyond) };
  }));
  await tx.execute(sql`
    UPDATE task_instance ti SET
      status = CASE WHEN x.done_on IS NULL THEN 'open' ELSE 'done' END, done_on = x.done_on, beyond = x.beyond,
      fulfilled_by_plan_id = CASE WHEN x.done_on IS NULL THEN NULL ELSE ti.fulfilled_by_plan_id END,
      progress_note = ${input.progressNote !== undefined ? sql`${input.progressNote}` : sql`ti.progress_note`},
      evidence = ti.evidence || ${JSON.stringify(input.evidence ?? [])}::jsonb,
      updated_at = ${now.toISOString()}, updated_by = ${actor.userId}
    FROM json_to_recordset(${changes}::json) AS x(id uuid, done_on date, beyond boolean)
    WHERE ti.id = x.id`);

  // One counter update per unit, plan and due bucket, not one per instance.
  const groups = new Map<string, { planId: string; unitPath: TreePath; due: IsoDate | null; delta: Contribution }>();
  for (const i of rows) {
    const d = counterChange(i, next.get(i.id) ?? null);
    const key = `${i.planId}|${i.unitPath}|${i.dueDate}`;
    const g = groups.get(key) ?? { planId: i.planId, unitPath: i.unitPath, due: i.dueDate, delta: { total: 0, done: 0, doneLate: 0 } };
    g.delta = { total: g.delta.total + d.total, done: g.delta.done + d.done, doneLate: g.delta.doneLate + d.doneLate };
    groups.set(key, g);
  }
  for (const g of groups.values()) await addToCounters(tx, { planId: g.planId, unitPath: g.unitPath, item: 'task', due: g.due, delta: g.delta });
  await followCarriedOut(tx, ids, actor.userId, now);

  await writeAudit(tx, actor, {
    action: 'task_instance.bulk_update', entity: 'task_instance', entityId: null,
    unitPath: commonPath(rows.map((i) => i.accessPath)),
    after: { ids, done: input.done, doneOn: input.doneOn ?? null, beyond: input.beyond ?? null, evidence: input.evidence?.length ?? 0 },
  }, now);
  return { updated: rows.length };
}

/** The longest path both paths lie within (for one audit entry over several units). */
function commonPath(paths: readonly TreePath[]): TreePath | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('.');
  for (const p of paths.slice(1)) {
    const labels = p.split('.');
    let i = 0;
    while (i < common.length && i < labels.length && common[i] === labels[i]) i++;
    common = common.slice(0, i);
  }
  return common.length > 0 ? (common.join('.') as TreePath) : null;
}
