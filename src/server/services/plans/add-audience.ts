import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can, isWithin } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { AudienceAdd } from '#shared/plans.ts';
import { lookupPlan, findPlanItems } from '../../db/queries/plans.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { InstanceGroup } from './instances.ts';
import { setReceivers } from '../../db/queries/reporting-chain.ts';
import { linkCarriedOut } from '../../db/queries/carried-out.ts';
import { createInstances, groupsByAudience, notifyAudience } from './instances.ts';

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Gives a published plan's work to units created or merged after its publication: by default the
 * tasks and obligations whose audience rule takes the unit in, or the ones listed. Periods run
 * from today. Idempotent: what a unit already has is kept, nothing is created twice.
 * Needs `write` on the plan's unit. Throws PLAN_NOT_FOUND, FORBIDDEN, PLAN_NOT_PUBLISHED (409),
 * UNIT_NOT_FOUND, AUDIENCE_OUT_OF_SCOPE, UNIT_NOT_ACTIVE, TASK_NOT_IN_PLAN, NO_MATCHING_ITEMS.
 */
export async function addAudience(planId: string, input: AudienceAdd, { actor, tx, now }: ServiceContext): Promise<{ units: number; instances: number }> {
  const plan = await lookupPlan(tx, planId, true);
  if (!plan || !can(actor, 'read', plan.unitPath)) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', plan.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền giao kế hoạch này cho đơn vị khác.');
  if (plan.status !== 'published') throw new DomainError('PLAN_NOT_PUBLISHED', 'Chỉ bổ sung đơn vị thực hiện cho kế hoạch đã ban hành.');
  const today = vietnamDate(now);
  const ids = [...new Set(input.unitIds)];
  const units = await tx.execute<{ id: string; name: string; path: string; validFrom: string; validTo: string | null }>(sql`
    SELECT id, name, path::text AS path, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM unit WHERE id = ANY(${uuidArray(ids)}::uuid[])`);
  if (units.rows.length !== ids.length || units.rows.some((u) => !can(actor, 'read', u.path as TreePath))) {
    throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị được chọn hoặc bạn không có quyền xem.');
  }
  for (const u of units.rows) {
    if (!isWithin(u.path as TreePath, plan.unitPath)) throw new DomainError('AUDIENCE_OUT_OF_SCOPE', `"${u.name}" không thuộc đơn vị ban hành kế hoạch.`);
    if (u.validFrom > today || (u.validTo !== null && u.validTo <= today)) throw new DomainError('UNIT_NOT_ACTIVE', `"${u.name}" chưa thành lập hoặc đã giải thể, sáp nhập.`);
  }

  const items = await findPlanItems(tx, planId);
  let groups: InstanceGroup[];
  if (input.taskIds || input.obligationIds) {
    const chosen = new Set([...(input.taskIds ?? []), ...(input.obligationIds ?? [])]);
    const picked = items.filter((i) => chosen.has(i.id));
    if (picked.length !== chosen.size) throw new DomainError('TASK_NOT_IN_PLAN', 'Nhiệm vụ hoặc báo cáo được chọn không thuộc kế hoạch này.');
    groups = [{ units: sql`u.id = ANY(${uuidArray(ids)}::uuid[])`, items: picked }];
  } else {
    groups = groupsByAudience(plan, items, ids);
  }

  const before = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM plan_audience WHERE plan_id = ${planId} AND unit_id = ANY(${uuidArray(ids)}::uuid[])`);
  const instances = await createInstances(tx, planId, groups, today, now, { countNow: true });
  // A unit added above units already addressed becomes their receiver.
  await setReceivers(tx, planId);
  await linkCarriedOut(tx, planId);
  const after = await tx.execute<{ id: string }>(sql`
    SELECT unit_id AS id FROM plan_audience WHERE plan_id = ${planId} AND unit_id = ANY(${uuidArray(ids)}::uuid[])`);
  const addressed = new Set(after.rows.map((r) => r.id));
  const left = units.rows.filter((u) => !addressed.has(u.id));
  if (left.length > 0) {
    throw new DomainError('NO_MATCHING_ITEMS', `Không có nhiệm vụ hay báo cáo nào của kế hoạch dành cho: ${left.map((u) => u.name).join(', ')}. Hãy chọn nhiệm vụ, báo cáo cần giao.`);
  }
  await notifyAudience(tx, plan, now, ids);
  const added = after.rows.length - before.rows[0]!.n;
  await writeAudit(tx, actor, { action: 'plan.add_audience', entity: 'plan', entityId: planId, unitPath: plan.unitPath, after: { unitIds: ids, instances } }, now);
  return { units: added, instances };
}
