import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Action } from '../../../core/access/roles.ts';
import type { Actor, TreePath } from '../../../core/access/scope.ts';
import { can, scopeRoots, unitIdOfLabel } from '../../../core/access/scope.ts';
import type { Audience } from '../../../core/plans/audience.ts';
import { grassrootsKindsOf } from '../../../core/org-tree/kinds.ts';
import type { UnitKind } from '../../../core/org-tree/kinds.ts';
import { foldDiacritics } from '../../../core/text/fold.ts';
import type { Db, Tx } from '../client.ts';

/**
 * SQL shared by the plans services and the access rules: who may see a plan, which units an
 * audience rule names, and the plan row itself.
 *
 * Who sees a plan (DESIGN.md principle 5):
 * - a draft: readers of the plan's unit (grants on it or above it);
 * - a published plan: also readers of any unit it is addressed to (a cell reads the plan addressed
 *   to it; the grassroots committee above that cell too), and users granted on it explicitly;
 * - a published plan of normal confidentiality: also the users of units below a unit it is
 *   addressed to (the cells of an addressed grassroots organisation see what it must carry out).
 *   A secret ("mật") plan is not shown to them.
 */

const ltreeArray = (paths: readonly string[]) => `{${paths.join(',')}}`;
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * A condition true for plans the actor may read. Expects the plan as `p`, its document as `d` and
 * the plan's unit as `pu` in the surrounding query.
 */
export function planVisibleSql(actor: Actor): SQL {
  if (actor.superuser) return sql`TRUE`;
  const roots = scopeRoots(actor, 'read');
  if (roots.length === 0) {
    return sql`(p.status <> 'draft' AND EXISTS (SELECT 1 FROM plan_access x WHERE x.plan_id = p.id AND x.user_id = ${actor.userId}))`;
  }
  const above = [...new Set(roots.flatMap((r) => r.split('.').map(unitIdOfLabel)))];
  return sql`(
    pu.path <@ ${ltreeArray(roots)}::ltree[]
    OR (p.status <> 'draft' AND (
      EXISTS (SELECT 1 FROM unit au JOIN plan_audience a ON a.unit_id = au.id AND a.plan_id = p.id WHERE au.path <@ ${ltreeArray(roots)}::ltree[])
      OR (d.confidentiality = 'normal' AND EXISTS (SELECT 1 FROM plan_audience a WHERE a.plan_id = p.id AND a.unit_id = ANY(${uuidArray(above)}::uuid[])))
      OR EXISTS (SELECT 1 FROM plan_access x WHERE x.plan_id = p.id AND x.user_id = ${actor.userId})
    ))
  )`;
}

export interface PlanReach {
  exists: boolean;
  read: boolean;
  /** True when the actor may do `action` to the plan (edit, publish: `write` on the plan's unit). */
  allowed: boolean;
}

/** What the actor may do to a plan: the access rule of the `plan` resource. */
export async function planReach(db: Db | Tx, actor: Actor, planId: string, action: Action): Promise<PlanReach> {
  const r = await db.execute<{ path: string; visible: boolean }>(sql`
    SELECT pu.path::text AS path, (${planVisibleSql(actor)}) AS visible
    FROM plan p JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
    WHERE p.id = ${planId} AND d.deleted_at IS NULL`);
  const row = r.rows[0];
  if (!row) return { exists: false, read: false, allowed: false };
  const read = row.visible === true;
  const allowed = action === 'read' ? read : can(actor, action, row.path as TreePath);
  return { exists: true, read: read || allowed, allowed };
}

export type PlanRow = {
  id: string;
  unitId: string;
  unitPath: TreePath;
  unitName: string;
  unitKind: UnitKind;
  unitProvinceId: string | null;
  status: 'draft' | 'published' | 'cancelled';
  parentPlanId: string | null;
  number: string | null;
  title: string;
  issuedOn: string | null;
  confidentiality: 'normal' | 'secret';
  publishedAt: Date | null;
};

/** A plan with its document and unit (current path), or null; `forUpdate` locks the plan row. */
export async function lookupPlan(tx: Tx, id: string, forUpdate = false): Promise<PlanRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF p') : sql.raw('');
  const r = await tx.execute<PlanRow>(sql`
    SELECT p.id, p.unit_id AS "unitId", pu.path::text AS "unitPath", pu.name AS "unitName", pu.kind AS "unitKind", pu.province_id AS "unitProvinceId",
           p.status, p.parent_plan_id AS "parentPlanId", d.number, coalesce(d.title, '') AS title,
           d.issued_on::text AS "issuedOn", d.confidentiality, p.published_at AS "publishedAt"
    FROM plan p JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
    WHERE p.id = ${id} AND d.deleted_at IS NULL ${lock}`);
  return r.rows[0] ?? null;
}

/**
 * A condition true for the units (as `u`) an audience rule names for a plan of `planUnit`,
 * activity aside (the same rule as core/plans/audience.ts `inAudience`).
 */
export function audienceSql(a: Audience, planUnit: { id: string; path: TreePath; kind?: UnitKind }): SQL {
  const kinds = a.kinds && a.kinds.length > 0 ? sql`u.kind = ANY(${`{${a.kinds.join(',')}}`}::text[])` : null;
  const below = sql`u.path <@ ${planUnit.path}::ltree AND u.id <> ${planUnit.id}`;
  switch (a.scope) {
    case 'grassroots':
      return sql`(${below} AND u.kind = ANY(${`{${grassrootsKindsOf(planUnit.kind).join(',')}}`}::text[])${kinds ? sql` AND ${kinds}` : sql``})`;
    case 'children':
      return sql`(u.parent_id = ${planUnit.id}${kinds ? sql` AND ${kinds}` : sql``})`;
    case 'self':
      return sql`(u.id = ${planUnit.id})`;
    case 'units':
      return sql`(u.id = ANY(${uuidArray(a.unitIds ?? [])}::uuid[]) AND u.path <@ ${planUnit.path}::ltree)`;
    case 'kinds':
      return kinds ? sql`(${below} AND ${kinds})` : sql`FALSE`;
  }
}

/** Units (as `u`) that exist on `on`: founded by then and not dissolved or merged away. */
export function activeOnSql(on: string): SQL {
  return sql`(u.valid_from <= ${on}::date AND (u.valid_to IS NULL OR u.valid_to > ${on}::date))`;
}

// Every precomposed Latin letter that folds to one other letter (Vietnamese and the rest), and
// A–Z: PostgreSQL's translate() then folds like foldDiacritics without the unaccent extension.
const FOLD = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [[0x41, 0x5a], [0xc0, 0x24f], [0x1e00, 0x1eff]];
  for (const [a, b] of ranges) {
    for (let c = a; c <= b; c++) {
      const ch = String.fromCodePoint(c);
      const f = foldDiacritics(ch);
      if (f !== ch && f.length === 1) {
        from += ch;
        to += f;
      }
    }
  }
  // Combining marks (text not in NFC) are dropped: translate() deletes what `from` has beyond `to`.
  for (let c = 0x300; c <= 0x36f; c++) from += String.fromCodePoint(c);
  return { from, to };
})();

/** `expr` folded in SQL the way foldDiacritics folds in JavaScript (lower case, no diacritics, đ → d). */
export function foldedSql(expr: SQL): SQL {
  return sql`translate(${expr}, ${FOLD.from}, ${FOLD.to})`;
}

/** The longest path both paths lie within (for one audit entry over several units). */
export function commonPath(paths: readonly TreePath[]): TreePath | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('.');
  for (const p of paths.slice(1)) {
    const labels = p.split('.');
    let i = 0;
    while (i < common.length && i < labels.length && common[i] === labels[i]) i++;
    common = common.slice(0, i);
  }
  return common.length > 0 ? (common.join('.') as TreePath) : null;
}
