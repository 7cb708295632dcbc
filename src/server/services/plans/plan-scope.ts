import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { PlanRow } from '../../db/queries/plans.ts';
import { lookupPlan, planReach } from '../../db/queries/plans.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The plan and the unit a dashboard looks at: the plan must be visible to the actor, the unit
 * (default: the plan's unit) readable. Throws PLAN_NOT_FOUND, UNIT_NOT_FOUND.
 */
export async function planAndUnit(planId: string, unitId: string | undefined, { actor, tx }: ServiceContext): Promise<{ plan: PlanRow; unit: UnitRow }> {
  const reach = await planReach(tx, actor, planId, 'read');
  const plan = reach.read ? await lookupPlan(tx, planId) : null;
  if (!plan) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  const unit = await lookupUnit(tx, unitId ?? plan.unitId);
  if (!unit || !can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem số liệu của đơn vị này.');
  return { plan, unit };
}

/** Sorts by Vietnamese name. */
export function byName<T extends { name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
