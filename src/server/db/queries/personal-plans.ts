import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { unitIdOfLabel } from '#core/access/scope.ts';
import type { RoundFigures } from '#core/personal-plans/coverage.ts';
import { FIGURE_NAMES, isZero, NO_FIGURES } from '#core/personal-plans/coverage.ts';
import type { MemberCategory } from '#core/org-tree/kinds.ts';
import type { Tx } from '../client.ts';
import { COUNTER_SLOTS, SLOTTED_DEPTH } from './progress.ts';

/** A round as stored, with its unit's path and the names its summary shows (a secret plan's title and task are not shown: its round reaches every member of the subtree). */
export type RoundRow = {
  id: string;
  unitId: string;
  unitPath: TreePath;
  unitName: string;
  kind: 'personal_plan' | 'pledge';
  title: string;
  planId: string;
  planTitle: string;
  taskId: string;
  taskText: string;
  scope: 'term' | 'year' | null;
  year: number | null;
  assignments: { formId: string; categories: MemberCategory[]; unitIds: string[] }[];
  categories: MemberCategory[];
  pledgeText: string | null;
  submitBy: string | null;
  confirmBy: string | null;
  sendUpBy: string | null;
  launchedOn: string;
};

export const ROUND_COLUMNS = sql.raw(`r.id, r.unit_id AS "unitId", u.path::text AS "unitPath", u.name AS "unitName", r.kind, r.title,
  r.plan_id AS "planId", CASE WHEN d.confidentiality = 'secret' THEN 'Kế hoạch (mật)' ELSE d.title END AS "planTitle", r.task_id AS "taskId", CASE WHEN d.confidentiality = 'secret' THEN 'Nhiệm vụ của kế hoạch mật' ELSE t.text END AS "taskText", r.scope, r.year, r.assignments,
  r.categories, r.pledge_text AS "pledgeText", r.submit_by::text AS "submitBy", r.confirm_by::text AS "confirmBy",
  r.send_up_by::text AS "sendUpBy", r.launched_on::text AS "launchedOn"`);
export const ROUND_FROM = sql.raw('round r JOIN unit u ON u.id = r.unit_id JOIN document d ON d.id = r.plan_id JOIN task t ON t.id = r.task_id');

export async function lookupRound(tx: Tx, id: string): Promise<RoundRow | null> {
  const r = await tx.execute<RoundRow>(sql`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.id = ${id}`);
  return r.rows[0] ?? null;
}

/** The table of a round's records: a member's plan, or a pledge to sign. */
export function recordTable(kind: RoundRow['kind']): SQL {
  return sql.raw(kind === 'pledge' ? 'pledge' : 'personal_plan');
}

/**
 * What each record of a round adds to the counters, as SQL columns over the record aliased `x`:
 * core/personal-plans/coverage.ts `planFigures` and `pledgeFigures` (the API tests compare the
 * counters these build with a recount made with those functions).
 */
export function figuresSql(kind: RoundRow['kind']): SQL {
  if (kind === 'pledge') {
    return sql.raw(`1 AS must, (x.signed_on IS NOT NULL)::int AS submitted, 0 AS confirmed, (x.late AND x.signed_on IS NOT NULL)::int AS late,
      0 AS leaders, 0 AS leaders_registered`);
  }
  const submitted = `(x.state IN ('submitted', 'confirmed') OR x.confirmed_on IS NOT NULL)`;
  return sql.raw(`1 AS must, ${submitted}::int AS submitted, (x.confirmed_on IS NOT NULL)::int AS confirmed, x.late::int AS late,
    x.leader::int AS leaders, (x.leader AND ${submitted})::int AS leaders_registered`);
}

const COLUMNS = 'must, submitted, confirmed, late, leaders, leaders_registered';
const ADD = FIGURE_NAMES.map((k) => {
  const c = k === 'leadersRegistered' ? 'leaders_registered' : k;
  return `${c} = round_counter.${c} + EXCLUDED.${c}`;
}).join(', ');

/**
 * Adds a delta to a round's counters at the unit at `unitPath` and every ancestor, in the
 * transaction of the change. Rows are written root first (no deadlock between writers), the levels
 * near the root into the slot of the connection (migration 0011's reason, for the same rows).
 */
export async function addToRoundCounters(tx: Tx, roundId: string, unitPath: TreePath, d: RoundFigures): Promise<void> {
  if (isZero(d)) return;
  const ids = unitPath.split('.').map(unitIdOfLabel);
  await tx.execute(sql`
    INSERT INTO round_counter (round_id, unit_id, slot, ${sql.raw(COLUMNS)})
    SELECT ${roundId}::uuid, a.u, CASE WHEN a.depth <= ${SLOTTED_DEPTH} THEN pg_backend_pid() % ${COUNTER_SLOTS} ELSE 0 END,
           ${d.must}::int, ${d.submitted}::int, ${d.confirmed}::int, ${d.late}::int, ${d.leaders}::int, ${d.leadersRegistered}::int
    FROM unnest(${`{${ids.join(',')}}`}::uuid[]) WITH ORDINALITY AS a(u, depth)
    ON CONFLICT (round_id, unit_id, slot) DO UPDATE SET ${sql.raw(ADD)}`);
}

/** A member's form in a roster `rr` unnested as `a`: the one of every member listed, or their own. */
const ROSTER_FORM = sql.raw('coalesce(rr.form_id, a.form_id)');

/** Which records `roundRecords` gives: those managed at a unit, those within a subtree, or one member's. */
export type RecordScope = { unitId: string } | { path: TreePath } | { personId: string };

/**
 * A round's records as rows of its record table, written or not (docs/decisions/021): the rows
 * written, and for every member the roster asks who has none yet a pending row where the round
 * reached them. A member's units are found through their memberships (the roster's unit is one of
 * them), so one member's record is a few index probes.
 */
export function roundRecords(kind: RoundRow['kind'], roundId: string, scope: RecordScope): SQL {
  const table = recordTable(kind);
  let written: SQL;
  let listed: SQL;
  if ('unitId' in scope) {
    written = sql`x.unit_id = ${scope.unitId}`;
    listed = sql`rr.unit_id = ${scope.unitId}`;
  } else if ('path' in scope) {
    written = sql`x.unit_id IN (SELECT id FROM unit WHERE path <@ ${scope.path}::ltree)`;
    listed = sql`rr.unit_id IN (SELECT id FROM unit WHERE path <@ ${scope.path}::ltree)`;
  } else {
    written = sql`x.person_id = ${scope.personId}`;
    listed = sql`rr.unit_id IN (SELECT m.unit_id FROM membership m WHERE m.person_id = ${scope.personId}) AND a.person_id = ${scope.personId}`;
  }
  const pending = kind === 'pledge'
    ? sql`SELECT rr.round_id, a.person_id, rr.unit_id, rr.unit_id AS reached_unit_id, NULL::date AS signed_on, false AS late, NULL::uuid AS entered_by, false AS on_behalf
          FROM round_roster rr CROSS JOIN LATERAL unnest(rr.person_ids) AS a(person_id)`
    : sql`SELECT rr.round_id, a.person_id, rr.unit_id, rr.unit_id AS reached_unit_id, ${ROSTER_FORM} AS form_id, a.person_id = ANY(rr.leader_ids) AS leader,
                 'pending'::text AS state, 0 AS version, false AS late, NULL::date AS submitted_on, NULL::date AS confirmed_on, NULL::jsonb AS look_back,
                 NULL::timestamptz AS updated_at
          FROM round_roster rr CROSS JOIN LATERAL unnest(rr.person_ids, rr.form_ids) AS a(person_id, form_id)`;
  const columns = sql.raw(kind === 'pledge'
    ? 'x.round_id, x.person_id, x.unit_id, x.reached_unit_id, x.signed_on, x.late, x.entered_by, x.on_behalf'
    : 'x.round_id, x.person_id, x.unit_id, x.reached_unit_id, x.form_id, x.leader, x.state, x.version, x.late, x.submitted_on, x.confirmed_on, x.look_back, x.updated_at');
  return sql`
    SELECT ${columns} FROM ${table} x WHERE x.round_id = ${roundId} AND ${written}
    UNION ALL
    ${pending}
    WHERE rr.round_id = ${roundId} AND ${listed}
      AND NOT EXISTS (SELECT 1 FROM ${table} y WHERE y.round_id = ${roundId} AND y.person_id = a.person_id)`;
}

/**
 * Writes the records of the members `personIds` that a roster asks and that are not written yet, in
 * every round or in `roundId` only, as pending where the round reached them: what a record adds to
 * the counters was counted at the launch, so writing it changes none. Before an act on a record,
 * and before a transfer moves it.
 */
export async function writePendingRecords(tx: Tx, personIds: readonly string[], roundId: string | null = null): Promise<void> {
  if (personIds.length === 0) return;
  const ids = `{${personIds.join(',')}}`;
  const round = roundId === null ? sql`` : sql`AND rr.round_id = ${roundId}`;
  const listed = (kind: RoundRow['kind']) => sql`
    FROM round_roster rr JOIN round r ON r.id = rr.round_id AND r.kind = ${kind}
    CROSS JOIN LATERAL unnest(rr.person_ids, rr.form_ids) AS a(person_id, form_id)
    WHERE rr.unit_id IN (SELECT m.unit_id FROM membership m WHERE m.person_id = ANY(${ids}::uuid[])) ${round} AND a.person_id = ANY(${ids}::uuid[])
    ORDER BY rr.round_id, a.person_id
    ON CONFLICT DO NOTHING`;
  await tx.execute(sql`
    INSERT INTO personal_plan (round_id, person_id, unit_id, reached_unit_id, form_id, leader)
    SELECT rr.round_id, a.person_id, rr.unit_id, rr.unit_id, ${ROSTER_FORM}, a.person_id = ANY(rr.leader_ids) ${listed('personal_plan')}`);
  await tx.execute(sql`
    INSERT INTO pledge (round_id, person_id, unit_id, reached_unit_id)
    SELECT rr.round_id, a.person_id, rr.unit_id, rr.unit_id ${listed('pledge')}`);
}

/** The counters of a round at each of `unitIds` (their whole subtrees), the slots summed; absent units have none. */
export async function countersAt(tx: Tx, roundIds: readonly string[], unitIds: readonly string[]): Promise<Map<string, RoundFigures>> {
  const out = new Map<string, RoundFigures>();
  if (roundIds.length === 0 || unitIds.length === 0) return out;
  const r = await tx.execute<{ roundId: string; unitId: string; must: number; submitted: number; confirmed: number; late: number; leaders: number; leadersRegistered: number }>(sql`
    SELECT round_id AS "roundId", unit_id AS "unitId", sum(must)::int AS must, sum(submitted)::int AS submitted, sum(confirmed)::int AS confirmed,
           sum(late)::int AS late, sum(leaders)::int AS leaders, sum(leaders_registered)::int AS "leadersRegistered"
    FROM round_counter
    WHERE round_id = ANY(${`{${roundIds.join(',')}}`}::uuid[]) AND unit_id = ANY(${`{${unitIds.join(',')}}`}::uuid[])
    GROUP BY round_id, unit_id`);
  for (const x of r.rows) {
    const { roundId, unitId, ...f } = x;
    out.set(`${roundId}:${unitId}`, { ...NO_FIGURES, ...f });
  }
  return out;
}

/**
 * Moves the records of the people `personIds` in every round to the unit `to` (those still pending
 * written first): a member counts where they are managed now (docs/decisions/020). Their figures
 * leave the counters of their former unit's line and join those of the new one, in the transaction
 * of the transfer. Records already at `to` stay.
 */
export async function moveRoundRecords(tx: Tx, personIds: readonly string[], to: { id: string; path: TreePath }): Promise<void> {
  if (personIds.length === 0) return;
  await writePendingRecords(tx, personIds);
  const which = sql`x.person_id = ANY(${`{${personIds.join(',')}}`}::uuid[])`;
  const toIds = to.path.split('.').map(unitIdOfLabel);
  for (const kind of ['personal_plan', 'pledge'] as const) {
    await tx.execute(sql`
      WITH moved AS (
        SELECT x.round_id, x.person_id, x.unit_id, f.* FROM ${recordTable(kind)} x, LATERAL (SELECT ${figuresSql(kind)}) f
        WHERE ${which} AND x.unit_id <> ${to.id}
        FOR UPDATE OF x
      ), sums AS (
        SELECT m.round_id, m.unit_id, sum(m.must)::int AS must, sum(m.submitted)::int AS submitted, sum(m.confirmed)::int AS confirmed,
               sum(m.late)::int AS late, sum(m.leaders)::int AS leaders, sum(m.leaders_registered)::int AS leaders_registered
        FROM moved m GROUP BY m.round_id, m.unit_id
      ), deltas AS (
        SELECT s.round_id, l::uuid AS unit_id, -s.must AS must, -s.submitted AS submitted, -s.confirmed AS confirmed, -s.late AS late,
               -s.leaders AS leaders, -s.leaders_registered AS leaders_registered
        FROM sums s JOIN unit u ON u.id = s.unit_id, unnest(string_to_array(u.path::text, '.')) AS l
        UNION ALL
        SELECT s.round_id, a, s.must, s.submitted, s.confirmed, s.late, s.leaders, s.leaders_registered
        FROM sums s, unnest(${`{${toIds.join(',')}}`}::uuid[]) AS a
      ), summed AS (
        SELECT round_id, unit_id, sum(must)::int AS must, sum(submitted)::int AS submitted, sum(confirmed)::int AS confirmed, sum(late)::int AS late,
               sum(leaders)::int AS leaders, sum(leaders_registered)::int AS leaders_registered
        FROM deltas GROUP BY round_id, unit_id
      ), counted AS (
        INSERT INTO round_counter (round_id, unit_id, slot, ${sql.raw(COLUMNS)})
        SELECT round_id, unit_id, 0, must, submitted, confirmed, late, leaders, leaders_registered FROM summed
        WHERE must <> 0 OR submitted <> 0 OR confirmed <> 0 OR late <> 0 OR leaders <> 0 OR leaders_registered <> 0
        ORDER BY round_id, unit_id
        ON CONFLICT (round_id, unit_id, slot) DO UPDATE SET ${sql.raw(ADD)}
      )
      UPDATE ${recordTable(kind)} x SET unit_id = ${to.id} FROM moved m
      WHERE x.round_id = m.round_id AND x.person_id = m.person_id`);
  }
}

/**
 * Moves a subtree's round counters with it: the moved root's counters (its subtree's totals) come
 * off every old ancestor and go onto every new one; the counters inside the subtree do not change.
 */
export async function rebaseRoundCounters(tx: Tx, rootId: string, oldAncestors: readonly string[], newAncestors: readonly string[]): Promise<void> {
  for (const [ancestors, sign] of [[oldAncestors, -1], [newAncestors, 1]] as const) {
    if (ancestors.length === 0) continue;
    await tx.execute(sql`
      INSERT INTO round_counter (round_id, unit_id, slot, ${sql.raw(COLUMNS)})
      SELECT r.round_id, a, 0, ${sign}::int * r.must, ${sign}::int * r.submitted, ${sign}::int * r.confirmed, ${sign}::int * r.late,
             ${sign}::int * r.leaders, ${sign}::int * r.leaders_registered
      FROM (SELECT round_id, sum(must)::int AS must, sum(submitted)::int AS submitted, sum(confirmed)::int AS confirmed, sum(late)::int AS late,
                   sum(leaders)::int AS leaders, sum(leaders_registered)::int AS leaders_registered
            FROM round_counter WHERE unit_id = ${rootId} GROUP BY round_id) r, unnest(${`{${ancestors.join(',')}}`}::uuid[]) AS a
      ON CONFLICT (round_id, unit_id, slot) DO UPDATE SET ${sql.raw(ADD)}`);
  }
}
