import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { checkSubmission, describeProblem, readForm } from '#core/reports/form.ts';
import { delta } from '#core/rollup/counters.ts';
import type { SubmissionInput, SubmissionSaved } from '#shared/reports.ts';
import { addToCountersSql } from '../../db/queries/progress.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import { lookupInstance, reportContribution } from '../../db/queries/reports.ts';
import type { Tx } from '../../db/client.ts';
import { auditInsertSql } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { itemInSentence } from '#core/plans/secrecy.ts';
import { LEADER_ROLES_SQL } from '../../db/queries/notifications.ts';
import { instanceLink } from './present.ts';
import { canEnterOnBehalf, canSubmit, refuse } from './rules.ts';

/**
 * The instance a submission is for: `id` is an obligation instance, or a report obligation with
 * `unitId` (and `period` when the unit owes it for several periods). Locks the instance.
 * Throws OBLIGATION_NOT_FOUND, UNIT_REQUIRED, PERIOD_REQUIRED, UNIT_MISMATCH, PERIOD_MISMATCH.
 */
async function resolveInstance(tx: Tx, id: string, input: Pick<SubmissionInput, 'unitId' | 'period'>): Promise<InstanceRow> {
  const direct = await lookupInstance(tx, id, true);
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
  const row = await lookupInstance(tx, chosen.id, true);
  if (!row) throw new DomainError('OBLIGATION_NOT_FOUND', 'Không tìm thấy yêu cầu báo cáo.');
  return row;
}

/** What saving changes, decided from the instance and its current version as read. */
interface SavePlan {
  submissionId: string;
  version: number;
  status: 'draft' | 'submitted';
  /** Update the current draft in place, or insert the next version. */
  mode: 'update' | 'insert';
  attachments: string;
  nextStatus: InstanceRow['status'];
  firstSubmittedOn: IsoDate | null;
}

/**
 * The checks of a save, in order, and what it writes. Throws NOT_FOUND / FORBIDDEN, REPORT_CLOSED,
 * the form problems and SUBMISSION_LOCKED.
 */
function planSave(inst: SaveTarget, cur: CurrentSubmission | null, input: SubmissionInput, { actor, now }: Pick<ServiceContext, 'actor' | 'now'>): SavePlan {
  if (input.onBehalf ? !canEnterOnBehalf(actor, inst.unitPath) : !canSubmit(actor, inst.unitPath)) {
    const above = !input.onBehalf && canEnterOnBehalf(actor, inst.unitPath);
    throw refuse(
      actor,
      inst.unitPath,
      above
        ? 'Báo cáo do chính đơn vị lập và gửi. Để nhập báo cáo giấy của đơn vị (đơn vị chưa có tài khoản), hãy chọn "Nhập thay".'
        : input.onBehalf
          ? 'Chỉ cấp trên của đơn vị mới được nhập báo cáo thay đơn vị.'
          : 'Bạn không có quyền gửi báo cáo của đơn vị này.',
    );
  }
  if (inst.planStatus !== 'published' || inst.status === 'cancelled') {
    throw new DomainError('REPORT_CLOSED', 'Kế hoạch hoặc yêu cầu báo cáo này đã bị hủy; không gửi báo cáo được nữa.');
  }
  const problems = checkSubmission(readForm(inst.form), input, { final: input.submit });
  const first = problems[0];
  if (first) throw new DomainError(first.code, describeProblem(first), { problems });
  if (cur && cur.status === 'submitted') {
    throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã gửi và đang chờ cấp trên xem xét; chỉ sửa được khi bị trả lại.');
  }
  if (cur && cur.status === 'accepted') throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã được tiếp nhận; không sửa được nữa.');
  const status = input.submit ? 'submitted' : 'draft';
  // While the next version of a returned report is drafted, the instance stays 'returned'.
  const nextStatus: InstanceRow['status'] = input.submit ? 'submitted' : inst.status === 'returned' ? 'returned' : 'draft';
  const firstSubmittedOn = inst.firstSubmittedOn ?? (input.submit ? vietnamDate(now) : null);
  if (cur && cur.status === 'draft') {
    return { submissionId: cur.id, version: cur.version, status, mode: 'update', attachments: JSON.stringify(input.attachments ?? cur.attachments), nextStatus, firstSubmittedOn };
  }
  // No version yet, or the current one was returned: the next version, carrying the previous
  // attachments forward unless new ones are given.
  return {
    submissionId: randomUUID(), version: inst.currentVersion + 1, status, mode: 'insert',
    attachments: JSON.stringify(input.attachments ?? cur?.attachments ?? []), nextStatus, firstSubmittedOn,
  };
}

/**
 * Writes a save in one statement: the instance moves to its next state only if it is still in the
 * state it was read in (same status and version, plan still published), and the version, the
 * counters and the audit entry are written only with it. Returns false when nothing was written
 * (another request changed the report in between).
 */
async function writeSave(tx: Tx, inst: SaveTarget, p: SavePlan, input: SubmissionInput, { actor, now }: Pick<ServiceContext, 'actor' | 'now'>): Promise<boolean> {
  const at = now.toISOString();
  const figures = JSON.stringify(input.figures);
  const narrative = JSON.stringify(input.narrative);
  const submittedBy = input.submit ? actor.userId : null;
  const submittedAt = input.submit ? at : null;
  const written = sql`EXISTS (SELECT 1 FROM inst)`;
  const onBehalf = input.onBehalf === true;
  const version = p.mode === 'update'
    ? sql`UPDATE submission s SET status = ${p.status}, figures = ${figures}::jsonb, narrative = ${narrative}::jsonb,
            attachments = ${p.attachments}::jsonb, updated_at = ${at}::timestamptz,
            submitted_by = ${submittedBy}::uuid, submitted_at = ${submittedAt}::timestamptz, entered_on_behalf = ${onBehalf}
          FROM inst WHERE s.id = ${p.submissionId}`
    : sql`INSERT INTO submission (id, obligation_instance_id, version, status, figures, narrative, attachments, created_by, created_at, updated_at, submitted_by, submitted_at, entered_on_behalf)
          SELECT ${p.submissionId}::uuid, inst.id, ${p.version}::int, ${p.status}::text, ${figures}::jsonb, ${narrative}::jsonb, ${p.attachments}::jsonb,
                 ${actor.userId}::uuid, ${at}::timestamptz, ${at}::timestamptz, ${submittedBy}::uuid, ${submittedAt}::timestamptz, ${onBehalf}
          FROM inst`;
  const change = delta(reportContribution(inst), reportContribution({ status: p.nextStatus, firstSubmittedOn: p.firstSubmittedOn, dueDate: inst.dueDate }));
  const counters = addToCountersSql({ planId: inst.planId, unitPath: inst.unitPath, item: 'report', due: inst.dueDate, delta: change }, written);
  const audit = auditInsertSql(actor, {
    action: input.submit ? 'report.submit' : 'report.save_draft',
    entity: 'submission',
    entityId: p.submissionId,
    unitPath: inst.unitPath,
    after: input.submit ? { instanceId: inst.id, version: p.version, figures: input.figures, onBehalf } : { instanceId: inst.id, version: p.version, onBehalf },
  }, now, written);
  // The receiving unit's leaders and staff learn of a report as it arrives: it awaits their acceptance.
  const what = `${itemInSentence('report', inst.title, inst.secret)} (${inst.periodLabel}${p.version > 1 ? `, lần ${p.version}` : ''})`;
  const notify = input.submit
    ? sql`notified AS (
        INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
        SELECT DISTINCT g.user_id, g.unit_id, 'submission_received', ${`${inst.unitName} đã gửi ${what}: chờ tiếp nhận`}, NULL::text,
               ${instanceLink(inst.id)}, ${`submitted:${p.submissionId}`}, ${at}::timestamptz
        FROM inst JOIN obligation_instance o ON o.id = inst.id
        JOIN user_grant g ON g.unit_id = o.receiver_unit_id AND g.revoked_at IS NULL AND g.role IN ${LEADER_ROLES_SQL}
        JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
        ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
        RETURNING 1
      ),`
    : sql``;
  // The files a version sends are frozen with it: the report's working set as it is now (docs/decisions/015).
  const files = input.submit
    ? sql`files AS (
        INSERT INTO submission_attachment (submission_id, attachment_id)
        SELECT ${p.submissionId}::uuid, a.id FROM inst JOIN attachment a ON a.obligation_instance_id = inst.id AND a.removed_at IS NULL
        ON CONFLICT DO NOTHING
        RETURNING 1
      ),`
    : sql``;
  const r = await tx.execute<{ n: number }>(sql`
    WITH inst AS (
      UPDATE obligation_instance oi SET status = ${p.nextStatus}, current_version = ${p.version}, first_submitted_on = ${p.firstSubmittedOn}::date, updated_at = ${at}::timestamptz
      WHERE oi.id = ${inst.id} AND oi.status = ${inst.status} AND oi.current_version = ${inst.currentVersion}
        AND EXISTS (SELECT 1 FROM plan pl WHERE pl.id = oi.plan_id AND pl.status = 'published')
      RETURNING oi.id
    ),
    saved AS (${version} RETURNING 1),
    ${counters ? sql`counters AS (${counters} RETURNING 1),` : sql``}
    ${notify}
    ${files}
    audit AS (${audit} RETURNING 1)
    SELECT count(*)::int AS n FROM inst`);
  return r.rows[0]!.n === 1;
}

/**
 * Saves a unit's report for one period: `submit: false` keeps the working draft (the draft of the
 * current version is updated in place), `submit: true` submits it, after which the version never
 * changes. After the receiving level returns a report, the next save starts version n+1; every
 * version stays readable. The first submission records the day (lateness is judged on it) and
 * moves the progress counters in the same transaction.
 *
 * `tx` may be the database or a transaction. When `id` names an instance, the instance and its
 * current version are read without locks and the whole change is written in one statement that
 * applies only if the instance is unchanged (docs/decisions/006): a busy report keeps no row of
 * the counters locked across round trips. Otherwise, or when another request changed the report
 * in between, the save runs again with the instance locked, in a transaction of its own.
 *
 * Throws NOT_FOUND / FORBIDDEN (no `write` on the unit), REPORT_CLOSED (plan or instance
 * cancelled), SUBMISSION_LOCKED (submitted and awaiting review, or accepted), and the form
 * problems of core/reports/form.ts (FIGURE_UNKNOWN, FIGURE_EXCEEDS_WHOLE, FIGURES_MISSING, ...).
 */
export async function saveSubmission(id: string, input: SubmissionInput, ctx: ServiceContext): Promise<SubmissionSaved> {
  const read = await lookupSaveTarget(ctx.tx, id);
  if (read) {
    if (input.unitId && input.unitId !== read.unitId) throw new DomainError('UNIT_MISMATCH', 'Đơn vị gửi không khớp với báo cáo được chọn.');
    if (input.period && input.period !== read.periodKey) throw new DomainError('PERIOD_MISMATCH', 'Kỳ báo cáo không khớp với báo cáo được chọn.');
    const p = planSave(read, read.current, input, ctx);
    if (await writeSave(ctx.tx, read, p, input, ctx)) return { submissionId: p.submissionId, version: p.version, status: p.status };
  }
  return ctx.tx.transaction(async (tx) => {
    const inst = await resolveInstance(tx, id, input);
    const current = await tx.execute<CurrentSubmission>(sql`
      SELECT id, version, status, attachments FROM submission
      WHERE obligation_instance_id = ${inst.id} AND version = ${inst.currentVersion} FOR UPDATE`);
    const p = planSave(inst, current.rows[0] ?? null, input, ctx);
    if (!(await writeSave(tx, inst, p, input, ctx))) throw new Error(`saveSubmission: instance ${inst.id} changed while locked`);
    return { submissionId: p.submissionId, version: p.version, status: p.status };
  });
}

/** The current version of a report as saving the next one needs it. */
export type CurrentSubmission = { id: string; version: number; status: 'draft' | 'submitted' | 'returned' | 'accepted'; attachments: unknown };

/** What saving a report needs of its instance, obligation and plan. */
export type SaveTarget = Pick<
  InstanceRow,
  'id' | 'planId' | 'unitId' | 'unitPath' | 'unitName' | 'periodKey' | 'periodLabel' | 'dueDate' | 'status' | 'currentVersion' | 'firstSubmittedOn'
  | 'form' | 'planStatus' | 'title' | 'secret'
>;

/**
 * An obligation instance with its current version (null when it has none yet), read in one
 * statement and without locks: a save that reads this writes only if the instance is still in
 * the state read (writeSave). Null when `id` is not an instance.
 */
async function lookupSaveTarget(tx: Tx, id: string): Promise<(SaveTarget & { current: CurrentSubmission | null }) | null> {
  const r = await tx.execute<SaveTarget & { curId: string | null; curStatus: CurrentSubmission['status'] | null; curAttachments: unknown }>(sql`
    SELECT oi.id, oi.plan_id AS "planId", oi.unit_id AS "unitId", oi.unit_path::text AS "unitPath", u.name AS "unitName", oi.period_key AS "periodKey",
           oi.period_label AS "periodLabel", oi.due_date::text AS "dueDate", oi.status, oi.current_version AS "currentVersion",
           oi.first_submitted_on::text AS "firstSubmittedOn", ro.form, ro.title, d.confidentiality = 'secret' AS secret, p.status AS "planStatus",
           s.id AS "curId", s.status AS "curStatus", s.attachments AS "curAttachments"
    FROM obligation_instance oi
    JOIN report_obligation ro ON ro.id = oi.obligation_id
    JOIN plan p ON p.id = oi.plan_id
    JOIN document d ON d.id = p.id
    JOIN unit u ON u.id = oi.unit_id
    LEFT JOIN submission s ON s.obligation_instance_id = oi.id AND s.version = oi.current_version
    WHERE oi.id = ${id}`);
  const row = r.rows[0];
  if (!row) return null;
  const { curId, curStatus, curAttachments, ...inst } = row;
  return { ...inst, current: curId && curStatus ? { id: curId, version: inst.currentVersion, status: curStatus, attachments: curAttachments } : null };
}

/** The instance a unit owes for an obligation: of `period`, or its only one when `period` is left out. */
async function findInstancesOfUnit(tx: Tx, obligationId: string, unitId: string): Promise<{ id: string; periodKey: string; periodLabel: string }[]> {
  const r = await tx.execute<{ id: string; periodKey: string; periodLabel: string }>(sql`
    SELECT id, period_key AS "periodKey", period_label AS "periodLabel" FROM obligation_instance
    WHERE obligation_id = ${obligationId} AND unit_id = ${unitId} AND status <> 'cancelled'
    ORDER BY period_start NULLS LAST, period_key`);
  return r.rows;
}

async function obligationExists(tx: Tx, id: string): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM report_obligation WHERE id = ${id}`);
  return r.rows.length > 0;
}
