import { sql } from 'drizzle-orm';
import { unitIdOfLabel } from '#core/access/scope.ts';
import { formatViDate } from '#core/text/dates.ts';
import { DomainError } from '#core/errors.ts';
import type { MeetingSaved } from '#shared/meetings.ts';
import { lookupMeeting } from '../../db/queries/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { meetingFor, noticeView, requireNotCancelled } from './scope.ts';

/**
 * POST /api/meetings/:id/send: sends the session plan upward (seed 001: "gửi Ban Thường vụ Đảng ủy
 * Khối trước 5 ngày"). The leaders and staff of the unit that gave the task (the superior plan's
 * unit), else of the parent unit, are notified. Sending later than the superior's plan asks is
 * allowed and recorded as late: the answer carries the warning. Needs `write` on the unit.
 * Throws MEETING_NOT_FOUND, FORBIDDEN, MEETING_CANCELLED, MEETING_NOT_PLANNED.
 */
export async function sendMeetingPlan(id: string, { actor, tx, now }: ServiceContext): Promise<MeetingSaved> {
  const m = await meetingFor(tx, actor, id, 'write', true);
  requireNotCancelled(m);
  if (m.status !== 'planned') throw new DomainError('MEETING_NOT_PLANNED', 'Hội nghị đã diễn ra; không cần gửi kế hoạch lên cấp trên nữa.');
  const at = now.toISOString();
  if (!m.sentUpAt) await tx.execute(sql`UPDATE meeting SET sent_up_at = ${at}, sent_up_by = ${actor.userId}, updated_at = ${at} WHERE id = ${id}`);
  const after = (await lookupMeeting(tx, id))!;
  const notice = noticeView(after, now);

  const labels = m.unitPath.split('.');
  const parentId = labels.length > 1 ? unitIdOfLabel(labels[labels.length - 2]!) : null;
  const superior = await tx.execute<{ unitId: string }>(sql`
    SELECT p.unit_id AS "unitId" FROM meeting mt
    LEFT JOIN task_instance ti ON ti.id = mt.task_instance_id
    LEFT JOIN campaign_month cm ON cm.id = mt.campaign_month_id LEFT JOIN campaign c ON c.id = cm.campaign_id
    JOIN plan p ON p.id = coalesce(ti.plan_id, c.plan_id)
    WHERE mt.id = ${id}`);
  const to = superior.rows[0]?.unitId ?? parentId;
  if (to) {
    const title = `Kế hoạch tổ chức hội nghị của ${m.unitName}: ngày ${formatViDate(m.date)}`.slice(0, 500);
    const body = `${m.title}${m.place ? `, tại ${m.place}` : ''}${m.startTime ? `, ${m.startTime}` : ''}.${notice.warning && notice.message ? ` ${notice.message}` : ''}`;
    await tx.execute(sql`
      INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
      SELECT DISTINCT g.user_id, ${m.unitId}::uuid, 'meeting_planned', ${title}, ${body}, ${`/meetings/${id}`}, ${`meeting_planned:${id}`}, ${at}::timestamptz
      FROM user_grant g JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
      WHERE g.unit_id = ${to} AND g.revoked_at IS NULL AND g.role IN ('secretary', 'deputy_secretary', 'staff')
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  }
  await writeAudit(tx, actor, { action: 'meeting.send', entity: 'meeting', entityId: id, unitPath: m.unitPath, after: { notice: notice.state, to } }, now);
  return { id, notice };
}
