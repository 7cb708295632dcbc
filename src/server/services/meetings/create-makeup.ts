import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { MakeupCreate, MeetingSaved } from '#shared/meetings.ts';
import { lookupMeeting } from '../../db/queries/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { meetingFor, noticeView, requireNotCancelled } from './scope.ts';

/**
 * POST /api/meetings/:id/makeup: a make-up session (học bù) of a study session, for the members
 * who missed it; it studies the same documents with the same participants, and its attendance
 * counts toward the session's coverage (each member once). Needs `write` on the unit.
 * Throws MEETING_NOT_FOUND, FORBIDDEN, MEETING_CANCELLED, MAKEUP_OF_MAKEUP, MAKEUP_STUDY_ONLY,
 * MAKEUP_BEFORE_SESSION.
 */
export async function createMakeup(mainId: string, input: MakeupCreate, { actor, tx, now }: ServiceContext): Promise<MeetingSaved> {
  const main = await meetingFor(tx, actor, mainId, 'write');
  requireNotCancelled(main);
  if (main.makeupOf) throw new DomainError('MAKEUP_OF_MAKEUP', 'Hãy tạo buổi học bù từ hội nghị chính.');
  if (main.kind !== 'study') throw new DomainError('MAKEUP_STUDY_ONLY', 'Chỉ hội nghị học tập, quán triệt mới có buổi học bù.');
  if (input.date < main.date) throw new DomainError('MAKEUP_BEFORE_SESSION', 'Buổi học bù phải diễn ra từ ngày của hội nghị chính trở đi.');
  const id = randomUUID();
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO meeting (id, unit_id, province_id, kind, title, status, held_on, start_time, place, categories, rapporteurs, materials,
      self_study_allowed, makeup_of, attachments, created_by, created_at, updated_at)
    SELECT ${id}, unit_id, province_id, kind, ${input.title ?? `Học bù: ${main.title}`.slice(0, 1_000)}, 'planned', ${input.date},
      ${input.startTime ?? null}, ${input.place ?? main.place}, categories, '[]'::jsonb, materials, self_study_allowed, id, '[]'::jsonb,
      ${actor.userId}, ${at}, ${at}
    FROM meeting WHERE id = ${main.id}`);
  await tx.execute(sql`INSERT INTO meeting_document (meeting_id, document_id) SELECT ${id}, document_id FROM meeting_document WHERE meeting_id = ${main.id}`);
  await writeAudit(tx, actor, { action: 'meeting.makeup', entity: 'meeting', entityId: id, unitPath: main.unitPath, after: { makeupOf: main.id, date: input.date } }, now);
  return { id, notice: noticeView((await lookupMeeting(tx, id))!, now) };
}
