import { DomainError } from '#core/errors.ts';
import { coverageOf, NO_FIGURES } from '#core/personal-plans/coverage.ts';
import { prefillRoundFigures } from '#core/personal-plans/figures.ts';
import { vietnamDate } from '#core/ids.ts';
import { readForm } from '#core/reports/form.ts';
import type { RoundPrefillResult } from '#shared/personal-plans.ts';
import { countersAt } from '../../db/queries/personal-plans.ts';
import { lookupInstance } from '../../db/queries/reports.ts';
import type { ServiceContext } from '../context.ts';
import { canSubmit, notFound, refuse } from '../reports/rules.ts';
import { savePrefilledDraft } from '../reports/prefill-draft.ts';
import { roundFor } from './scope.ts';

/**
 * POST /api/obligation-instances/:id/round-figures: fills a report's figures from a round's coverage
 * at the reporting unit — its whole subtree, from the counters — and saves them as the report's
 * working draft (what the unit already drafted is kept; it can correct every figure before it
 * submits), with a sentence of the figures in the first section when that is empty.
 * Throws NOT_FOUND, FORBIDDEN, ROUND_NOT_FOUND, ROUND_NOT_ASSIGNED, SUBMISSION_LOCKED, REPORT_CLOSED.
 */
export async function prefillReportFromRound(instanceId: string, roundId: string, s: ServiceContext): Promise<RoundPrefillResult> {
  const { actor, tx } = s;
  const inst = await lookupInstance(tx, instanceId);
  if (!inst || inst.status === 'cancelled') throw notFound();
  if (!canSubmit(actor, inst.unitPath)) throw refuse(actor, inst.unitPath, 'Bạn không có quyền lập báo cáo của đơn vị này.');
  const round = await roundFor(tx, actor, roundId);
  const f = (await countersAt(tx, [round.id], [inst.unitId])).get(`${round.id}:${inst.unitId}`) ?? NO_FIGURES;
  if (f.must === 0) throw new DomainError('ROUND_NOT_ASSIGNED', `Đợt "${round.title}" không có thành viên nào của đơn vị này.`);
  const form = readForm(inst.form);
  const { figures, sources } = prefillRoundFigures(form.figures, f);
  const saved = await savePrefilledDraft(inst, form, figures, () => {
    const c = coverageOf(f, round.submitBy, vietnamDate(s.now));
    const share = c.percentSubmitted === null ? '' : ` (${c.percentSubmitted}%)`;
    return round.kind === 'pledge'
      ? `${f.submitted}/${f.must} cán bộ, đảng viên đã ký cam kết${share}.`
      : `${f.submitted}/${f.must} cán bộ, đảng viên đã xây dựng kế hoạch cá nhân${share}, `
        + `${f.confirmed} kế hoạch được chi bộ xác nhận; ${f.leadersRegistered}/${f.leaders} đồng chí lãnh đạo chủ chốt đăng ký nêu gương.`;
  }, s);
  return { submissionId: saved.submissionId, version: saved.version, figures, sources };
}
