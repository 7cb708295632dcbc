import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { lookupPlan, findPlanAccess } from '../../db/queries/plans.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Sets the users granted on a plan explicitly (the whole list): they read the published plan
 * whatever their units, which matters for a secret ("mật") plan. Needs `write` on the plan's unit.
 * Throws PLAN_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND.
 */
export async function setPlanAccess(planId: string, input: { userIds: string[] }, { actor, tx, now }: ServiceContext): Promise<void> {
  const plan = await lookupPlan(tx, planId, true);
  if (!plan || !can(actor, 'read', plan.unitPath)) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', plan.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền cấp quyền xem kế hoạch này.');
  const ids = [...new Set(input.userIds)];
  const list = `{${ids.join(',')}}`;
  const found = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM app_user WHERE id = ANY(${list}::uuid[]) AND disabled_at IS NULL`);
  if (found.rows[0]!.n !== ids.length) throw new DomainError('USER_NOT_FOUND', 'Không tìm thấy tài khoản được chọn.');
  const before = await findPlanAccess(tx, planId);
  await tx.execute(sql`DELETE FROM plan_access WHERE plan_id = ${planId} AND NOT (user_id = ANY(${list}::uuid[]))`);
  await tx.execute(sql`INSERT INTO plan_access (plan_id, user_id) SELECT ${planId}, x FROM unnest(${list}::uuid[]) AS x ON CONFLICT DO NOTHING`);
  await writeAudit(tx, actor, {
    action: 'plan.access', entity: 'plan', entityId: planId, unitPath: plan.unitPath,
    before, after: [...ids].sort(),
  }, now);
}
