import { effectiveFigures, sourcesOf } from '#core/consolidation/draft.ts';
import { DomainError } from '#core/errors.ts';
import type { ConsolidationQuery, ConsolidationSave } from '#shared/consolidation.ts';
import { appendVersion } from '../../db/queries/consolidation.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { getConsolidationState } from './get-consolidation-state.ts';

/** The figures of a version as recorded: what was printed or sent, and where each came from. */
export function recordedFigures(l: Awaited<ReturnType<typeof getConsolidationState>>, draft: Parameters<typeof effectiveFigures>[1]) {
  return {
    figures: effectiveFigures(l.consolidation, draft).map((f) => ({
      key: f.key, label: f.label, value: f.value, total: f.total, overridden: f.overridden, note: f.note, sources: f.sources,
    })),
    sources: sourcesOf(l.consolidation),
    summary: l.consolidation.summary,
  };
}

/**
 * PUT /api/obligations/:id/consolidation: saves the office's edited draft as the next version (the
 * earlier ones stay). Needs `write` on the unit. Throws FIGURE_UNKNOWN (an override of a figure the
 * form does not have), CONFLICT when `baseVersion` is no longer the latest (someone saved
 * meanwhile), and what getConsolidationState throws.
 */
export async function saveConsolidation(obligationId: string, q: ConsolidationQuery, input: ConsolidationSave, ctx: ServiceContext): Promise<{ version: number }> {
  const l = await getConsolidationState(obligationId, q, 'write', ctx);
  const known = new Set(l.consolidation.figures.map((f) => f.key));
  const unknown = input.draft.overrides.find((o) => !known.has(o.key));
  if (unknown) throw new DomainError('FIGURE_UNKNOWN', `Chỉ tiêu "${unknown.key}" không có trong biểu mẫu của báo cáo này.`);
  const version = await appendVersion(ctx.tx, {
    obligationId,
    unitId: l.scope.unit.id,
    periodKey: l.period.key,
    kind: 'draft',
    content: input.draft,
    figures: recordedFigures(l, input.draft),
    basis: l.consolidation.basis,
    createdBy: ctx.actor.userId,
    at: ctx.now.toISOString(),
  }, input.baseVersion);
  await writeAudit(ctx.tx, ctx.actor, {
    action: 'consolidation.save', entity: 'consolidation', entityId: `${obligationId}:${l.scope.unit.id}:${l.period.key}`, unitPath: l.scope.unit.path,
    after: { version, period: l.period.key, basis: l.consolidation.basis },
  }, ctx.now);
  return { version };
}
