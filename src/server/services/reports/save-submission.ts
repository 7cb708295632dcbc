import { sql } from 'drizzle-orm';
import { DomainError } from '../../../core/errors.ts';
import { vietnamDate } from '../../../core/ids.ts';
import { checkSubmission, describeProblem, readForm } from '../../../core/reports/form.ts';
import { delta } from '../../../core/rollup/counters.ts';
import type { SubmissionInput, SubmissionSaved } from '../../../shared/reports.ts';
import { addToCounters } from '../../db/queries/progress.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import { findInstance, findInstancesOfUnit, obligationExists, reportContribution } from '../../db/queries/reports.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { ServiceContext } from '../context.ts';
import { canSubmit, refuse } from './rules.ts';

/**
 * The instance a submission is for: `id` is an obligation instance, or a report obligation with
 * `unitId` (and `period` when the unit owes it for several periods). Locks the instance.
 * Throws OBLIGATION_NOT_FOUND, UNIT_REQUIRED, PERIOD_REQUIRED, UNIT_MISMATCH, PERIOD_MISMATCH.
 */
async function resolveInstance(tx: Tx, id: string, input: Pick<SubmissionInput, 'unitId' | 'period'>): Promise<InstanceRow> {
  const direct = await findInstance(tx, id, true);
  if (direct) {
    if (input.unitId && input.unitId !== direct.unitId) throw new DomainError('UNIT_MISMATCH', 'Đơn vị gửi không khớp với báo cáo được chọn.');
    if (input.period && input.period !== direct.periodKey) throw new DomainError('PERIOD_MISMATCH', 'Kỳ báo cáo không khớp với báo cáo được chọn.');
    return direct;
  }
  if (!(await obligationExists(tx, id))) throw new DomainError('OBLIGATION_NOT_FOUND', 'Không tìm thấy yêu cầu báo cáo.');
  if (!input.unitId) throw new DomainError('UNIT_REQUIRED', 'Hãy chọn đơn vị gửi báo cáo (unitId).');
  const owed = await findInstancesOfUnit(tx, id, input.unitId);
  const chosen = input.period ? owed.find((o) => o.periodKey === input.period) : owed.length === 1 ? owed[0] : undefined;
  if (!chosen) {
    if (owed.length === 0) throw new DomainError('OBLIGATION_NOT_FOUND', 'Đơn vị này không có yêu cầu báo cáo đó.');
    const periods = owed.map((o) => `${o.periodKey} (${o.periodLabel})`).join(', ');
    throw input.period
      ? new DomainError('OBLIGATION_NOT_FOUND', `Không có kỳ báo cáo "${input.period}". Các kỳ: ${periods}.`)
      : new DomainError('PERIOD_REQUIRED', `Hãy chọn kỳ báo cáo (period): ${periods}.`);
  }
  const row = await findInstance(tx, chosen.id, true);
  if (!row) throw new DomainError('OBLIGATION_NOT_FOUND', 'Không tìm thấy yêu cầu báo cáo.');
  return row;
}

/**
 * Saves a unit's report for one period: `submit: false` keeps the working draft (the draft of the
 * current version is updated in place), `submit: true` submits it, after which the version never
 * changes. After the receiving level returns a report, the next save starts version n+1; every
 * version stays readable. The first submission records the day (lateness is judged on it) and
 * moves the progress counters in the same transaction.
 *
 * Throws NOT_FOUND / FORBIDDEN (no `write` on the unit), REPORT_CLOSED (plan or instance
 * cancelled), SUBMISSION_LOCKED (submitted and awaiting review, or accepted), and the form
 * problems of core/reports/form.ts (FIGURE_UNKNOWN, FIGURE_EXCEEDS_WHOLE, FIGURES_MISSING, ...).
 */
export async function saveSubmission(id: string, input: SubmissionInput, { actor, tx, now }: ServiceContext): Promise<SubmissionSaved> {
  const inst = await resolveInstance(tx, id, input);
  if (!canSubmit(actor, inst.unitPath)) throw refuse(actor, inst.unitPath, 'Bạn không có quyền gửi báo cáo của đơn vị này.');
  if (inst.planStatus !== 'published' || inst.status === 'cancelled') {
    throw new DomainError('REPORT_CLOSED', 'Kế hoạch hoặc yêu cầu báo cáo này đã bị hủy; không gửi báo cáo được nữa.');
  }
  const problems = checkSubmission(readForm(inst.form), input, { final: input.submit });
  const first = problems[0];
  if (first) throw new DomainError(first.code, describeProblem(first), { problems });

  const current = await tx.execute<{ id: string; version: number; status: string; attachments: unknown }>(sql`
    SELECT id, version, status, attachments FROM submission
    WHERE obligation_instance_id = ${inst.id} AND version = ${inst.currentVersion} FOR UPDATE`);
  const cur = current.rows[0];
  if (cur && cur.status === 'submitted') {
    throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã gửi và đang chờ cấp trên xem xét; chỉ sửa được khi bị trả lại.');
  }
  if (cur && cur.status === 'accepted') throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã được tiếp nhận; không sửa được nữa.');

  const at = now.toISOString();
  const status = input.submit ? 'submitted' : 'draft';
  const figures = JSON.stringify(input.figures);
  const narrative = JSON.stringify(input.narrative);
  let submissionId: string;
  let version: number;
  if (cur && cur.status === 'draft') {
    submissionId = cur.id;
    version = cur.version;
    const attachments = JSON.stringify(input.attachments ?? cur.attachments);
    await tx.execute(sql`
      UPDATE submission SET status = ${status}, figures = ${figures}::jsonb, narrative = ${narrative}::jsonb,
        attachments = ${attachments}::jsonb, updated_at = ${at},
        submitted_by = ${input.submit ? actor.userId : null}, submitted_at = ${input.submit ? at : null}
      WHERE id = ${cur.id}`);
  } else {
    // No version yet, or the current one was returned: the next version, carrying the previous
    // attachments forward unless new ones are given.
    version = inst.currentVersion + 1;
    const attachments = JSON.stringify(input.attachments ?? cur?.attachments ?? []);
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO submission (obligation_instance_id, version, status, figures, narrative, attachments, created_by, created_at, updated_at, submitted_by, submitted_at)
      VALUES (${inst.id}, ${version}, ${status}, ${figures}::jsonb, ${narrative}::jsonb, ${attachments}::jsonb, ${actor.userId}, ${at}, ${at},
              ${input.submit ? actor.userId : null}, ${input.submit ? at : null})
      RETURNING id`);
    submissionId = r.rows[0]!.id;
  }

  // While the next version of a returned report is drafted, the instance stays 'returned'.
  const nextStatus: InstanceRow['status'] = input.submit ? 'submitted' : inst.status === 'returned' ? 'returned' : 'draft';
  const firstSubmittedOn = inst.firstSubmittedOn ?? (input.submit ? vietnamDate(now) : null);
  await tx.execute(sql`
    UPDATE obligation_instance SET status = ${nextStatus}, current_version = ${version}, first_submitted_on = ${firstSubmittedOn}, updated_at = ${at}
    WHERE id = ${inst.id}`);
  const change = delta(reportContribution(inst), reportContribution({ status: nextStatus, firstSubmittedOn, dueDate: inst.dueDate }));
  await addToCounters(tx, { planId: inst.planId, unitPath: inst.unitPath, item: 'report', due: inst.dueDate, delta: change });

  await writeAudit(tx, actor, {
    action: input.submit ? 'report.submit' : 'report.save_draft',
    entity: 'submission',
    entityId: submissionId,
    unitPath: inst.unitPath,
    after: input.submit ? { instanceId: inst.id, version, figures: input.figures } : { instanceId: inst.id, version },
  }, now);
  return { submissionId, version, status };
}
