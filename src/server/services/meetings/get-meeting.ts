import { sql } from 'drizzle-orm';
import type { TreePath } from '../../../core/access/scope.ts';
import { can, unitIdOfLabel } from '../../../core/access/scope.ts';
import { coveragePercent, dueOn } from '../../../core/meetings/coverage.ts';
import type { AttendanceStatus } from '../../../core/meetings/kinds.ts';
import { CELL_MEETING_KINDS } from '../../../core/meetings/kinds.ts';
import { absenceStreaks, assessMeeting } from '../../../core/meetings/quality.ts';
import type { QualityMeeting } from '../../../core/meetings/quality.ts';
import { ruleInForce, setsFor } from '../../../core/meetings/rules.ts';
import type { MeetingDetail } from '../../../shared/meetings.ts';
import type { Attachment } from '../../../shared/reports.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { MeetingRow } from '../../db/queries/meetings.ts';
import { isoInstant, findStoredRuleSets, marksOf, membershipsOfUnits } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { rosterOf } from './roster.ts';
import { meetingFor, noticeView } from './scope.ts';

/** The held cell meetings of a unit up to a day, as the quality assessment reads them. */
export async function qualityMeetingsOf(tx: Db | Tx, unitIds: readonly string[], until: string): Promise<Map<string, QualityMeeting[]>> {
  const out = new Map<string, QualityMeeting[]>();
  if (unitIds.length === 0) return out;
  const r = await tx.execute<{ id: string; unitId: string; kind: QualityMeeting['kind']; date: QualityMeeting['date']; durationMinutes: number | null; materialsSentOn: QualityMeeting['date'] | null; categories: string[] }>(sql`
    SELECT id, unit_id AS "unitId", kind, held_on::text AS date, duration_minutes AS "durationMinutes", materials_sent_on::text AS "materialsSentOn", categories
    FROM meeting
    WHERE unit_id = ANY(${`{${unitIds.join(',')}}`}::uuid[]) AND status = 'held' AND makeup_of IS NULL
      AND kind = ANY(${`{${CELL_MEETING_KINDS.join(',')}}`}::text[]) AND held_on <= ${until}::date
    ORDER BY held_on, id`);
  const members = await membershipsOfUnits(tx, unitIds);
  const marks = await marksOf(tx, r.rows.map((x) => x.id));
  for (const row of r.rows) {
    const mk = new Map((marks.get(row.id) ?? []).map((x) => [x.personId, x.status] as const));
    const roster = dueOn(members.get(row.unitId) ?? [], row.categories, row.date).map((p) => ({ personId: p, mark: (mk.get(p) ?? null) as AttendanceStatus | null }));
    const list = out.get(row.unitId) ?? [];
    list.push({ id: row.id, kind: row.kind, date: row.date, durationMinutes: row.durationMinutes, materialsSentOn: row.materialsSentOn, roster });
    out.set(row.unitId, list);
  }
  return out;
}

async function ancestorsOf(tx: Db | Tx, path: TreePath, actorReads: (p: TreePath) => boolean): Promise<{ id: string; name: string }[]> {
  const ids = path.split('.').slice(0, -1).map(unitIdOfLabel);
  if (ids.length === 0) return [];
  const r = await tx.execute<{ id: string; name: string; path: string }>(sql`
    SELECT id, name, path::text AS path FROM unit WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY nlevel(path)`);
  return r.rows.filter((u) => actorReads(u.path as TreePath)).map(({ id, name }) => ({ id, name }));
}

/**
 * GET /api/meetings/:id: a meeting with its documents, make-up sessions, coverage, tally, advance
 * notice, quality checks (a held cell meeting, against the rule set in force on its date), the
 * task it fulfils, the campaign month it covers and the higher levels registered to come.
 * Throws MEETING_NOT_FOUND.
 */
export async function getMeeting(id: string, { actor, tx, now }: ServiceContext): Promise<MeetingDetail> {
  const m: MeetingRow = await meetingFor(tx, actor, id, 'read');
  const roster = await rosterOf(tx, m);
  const docs = await tx.execute<MeetingDetail['documents'][number]>(sql`
    SELECT d.id, d.kind, d.number, d.title, d.issued_on::text AS "issuedOn" FROM meeting_document md JOIN document d ON d.id = md.document_id
    WHERE md.meeting_id = ${id} ORDER BY d.issued_on NULLS LAST, d.number`);
  const mainId = m.makeupOf ?? m.id;
  const makeups = await tx.execute<{ id: string; date: string; status: MeetingDetail['status']; present: number }>(sql`
    SELECT s.id, s.held_on::text AS date, s.status, (SELECT count(*)::int FROM meeting_attendance a WHERE a.meeting_id = s.id AND a.status IN ('present', 'self_study')) AS present
    FROM meeting s WHERE s.makeup_of = ${mainId} ORDER BY s.held_on, s.id`);
  const mainRow = m.makeupOf ? (await tx.execute<{ id: string; title: string; date: string }>(sql`SELECT id, title, held_on::text AS date FROM meeting WHERE id = ${m.makeupOf}`)).rows[0] ?? null : null;
  const taskId = roster.main.taskInstanceId;
  const task = taskId
    ? (await tx.execute<NonNullable<MeetingDetail['task']>>(sql`
        SELECT ti.id, ti.plan_id AS "planId", d.number AS "planNumber", coalesce(d.title, '') AS "planTitle", t.text AS "taskText",
               ti.period_label AS "periodLabel", ti.status AS state
        FROM task_instance ti JOIN task t ON t.id = ti.task_id JOIN document d ON d.id = ti.plan_id WHERE ti.id = ${taskId}`)).rows[0] ?? null
    : null;
  const monthId = roster.main.campaignMonthId;
  const campaign = monthId
    ? (await tx.execute<NonNullable<MeetingDetail['campaign']>>(sql`
        SELECT c.id, c.title, cm.id AS "monthId", cm.month, cm.topics FROM campaign_month cm JOIN campaign c ON c.id = cm.campaign_id WHERE cm.id = ${monthId}`)).rows[0] ?? null
    : null;
  const observers = await tx.execute<MeetingDetail['observers'][number]>(sql`
    SELECT o.user_id AS "userId", coalesce(p.full_name, au.username) AS name, o.unit_id AS "unitId", u.name AS "unitName", o.role
    FROM meeting_observer o JOIN app_user au ON au.id = o.user_id LEFT JOIN person p ON p.id = au.person_id JOIN unit u ON u.id = o.unit_id
    WHERE o.meeting_id = ${mainId} ORDER BY o.created_at`);

  let quality: MeetingDetail['quality'] = null;
  if (m.status === 'held' && !m.makeupOf && CELL_MEETING_KINDS.includes(m.kind)) {
    const sets = setsFor(await findStoredRuleSets(tx), m.unitPath);
    const set = ruleInForce(sets, m.date);
    const history = (await qualityMeetingsOf(tx, [m.unitId], m.date)).get(m.unitId) ?? [];
    const me = history.find((x) => x.id === m.id);
    if (me) {
      const a = assessMeeting(me, set, absenceStreaks(history).get(m.id) ?? new Map());
      quality = { ruleSet: set ? { id: set.id, name: set.name } : null, checks: a.checks, ok: a.ok };
    }
  }
  return {
    id: m.id,
    unit: { id: m.unitId, name: m.unitName, kind: m.unitKind },
    ancestors: await ancestorsOf(tx, m.unitPath, (p) => can(actor, 'read', p)),
    kind: m.kind,
    title: m.title,
    status: m.status,
    date: m.date,
    startTime: m.startTime,
    sessionLength: m.sessionLength,
    durationMinutes: m.durationMinutes,
    place: m.place,
    chairPersonId: m.chairPersonId,
    chairName: m.chairName,
    categories: roster.main.categories,
    rapporteurs: m.rapporteurs,
    rapporteurRequest: m.rapporteurRequest,
    materials: m.materials,
    materialsSentOn: m.materialsSentOn,
    selfStudyAllowed: roster.main.selfStudyAllowed,
    documents: docs.rows,
    content: m.content,
    minutes: m.minutes,
    attachments: m.attachments as Attachment[],
    makeupOf: mainRow,
    makeups: makeups.rows,
    coverage: { mustStudy: roster.coverage.mustStudy, studied: roster.coverage.studied, percent: coveragePercent(roster.coverage), selfStudied: roster.coverage.selfStudied },
    tally: roster.tally,
    notice: noticeView(m, now),
    task,
    campaign,
    quality,
    observers: observers.rows,
    createdAt: isoInstant(m.createdAt),
    updatedAt: isoInstant(m.updatedAt),
    permissions: {
      edit: m.status !== 'cancelled' && can(actor, 'write', m.unitPath),
      // A higher level may register: someone who reads the unit through a grant strictly above it.
      observe: m.status === 'planned' && !m.makeupOf && (actor.superuser || actor.grants.some((g) => m.unitPath.startsWith(`${g.unitPath}.`))),
    },
  };
}
