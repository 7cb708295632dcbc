import { buildConsolidatedReport } from '#core/consolidation/report-document.ts';
import type { ConsolidationQuery } from '#shared/consolidation.ts';
import { appendVersion } from '../../db/queries/consolidation.ts';
import { renderDocx } from '../../writers/docx/render-document.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { documentHeader, fileName } from '../exports/issuer-context.ts';
import { exportedSeq } from './get-consolidation.ts';
import { getConsolidationState } from './get-consolidation-state.ts';
import { recordedFigures } from './save-consolidation.ts';

/**
 * POST /api/obligations/:id/consolidated.docx: the consolidated report as a Word file in the format
 * of the unit's kind (Party, state, Youth Union), from the latest saved draft (or the proposed one),
 * dated today. The number is the one this report already received, else the next one proposed from
 * the numbers the unit has issued (blank when the committee's term is unknown). Records what was
 * exported as a version (kind `export`, with the number and date). Needs `write` on the unit.
 * Throws DOCUMENT_INCOMPLETE (no signer, no recipients) and what getConsolidationState throws.
 */
export async function exportConsolidatedReport(obligationId: string, q: ConsolidationQuery, ctx: ServiceContext): Promise<{ filename: string; data: Buffer; number: string }> {
  const l = await getConsolidationState(obligationId, q, 'write', ctx);
  const { header, number } = await documentHeader(ctx.tx, l.issuer, 'BC', l.today, exportedSeq(l));
  const doc = buildConsolidatedReport(header, l.consolidation, l.draft);
  const data = await renderDocx(doc);
  const version = await appendVersion(ctx.tx, {
    obligationId,
    unitId: l.scope.unit.id,
    periodKey: l.period.key,
    kind: 'export',
    content: l.draft,
    figures: recordedFigures(l, l.draft),
    basis: l.consolidation.basis,
    doc: { kind: 'BC', number: number.symbol, seq: number.seq, date: l.today },
    createdBy: ctx.actor.userId,
    at: ctx.now.toISOString(),
  });
  await writeAudit(ctx.tx, ctx.actor, {
    action: 'consolidation.export', entity: 'consolidation', entityId: `${obligationId}:${l.scope.unit.id}:${l.period.key}`, unitPath: l.scope.unit.path,
    after: { version, number: number.symbol, date: l.today, basis: l.consolidation.basis },
  }, ctx.now);
  const label = number.seq !== null ? ` ${number.symbol.replace(/\//g, '-')}` : '';
  return { filename: fileName(`Báo cáo tổng hợp${label} - ${l.scope.unit.name} - ${l.period.label}`, 'docx'), data, number: number.symbol };
}
