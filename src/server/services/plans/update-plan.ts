import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import type { PlanUpdate } from '#shared/plans.ts';
import { lookupPlan, writeImplementsLinks } from '../../db/queries/plans.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkPlanReferences, documentValues, writePlanItems } from './plan-items.ts';
import { findCarriedOut, requireSecrecyKept } from './plan-secrecy.ts';
import type { Tx } from '../../db/client.ts';

/**
 * Changes a draft: the fields sent replace the draft's, the others stay; `tasks` and `obligations`,
 * when sent, are the whole lists (those sent with their id keep it). Needs `write` on the plan's
 * unit. Throws PLAN_NOT_FOUND, FORBIDDEN, PLAN_UNIT_FIXED, PLAN_NOT_DRAFT (409: a published plan
 * is not edited), what checkPlanReferences throws, SECRET_PLAN_DOWNGRADE (409: a plan carrying out
 * a secret document stays secret) and SECRET_PLAN_OPEN_IMPLEMENTER (409: a plan carried out by one
 * that is not secret is not made secret).
 */
export async function updatePlan(id: string, input: PlanUpdate, { actor, tx, now }: ServiceContext): Promise<void> {
  const plan = await lookupPlan(tx, id, true);
  if (!plan || !can(actor, 'read', plan.unitPath)) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', plan.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền sửa kế hoạch này.');
  if (input.unitId && input.unitId !== plan.unitId) throw new DomainError('PLAN_UNIT_FIXED', 'Không đổi được đơn vị ban hành của kế hoạch; hãy lập kế hoạch mới.');
  if (plan.status !== 'draft') throw new DomainError('PLAN_NOT_DRAFT', 'Kế hoạch đã ban hành, không sửa được nữa.');
  const stored = (await tx.execute<{ recipients: string[]; reminderDays: number[]; sessionNoticeDays: number | null }>(sql`
    SELECT d.recipients, p.reminder_days AS "reminderDays", p.session_notice_days AS "sessionNoticeDays"
    FROM plan p JOIN document d ON d.id = p.id WHERE p.id = ${id}`)).rows[0]!;
  const fields = {
    number: input.number === undefined ? plan.number : input.number,
    title: input.title ?? plan.title,
    issuedOn: input.issuedOn === undefined ? (plan.issuedOn as IsoDate | null) : input.issuedOn,
    implementsDocumentIds: input.implementsDocumentIds ?? [],
    parentPlanId: input.parentPlanId === undefined ? plan.parentPlanId : input.parentPlanId,
    confidentiality: input.confidentiality ?? plan.confidentiality,
    reminderDays: input.reminderDays ?? stored.reminderDays,
    sessionNoticeDays: input.sessionNoticeDays === undefined ? stored.sessionNoticeDays : input.sessionNoticeDays,
    recipients: input.recipients ?? stored.recipients,
    tasks: input.tasks ?? [],
    obligations: input.obligations ?? [],
  };
  await checkPlanReferences(tx, actor, { id: plan.unitId, path: plan.unitPath }, fields);
  const v = documentValues(fields);
  // Links not sent stay as they are (a parent plan once named keeps its link).
  const linked = input.implementsDocumentIds ?? (await findCarriedOut(tx, id));
  const inherits = await requireSecrecyKept(tx, { id, secret: v.confidentiality === 'secret', inherited: plan.secretInherited }, [...linked, ...(v.parentPlanId ? [v.parentPlanId] : [])]);
  const at = now.toISOString();
  await tx.execute(sql`
    UPDATE document SET number = ${v.number}, number_key = ${v.numberKey}, issued_on = ${v.issuedOn}, title = ${v.title},
      recipients = ARRAY(SELECT json_array_elements_text(${v.recipientsJson}::json)), confidentiality = ${v.confidentiality}, updated_at = ${at}
    WHERE id = ${id}`);
  await tx.execute(sql`
    UPDATE plan SET parent_plan_id = ${v.parentPlanId}, reminder_days = ${v.reminderDays}::int[], session_notice_days = ${v.sessionNoticeDays},
      secret_inherited = secret_inherited OR ${inherits}, updated_at = ${at}
    WHERE id = ${id}`);
  if (input.implementsDocumentIds !== undefined) {
    await writeImplementsLinks(tx, id, [...input.implementsDocumentIds, ...(v.parentPlanId ? [v.parentPlanId] : [])]);
  } else if (v.parentPlanId) {
    await addImplementsLink(tx, id, v.parentPlanId);
  }
  if (input.tasks !== undefined || input.obligations !== undefined) {
    await writePlanItems(tx, id, input.tasks, input.obligations);
  }
  await writeAudit(tx, actor, {
    action: 'plan.update', entity: 'plan', entityId: id, unitPath: plan.unitPath,
    before: { number: plan.number, title: plan.title },
    after: { number: v.number, title: v.title, changed: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) },
  }, now);
}

/** Adds one "implements" link of a plan's document (kept if already there). */
async function addImplementsLink(tx: Tx, planId: string, documentId: string): Promise<void> {
  await tx.execute(sql`INSERT INTO document_link (from_id, to_id, relation) VALUES (${planId}, ${documentId}, 'implements') ON CONFLICT DO NOTHING`);
}
