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

/**
 * Builds a round's counters from its records in one statement (after the launch, where a delta per
 * member would be far slower): the records are added up per unit first, then each unit's sums
 * counted at every label of its path.
 */
export async function buildRoundCounters(tx: Tx, roundId: string, kind: RoundRow['kind']): Promise<void> {
  await tx.execute(sql`DELETE FROM round_counter WHERE round_id = ${roundId}`);
  await tx.execute(sql`
    WITH per_unit AS (
      SELECT x.unit_id, sum(f.must)::int AS must, sum(f.submitted)::int AS submitted, sum(f.confirmed)::int AS confirmed,
             sum(f.late)::int AS late, sum(f.leaders)::int AS leaders, sum(f.leaders_registered)::int AS leaders_registered
      FROM ${recordTable(kind)} x, LATERAL (SELECT ${figuresSql(kind)}) f
      WHERE x.round_id = ${roundId} GROUP BY x.unit_id
    )
    INSERT INTO round_counter (round_id, unit_id, slot, ${sql.raw(COLUMNS)})
    SELECT ${roundId}::uuid, l::uuid, 0, sum(pu.must), sum(pu.submitted), sum(pu.confirmed), sum(pu.late), sum(pu.leaders), sum(pu.leaders_registered)
    FROM per_unit pu JOIN unit u ON u.id = pu.unit_id, unnest(string_to_array(u.path::text, '.')) AS l
    GROUP BY l`);
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
 * Moves the records of the people chosen by `which` (a condition on `x.person_id`) in every round
 * to the unit `to`: a member counts where they are managed now (docs/decisions/020). Their figures
 * leave the counters of their former unit's line and join those of the new one, in the transaction
 * of the transfer. Records already at `to` stay.
 */
export async function moveRoundRecords(tx: Tx, which: SQL, to: { id: string; path: TreePath }): Promise<void> {
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
