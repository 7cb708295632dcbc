import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { MeetingSaved, MeetingUpdate } from '#shared/meetings.ts';
import { lookupMeeting, setMeetingDocuments } from '../../db/queries/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkLinks } from './create-meeting.ts';
import { requireRoundAtUnit } from './meeting-links.ts';
import { fulfilTask } from './fulfil-task.ts';
import { meetingFor, noticeView, requireNotCancelled, requireStarted } from './scope.ts';

/** Fields a make-up session takes from its main session and never sets itself. */
const FROM_MAIN: readonly (keyof MeetingUpdate)[] = ['kind', 'categories', 'selfStudyAllowed', 'taskInstanceId', 'campaignMonthId', 'documentIds'];

/**
 * Edits a meeting or records its result (PATCH /api/meetings/:id): `status: 'held'` once it has
 * taken place, with its duration, content and minutes; `cancelled` cancels it (a cancelled meeting
 * changes no more). A held main session fulfils its task instance. Needs `write` on the unit.
 * Throws MEETING_NOT_FOUND, FORBIDDEN, MEETING_CANCELLED, MEETING_IN_FUTURE, MAKEUP_FIELD, and the
 * link errors of createMeeting.
 */
export async function updateMeeting(id: string, patch: MeetingUpdate, s: ServiceContext): Promise<MeetingSaved> {
  const { actor, tx, now } = s;
  const m = await meetingFor(tx, actor, id, 'write', true);
  requireNotCancelled(m);
  if (m.makeupOf) {
    const field = FROM_MAIN.find((k) => patch[k] !== undefined);
    if (field) throw new DomainError('MAKEUP_FIELD', 'Buổi học bù theo nội dung, thành phần và nhiệm vụ của hội nghị chính; hãy sửa ở hội nghị chính.');
  }
  const date = patch.date ?? m.date;
  const status = patch.status ?? m.status;
  if (status === 'held') requireStarted(date, now, 'Chỉ ghi nhận kết quả được');
  const relink = patch.taskInstanceId !== undefined || patch.campaignMonthId !== undefined || patch.chairPersonId !== undefined
    || patch.rapporteurs !== undefined || patch.documentIds !== undefined || patch.date !== undefined;
  const links = relink
    ? await checkLinks(s, { id: m.unitId, path: m.unitPath }, {
        date,
        taskInstanceId: patch.taskInstanceId !== undefined ? patch.taskInstanceId : m.taskInstanceId,
        campaignMonthId: patch.campaignMonthId !== undefined ? patch.campaignMonthId : m.campaignMonthId,
        chairPersonId: patch.chairPersonId !== undefined ? patch.chairPersonId : null,
        rapporteurs: patch.rapporteurs ?? [],
        documentIds: patch.documentIds ?? [],
      })
    : null;

  const sets: SQL[] = [sql`updated_at = ${now.toISOString()}`];
  const set = (column: string, value: unknown) => sets.push(sql`${sql.raw(column)} = ${value}`);
  if (patch.kind !== undefined) set('kind', patch.kind);
  if (patch.title !== undefined) set('title', patch.title);
  if (patch.date !== undefined) set('held_on', patch.date);
  if (patch.startTime !== undefined) set('start_time', patch.startTime);
  if (patch.sessionLength !== undefined) set('session_length', patch.sessionLength);
  if (patch.place !== undefined) set('place', patch.place);
  if (patch.chairPersonId !== undefined) set('chair_person_id', patch.chairPersonId);
  if (patch.chairName !== undefined) set('chair_name', patch.chairName);
  if (patch.categories !== undefined) sets.push(sql`categories = ${`{${patch.categories.join(',')}}`}::text[]`);
  if (patch.rapporteurs !== undefined) sets.push(sql`rapporteurs = ${JSON.stringify(links?.rapporteurs ?? patch.rapporteurs)}::jsonb`);
  if (patch.rapporteurRequest !== undefined) set('rapporteur_request', patch.rapporteurRequest);
  if (patch.materials !== undefined) sets.push(sql`materials = ${JSON.stringify(patch.materials)}::jsonb`);
  if (patch.materialsSentOn !== undefined) set('materials_sent_on', patch.materialsSentOn);
  if (patch.selfStudyAllowed !== undefined) set('self_study_allowed', patch.selfStudyAllowed);
  if (patch.campaignMonthId !== undefined) set('campaign_month_id', patch.campaignMonthId);
  if (patch.roundId !== undefined) {
    if (patch.roundId) await requireRoundAtUnit(tx, patch.roundId, { id: m.unitId, path: m.unitPath });
    set('round_id', patch.roundId);
  }
  if (patch.content !== undefined) set('content', patch.content);
  if (patch.status !== undefined) set('status', patch.status);
  if (patch.durationMinutes !== undefined) set('duration_minutes', patch.durationMinutes);
  if (patch.minutes !== undefined) set('minutes', patch.minutes);
  if (patch.attachments !== undefined) sets.push(sql`attachments = ${JSON.stringify(patch.attachments)}::jsonb`);
  if (links && !m.makeupOf) {
    set('task_instance_id', links.taskInstanceId);
    set('notice_days', links.noticeDays);
  }
  await tx.execute(sql`UPDATE meeting SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
  if (patch.documentIds !== undefined) await setMeetingDocuments(tx, id, patch.documentIds);
  await writeAudit(tx, actor, {
    action: patch.status === 'cancelled' ? 'meeting.cancel' : patch.status === 'held' && m.status !== 'held' ? 'meeting.hold' : 'meeting.update',
    entity: 'meeting', entityId: id, unitPath: m.unitPath,
    before: { status: m.status, date: m.date }, after: { ...patch, minutes: patch.minutes === undefined ? undefined : `${patch.minutes?.length ?? 0} ký tự` },
  }, now);
  const after = (await lookupMeeting(tx, id))!;
  await fulfilTask(after.makeupOf ? (await lookupMeeting(tx, after.makeupOf))! : after, s);
  return { id, notice: noticeView(after, now) };
}
