import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { delta } from '#core/rollup/counters.ts';
import type { ReviewResult } from '#shared/reports.ts';
import { LEADER_ROLES_SQL } from '../../db/queries/notifications.ts';
import { addToCounters } from '../../db/queries/progress.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import { itemInSentence } from '#core/plans/secrecy.ts';
import { lookupInstance, reportContribution } from '../../db/queries/reports.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { instanceLink } from './present.ts';
import { canReview, notFound } from './rules.ts';
import type { Tx } from '../../db/client.ts';

export type ReviewDecision = { decision: 'accept'; comment?: string | undefined } | { decision: 'return'; comment: string };

/**
 * The receiving level accepts a submitted report or returns it with a comment (rules.ts
 * canReview). A returned report counts as not submitted until the unit submits its next version;
 * the day of the first submission is kept, so lateness stays judged on it. The reporting unit's
 * leaders are notified either way.
 *
 * Throws SUBMISSION_NOT_FOUND / NOT_FOUND (out of sight), FORBIDDEN (not the receiving level),
 * SUBMISSION_NOT_SUBMITTED (a draft, or already accepted or returned).
 */
export async function reviewSubmission(submissionId: string, review: ReviewDecision, { actor, tx, now }: ServiceContext): Promise<ReviewResult> {
  const s = await tx.execute<{ id: string; instanceId: string; version: number; status: string }>(sql`
    SELECT id, obligation_instance_id AS "instanceId", version, status FROM submission WHERE id = ${submissionId}`);
  const sub = s.rows[0];
  if (!sub) throw new DomainError('SUBMISSION_NOT_FOUND', 'Không tìm thấy báo cáo.');
  const inst = await lookupInstance(tx, sub.instanceId, true);
  if (!inst || !can(actor, 'read', inst.unitPath)) throw notFound();
  if (!canReview(actor, inst)) {
    throw new DomainError('FORBIDDEN', 'Chỉ cấp nhận báo cáo (cấp ủy ban hành kế hoạch và cơ quan giúp việc) mới được tiếp nhận hoặc trả lại báo cáo.');
  }
  // The instance lock serialises reviews and submissions of one report: re-read under it.
  const locked = await tx.execute<{ status: string }>(sql`SELECT status FROM submission WHERE id = ${sub.id} FOR UPDATE`);
  if (locked.rows[0]?.status !== 'submitted' || sub.version !== inst.currentVersion) {
    throw new DomainError('SUBMISSION_NOT_SUBMITTED', 'Chỉ xem xét được báo cáo đã gửi và chưa được tiếp nhận hoặc trả lại.');
  }
  const at = now.toISOString();
  const next = review.decision === 'accept' ? 'accepted' : 'returned';
  const comment = review.comment?.trim() || null;
  await tx.execute(sql`
    UPDATE submission SET status = ${next}, review_comment = ${comment}, reviewed_by = ${actor.userId}, reviewed_at = ${at}, updated_at = ${at}
    WHERE id = ${sub.id}`);
  await tx.execute(sql`UPDATE obligation_instance SET status = ${next}, updated_at = ${at} WHERE id = ${inst.id}`);
  const after: Pick<InstanceRow, 'status' | 'firstSubmittedOn' | 'dueDate'> = { status: next, firstSubmittedOn: inst.firstSubmittedOn, dueDate: inst.dueDate };
  await addToCounters(tx, { planId: inst.planId, unitPath: inst.unitPath, item: 'report', due: inst.dueDate, delta: delta(reportContribution(inst), reportContribution(after)) });

  const what = `${itemInSentence('report', inst.title, inst.secret)} (${inst.periodLabel}, lần ${sub.version})`;
  await notifyUnitLeaders(tx, [{
    unitId: inst.unitId,
    kind: review.decision === 'accept' ? 'submission_accepted' : 'submission_returned',
    title: review.decision === 'accept' ? `Cấp trên đã tiếp nhận ${what}` : `Cấp trên trả lại ${what}: cần bổ sung và gửi lại`,
    body: comment,
    link: instanceLink(inst.id),
    dedupeKey: `review:${sub.id}`,
  }], now);
  await writeAudit(tx, actor, {
    action: review.decision === 'accept' ? 'report.accept' : 'report.return',
    entity: 'submission',
    entityId: sub.id,
    unitPath: inst.unitPath,
    after: { instanceId: inst.id, version: sub.version, comment },
  }, now);
  return { submissionId: sub.id, version: sub.version, status: next };
}

export interface UnitMessage {
  unitId: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  /** Per user: a second message with the same key is not created (ON CONFLICT DO NOTHING). */
  dedupeKey: string | null;
}

/**
 * Creates one notification per message for every leader of its unit (active users holding a
 * secretary, deputy secretary or staff grant on that very unit), in one statement. Returns the
 * notifications created and, per message, whether its unit had any leader to notify.
 */
async function notifyUnitLeaders(tx: Tx, messages: readonly UnitMessage[], now: Date): Promise<{ created: number; unitsWithoutLeaders: string[] }> {
  if (messages.length === 0) return { created: 0, unitsWithoutLeaders: [] };
  const json = JSON.stringify(messages.map((m) => ({ unit_id: m.unitId, kind: m.kind, title: m.title, body: m.body, link: m.link, dedupe_key: m.dedupeKey })));
  const r = await tx.execute<{ created: number; without: string[] | null }>(sql`
    WITH msg AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(unit_id uuid, kind text, title text, body text, link text, dedupe_key text)
    ), recipients AS (
      SELECT DISTINCT msg.*, g.user_id
      FROM msg
      JOIN user_grant g ON g.unit_id = msg.unit_id AND g.revoked_at IS NULL AND g.role IN ${LEADER_ROLES_SQL}
      JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
    ), ins AS (
      INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
      SELECT user_id, unit_id, kind, title, body, link, dedupe_key, ${now.toISOString()}::timestamptz FROM recipients
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM ins) AS created,
           (SELECT array_agg(DISTINCT msg.unit_id::text) FROM msg WHERE NOT EXISTS (SELECT 1 FROM recipients r WHERE r.unit_id = msg.unit_id)) AS without`);
  const row = r.rows[0];
  return { created: row?.created ?? 0, unitsWithoutLeaders: row?.without ?? [] };
}
