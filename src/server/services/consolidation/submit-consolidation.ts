import { effectiveFigures } from '#core/consolidation/draft.ts';
import { sectionsOf } from '#core/reports/form.ts';
import { DomainError } from '#core/errors.ts';
import type { ConsolidationQuery, ConsolidationSubmit, ConsolidationSubmitted } from '#shared/consolidation.ts';
import { appendVersion } from '../../db/queries/consolidation.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { saveSubmission } from '../reports/save-submission.ts';
import type { ConsolidationState, Target } from './get-consolidation-state.ts';
import { getConsolidationState } from './get-consolidation-state.ts';
import { recordedFigures } from './save-consolidation.ts';

/**
 * The consolidated report as a submission to `target`: the figures its form shares with the
 * consolidation (overrides included), the sections its form shares, and the other sections added
 * under their titles to its first section. Figures nothing gave stay empty.
 */
export function submissionFor(l: ConsolidationState, target: Target): { figures: Record<string, number | null>; narrative: Record<string, string> } {
  const values = new Map(effectiveFigures(l.consolidation, l.draft).map((f) => [f.key, f.value]));
  const figures: Record<string, number | null> = {};
  for (const f of target.form.figures) if (values.has(f.key)) figures[f.key] = values.get(f.key) ?? null;
  const sections = sectionsOf(target.form);
  const narrative: Record<string, string> = {};
  const extra: string[] = [];
  for (const s of l.draft.sections) {
    const text = s.text.trim();
    if (!text) continue;
    if (sections.some((t) => t.key === s.key)) narrative[s.key] = text;
    else extra.push(`${s.title}\n${text}`);
  }
  const head = [l.draft.opening.trim()].filter(Boolean);
  const first = sections[0]!.key;
  const joined = [...head, narrative[first] ?? '', ...extra].filter((x) => x.trim() !== '').join('\n\n');
  if (joined) narrative[first] = joined;
  return { figures, narrative };
}

/**
 * POST /api/obligations/:id/consolidation/submit: the unit's consolidated report becomes its own
 * report to its superior (see get-consolidation-state.ts findTargets), submitted — or saved as a draft
 * there with `asDraft` — through the reports module, so the level above consolidates it in turn.
 * Records a version (kind `submit`) naming the submission. Needs `write` on the unit.
 * Throws CONSOLIDATION_NO_TARGET, and what saveSubmission throws (SUBMISSION_LOCKED once the
 * report was submitted, FIGURES_MISSING when a figure of the superior's form has no value).
 */
export async function submitConsolidation(obligationId: string, q: ConsolidationQuery, input: ConsolidationSubmit, ctx: ServiceContext): Promise<ConsolidationSubmitted> {
  const l = await getConsolidationState(obligationId, q, 'write', ctx, input.targetInstanceId);
  const target = l.target;
  if (!target) throw new DomainError('CONSOLIDATION_NO_TARGET', l.targetProblem ?? 'Không xác định được báo cáo gửi cấp trên.');
  const body = submissionFor(l, target);
  const saved = await saveSubmission(target.instanceId, { ...body, submit: !input.asDraft }, ctx);
  const version = await appendVersion(ctx.tx, {
    obligationId,
    unitId: l.scope.unit.id,
    periodKey: l.period.key,
    kind: 'submit',
    content: l.draft,
    figures: recordedFigures(l, l.draft),
    basis: l.consolidation.basis,
    submissionId: saved.submissionId,
    createdBy: ctx.actor.userId,
    at: ctx.now.toISOString(),
  });
  await writeAudit(ctx.tx, ctx.actor, {
    action: 'consolidation.submit', entity: 'consolidation', entityId: `${obligationId}:${l.scope.unit.id}:${l.period.key}`, unitPath: l.scope.unit.path,
    after: { version, instanceId: target.instanceId, submissionId: saved.submissionId, submissionVersion: saved.version, status: saved.status },
  }, ctx.now);
  return { instanceId: target.instanceId, submissionId: saved.submissionId, version: saved.version, status: saved.status, consolidationVersion: version };
}
