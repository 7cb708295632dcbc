import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { contribution, delta } from '#core/rollup/counters.ts';
import type { Tx } from '../../db/client.ts';
import { lookupPlan, findPlanItems } from '../../db/queries/plans.ts';
import type { PlanRow } from '../../db/queries/plans.ts';
import { addToCounters, rebuildCounters } from '../../db/queries/progress.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { setReceivers } from '../../db/queries/reporting-chain.ts';
import { linkCarriedOut } from '../../db/queries/carried-out.ts';
import { createInstances, groupsByAudience, notifyAudience } from './instances.ts';
import { findCarriedOut, requireSecrecyKept } from './plan-secrecy.ts';

/**
 * Publishes a draft, in the caller's transaction (one transaction: all or nothing): the plan is
 * addressed to every unit its items name that is active on the day of publication, each gets its
 * task and obligation instances per period, the progress counters are rebuilt, the leaders of
 * the addressed units are notified, and an implementing plan fulfils its unit's "make your plan"
 * task of the parent plan. Needs `write` on the plan's unit.
 * Returns the number of instances created. Throws PLAN_NOT_FOUND, FORBIDDEN, PLAN_NOT_DRAFT,
 * PLAN_EMPTY, PARENT_PLAN_NOT_PUBLISHED, and what plan-secrecy.ts throws.
 */
export async function publishPlan({ planId }: { planId: string }, { actor, tx, now }: ServiceContext): Promise<{ instances: number }> {
  const plan = await lookupPlan(tx, planId, true);
  if (!plan || !can(actor, 'read', plan.unitPath)) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', plan.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền ban hành kế hoạch này.');
  if (plan.status !== 'draft') throw new DomainError('PLAN_NOT_DRAFT', 'Kế hoạch đã được ban hành.');
  const items = await findPlanItems(tx, planId);
  if (items.length === 0) throw new DomainError('PLAN_EMPTY', 'Kế hoạch chưa có nhiệm vụ hay báo cáo nào để giao.');
  if (plan.parentPlanId) {
    const parent = await lookupPlan(tx, plan.parentPlanId);
    if (!parent || parent.status !== 'published') throw new DomainError('PARENT_PLAN_NOT_PUBLISHED', 'Kế hoạch cấp trên chưa được ban hành hoặc đã bị hủy.');
  }
  // Checked again here: a draft made from an imported document takes the links its text cites.
  const inherits = await requireSecrecyKept(tx, { id: planId, secret: plan.confidentiality === 'secret', inherited: plan.secretInherited }, await findCarriedOut(tx, planId));
  const published = vietnamDate(now);
  const at = now.toISOString();

  // A draft has no audience or instance yet: they are written without conflict checks.
  const instances = await createInstances(tx, planId, groupsByAudience(plan, items, null), published, now, { fresh: true });
  await setReceivers(tx, planId);
  await linkCarriedOut(tx, planId);
  await tx.execute(sql`
    UPDATE plan SET status = 'published', published_at = ${at}, published_by = ${actor.userId}, secret_inherited = secret_inherited OR ${inherits}, updated_at = ${at}
    WHERE id = ${planId}`);
  await tx.execute(sql`UPDATE document SET issued_on = coalesce(issued_on, ${published}::date), updated_at = ${at} WHERE id = ${planId}`);
  await rebuildCounters(tx, planId);
  await notifyAudience(tx, plan, now, null);
  const fulfilled = plan.parentPlanId ? await fulfilOwnPlanTasks(tx, plan, published, actor.userId, now) : 0;
  await writeAudit(tx, actor, {
    action: 'plan.publish', entity: 'plan', entityId: planId, unitPath: plan.unitPath,
    after: { instances, publishedOn: published, fulfilledParentTasks: fulfilled },
  }, now);
  return { instances };
}

/**
 * Marks the parent plan's "make your implementing plan" instances of the plan's unit done on the
 * day of publication, fulfilled by this plan, and moves the parent's counters with them.
 */
async function fulfilOwnPlanTasks(tx: Tx, plan: PlanRow, on: IsoDate, userId: string, now: Date): Promise<number> {
  const r = await tx.execute<{ unitPath: string; dueDate: IsoDate | null }>(sql`
    UPDATE task_instance ti SET status = 'done', done_on = ${on}, fulfilled_by_plan_id = ${plan.id},
      updated_at = ${now.toISOString()}, updated_by = ${userId}
    FROM task t
    WHERE t.id = ti.task_id AND t.kind = 'own_plan' AND ti.plan_id = ${plan.parentPlanId} AND ti.unit_id = ${plan.unitId}
      AND ti.status = 'open'
    RETURNING ti.unit_path::text AS "unitPath", ti.due_date::text AS "dueDate"`);
  for (const row of r.rows) {
    const before = contribution({ due: row.dueDate, doneOn: null, cancelled: false });
    const after = contribution({ due: row.dueDate, doneOn: on, cancelled: false });
    await addToCounters(tx, { planId: plan.parentPlanId!, unitPath: row.unitPath as TreePath, item: 'task', due: row.dueDate, delta: delta(before, after) });
  }
  return r.rows.length;
}
