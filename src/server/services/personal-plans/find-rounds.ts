import { sql } from 'drizzle-orm';
import { unitIdOfLabel } from '#core/access/scope.ts';
import { coverageOf, NO_FIGURES } from '#core/personal-plans/coverage.ts';
import { vietnamDate } from '#core/ids.ts';
import type { RoundList, RoundListQuery } from '#shared/personal-plans.ts';
import type { RoundRow } from '../../db/queries/personal-plans.ts';
import { countersAt, ROUND_COLUMNS, ROUND_FROM } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { summariesOf } from './round-summary.ts';

/**
 * GET /api/rounds?unit=: the rounds that reach a unit — launched at it or at a unit above it —
 * newest first, each with the unit's coverage (its whole subtree). Throws UNIT_NOT_FOUND.
 */
export async function findRounds(q: RoundListQuery, { actor, tx, now }: ServiceContext): Promise<RoundList> {
  const unit = await unitFor(tx, actor, q.unit, 'read');
  const line = `{${unit.path.split('.').map(unitIdOfLabel).join(',')}}`;
  const rows = await tx.execute<RoundRow>(sql`
    SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.unit_id = ANY(${line}::uuid[])
    ORDER BY r.launched_on DESC, r.created_at DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  const total = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM round WHERE unit_id = ANY(${line}::uuid[])`);
  const counters = await countersAt(tx, rows.rows.map((r) => r.id), [unit.id]);
  const today = vietnamDate(now);
  const summaries = await summariesOf(tx, rows.rows);
  return {
    items: summaries.map((s) => ({
      ...s,
      coverage: { unitId: unit.id, name: unit.name, ...coverageOf(counters.get(`${s.id}:${unit.id}`) ?? NO_FIGURES, s.submitBy, today) },
    })),
    total: total.rows[0]?.n ?? 0,
  };
}
