import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { roleAllows } from '#core/access/roles.ts';
import { coveragePercent } from '#core/meetings/coverage.ts';
import { CELL_MEETING_KINDS } from '#core/meetings/kinds.ts';
import { absenceStreaks, assessMeeting } from '#core/meetings/quality.ts';
import { ruleInForce, setsFor } from '#core/meetings/rules.ts';
import type { MeetingDetail } from '#shared/meetings.ts';
import type { Attachment } from '#shared/reports.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { MeetingRow } from '../../db/queries/meetings.ts';
import { isoInstant, findStoredRuleSets, qualityMeetingsOf, findObservers } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { rosterOf } from './roster.ts';
import { meetingFor, noticeView } from './scope.ts';
import { findAncestors } from '../../db/queries/units.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import { maskSecret } from '#core/plans/secrecy.ts';

async function ancestorsOf(tx: Db | Tx, path: TreePath, actorReads: (p: TreePath) => boolean): Promise<{ id: string; name: string }[]> {
  // The root has nothing above it: no read.
  if (!path.includes('.')) return [];
  const rows = await findAncestors(tx, path);
  return rows.filter((u) => actorReads(u.path)).map(({ id, name }) => ({ id, name }));
}

/**
 * GET /api/meetings/:id: a meeting with its documents, make-up sessions, coverage, tally, advance
 * notice, quality checks (a held cell meeting, against the rule set in force on its date), the
 * task it fulfils, the campaign month it covers and the higher levels registered to come. A secret
 * plan the actor may not read is named only as secret. Throws MEETING_NOT_FOUND.
 */
export async function getMeeting(id: string, { actor, tx, now }: ServiceContext): Promise<MeetingDetail> {
  const m: MeetingRow = await meetingFor(tx, actor, id, 'read');
  const roster = await rosterOf(tx, m);
  const docs = await tx.execute<MeetingDetail['documents'][number] & { hidden: boolean }>(sql`
    SELECT d.id, d.kind, d.number, d.title, d.issued_on::text AS "issuedOn", ${secretHiddenSql(actor, sql`d.id`)} AS hidden FROM meeting_document md JOIN document d ON d.id = md.document_id
    WHERE md.meeting_id = ${id} ORDER BY d.issued_on NULLS LAST, d.number`);
  const mainId = m.makeupOf ?? m.id;
  const makeups = await tx.execute<{ id: string; date: string; status: MeetingDetail['status']; present: number }>(sql`
    SELECT s.id, s.held_on::text AS date, s.status, (SELECT count(*)::int FROM meeting_attendance a WHERE a.meeting_id = s.id AND a.status IN ('present', 'self_study')) AS present
    FROM meeting s WHERE s.makeup_of = ${mainId} ORDER BY s.held_on, s.id`);
  const mainRow = m.makeupOf ? (await tx.execute<{ id: string; title: string; date: string }>(sql`SELECT id, title, held_on::text AS date FROM meeting WHERE id = ${m.makeupOf}`)).rows[0] ?? null : null;
  const taskId = roster.main.taskInstanceId;
  const taskRow = taskId
    ? (await tx.execute<NonNullable<MeetingDetail['task']> & { hidden: boolean }>(sql`
        SELECT ti.id, ti.plan_id AS "planId", d.number AS "planNumber", coalesce(d.title, '') AS "planTitle", t.text AS "taskText",
               ti.period_label AS "periodLabel", ti.status AS state, ${secretHiddenSql(actor, sql`ti.plan_id`)} AS hidden
        FROM task_instance ti JOIN task t ON t.id = ti.task_id JOIN document d ON d.id = ti.plan_id WHERE ti.id = ${taskId}`)).rows[0] ?? null
    : null;
  let task: MeetingDetail['task'] = null;
  if (taskRow) {
    const { hidden, ...x } = taskRow;
    task = maskSecret(x, hidden, { planNumber: 'number', planTitle: 'plan', taskText: 'task' });
  }
  const monthId = roster.main.campaignMonthId;
  const campaign = monthId
    ? (await tx.execute<NonNullable<MeetingDetail['campaign']>>(sql`
        SELECT c.id, c.title, cm.id AS "monthId", cm.month, cm.topics FROM campaign_month cm JOIN campaign c ON c.id = cm.campaign_id WHERE cm.id = ${monthId}`)).rows[0] ?? null
    : null;
  const observers = await findObservers(tx, mainId);

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
    documents: docs.rows.map(({ hidden, ...d }) => maskSecret(d, hidden, { number: 'number', title: 'document' })),
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
    round: m.roundId ? ((await tx.execute<{ id: string; title: string }>(sql`SELECT id, title FROM round WHERE id = ${m.roundId}`)).rows[0] ?? null) : null,
    quality,
    observers: observers,
    createdAt: isoInstant(m.createdAt),
    updatedAt: isoInstant(m.updatedAt),
    permissions: {
      edit: m.status !== 'cancelled' && can(actor, 'write', m.unitPath),
      // A higher level may register: someone whose grant strictly above the unit lets them write there
      // (registering speaks for their unit, so a viewer or an inspector does not).
      observe: m.status === 'planned' && !m.makeupOf
        && (actor.superuser || actor.grants.some((g) => roleAllows(g.role, 'write') && m.unitPath.startsWith(`${g.unitPath}.`))),
    },
  };
}
