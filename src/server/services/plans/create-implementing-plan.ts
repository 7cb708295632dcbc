import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { Audience } from '#core/plans/audience.ts';
import { GRASSROOTS_KINDS } from '#core/org-tree/kinds.ts';
import type { PlanDraft } from '#shared/plans.ts';
import { DueSchema, PlanDraftSchema, ReportFormSchema } from '#shared/plans.ts';
import { lookupPlan, planReach } from '../../db/queries/plans.ts';
import { getUnitRow } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { createPlan } from './create-plan.ts';

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s;
}

/**
 * "Make our implementing plan": a new draft of `unitId` implementing a published plan addressed
 * to it, pre-filled with the tasks addressed to the unit (each pointing at the task it carries
 * out) and, when the unit has grassroots organisations or cells below it, the reports it must
 * collect from them — unless the superior's plan already asks them, in which case they report to
 * this unit under the superior's plan. The new plan's own work goes by default to those grassroots units, or to
 * the unit itself when it has none. Needs `write` on the unit.
 * Throws PLAN_NOT_FOUND, PLAN_NOT_PUBLISHED (409), UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_IN_AUDIENCE,
 * IMPLEMENTING_PLAN_EXISTS (409).
 */
export async function createImplementingPlan(parentId: string, input: { unitId: string }, ctx: ServiceContext): Promise<{ id: string }> {
  const { actor, tx, now } = ctx;
  const reach = await planReach(tx, actor, parentId, 'read');
  const parent = reach.read ? await lookupPlan(tx, parentId) : null;
  if (!parent) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (parent.status !== 'published') throw new DomainError('PLAN_NOT_PUBLISHED', 'Kế hoạch cấp trên chưa được ban hành.');
  const unit = await getUnitRow(tx, input.unitId);
  if (!can(actor, 'write', unit.path)) {
    throw new DomainError(can(actor, 'read', unit.path) ? 'FORBIDDEN' : 'UNIT_NOT_FOUND', 'Bạn không có quyền lập kế hoạch cho đơn vị này.');
  }
  const addressed = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM plan_audience WHERE plan_id = ${parentId} AND unit_id = ${unit.id}`);
  if (addressed.rows[0]!.n === 0) throw new DomainError('UNIT_NOT_IN_AUDIENCE', 'Kế hoạch này không giao cho đơn vị được chọn thực hiện.');
  const existing = await tx.execute<{ id: string }>(sql`
    SELECT p.id FROM plan p JOIN document d ON d.id = p.id AND d.deleted_at IS NULL
    WHERE p.parent_plan_id = ${parentId} AND p.unit_id = ${unit.id} AND p.status <> 'cancelled' LIMIT 1`);
  if (existing.rows[0]) {
    throw new DomainError('IMPLEMENTING_PLAN_EXISTS', 'Đơn vị đã có kế hoạch thực hiện kế hoạch này; hãy mở kế hoạch đó để sửa.', { id: existing.rows[0].id });
  }

  const today = vietnamDate(now);
  const below = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM unit u
    WHERE u.path <@ ${unit.path}::ltree AND u.id <> ${unit.id} AND u.kind = ANY(${`{${GRASSROOTS_KINDS.join(',')}}`}::text[])
      AND u.valid_from <= ${today}::date AND (u.valid_to IS NULL OR u.valid_to > ${today}::date)`);
  const hasGrassroots = below.rows[0]!.n > 0;
  const audience: Audience = hasGrassroots ? { scope: 'grassroots' } : { scope: 'self' };

  const tasks = await tx.execute<{
    id: string; kind: string; text: string; due: unknown; dueText: string | null;
    responsible: string | null; responsibility: string | null; authority: string | null; output: string | null;
  }>(sql`
    SELECT t.id, t.kind, t.text, t.due, t.due_text AS "dueText", t.responsible, t.responsibility, t.authority, t.output
    FROM task t
    WHERE t.plan_id = ${parentId} AND t.kind <> 'own_plan'
      AND EXISTS (SELECT 1 FROM task_instance ti WHERE ti.task_id = t.id AND ti.unit_id = ${unit.id})
    ORDER BY t.ord`);
  const obligations = hasGrassroots
    ? (await tx.execute<{ title: string; due: unknown; cutoffDay: number | null; form: unknown }>(sql`
        SELECT ro.title, ro.due, ro.cutoff_day AS "cutoffDay", ro.form
        FROM report_obligation ro
        WHERE ro.plan_id = ${parentId}
          AND EXISTS (SELECT 1 FROM obligation_instance oi WHERE oi.obligation_id = ro.id AND oi.unit_id = ${unit.id})
          -- When the superior's plan already asks the units below for the report, they send it to
          -- this unit (docs/decisions/014): asking them again would double it.
          AND NOT EXISTS (SELECT 1 FROM obligation_instance oi WHERE oi.obligation_id = ro.id AND oi.status <> 'cancelled'
                            AND oi.unit_path <@ ${unit.path}::ltree AND oi.unit_id <> ${unit.id})
        ORDER BY ro.ord`)).rows
    : [];

  const title = parent.number
    ? `Thực hiện Kế hoạch số ${parent.number} của ${parent.unitName} về ${lowerFirst(parent.title)}`
    : `Thực hiện ${lowerFirst(parent.title)}`;
  const draft: PlanDraft = PlanDraftSchema.parse({
    unitId: unit.id,
    title: title.slice(0, 1000),
    parentPlanId: parentId,
    confidentiality: parent.confidentiality,
    tasks: tasks.rows.map((t) => ({
      kind: t.kind,
      text: t.text,
      // A deadline the import stored in a form this version no longer reads is left for the user to set.
      due: DueSchema.safeParse(t.due).success ? t.due : null,
      dueText: t.dueText,
      audience,
      responsible: t.responsible,
      responsibility: t.responsibility,
      authority: t.authority,
      output: t.output,
      parentTaskId: t.id,
    })),
    obligations: obligations.map((o) => ({
      title: o.title,
      due: Array.isArray(o.due) ? o.due.filter((d) => DueSchema.safeParse(d).success) : [],
      cutoffDay: o.cutoffDay,
      form: ReportFormSchema.safeParse(o.form).success ? o.form : undefined,
      toText: unit.name,
      toUnitId: unit.id,
      audience,
    })),
  });
  return createPlan(draft, ctx);
}
