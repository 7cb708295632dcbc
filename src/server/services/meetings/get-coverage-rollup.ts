import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can, unitIdOfLabel } from '#core/access/scope.ts';
import { toIso } from '#core/deadline/resolve.ts';
import { vietnamDate } from '#core/ids.ts';
import type { CoverageSum } from '#core/meetings/coverage.ts';
import { addCoverage, coveragePercent } from '#core/meetings/coverage.ts';
import type { CoverageQuery, CoverageRollup, RollupRow } from '#shared/meetings.ts';
import { COVERAGE_EXPLANATION } from '#shared/meetings.ts';
import { coverageOfGroups } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { findAncestors } from '../../db/queries/units.ts';

const ZERO: CoverageSum = { mustStudy: 0, studied: 0, sessions: 0 };

/**
 * GET /api/meetings/coverage: coverage of the study sessions held in a unit's subtree, the unit's
 * own sessions apart and each direct sub-unit with its whole subtree ("đảm bảo 100% cán bộ, đảng
 * viên ... được học tập", rolled up the tree). With `taskId`: only the sessions that fulfil that
 * task, and how many units that must hold one have held it. Without dates: the current year.
 * Throws UNIT_NOT_FOUND.
 */
export async function getCoverageRollup(q: CoverageQuery, { actor, tx, now }: ServiceContext): Promise<CoverageRollup> {
  const unit = await unitFor(tx, actor, q.unit, 'read');
  const today = vietnamDate(now);
  const from = q.from ?? (q.taskId ? toIso(1900, 1, 1) : toIso(Number(today.slice(0, 4)), 1, 1));
  const to = q.to ?? (q.taskId ? toIso(9999, 12, 31) : today);
  const conds: SQL[] = [
    sql`u.path <@ ${unit.path}::ltree`, sql`m.kind = 'study'`, sql`m.makeup_of IS NULL`, sql`m.status = 'held'`,
    sql`m.held_on >= ${from}::date`, sql`m.held_on <= ${to}::date`,
  ];
  if (q.taskId) conds.push(sql`EXISTS (SELECT 1 FROM task_instance ti WHERE ti.id = m.task_instance_id AND ti.task_id = ${q.taskId})`);
  const sessions = await tx.execute<{ id: string; path: string }>(sql`
    SELECT m.id, u.path::text AS path FROM meeting m JOIN unit u ON u.id = m.unit_id WHERE ${sql.join(conds, sql` AND `)}`);
  const coverage = await coverageOfGroups(tx, sessions.rows.map((s) => s.id));

  const depth = unit.path.split('.').length;
  /** The direct sub-unit a path lies under, or null for the unit itself. */
  const bucketOf = (path: string) => (path.split('.').length > depth ? unitIdOfLabel(path.split('.')[depth]!) : null);
  const sums = new Map<string | null, CoverageSum>();
  for (const s of sessions.rows) {
    const c = coverage.get(s.id);
    if (!c) continue;
    const key = bucketOf(s.path);
    sums.set(key, addCoverage(sums.get(key) ?? ZERO, { mustStudy: c.mustStudy, studied: c.studied, sessions: 1 }));
  }

  const units = new Map<string | null, { addressed: number; held: number }>();
  if (q.taskId) {
    const r = await tx.execute<{ path: string; held: boolean }>(sql`
      SELECT u.path::text AS path, EXISTS (SELECT 1 FROM meeting m WHERE m.task_instance_id = ti.id AND m.status = 'held' AND m.makeup_of IS NULL) AS held
      FROM task_instance ti JOIN unit u ON u.id = ti.unit_id
      WHERE ti.task_id = ${q.taskId} AND ti.status <> 'cancelled' AND u.path <@ ${unit.path}::ltree`);
    for (const x of r.rows) {
      const key = bucketOf(x.path);
      const cur = units.get(key) ?? { addressed: 0, held: 0 };
      units.set(key, { addressed: cur.addressed + 1, held: cur.held + (x.held ? 1 : 0) });
    }
  }

  const children = await tx.execute<{ id: string; name: string; ended: boolean }>(sql`
    SELECT id, name, valid_to IS NOT NULL AS ended FROM unit WHERE parent_id = ${unit.id} ORDER BY name`);
  const row = (id: string | null, name: string): RollupRow => {
    const s = sums.get(id) ?? ZERO;
    return { unitId: id ?? unit.id, name, ...s, percent: coveragePercent(s), units: q.taskId ? (units.get(id) ?? { addressed: 0, held: 0 }) : null };
  };
  const childRows = children.rows.filter((c) => !c.ended || sums.has(c.id) || units.has(c.id)).map((c) => row(c.id, c.name));
  const total = [...sums.values()].reduce(addCoverage, ZERO);
  const allUnits = [...units.values()].reduce((a, b) => ({ addressed: a.addressed + b.addressed, held: a.held + b.held }), { addressed: 0, held: 0 });
  const ancestors = await findAncestors(tx, unit.path);
  return {
    unit: { id: unit.id, name: unit.name },
    ancestors: ancestors.filter((a) => can(actor, 'read', a.path)).map(({ id, name }) => ({ id, name })),
    from,
    to,
    total: { unitId: unit.id, name: unit.name, ...total, percent: coveragePercent(total), units: q.taskId ? allUnits : null },
    own: sums.has(null) || units.has(null) ? row(null, unit.name) : null,
    children: childRows,
    explanation: [...COVERAGE_EXPLANATION],
  };
}
