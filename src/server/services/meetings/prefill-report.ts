import { sql } from 'drizzle-orm';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { DomainError } from '#core/errors.ts';
import { coveragePercent } from '#core/meetings/coverage.ts';
import { prefillFigures } from '#core/meetings/figures.ts';
import { readForm } from '#core/reports/form.ts';
import { formatViDate } from '#core/text/dates.ts';
import type { PrefillResult } from '#shared/meetings.ts';
import { studyOfSubtree } from '../../db/queries/meetings.ts';
import { lookupInstance } from '../../db/queries/reports.ts';
import type { ServiceContext } from '../context.ts';
import { canSubmit, notFound, refuse } from '../reports/rules.ts';
import { savePrefilledDraft } from '../reports/prefill-draft.ts';

/**
 * POST /api/obligation-instances/:id/meeting-figures: fills a report's figures from the study
 * sessions the unit and the units below it held — the party members of the unit and the units
 * below it (those of units that held nothing included), members who studied,
 * the share, sessions and make-up sessions held — and saves them as the report's working draft
 * (narrative and other figures already drafted are kept). The unit can still correct every figure
 * before it submits. Sessions count when they fulfil a task of the report's plan (or of a plan
 * carrying it out), or, not linked to any task, when held within the report's period.
 * Throws NOT_FOUND, FORBIDDEN, NO_SESSIONS, SUBMISSION_LOCKED, REPORT_CLOSED.
 */
export async function prefillReport(instanceId: string, s: ServiceContext): Promise<PrefillResult> {
  const { actor, tx } = s;
  const inst = await lookupInstance(tx, instanceId);
  if (!inst || inst.status === 'cancelled') throw notFound();
  if (!canSubmit(actor, inst.unitPath)) throw refuse(actor, inst.unitPath, 'Bạn không có quyền lập báo cáo của đơn vị này.');
  const start = (inst.periodStart ?? '1900-01-01') as IsoDate;
  const end = ([inst.periodEnd, inst.dueDate].filter((x): x is IsoDate => x !== null).sort()[0] ?? '9999-12-31') as IsoDate;
  // The sessions that count: those fulfilling a task of the report's plan (or of a plan carrying it
  // out), and those linked to no task held within the report's period.
  const counted = sql`(EXISTS (SELECT 1 FROM task_instance ti JOIN plan tp ON tp.id = ti.plan_id
      WHERE ti.id = m.task_instance_id AND (tp.id = ${inst.planId} OR tp.parent_plan_id = ${inst.planId}))
    OR (m.task_instance_id IS NULL AND m.held_on >= ${start}::date AND m.held_on <= ${end}::date))`;
  const r = await tx.execute<{ id: string; unitName: string; date: string; title: string }>(sql`
    SELECT m.id, u.name AS "unitName", m.held_on::text AS date, m.title
    FROM meeting m JOIN unit u ON u.id = m.unit_id
    WHERE u.path <@ ${inst.unitPath}::ltree AND m.kind = 'study' AND m.makeup_of IS NULL AND m.status = 'held' AND ${counted}
    ORDER BY m.held_on, u.name`);
  if (r.rows.length === 0) {
    throw new DomainError('NO_SESSIONS', 'Chưa có hội nghị học tập nào được ghi nhận cho báo cáo này; hãy nhập số liệu hoặc ghi nhận hội nghị trước.');
  }
  const ids = r.rows.map((x) => x.id);
  // The same count as the coverage roll-up: every party member of the unit and the units below it
  // (on the last day of the period, or today), studied or not, so a report's total is the whole.
  const today = vietnamDate(s.now);
  const study = await studyOfSubtree(tx, inst.unitPath, counted, end < today ? end : today);
  const makeups = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM meeting WHERE makeup_of = ANY(${`{${ids.join(',')}}`}::uuid[]) AND status = 'held'`);
  const sums = { mustStudy: 0, studied: 0, selfStudied: 0, sessions: r.rows.length, makeupSessions: makeups.rows[0]?.n ?? 0 };
  for (const c of study.values()) {
    sums.mustStudy += c.members;
    sums.studied += c.studied;
    sums.selfStudied += c.selfStudied;
  }
  const form = readForm(inst.form);
  const { figures, sources } = prefillFigures(form.figures, sums);

  const saved = await savePrefilledDraft(inst, form, figures, () => {
    const pct = coveragePercent(sums);
    return `Đơn vị đã tổ chức ${sums.sessions} hội nghị học tập, quán triệt (${r.rows.map((x) => formatViDate(x.date as IsoDate)).join(', ')})`
      + `${sums.makeupSessions > 0 ? ` và ${sums.makeupSessions} buổi học bù` : ''}; ${sums.studied}/${sums.mustStudy} đảng viên được học tập`
      + `${pct === null ? '' : ` (${pct}%)`}.`;
  }, s);
  return { submissionId: saved.submissionId, version: saved.version, figures, sources, sessions: r.rows };
}
