import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { PlanDraft } from '#shared/plans.ts';
import { getUnitRow } from '../../db/queries/units.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkPlanReferences, documentValues, writePlanItems } from './plan-items.ts';
import { writeImplementsLinks } from '../../db/queries/plans.ts';
import { requireSecrecyKept } from './plan-secrecy.ts';

/**
 * Creates a plan draft of `input.unitId`: its document (kind KH, held by the unit), the plan, its
 * tasks and report obligations, in the caller's transaction. Needs `write` on the unit.
 * Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE, what checkPlanReferences throws and
 * SECRET_PLAN_DOWNGRADE (409: a plan carrying out a secret document is secret).
 */
export async function createPlan(input: PlanDraft, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  const unit = await getUnitRow(tx, input.unitId);
  if (!can(actor, 'write', unit.path)) {
    throw new DomainError(can(actor, 'read', unit.path) ? 'FORBIDDEN' : 'UNIT_NOT_FOUND', 'Bạn không có quyền lập kế hoạch cho đơn vị này.');
  }
  if (unit.validTo !== null && unit.validTo <= vietnamDate(now)) {
    throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
  }
  await checkPlanReferences(tx, actor, unit, input);
  const carried = [...input.implementsDocumentIds, ...(input.parentPlanId ? [input.parentPlanId] : [])];
  const inherited = await requireSecrecyKept(tx, { id: null, secret: input.confidentiality === 'secret', inherited: false }, carried);
  const id = randomUUID();
  const v = documentValues(input);
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO document (id, kind, number, number_key, issued_on, issuer_name, title, recipients, status, confidentiality,
                          owner_unit_id, owner_path, created_by, created_at, updated_at)
    VALUES (${id}, 'KH', ${v.number}, ${v.numberKey}, ${v.issuedOn}, ${unit.name}, ${v.title},
            ARRAY(SELECT json_array_elements_text(${v.recipientsJson}::json)), 'confirmed', ${v.confidentiality},
            ${unit.id}, ${unit.path}::ltree, ${actor.userId}, ${at}, ${at})`);
  await tx.execute(sql`
    INSERT INTO plan (id, unit_id, unit_path, status, parent_plan_id, reminder_days, session_notice_days, secret_inherited, created_at, updated_at)
    VALUES (${id}, ${unit.id}, ${unit.path}::ltree, 'draft', ${v.parentPlanId}, ${v.reminderDays}::int[], ${v.sessionNoticeDays}, ${inherited}, ${at}, ${at})`);
  await writeImplementsLinks(tx, id, [...input.implementsDocumentIds, ...(v.parentPlanId ? [v.parentPlanId] : [])]);
  await writePlanItems(tx, id, input.tasks, input.obligations);
  await writeAudit(tx, actor, {
    action: 'plan.create', entity: 'plan', entityId: id, unitPath: unit.path,
    after: { number: v.number, title: v.title, tasks: input.tasks.length, obligations: input.obligations.length },
  }, now);
  return { id };
}
