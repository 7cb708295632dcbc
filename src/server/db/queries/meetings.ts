import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Action } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, scopeRoots, unitIdOfLabel } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { Coverage, MembershipSpan, SessionMarks } from '#core/meetings/coverage.ts';
import { studyCoverage, dueOn } from '#core/meetings/coverage.ts';
import type { AttendanceStatus, MeetingKind, MeetingStatus } from '#core/meetings/kinds.ts';
import { MEETING_CELL_UNIT_KINDS, CELL_MEETING_KINDS, DEFAULT_PARTICIPANT_CATEGORIES } from '#core/meetings/kinds.ts';
import type { MeetingRules, RuleSet } from '#core/meetings/rules.ts';
import type { Db, Tx } from '../client.ts';
import type { QualityMeeting } from '#core/meetings/quality.ts';
import type { MeetingDetail } from '#shared/meetings.ts';

/**
 * SQL of the meetings module that more than one file runs: a meeting with its unit, who may see a
 * campaign, the rule sets, the memberships and marks that coverage and quality are computed from
 * (core/meetings/coverage.ts, quality.ts), a meeting's documents and its observers.
 */

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
const ltreeArray = (paths: readonly string[]) => `{${paths.join(',')}}`;

export type MeetingRow = {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  /** The unit's current access path. */
  unitPath: TreePath;
  provinceId: string | null;
  kind: MeetingKind;
  title: string;
  status: MeetingStatus;
  date: IsoDate;
  startTime: string | null;
  sessionLength: 'half_day' | 'full_day' | null;
  durationMinutes: number | null;
  place: string | null;
  chairPersonId: string | null;
  chairName: string | null;
  categories: string[];
  rapporteurs: { personId?: string | null; name: string; unitName?: string | null }[];
  rapporteurRequest: string | null;
  materials: { title: string; url?: string | null }[];
  materialsSentOn: IsoDate | null;
  selfStudyAllowed: boolean;
  makeupOf: string | null;
  taskInstanceId: string | null;
  campaignMonthId: string | null;
  roundId: string | null;
  content: string | null;
  minutes: string | null;
  attachments: unknown[];
  noticeDays: number | null;
  sentUpAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

export const MEETING_COLUMNS = sql.raw(`m.id, m.unit_id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", u.path::text AS "unitPath",
  m.province_id AS "provinceId", m.kind, m.title, m.status, m.held_on::text AS date, m.start_time AS "startTime",
  m.session_length AS "sessionLength", m.duration_minutes AS "durationMinutes", m.place, m.chair_person_id AS "chairPersonId",
  m.chair_name AS "chairName", m.categories, m.rapporteurs, m.rapporteur_request AS "rapporteurRequest", m.materials,
  m.materials_sent_on::text AS "materialsSentOn", m.self_study_allowed AS "selfStudyAllowed", m.makeup_of AS "makeupOf",
  m.task_instance_id AS "taskInstanceId", m.campaign_month_id AS "campaignMonthId", m.round_id AS "roundId", m.content, m.minutes, m.attachments,
  m.notice_days AS "noticeDays", m.sent_up_at AS "sentUpAt", m.created_at AS "createdAt", m.updated_at AS "updatedAt"`);

/** A meeting with its unit, or null; `forUpdate` locks the meeting row. */
export async function lookupMeeting(tx: Db | Tx, id: string, forUpdate = false): Promise<MeetingRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF m') : sql.raw('');
  const r = await tx.execute<MeetingRow>(sql`SELECT ${MEETING_COLUMNS} FROM meeting m JOIN unit u ON u.id = m.unit_id WHERE m.id = ${id} ${lock}`);
  return r.rows[0] ?? null;
}

/** An instant as ISO text, whichever driver read it. */
export function isoInstant(v: Date | string): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}

export type StoredRuleSet = RuleSet & { scope: string | null; unitId: string | null; unitName: string | null; issuer: string | null; createdAt: string };

/** Every rule set, oldest first, with the committee it belongs to (none for national rules). */
export async function findStoredRuleSets(tx: Db | Tx): Promise<StoredRuleSet[]> {
  const r = await tx.execute<{ id: string; name: string; source: string; validFrom: IsoDate; rules: MeetingRules; scope: string | null; unitId: string | null; unitName: string | null; issuer: string | null; createdAt: Date | string }>(sql`
    SELECT s.id, s.name, s.source, s.valid_from::text AS "validFrom", s.rules, u.path::text AS scope, s.unit_id AS "unitId", u.name AS "unitName",
           s.issuer, s.created_at AS "createdAt"
    FROM meeting_rule_set s LEFT JOIN unit u ON u.id = s.unit_id ORDER BY s.valid_from, nlevel(u.path) NULLS FIRST`);
  return r.rows.map((x) => ({ ...x, createdAt: isoInstant(x.createdAt) }));
}

/** The memberships of some units (people not deleted), by unit, in Vietnamese name order. */
export async function membershipsOfUnits(tx: Db | Tx, unitIds: readonly string[]): Promise<Map<string, (MembershipSpan & { fullName: string; positions: string[] })[]>> {
  const out = new Map<string, (MembershipSpan & { fullName: string; positions: string[] })[]>();
  if (unitIds.length === 0) return out;
  const r = await tx.execute<{ unitId: string; personId: string; category: string; validFrom: IsoDate; validTo: IsoDate | null; fullName: string; positions: string[] }>(sql`
    SELECT m.unit_id AS "unitId", m.person_id AS "personId", m.category, m.valid_from::text AS "validFrom", m.valid_to::text AS "validTo",
           p.full_name AS "fullName", m.positions
    FROM membership m JOIN person p ON p.id = m.person_id
    WHERE m.unit_id = ANY(${uuidArray(unitIds)}::uuid[]) AND p.deleted_at IS NULL
    ORDER BY p.name_order, p.id, m.valid_from`);
  for (const { unitId, ...m } of r.rows) {
    const list = out.get(unitId) ?? [];
    list.push(m);
    out.set(unitId, list);
  }
  return out;
}

/** The marks of some meetings, by meeting. */
export async function marksOf(tx: Db | Tx, meetingIds: readonly string[]): Promise<Map<string, { personId: string; status: AttendanceStatus; reason: string | null }[]>> {
  const out = new Map<string, { personId: string; status: AttendanceStatus; reason: string | null }[]>();
  if (meetingIds.length === 0) return out;
  const r = await tx.execute<{ meetingId: string; personId: string; status: AttendanceStatus; reason: string | null }>(sql`
    SELECT meeting_id AS "meetingId", person_id AS "personId", status, reason FROM meeting_attendance
    WHERE meeting_id = ANY(${uuidArray(meetingIds)}::uuid[])`);
  for (const { meetingId, ...m } of r.rows) {
    const list = out.get(meetingId) ?? [];
    list.push(m);
    out.set(meetingId, list);
  }
  return out;
}

/** A session of a group as coverage needs it. */
export type GroupSession = { id: string; mainId: string; unitId: string; date: IsoDate; status: MeetingStatus; categories: string[] };

/** The sessions (main and make-up, not cancelled) of the groups of some main sessions. */
export async function groupSessions(tx: Db | Tx, mainIds: readonly string[]): Promise<GroupSession[]> {
  if (mainIds.length === 0) return [];
  const r = await tx.execute<GroupSession>(sql`
    SELECT s.id, coalesce(s.makeup_of, s.id) AS "mainId", s.unit_id AS "unitId", s.held_on::text AS date, s.status, main.categories
    FROM meeting s JOIN meeting main ON main.id = coalesce(s.makeup_of, s.id)
    WHERE (s.id = ANY(${uuidArray(mainIds)}::uuid[]) OR s.makeup_of = ANY(${uuidArray(mainIds)}::uuid[])) AND s.status <> 'cancelled'
    ORDER BY s.held_on, s.id`);
  return r.rows;
}

/**
 * Coverage of the groups of some main sessions (core/meetings/coverage.ts), computed from the
 * memberships of their units and the marks of their sessions, in three reads whatever the count.
 * A cancelled main session has no coverage (it is absent from the map).
 */
export async function coverageOfGroups(tx: Db | Tx, mainIds: readonly string[]): Promise<Map<string, Coverage>> {
  const sessions = await groupSessions(tx, mainIds);
  const memberships = await membershipsOfUnits(tx, [...new Set(sessions.map((s) => s.unitId))]);
  const marks = await marksOf(tx, sessions.map((s) => s.id));
  const byMain = new Map<string, GroupSession[]>();
  for (const s of sessions) byMain.set(s.mainId, [...(byMain.get(s.mainId) ?? []), s]);
  const out = new Map<string, Coverage>();
  for (const [mainId, group] of byMain) {
    if (!group.some((s) => s.id === mainId)) continue;
    const list: SessionMarks[] = group.map((s) => ({
      date: s.date,
      marks: Object.fromEntries((marks.get(s.id) ?? []).map((m) => [m.personId, m.status] as const)),
    }));
    out.set(mainId, studyCoverage({ categories: group[0]!.categories, memberships: memberships.get(group[0]!.unitId) ?? [], sessions: list }));
  }
  return out;
}

/** Study figures of a part of a subtree (see studyOfSubtree). */
export type SubtreeStudy = {
  /** Party members (full and probationary) in force on the day, one per membership. */
  members: number;
  /** Those of them marked present or self-study at a counted session or one of its make-up sessions. */
  studied: number;
  /** Those of them who studied by confirmed self-study only. */
  selfStudied: number;
  /** Units with party members on the day. */
  units: number;
  /** Those of them that held at least one counted session. */
  unitsHeld: number;
  /** Counted main sessions held (by any unit, members or not). */
  sessions: number;
};

/**
 * Study coverage of a subtree, by the direct sub-unit each figure lies under (null: the unit
 * itself), in one grouped query. Who must study: the party members of the units of the subtree
 * on `asOf` (the members a report of the subtree gives as its total), each membership once;
 * who has studied: those of them marked present or self-study at a counted main session held in
 * the subtree (the sessions `sessionCond` keeps, on `m` and its unit `u`) or at one of its make-up
 * sessions. A member of a cell that held nothing counts as not studied — a headline over the
 * sessions held alone would read 17/20 for a Khối where one cell of 44 has studied.
 *
 * Cost: memberships are read through the subtree's units (unit_path_gist, then
 * membership_unit_dates_idx) and aggregated per unit, then per sub-unit; marks through the sessions
 * of the period (meeting_unit_idx, then meeting_attendance's key). At the root of a national tree
 * that is every membership of the country (5.6 million rows, one hash aggregate of ~340,000
 * units) plus the marks of the period's sessions: an estimated scan of seconds on PostgreSQL (not
 * yet measured by `npm run bench`), and never rows in this process's memory, where the count over
 * sessions alone used to load every membership and mark of the subtree. At a Khối or a grassroots
 * organisation it is a few thousand rows.
 */
export async function studyOfSubtree(tx: Db | Tx, root: TreePath, sessionCond: SQL, asOf: IsoDate): Promise<Map<string | null, SubtreeStudy>> {
  const r = await tx.execute<{ label: string | null } & SubtreeStudy>(sql`
    WITH main AS MATERIALIZED (
      SELECT m.id, m.unit_id FROM meeting m JOIN unit u ON u.id = m.unit_id
      WHERE u.path <@ ${root}::ltree AND m.kind = 'study' AND m.makeup_of IS NULL AND m.status = 'held' AND ${sessionCond}
    ), session AS (
      SELECT id FROM main
      UNION ALL
      SELECT k.id FROM meeting k WHERE k.makeup_of IN (SELECT id FROM main) AND k.status <> 'cancelled'
    ), studied AS (
      SELECT a.person_id, bool_and(a.status = 'self_study') AS self_only
      FROM meeting_attendance a WHERE a.meeting_id IN (SELECT id FROM session) AND a.status IN ('present', 'self_study')
      GROUP BY a.person_id
    ), per_unit AS (
      SELECT ms.unit_id, count(*)::int AS members, count(st.person_id)::int AS studied, (count(*) FILTER (WHERE st.self_only))::int AS self_studied
      FROM membership ms JOIN unit u ON u.id = ms.unit_id LEFT JOIN studied st ON st.person_id = ms.person_id
      WHERE u.path <@ ${root}::ltree AND ms.category = ANY(${`{${DEFAULT_PARTICIPANT_CATEGORIES.join(',')}}`}::text[])
        AND ms.valid_from <= ${asOf}::date AND (ms.valid_to IS NULL OR ms.valid_to > ${asOf}::date)
      GROUP BY ms.unit_id
    ), held AS (
      SELECT unit_id, count(*)::int AS n FROM main GROUP BY unit_id
    )
    SELECT CASE WHEN nlevel(u.path) > nlevel(${root}::ltree) THEN subpath(u.path, nlevel(${root}::ltree), 1)::text END AS label,
           coalesce(sum(pu.members), 0)::int AS members, coalesce(sum(pu.studied), 0)::int AS studied,
           coalesce(sum(pu.self_studied), 0)::int AS "selfStudied", count(pu.unit_id)::int AS units,
           (count(pu.unit_id) FILTER (WHERE h.n IS NOT NULL))::int AS "unitsHeld", coalesce(sum(h.n), 0)::int AS sessions
    FROM per_unit pu FULL JOIN held h ON h.unit_id = pu.unit_id JOIN unit u ON u.id = coalesce(pu.unit_id, h.unit_id)
    GROUP BY 1`);
  return new Map(r.rows.map(({ label, ...x }) => [label === null ? null : unitIdOfLabel(label), x] as const));
}

/**
 * The cells a campaign addresses (as `x`): cells below the campaign's unit, and when the campaign
 * belongs to a plan, only those in the plan's audience. Expects the campaign as `c` and its unit as `cu`.
 */
export function campaignCellSql(): SQL {
  return sql`(x.path <@ cu.path AND x.kind = ANY(${`{${MEETING_CELL_UNIT_KINDS.join(',')}}`}::text[])
    AND (c.plan_id IS NULL OR EXISTS (SELECT 1 FROM plan_audience a WHERE a.plan_id = c.plan_id AND a.unit_id = x.id)))`;
}

/**
 * A condition true for campaigns (as `c`, unit `cu`) the actor may read: readers of the
 * campaign's unit, and readers of any cell the campaign addresses.
 */
export function campaignVisibleSql(actor: Actor): SQL {
  if (actor.superuser) return sql`TRUE`;
  const roots = scopeRoots(actor, 'read');
  if (roots.length === 0) return sql`FALSE`;
  return sql`(cu.path <@ ${ltreeArray(roots)}::ltree[]
    OR EXISTS (SELECT 1 FROM unit x WHERE x.path <@ ${ltreeArray(roots)}::ltree[] AND ${campaignCellSql()}))`;
}

/** What the actor may do to a campaign: the access rule of the `campaign` resource. */
export async function campaignReach(db: Db | Tx, actor: Actor, id: string, action: Action): Promise<{ exists: boolean; read: boolean; allowed: boolean }> {
  const r = await db.execute<{ path: string; visible: boolean }>(sql`
    SELECT cu.path::text AS path, (${campaignVisibleSql(actor)}) AS visible
    FROM campaign c JOIN unit cu ON cu.id = c.unit_id WHERE c.id = ${id}`);
  const row = r.rows[0];
  if (!row) return { exists: false, read: false, allowed: false };
  const read = row.visible === true;
  const allowed = action === 'read' ? read : can(actor, action, row.path as TreePath);
  return { exists: true, read: read || allowed, allowed };
}

/** Replaces the documents of a meeting. */
export async function setMeetingDocuments(tx: Tx, meetingId: string, ids: readonly string[]): Promise<void> {
  await tx.execute(sql`DELETE FROM meeting_document WHERE meeting_id = ${meetingId}`);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await tx.execute(sql`
    INSERT INTO meeting_document (meeting_id, document_id) SELECT ${meetingId}, unnest(${`{${unique.join(',')}}`}::uuid[])`);
}

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

type MeetingObserver = MeetingDetail['observers'][number];

/** Who registered to attend or supervise a meeting from a unit above, in the order they registered. */
export async function findObservers(tx: Db | Tx, meetingId: string): Promise<MeetingObserver[]> {
  const r = await tx.execute<MeetingObserver>(sql`
    SELECT o.user_id AS "userId", coalesce(p.full_name, au.username) AS name, o.unit_id AS "unitId", u.name AS "unitName", o.role
    FROM meeting_observer o JOIN app_user au ON au.id = o.user_id LEFT JOIN person p ON p.id = au.person_id JOIN unit u ON u.id = o.unit_id
    WHERE o.meeting_id = ${meetingId} ORDER BY o.created_at`);
  return r.rows;
}

export type RosterEntry = { personId: string; name: string; unitId: string; unitName: string };

/** The rapporteurs (báo cáo viên) of the unit and of the levels above it, nearest first. */
export async function rapporteurRoster(tx: Db | Tx, unitPath: TreePath): Promise<RosterEntry[]> {
  const r = await tx.execute<RosterEntry & { depth: number }>(sql`
    SELECT DISTINCT ON (p.id) p.id AS "personId", p.full_name AS name, u.id AS "unitId", u.name AS "unitName", nlevel(u.path) AS depth
    FROM membership m JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = m.unit_id
    WHERE u.path @> ${unitPath}::ltree AND 'rapporteur' = ANY(m.positions) AND m.valid_to IS NULL AND p.deleted_at IS NULL
    ORDER BY p.id, depth DESC`);
  return r.rows
    .sort((a, b) => b.depth - a.depth || a.name.localeCompare(b.name, 'vi'))
    .map(({ depth: _d, ...x }) => x);
}
