import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { alignSpans } from '#core/extract/align-spans.ts';
import { buildPlanDraft } from '#core/extract/plan-draft.ts';
import type { Extraction } from '#core/extract/types.ts';
import { assignDraftObligations } from '#core/plans/draft-obligations.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { unitNameIndex } from '../../db/queries/units.ts';
import { proposedOf } from './proposed-spans.ts';

/** Every grassroots organisation and cell below the issuing unit carries out the tasks a draft from a document asks. */
const AUDIENCE = { scope: 'grassroots' } as const;
const FORM = { figures: [], sections: [] } as const;

/**
 * Creates the plan draft of a document held by a unit, or replaces the tasks and report
 * obligations of its draft, from the document's structure and text (core/extract/plan-draft.ts).
 * The plan has the document's id; its tasks are addressed to every grassroots organisation and
 * cell below the unit. Its report obligations say who owes them (core/plans/draft-obligations.ts):
 * the unit itself for a report to a body above it, the departments the document names as sending
 * a report to it, else the grassroots; one of each. Throws PLAN_NOT_DRAFT (409) when the plan is
 * published.
 */
export async function writePlanDraft(
  tx: Tx,
  doc: { id: string; ownerUnitId: string; ownerPath: TreePath; bodyText: string; fileName: string; proposed: unknown; proposedSpans: unknown },
  structure: Extraction,
  actor: Actor,
  now: Date,
): Promise<{ planId: string; created: boolean }> {
  const r = await tx.execute<{ status: string }>(sql`SELECT status FROM plan WHERE id = ${doc.id} FOR UPDATE`);
  const existing = r.rows[0];
  if (existing && existing.status !== 'draft') {
    throw new DomainError('PLAN_NOT_DRAFT', 'Kế hoạch của văn bản này đã ban hành, không lập lại dự thảo được nữa.');
  }
  const text = doc.bodyText;
  const proposed = proposedOf(doc, doc.fileName)!;
  const draft = buildPlanDraft(text, structure, alignSpans(text, structure, proposed));
  // "gửi … trước 5 ngày": how long before a study session its plan goes up.
  const notice = structure.reports
    .flatMap((x) => x.due)
    .map((d) => (d.type === 'relative' && d.value.days < 0 ? -d.value.days : null))
    .find((d): d is number => d !== null && d <= 90) ?? null;
  const at = now.toISOString();
  if (existing) {
    await tx.execute(sql`DELETE FROM task WHERE plan_id = ${doc.id}`);
    await tx.execute(sql`DELETE FROM report_obligation WHERE plan_id = ${doc.id}`);
    await tx.execute(sql`UPDATE plan SET session_notice_days = coalesce(${notice}::int, session_notice_days), updated_at = ${at} WHERE id = ${doc.id}`);
  } else {
    await tx.execute(sql`
      INSERT INTO plan (id, unit_id, unit_path, status, session_notice_days, created_at, updated_at)
      VALUES (${doc.id}, ${doc.ownerUnitId}, ${doc.ownerPath}::ltree, 'draft', ${notice}::int, ${at}, ${at})`);
    await tx.execute(sql`UPDATE document SET title = ${structure.number ? `Kế hoạch số ${structure.number}` : 'Kế hoạch'} WHERE id = ${doc.id} AND title IS NULL`);
  }
  const tasks = draft.tasks.map((t) => ({
    ord: t.ord, kind: t.kind, text: t.text, lead_text: t.leadText, support_text: t.supportText, due: t.due, due_text: t.dueText,
    audience: AUDIENCE, source_start: t.sourceStart, source_end: t.sourceEnd,
  }));
  const owned = assignDraftObligations(text, draft.obligations, await unitNameIndex(tx, doc.ownerUnitId, doc.ownerPath));
  const obligations = owned.map((o) => ({
    ord: o.ord, title: o.title, from_text: o.fromText, to_text: o.toText, via_text: o.viaText, due: o.due, form: FORM,
    audience: o.audience, source_start: o.sourceStart, source_end: o.sourceEnd,
  }));
  await tx.execute(sql`
    INSERT INTO task (plan_id, ord, kind, text, lead_text, support_text, due, due_text, audience, source_start, source_end)
    SELECT ${doc.id}, x.ord, x.kind, x.text, coalesce(x.lead_text, '{}'), coalesce(x.support_text, '{}'), x.due, x.due_text, x.audience,
           x.source_start, x.source_end
    FROM json_to_recordset(${JSON.stringify(tasks)}::json) AS x(ord int, kind text, text text, lead_text text[], support_text text[],
      due jsonb, due_text text, audience jsonb, source_start int, source_end int)`);
  await tx.execute(sql`
    INSERT INTO report_obligation (plan_id, ord, title, from_text, to_text, via_text, due, form, audience, source_start, source_end)
    SELECT ${doc.id}, x.ord, x.title, x.from_text, x.to_text, x.via_text, coalesce(x.due, '[]'), x.form, x.audience, x.source_start, x.source_end
    FROM json_to_recordset(${JSON.stringify(obligations)}::json) AS x(ord int, title text, from_text text, to_text text, via_text text,
      due jsonb, form jsonb, audience jsonb, source_start int, source_end int)`);
  await writeAudit(tx, actor, {
    action: existing ? 'plan.redraft_from_document' : 'plan.create_from_document', entity: 'plan', entityId: doc.id, unitPath: doc.ownerPath,
    after: { tasks: tasks.length, obligations: obligations.length },
  }, now);
  return { planId: doc.id, created: !existing };
}
