import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { toIso } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { coveragePercent } from '#core/meetings/coverage.ts';
import type { CoverageQuery, CoverageRollup, RollupRow } from '#shared/meetings.ts';
import { COVERAGE_EXPLANATION, COVERAGE_TASK_EXPLANATION } from '#shared/meetings.ts';
import type { SubtreeStudy } from '../../db/queries/meetings.ts';
import { studyOfSubtree } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { findAncestors } from '../../db/queries/units.ts';

const NONE: SubtreeStudy = { members: 0, studied: 0, selfStudied: 0, units: 0, unitsHeld: 0, sessions: 0 };
type Units = { addressed: number; held: number };

/**
 * GET /api/meetings/coverage: how many of the party members of a unit's subtree have studied, the
 * unit's own members apart and each direct sub-unit with its whole subtree ("đảm bảo 100% cán bộ,
 * đảng viên ... được học tập", rolled up the tree), and how many of the units that must hold a
 * session have held one. Members are those of the last day of the period (today while it runs), so
 * a cell that held nothing weighs with all its members (studyOfSubtree). With `taskId`: only the
 * sessions that fulfil that task, and the units given it. Without dates: the current year.
 * Sub-units with neither party members nor sessions (nor the task) are not listed.
 * Throws UNIT_NOT_FOUND.
 */
export async function getCoverageRollup(q: CoverageQuery, { actor, tx, now }: ServiceContext): Promise<CoverageRollup> {
  const unit = await unitFor(tx, actor, q.unit, 'read');
  const today = vietnamDate(now);
  const from = q.from ?? (q.taskId ? toIso(1900, 1, 1) : toIso(Number(today.slice(0, 4)), 1, 1));
  const to = q.to ?? (q.taskId ? toIso(9999, 12, 31) : today);
  const asOf = (to < today ? to : today) as IsoDate;
  const conds: SQL[] = [sql`m.held_on >= ${from}::date`, sql`m.held_on <= ${to}::date`];
  if (q.taskId) conds.push(sql`EXISTS (SELECT 1 FROM task_instance ti WHERE ti.id = m.task_instance_id AND ti.task_id = ${q.taskId})`);
  const study = await studyOfSubtree(tx, unit.path, sql.join(conds, sql` AND `), asOf);

  // With a task, the units that must hold a session are those given it.
  const given = new Map<string | null, Units>();
  if (q.taskId) {
    const r = await tx.execute<{ child: string | null; addressed: number; held: number }>(sql`
      SELECT CASE WHEN nlevel(u.path) > nlevel(${unit.path}::ltree) THEN subpath(u.path, nlevel(${unit.path}::ltree), 1)::text::uuid::text END AS child,
             count(*)::int AS addressed,
             (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM meeting m WHERE m.task_instance_id = ti.id AND m.status = 'held' AND m.makeup_of IS NULL)))::int AS held
      FROM task_instance ti JOIN unit u ON u.id = ti.unit_id
      WHERE ti.task_id = ${q.taskId} AND ti.status <> 'cancelled' AND u.path <@ ${unit.path}::ltree
      GROUP BY 1`);
    for (const x of r.rows) given.set(x.child, { addressed: x.addressed, held: x.held });
  }

  const row = (id: string | null, name: string): RollupRow => {
    const s = study.get(id) ?? NONE;
    const units = q.taskId ? (given.get(id) ?? { addressed: 0, held: 0 }) : { addressed: s.units, held: s.unitsHeld };
    const c = { mustStudy: s.members, studied: s.studied };
    return { unitId: id ?? unit.id, name, ...c, percent: coveragePercent(c), sessions: s.sessions, units };
  };
  const listed = (id: string | null) => {
    const s = study.get(id);
    return (s !== undefined && (s.members > 0 || s.sessions > 0)) || (given.get(id)?.addressed ?? 0) > 0;
  };
  const children = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE parent_id = ${unit.id} ORDER BY name`);
  const total = [...study.values()].reduce((a, b) => ({
    members: a.members + b.members, studied: a.studied + b.studied, selfStudied: a.selfStudied + b.selfStudied,
    units: a.units + b.units, unitsHeld: a.unitsHeld + b.unitsHeld, sessions: a.sessions + b.sessions,
  }), NONE);
  const givenTotal = [...given.values()].reduce((a, b) => ({ addressed: a.addressed + b.addressed, held: a.held + b.held }), { addressed: 0, held: 0 });
  const totalFigures = { mustStudy: total.members, studied: total.studied };
  const ancestors = await findAncestors(tx, unit.path);
  return {
    unit: { id: unit.id, name: unit.name },
    ancestors: ancestors.filter((a) => can(actor, 'read', a.path)).map(({ id, name }) => ({ id, name })),
    from,
    to,
    total: {
      unitId: unit.id, name: unit.name, ...totalFigures, percent: coveragePercent(totalFigures), sessions: total.sessions,
      units: q.taskId ? givenTotal : { addressed: total.units, held: total.unitsHeld },
    },
    own: listed(null) ? row(null, unit.name) : null,
    children: children.rows.filter((c) => listed(c.id)).map((c) => row(c.id, c.name)),
    explanation: [...(q.taskId ? COVERAGE_TASK_EXPLANATION : COVERAGE_EXPLANATION)],
  };
}
