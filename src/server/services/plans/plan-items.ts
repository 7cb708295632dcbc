import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, isWithin, scopeRoots } from '#core/access/scope.ts';
import { compactNumber } from '#core/docref/number.ts';
import { DomainError } from '#core/errors.ts';
import type { Audience } from '#core/plans/audience.ts';
import type { AudienceInput, ObligationDraft, PlanDraft, ReportForm, TaskDraft } from '#shared/plans.ts';
import type { Tx } from '../../db/client.ts';
import { planVisibleSql, secretHiddenSql } from '../../db/queries/plans.ts';

/**
 * What creating and editing a plan draft share: checking the ids a draft names, and writing its
 * document fields, tasks and report obligations.
 */

type PlanFields = Omit<PlanDraft, 'unitId'>;

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The stored form of an audience: only the parts its scope uses. */
export function storedAudience(a: AudienceInput): Audience {
  if (a.scope === 'units') return { scope: 'units', unitIds: [...new Set(a.unitIds ?? [])] };
  if (a.scope === 'self') return { scope: 'self' };
  return a.kinds && a.kinds.length > 0 ? { scope: a.scope, kinds: [...new Set(a.kinds)] } : { scope: a.scope };
}

/** The stored form of a report form: optional parts as null, as the reports module reads it. */
export function storedForm(f: ReportForm): { figures: { key: string; label: string; unit: string | null; of: string | null }[]; sections: { key: string; title: string }[] } {
  return {
    figures: f.figures.map((x) => ({ key: x.key, label: x.label, unit: x.unit ?? null, of: x.of ?? null })),
    sections: f.sections.map((x) => ({ key: x.key, title: x.title })),
  };
}

/** "48-KH/ĐUK" as citations are matched: no spaces, upper case. */
export function numberKey(n: string | null | undefined): string | null {
  return n ? compactNumber(n).toUpperCase() : null;
}

/**
 * Checks every id a draft names for a plan of the unit at `unitPath`. Units must be within the
 * actor's sight (or above the plan's unit: a superior's department may lead); audience units
 * within the plan unit's subtree; implemented documents visible; a parent plan published, visible,
 * and addressed to the plan's unit; parent tasks of that parent plan.
 * Throws UNIT_NOT_FOUND, AUDIENCE_OUT_OF_SCOPE, DOCUMENT_NOT_FOUND, PLAN_NOT_FOUND,
 * PARENT_PLAN_NOT_PUBLISHED, UNIT_NOT_IN_AUDIENCE, PARENT_TASK_MISMATCH.
 */
export async function checkPlanReferences(tx: Tx, actor: Actor, unit: { id: string; path: TreePath }, input: PlanFields): Promise<void> {
  const audienceIds = [...input.tasks.map((t) => t.audience), ...input.obligations.map((o) => o.audience)].flatMap((a) =>
    a.scope === 'units' ? (a.unitIds ?? []) : [],
  );
  const named = [
    ...input.tasks.flatMap((t) => [...t.leadUnitIds, ...t.supportUnitIds]),
    ...input.obligations.flatMap((o) => [o.toUnitId, o.viaUnitId].filter((x): x is string => !!x)),
    ...audienceIds,
  ];
  const ids = [...new Set(named)];
  if (ids.length > 0) {
    const r = await tx.execute<{ id: string; path: string }>(sql`SELECT id, path::text AS path FROM unit WHERE id = ANY(${uuidArray(ids)}::uuid[])`);
    const paths = new Map(r.rows.map((x) => [x.id, x.path as TreePath]));
    for (const id of ids) {
      const p = paths.get(id);
      if (!p || !(can(actor, 'read', p) || isWithin(unit.path, p))) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị được nêu trong kế hoạch, hoặc bạn không có quyền xem đơn vị đó.');
    }
    for (const id of new Set(audienceIds)) {
      if (!isWithin(paths.get(id)!, unit.path)) {
        throw new DomainError('AUDIENCE_OUT_OF_SCOPE', 'Đơn vị thực hiện phải là đơn vị ban hành kế hoạch hoặc đơn vị cấp dưới của đơn vị đó.');
      }
    }
  }

  if (input.implementsDocumentIds.length > 0) {
    const docIds = [...new Set(input.implementsDocumentIds)];
    const r = await tx.execute<{ id: string }>(sql`
      SELECT d.id FROM document d
      LEFT JOIN plan p ON p.id = d.id
      LEFT JOIN unit pu ON pu.id = p.unit_id
      WHERE d.id = ANY(${uuidArray(docIds)}::uuid[]) AND d.deleted_at IS NULL
        AND (d.owner_path IS NULL ${actor.superuser ? sql`OR TRUE` : sql``}
             OR d.owner_path <@ ${`{${scopeRoots(actor, 'read').join(',')}}`}::ltree[]
             OR (p.id IS NOT NULL AND ${planVisibleSql(actor)}))
        AND NOT ${secretHiddenSql(actor, sql`d.id`)}`);
    if (r.rows.length !== docIds.length) throw new DomainError('DOCUMENT_NOT_FOUND', 'Không tìm thấy văn bản mà kế hoạch thực hiện, hoặc bạn không có quyền xem văn bản đó.');
  }

  const parentTaskIds = input.tasks.map((t) => t.parentTaskId).filter((x): x is string => !!x);
  if (input.parentPlanId) {
    const r = await tx.execute<{ status: string; visible: boolean; addressed: boolean }>(sql`
      SELECT p.status, (${planVisibleSql(actor)}) AS visible,
             EXISTS (SELECT 1 FROM plan_audience a WHERE a.plan_id = p.id AND a.unit_id = ${unit.id}) AS addressed
      FROM plan p JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
      WHERE p.id = ${input.parentPlanId} AND d.deleted_at IS NULL`);
    const parent = r.rows[0];
    if (!parent || !parent.visible) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch cấp trên, hoặc bạn không có quyền xem kế hoạch đó.');
    if (parent.status !== 'published') throw new DomainError('PARENT_PLAN_NOT_PUBLISHED', 'Kế hoạch cấp trên chưa được ban hành.');
    if (!parent.addressed) throw new DomainError('UNIT_NOT_IN_AUDIENCE', 'Kế hoạch cấp trên không giao cho đơn vị này thực hiện.');
    if (parentTaskIds.length > 0) {
      const t = await tx.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM task WHERE plan_id = ${input.parentPlanId} AND id = ANY(${uuidArray([...new Set(parentTaskIds)])}::uuid[])`);
      if (t.rows[0]!.n !== new Set(parentTaskIds).size) throw new DomainError('PARENT_TASK_MISMATCH', 'Nhiệm vụ cấp trên được dẫn không thuộc kế hoạch cấp trên.');
    }
  } else if (parentTaskIds.length > 0) {
    throw new DomainError('PARENT_TASK_MISMATCH', 'Chỉ kế hoạch thực hiện kế hoạch cấp trên mới dẫn nhiệm vụ cấp trên.');
  }
}

const taskRow = (t: TaskDraft, ord: number) => ({
  id: t.id ?? null,
  ord,
  kind: t.kind,
  text: t.text,
  lead_text: t.leadText ?? [],
  support_text: t.supportText ?? [],
  lead_unit_ids: [...new Set(t.leadUnitIds)],
  support_unit_ids: [...new Set(t.supportUnitIds)],
  due: t.due,
  due_text: t.dueText ?? null,
  audience: storedAudience(t.audience),
  responsible: t.responsible ?? null,
  responsibility: t.responsibility ?? null,
  authority: t.authority ?? null,
  output: t.output ?? null,
  parent_task_id: t.parentTaskId ?? null,
});

const obligationRow = (o: ObligationDraft, ord: number) => ({
  id: o.id ?? null,
  ord,
  title: o.title,
  from_text: o.fromText ?? null,
  to_text: o.toText ?? null,
  via_text: o.viaText ?? null,
  to_unit_id: o.toUnitId ?? null,
  via_unit_id: o.viaUnitId ?? null,
  due: o.due,
  cutoff_day: o.cutoffDay ?? null,
  form: storedForm(o.form),
  audience: storedAudience(o.audience),
});

const TASK_RECORD = sql.raw(`x(id uuid, ord int, kind text, text text, lead_text text[], support_text text[], lead_unit_ids uuid[],
  support_unit_ids uuid[], due jsonb, due_text text, audience jsonb, responsible text, responsibility text, authority text,
  output text, parent_task_id uuid)`);
const OBLIGATION_RECORD = sql.raw(`x(id uuid, ord int, title text, from_text text, to_text text, via_text text, to_unit_id uuid,
  via_unit_id uuid, due jsonb, cutoff_day int, form jsonb, audience jsonb)`);

/**
 * Writes the tasks and obligations of a draft: those with an id of this plan are updated in place
 * (keeping what the import recorded about them), those without are added, the others removed. A
 * list left undefined is kept as it is. Throws TASK_NOT_IN_PLAN / OBLIGATION_NOT_IN_PLAN for an id
 * of another plan, DUPLICATE_ITEM.
 */
export async function writePlanItems(
  tx: Tx,
  planId: string,
  tasks: readonly TaskDraft[] | undefined,
  obligations: readonly ObligationDraft[] | undefined,
): Promise<void> {
  if (tasks) await writeTasks(tx, planId, tasks);
  if (obligations) await writeObligations(tx, planId, obligations);
}

async function keptIds(tx: Tx, table: 'task' | 'report_obligation', planId: string, items: readonly { id?: string | undefined }[]): Promise<string[]> {
  const kept = items.map((x) => x.id).filter((x): x is string => !!x);
  if (new Set(kept).size !== kept.length) throw new DomainError('DUPLICATE_ITEM', 'Một nhiệm vụ hoặc báo cáo xuất hiện hai lần trong kế hoạch.');
  if (kept.length === 0) return kept;
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE plan_id = ${planId} AND id = ANY(${uuidArray(kept)}::uuid[])`);
  if (r.rows[0]!.n !== kept.length) {
    throw table === 'task'
      ? new DomainError('TASK_NOT_IN_PLAN', 'Nhiệm vụ được sửa không thuộc kế hoạch này.')
      : new DomainError('OBLIGATION_NOT_IN_PLAN', 'Báo cáo được sửa không thuộc kế hoạch này.');
  }
  return kept;
}

async function writeTasks(tx: Tx, planId: string, tasks: readonly TaskDraft[]): Promise<void> {
  const kept = await keptIds(tx, 'task', planId, tasks);
  await tx.execute(sql`DELETE FROM task WHERE plan_id = ${planId} AND NOT (id = ANY(${uuidArray(kept)}::uuid[]))`);
  const rows = JSON.stringify(tasks.map((t, i) => taskRow(t, i + 1)));
  await tx.execute(sql`
    UPDATE task t SET ord = x.ord, kind = x.kind, text = x.text, lead_text = x.lead_text, support_text = x.support_text,
      lead_unit_ids = x.lead_unit_ids, support_unit_ids = x.support_unit_ids, due = x.due, due_text = x.due_text,
      audience = x.audience, responsible = x.responsible, responsibility = x.responsibility, authority = x.authority,
      output = x.output, parent_task_id = x.parent_task_id
    FROM json_to_recordset(${rows}::json) AS ${TASK_RECORD}
    WHERE x.id IS NOT NULL AND t.id = x.id AND t.plan_id = ${planId}`);
  await tx.execute(sql`
    INSERT INTO task (plan_id, ord, kind, text, lead_text, support_text, lead_unit_ids, support_unit_ids, due, due_text, audience,
                      responsible, responsibility, authority, output, parent_task_id)
    SELECT ${planId}, x.ord, x.kind, x.text, coalesce(x.lead_text, '{}'), coalesce(x.support_text, '{}'), coalesce(x.lead_unit_ids, '{}'),
           coalesce(x.support_unit_ids, '{}'), x.due, x.due_text, x.audience, x.responsible, x.responsibility, x.authority, x.output, x.parent_task_id
    FROM json_to_recordset(${rows}::json) AS ${TASK_RECORD}
    WHERE x.id IS NULL`);
}

async function writeObligations(tx: Tx, planId: string, obligations: readonly ObligationDraft[]): Promise<void> {
  const kept = await keptIds(tx, 'report_obligation', planId, obligations);
  await tx.execute(sql`DELETE FROM report_obligation WHERE plan_id = ${planId} AND NOT (id = ANY(${uuidArray(kept)}::uuid[]))`);
  const rows = JSON.stringify(obligations.map((o, i) => obligationRow(o, i + 1)));
  await tx.execute(sql`
    UPDATE report_obligation ro SET ord = x.ord, title = x.title, from_text = x.from_text, to_text = x.to_text, via_text = x.via_text,
      to_unit_id = x.to_unit_id, via_unit_id = x.via_unit_id, due = x.due, cutoff_day = x.cutoff_day, form = x.form, audience = x.audience
    FROM json_to_recordset(${rows}::json) AS ${OBLIGATION_RECORD}
    WHERE x.id IS NOT NULL AND ro.id = x.id AND ro.plan_id = ${planId}`);
  await tx.execute(sql`
    INSERT INTO report_obligation (plan_id, ord, title, from_text, to_text, via_text, to_unit_id, via_unit_id, due, cutoff_day, form, audience)
    SELECT ${planId}, x.ord, x.title, x.from_text, x.to_text, x.via_text, x.to_unit_id, x.via_unit_id, x.due, x.cutoff_day, x.form, x.audience
    FROM json_to_recordset(${rows}::json) AS ${OBLIGATION_RECORD}
    WHERE x.id IS NULL`);
}

/** The document and plan columns of a draft (not its items). */
export function documentValues(input: PlanFields) {
  return {
    number: input.number ?? null,
    numberKey: numberKey(input.number),
    title: input.title,
    issuedOn: input.issuedOn ?? null,
    recipientsJson: JSON.stringify(input.recipients),
    confidentiality: input.confidentiality,
    reminderDays: `{${[...new Set(input.reminderDays)].sort((a, b) => b - a).join(',')}}`,
    sessionNoticeDays: input.sessionNoticeDays ?? null,
    parentPlanId: input.parentPlanId ?? null,
  };
}
