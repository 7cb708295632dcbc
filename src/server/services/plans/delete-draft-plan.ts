import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { lookupPlan } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';

/**
 * DELETE /api/plans/:id: deletes a draft that was never published. Plans are never deleted as rows
 * (migration 0012): the draft's document is marked deleted, which every reader of plans and
 * documents already leaves out, and the audit log keeps what it was. A published plan is cancelled
 * instead, with a reason (cancel-plan.ts). Needs `write` on the plan's unit.
 * docs/decisions/016-plan-lifecycle.md. Throws PLAN_NOT_FOUND, FORBIDDEN, PLAN_NOT_DRAFT (409).
 */
export async function deleteDraftPlan(planId: string, { actor, tx, now }: ServiceContext): Promise<void> {
  const plan = await lookupPlan(tx, planId, true);
  if (!plan || !can(actor, 'read', plan.unitPath)) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', plan.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền xóa dự thảo kế hoạch này.');
  if (plan.status !== 'draft' || plan.publishedAt !== null) {
    throw new DomainError('PLAN_NOT_DRAFT', 'Kế hoạch đã ban hành không xóa được; hãy thu hồi kế hoạch và ghi rõ lý do.');
  }
  const at = now.toISOString();
  await tx.execute(sql`UPDATE document SET deleted_at = ${at}, deleted_by = ${actor.userId}, updated_at = ${at} WHERE id = ${planId}`);
  await writeAudit(tx, actor, {
    action: 'plan.delete', entity: 'plan', entityId: planId, unitPath: plan.unitPath,
    before: { number: plan.number, title: plan.title, unit: plan.unitName, status: plan.status },
  }, now);
}
