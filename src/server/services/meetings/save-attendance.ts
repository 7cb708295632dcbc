import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { AttendanceRoster, AttendanceSave } from '#shared/meetings.ts';
import { lookupMeeting } from '../../db/queries/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { fulfilTask } from './fulfil-task.ts';
import { getAttendance } from './get-attendance.ts';
import { rosterOf } from './roster.ts';
import { meetingFor, requireNotCancelled, requireStarted } from './scope.ts';

/**
 * PUT /api/meetings/:id/attendance: marks members present, absent with a reason, absent, or
 * (where the session allows it) self-study confirmed; a null status clears a mark. Only members on
 * the meeting's list may be marked. A planned meeting whose day has come counts as held once
 * attendance is taken, and a held main session fulfils its task instance. Needs `write` on the unit.
 * Throws MEETING_NOT_FOUND, FORBIDDEN, MEETING_CANCELLED, MEETING_IN_FUTURE, PERSON_NOT_DUE,
 * SELF_STUDY_NOT_ALLOWED.
 */
export async function saveAttendance(id: string, input: AttendanceSave, s: ServiceContext): Promise<AttendanceRoster> {
  const { actor, tx, now } = s;
  const m = await meetingFor(tx, actor, id, 'write', true);
  requireNotCancelled(m);
  requireStarted(m.date, now);
  const roster = await rosterOf(tx, m);
  const due = new Map(roster.items.map((x) => [x.personId, x] as const));
  for (const e of input.entries) {
    const person = due.get(e.personId);
    if (!person) throw new DomainError('PERSON_NOT_DUE', 'Có người không thuộc danh sách tham dự của buổi này; hãy tải lại danh sách.');
    if (e.status === 'self_study' && !roster.main.selfStudyAllowed) {
      throw new DomainError('SELF_STUDY_NOT_ALLOWED', `Buổi này không cho phép tự học thay cho dự hội nghị (${person.fullName}).`);
    }
  }
  const at = now.toISOString();
  const latest = new Map(input.entries.map((e) => [e.personId, e] as const));
  const clear = [...latest.values()].filter((e) => e.status === null).map((e) => e.personId);
  const upsert = [...latest.values()].filter((e) => e.status !== null);
  if (clear.length > 0) {
    await tx.execute(sql`DELETE FROM meeting_attendance WHERE meeting_id = ${id} AND person_id = ANY(${`{${clear.join(',')}}`}::uuid[])`);
  }
  if (upsert.length > 0) {
    const rows = upsert.map((e) => ({ person_id: e.personId, status: e.status, reason: e.status === 'present' ? null : (e.reason?.trim() || null) }));
    await tx.execute(sql`
      INSERT INTO meeting_attendance (meeting_id, person_id, status, reason, recorded_by, recorded_at)
      SELECT ${id}, x.person_id, x.status, x.reason, ${actor.userId}, ${at}
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(person_id uuid, status text, reason text)
      ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,
        recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`);
  }
  if (m.status === 'planned') await tx.execute(sql`UPDATE meeting SET status = 'held', updated_at = ${at} WHERE id = ${id}`);
  const counts = Object.fromEntries(['present', 'excused', 'absent', 'self_study'].map((k) => [k, upsert.filter((e) => e.status === k).length]));
  await writeAudit(tx, actor, { action: 'meeting.attendance', entity: 'meeting', entityId: id, unitPath: m.unitPath, after: { ...counts, cleared: clear.length } }, now);
  const main = (await lookupMeeting(tx, m.makeupOf ?? id))!;
  await fulfilTask(main, s);
  return getAttendance(id, { actor, tx, now });
}
