import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import type { RoundFigures } from '#core/personal-plans/coverage.ts';
import { addFigures, coverageOf, NO_FIGURES } from '#core/personal-plans/coverage.ts';
import { readsPlansManagedAt } from '#core/personal-plans/readers.ts';
import { vietnamDate } from '#core/ids.ts';
import type { CoverageRow, RoundCoverage, RoundUnitQuery } from '#shared/personal-plans.ts';
import { countersAt } from '../../db/queries/personal-plans.ts';
import { findAncestors } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { summaryOf } from './round-summary.ts';
import { roundFor } from './scope.ts';

/**
 * GET /api/rounds/:id?unit=: a round and its coverage at a unit (default: the unit that launched
 * it) — the unit's whole subtree, its own members apart, and each sub-unit the round reached — read
 * from the counters alone, so the root of a national round costs what a cell does. With the
 * unit's task instance of the round's task and the meetings that discussed the round.
 * Throws ROUND_NOT_FOUND, UNIT_NOT_FOUND.
 */
export async function getRoundCoverage(id: string, q: RoundUnitQuery, { actor, tx, now }: ServiceContext): Promise<RoundCoverage> {
  const round = await roundFor(tx, actor, id);
  const unit = await unitFor(tx, actor, q.unit ?? round.unitId, 'read');
  const children = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE parent_id = ${unit.id} ORDER BY name`);
  const counters = await countersAt(tx, [round.id], [unit.id, ...children.rows.map((c) => c.id)]);
  const at = (unitId: string): RoundFigures => counters.get(`${round.id}:${unitId}`) ?? NO_FIGURES;
  const today = vietnamDate(now);
  const row = (unitId: string, name: string, f: RoundFigures): CoverageRow => ({ unitId, name, ...coverageOf(f, round.submitBy, today) });
  const total = at(unit.id);
  const reached = children.rows.filter((c) => at(c.id).must > 0);
  const own = reached.reduce((left, c) => addFigures(left, at(c.id), -1), total);
  const instance = await tx.execute<{ id: string; status: string; doneOn: string | null }>(sql`
    SELECT id, status, done_on::text AS "doneOn" FROM task_instance
    WHERE task_id = ${round.taskId} AND unit_id = ${unit.id} AND status <> 'cancelled' ORDER BY period_start NULLS FIRST LIMIT 1`);
  const meetings = await tx.execute<{ id: string; title: string; date: string; status: string }>(sql`
    SELECT id, title, held_on::text AS date, status FROM meeting WHERE round_id = ${round.id} AND unit_id = ${unit.id} ORDER BY held_on`);
  const ancestors = await findAncestors(tx, unit.path);
  const summary = await summaryOf(tx, round);
  return {
    round: summary,
    unit: { id: unit.id, name: unit.name },
    ancestors: ancestors.filter((a) => can(actor, 'read', a.path)).map(({ id: aid, name }) => ({ id: aid, name })),
    total: row(unit.id, unit.name, total),
    own: own.must > 0 ? row(unit.id, unit.name, own) : null,
    children: reached.map((c) => row(c.id, c.name, at(c.id))),
    taskInstance: instance.rows[0] ?? null,
    readsPlans: readsPlansManagedAt(actor, unit.path),
    meetings: meetings.rows,
  };
}
