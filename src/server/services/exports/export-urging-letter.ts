import { unitsToUrge } from '#core/consolidation/consolidate.ts';
import { addDays } from '#core/deadline/resolve.ts';
import { buildUrgingLetter } from '#core/documents-out/urging-letter.ts';
import { DomainError } from '#core/errors.ts';
import type { ConsolidationQuery } from '#shared/consolidation.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { isSecretHiddenFromSome } from '../../db/queries/plans.ts';
import { renderDocx } from '../../writers/docx/render-document.ts';
import type { ServiceContext } from '../context.ts';
import { getConsolidationState, planReference } from '../consolidation/get-consolidation-state.ts';
import { documentHeader, fileName, requireSignature } from './issuer-context.ts';

/** Days the late units are given to send their report, counted from the letter's date. */
export const URGE_RESPOND_DAYS = 5;

/**
 * GET /api/obligations/:id/urging-letter.docx?unit=&period=: the công văn đôn đốc of the unit (default:
 * the plan's unit) to the units of its subtree that are late on the obligation for the period —
 * the topmost reporting units that have not sent a report that counts (missing, or returned and not
 * sent again) — with the days since the due date, asking for the report within URGE_RESPOND_DAYS
 * days. The number is proposed, not recorded. A secret plan is named only when the actor and
 * every late unit may read it. Needs `read` on the unit.
 * Throws NO_LATE_UNITS, DOCUMENT_INCOMPLETE (no leader to sign) and what getConsolidationState throws.
 */
export async function exportUrgingLetter(obligationId: string, q: ConsolidationQuery, ctx: ServiceContext): Promise<{ filename: string; data: Buffer }> {
  const l = await getConsolidationState(obligationId, q, 'read', ctx);
  const late = unitsToUrge(l.consolidation, l.today);
  if (late.length === 0) {
    throw new DomainError('NO_LATE_UNITS', `Không có đơn vị nào quá hạn chưa gửi báo cáo kỳ ${l.period.label}: không cần đôn đốc.`);
  }
  const { header } = await documentHeader(ctx.tx, l.issuer, 'CV', l.today);
  // The letter goes to the late units: it names a secret plan only when every one of them may read it.
  const hidden = l.scope.obligation.secret && (await isSecretHiddenFromSome(ctx.tx, l.plan.id, late.map((r) => r.unitId)));
  const doc = buildUrgingLetter(header, {
    obligationTitle: maskSecret({ title: l.obligation.title }, hidden, { title: 'report' }).title,
    answers: planReference(maskSecret(l.plan, hidden, { number: 'number', title: 'plan' })),
    bodyName: l.issuer.bodyName,
    periodLabel: l.period.label,
    dueDate: l.period.dueDate,
    today: l.today,
    respondBy: addDays(l.today, URGE_RESPOND_DAYS),
    toText: l.obligation.toText,
    viaText: l.obligation.viaText,
    late: late.map((r) => ({ unitName: r.unitName, state: r.state === 'returned' ? 'returned' : 'missing', overdueDays: r.overdueDays })),
    recipients: ['Như Kính gửi', l.issuer.fileCopy],
    signature: requireSignature(l.issuer),
  });
  return { filename: fileName(`Công văn đôn đốc báo cáo - ${l.period.label}`, 'docx'), data: await renderDocx(doc) };
}
