import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { MeetingCreate, MeetingSaved } from '#shared/meetings.ts';
import { lookupMeeting, setMeetingDocuments } from '../../db/queries/meetings.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { campaignTaskInstance, checkRapporteurs, requireChair, resolveCampaignMonth, resolveTaskInstance } from './meeting-links.ts';
import { noticeView, requireReadableDocuments } from './scope.ts';
import { requireRoundAtUnit } from './meeting-links.ts';

/**
 * The links of a meeting checked against its unit, and the days of advance notice they ask: the
 * superior's plan (of the task instance, else of the campaign) sets them.
 */
export async function checkLinks(
  s: ServiceContext,
  unit: Pick<UnitRow, 'id' | 'path'>,
  input: Pick<MeetingCreate, 'taskInstanceId' | 'campaignMonthId' | 'chairPersonId' | 'rapporteurs' | 'documentIds'> & { date: string },
): Promise<{ noticeDays: number | null; taskInstanceId: string | null; rapporteurs: MeetingCreate['rapporteurs'] }> {
  const task = input.taskInstanceId ? await resolveTaskInstance(s.tx, unit.id, input.taskInstanceId) : null;
  const month = input.campaignMonthId ? await resolveCampaignMonth(s.tx, unit.id, input.campaignMonthId) : null;
  if (month && input.date.slice(0, 7) !== month.month) {
    throw new DomainError('MONTH_MISMATCH', `Buổi sinh hoạt của tháng ${Number(month.month.slice(5))}/${month.month.slice(0, 4)} phải diễn ra trong tháng đó.`);
  }
  if (input.chairPersonId) await requireChair(s.tx, unit.id, input.chairPersonId);
  const rapporteurs = await checkRapporteurs(s.tx, unit.path, input.rapporteurs ?? []);
  await requireReadableDocuments(s.tx, s.actor, input.documentIds ?? []);
  // A monthly meeting of a campaign whose plan gives a task per month fulfils that month's instance.
  const taskInstanceId = task?.id ?? (month?.taskId ? await campaignTaskInstance(s.tx, unit.id, month.taskId, input.date) : null);
  return { noticeDays: task?.noticeDays ?? month?.noticeDays ?? null, taskInstanceId, rapporteurs };
}

/**
 * Plans a study session or a cell meeting of a unit (POST /api/meetings). Needs `write` on the
 * unit. When the superior's plan asks advance notice, the answer carries its state and warning.
 * Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE, TASK_INSTANCE_MISMATCH, INSTANCE_CANCELLED,
 * CAMPAIGN_NOT_ADDRESSED, MONTH_MISMATCH, CHAIR_NOT_MEMBER, RAPPORTEUR_NOT_IN_ROSTER, DOCUMENT_NOT_FOUND.
 */
export async function createMeeting(input: MeetingCreate, s: ServiceContext): Promise<MeetingSaved> {
  const { actor, tx, now } = s;
  const unit = await unitFor(tx, actor, input.unitId, 'write');
  if (unit.validTo !== null && unit.validTo <= input.date) {
    throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập trước ngày này.`);
  }
  const links = await checkLinks(s, unit, input);
  if (input.roundId) await requireRoundAtUnit(tx, input.roundId, unit);
  const id = randomUUID();
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO meeting (id, unit_id, province_id, kind, title, status, held_on, start_time, session_length, place, chair_person_id, chair_name,
      categories, rapporteurs, rapporteur_request, materials, materials_sent_on, self_study_allowed, task_instance_id, campaign_month_id,
      round_id, content, attachments, notice_days, created_by, created_at, updated_at)
    VALUES (${id}, ${unit.id}, ${unit.provinceId}, ${input.kind}, ${input.title}, 'planned', ${input.date}, ${input.startTime ?? null},
      ${input.sessionLength ?? null}, ${input.place ?? null}, ${input.chairPersonId ?? null}, ${input.chairName ?? null},
      ${`{${input.categories.join(',')}}`}::text[], ${JSON.stringify(links.rapporteurs)}::jsonb, ${input.rapporteurRequest ?? null},
      ${JSON.stringify(input.materials)}::jsonb, ${input.materialsSentOn ?? null}, ${input.selfStudyAllowed}, ${links.taskInstanceId},
      ${input.campaignMonthId ?? null}, ${input.roundId ?? null}, ${input.content ?? null}, '[]'::jsonb, ${links.noticeDays}, ${actor.userId}, ${at}, ${at})`);
  await setMeetingDocuments(tx, id, input.documentIds);
  await writeAudit(tx, actor, {
    action: 'meeting.create', entity: 'meeting', entityId: id, unitPath: unit.path,
    after: { kind: input.kind, title: input.title, date: input.date, taskInstanceId: links.taskInstanceId, campaignMonthId: input.campaignMonthId ?? null },
  }, now);
  const m = (await lookupMeeting(tx, id))!;
  return { id, notice: noticeView(m, now) };
}
