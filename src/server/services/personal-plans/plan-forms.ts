import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { unitIdOfLabel } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { PlanFormCreate, PlanFormList, PlanFormView } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';

const FORM_COLUMNS = sql.raw(`f.id, f.unit_id AS "unitId", u.name AS "unitName", f.code, f.label, f.title, f.scope, f.sections, f.source`);

/** The forms open to the unit at `path`: the national ones (seed 003's) and those issued by it or a unit above it. */
export async function formsFor(tx: Tx, path: TreePath): Promise<PlanFormView[]> {
  const ids = path.split('.').map(unitIdOfLabel);
  const r = await tx.execute<PlanFormView>(sql`
    SELECT ${FORM_COLUMNS} FROM plan_form f LEFT JOIN unit u ON u.id = f.unit_id
    WHERE f.unit_id IS NULL OR f.unit_id = ANY(${`{${ids.join(',')}}`}::uuid[])
    ORDER BY f.unit_id NULLS FIRST, f.code`);
  return r.rows;
}

/** One form by id, whoever issued it (a plan keeps the form it was written on). */
export async function lookupForm(tx: Tx, id: string): Promise<PlanFormView | null> {
  const r = await tx.execute<PlanFormView>(sql`SELECT ${FORM_COLUMNS} FROM plan_form f LEFT JOIN unit u ON u.id = f.unit_id WHERE f.id = ${id}`);
  return r.rows[0] ?? null;
}

/** GET /api/plan-forms?unit=: the forms a unit may launch a round with. Throws UNIT_NOT_FOUND. */
export async function findPlanForms(unitId: string, { actor, tx }: ServiceContext): Promise<PlanFormList> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  return { items: await formsFor(tx, unit.path) };
}

/**
 * POST /api/plan-forms: a committee adds a form of its own (the Youth Union's, an association's):
 * sections with their bounds and areas, data rather than code. Its code is unique among the forms
 * the unit sees. Needs `write` on the unit. Throws UNIT_NOT_FOUND, FORBIDDEN, FORM_CODE_TAKEN.
 */
export async function createPlanForm(input: PlanFormCreate, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  const unit = await unitFor(tx, actor, input.unitId, 'write');
  if ((await formsFor(tx, unit.path)).some((f) => f.code === input.code)) {
    throw new DomainError('FORM_CODE_TAKEN', `Mã mẫu "${input.code}" đã có; hãy chọn mã khác.`, { field: 'code' });
  }
  const id = randomUUID();
  await tx.execute(sql`
    INSERT INTO plan_form (id, unit_id, code, label, title, scope, sections, source, created_by, created_at)
    VALUES (${id}, ${unit.id}, ${input.code}, ${input.label}, ${input.title}, ${input.scope}, ${JSON.stringify(input.sections)}::jsonb,
            ${input.source ?? null}, ${actor.userId}, ${now.toISOString()})`);
  await writeAudit(tx, actor, { action: 'plan_form.create', entity: 'plan_form', entityId: id, unitPath: unit.path, after: { code: input.code, title: input.title } }, now);
  return { id };
}
