import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import type { UnitState } from '#core/org-tree/restructure.ts';
import type { Tx } from '../client.ts';
import { randomUUID } from 'node:crypto';
import { childPath, unitIdOfLabel } from '#core/access/scope.ts';
import { foldDiacritics } from '#core/text/fold.ts';
import { buildUnitNameIndex } from '#core/org-tree/match-unit-names.ts';
import type { NamedUnit, UnitNameIndex } from '#core/org-tree/match-unit-names.ts';

export type UnitRow = UnitState & {
  kind: UnitKind;
  shortName: string | null;
  parentId: string | null;
  depth: number;
  provinceId: string | null;
  mergedInto: string | null;
  termLabel: string | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  code: string | null;
};

export const UNIT_COLUMNS = sql.raw(`u.id, u.kind, u.name, u.short_name AS "shortName", u.parent_id AS "parentId",
  u.path::text AS path, u.depth, u.province_id AS "provinceId", u.valid_from::text AS "validFrom",
  u.valid_to::text AS "validTo", u.merged_into AS "mergedInto", u.term_label AS "termLabel",
  u.term_start::text AS "termStart", u.term_end::text AS "termEnd", u.code`);

/** A unit, or null; `forUpdate` locks it for the rest of the transaction. */
export async function lookupUnit(tx: Tx, id: string, forUpdate = false): Promise<UnitRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE') : sql.raw('');
  const r = await tx.execute<UnitRow>(sql`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = ${id} ${lock}`);
  return r.rows[0] ?? null;
}

export async function getUnitRow(tx: Tx, id: string, forUpdate = false): Promise<UnitRow> {
  const u = await lookupUnit(tx, id, forUpdate);
  if (!u) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.');
  return u;
}

/** Closes the open revision of a unit on `on` and opens the next one with the unit's current columns. */
export async function reviseUnit(tx: Tx, unitId: string, on: IsoDate): Promise<void> {
  const open = await tx.execute<{ id: string; valid_from: string }>(
    sql`SELECT id, valid_from::text AS valid_from FROM unit_revision WHERE unit_id = ${unitId} AND valid_to IS NULL FOR UPDATE`,
  );
  const current = open.rows[0];
  if (current && on < current.valid_from) {
    throw new DomainError('DATE_BEFORE_LAST_CHANGE', `Ngày hiệu lực phải từ ${current.valid_from.split('-').reverse().join('/')} trở đi (ngày thay đổi gần nhất của đơn vị).`);
  }
  if (current && on === current.valid_from) {
    // A second change on the same day replaces that day's revision instead of leaving an empty one.
    await tx.execute(sql`DELETE FROM unit_revision WHERE id = ${current.id}`);
  } else if (current) {
    await tx.execute(sql`UPDATE unit_revision SET valid_to = ${on} WHERE id = ${current.id}`);
  }
  await tx.execute(sql`
    INSERT INTO unit_revision (unit_id, parent_id, kind, name, short_name, valid_from, valid_to)
    SELECT id, parent_id, kind, name, short_name, ${on}, valid_to FROM unit WHERE id = ${unitId} AND (valid_to IS NULL OR valid_to > ${on})`);
}

export async function recordEvent(
  tx: Tx,
  e: { kind: string; on: IsoDate; before: string[]; after: string[]; note?: string | null; actorId: string | null },
): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO unit_event (kind, occurred_on, units_before, units_after, note, actor_id)
    VALUES (${e.kind}, ${e.on}, ${`{${e.before.join(',')}}`}::uuid[], ${`{${e.after.join(',')}}`}::uuid[], ${e.note ?? null}, ${e.actorId})
    RETURNING id`);
  return r.rows[0]!.id;
}

/** The kinds whose units head a province: such a unit is its own `province_id`. */
const PROVINCE_KINDS: readonly UnitKind[] = ['province_committee', 'youth_city'];

/** Inserts a unit row and its first revision; no access check, no event (callers do both). */
export async function insertUnit(
  tx: Tx,
  u: {
    id?: string;
    parentId: string | null;
    parentPath: TreePath | null;
    parentProvinceId: string | null;
    kind: UnitKind;
    name: string;
    shortName?: string | null | undefined;
    code?: string | null | undefined;
    validFrom: IsoDate;
    term?: { label?: string | null | undefined; start?: string | null | undefined; end?: string | null | undefined } | undefined;
  },
): Promise<{ id: string; path: TreePath }> {
  const id = u.id ?? randomUUID();
  const path = childPath(u.parentPath, id);
  const provinceId = PROVINCE_KINDS.includes(u.kind) ? id : u.parentProvinceId;
  await tx.execute(sql`
    INSERT INTO unit (id, kind, name, short_name, name_folded, parent_id, path, depth, province_id, valid_from,
                      term_label, term_start, term_end, code)
    VALUES (${id}, ${u.kind}, ${u.name}, ${u.shortName ?? null}, ${foldDiacritics(u.name)}, ${u.parentId}, ${path}::ltree,
            ${path.split('.').length}, ${provinceId}, ${u.validFrom}, ${u.term?.label ?? null}, ${u.term?.start ?? null},
            ${u.term?.end ?? null}, ${u.code ?? null})`);
  await reviseUnit(tx, id, u.validFrom);
  return { id, path };
}

/** How many units the database holds (ended ones included): none means a fresh database. */
export async function countUnits(tx: Tx): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit`);
  return r.rows[0]?.n ?? 0;
}

/**
 * The name of the parent of the unit row `alias`, for a list that names units of several parents
 * (two "Chi bộ Văn phòng" told apart by their đảng bộ); shown with unitWithParent (src/shared/units.ts).
 */
export function parentNameSql(alias: string): SQL {
  return sql`(SELECT pn.name FROM unit pn WHERE pn.id = ${sql.raw(alias)}.parent_id)`;
}

/** The id and name of each unit of `ids` that exists, in no particular order. */
export async function findUnitNames(tx: Tx, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  const r = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  return r.rows;
}

/** The units above the one at `path`, root first, each with its own path (to keep those the actor reads). */
export async function findAncestors(tx: Tx, path: TreePath): Promise<{ id: string; name: string; path: TreePath }[]> {
  const ids = path.split('.').slice(0, -1).map(unitIdOfLabel);
  const r = await tx.execute<{ id: string; name: string; path: TreePath }>(sql`
    SELECT id, name, path::text AS path FROM unit WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY nlevel(path)`);
  return r.rows;
}

/** At most this many units below a unit are matched against the names a document writes (the nearest first). */
export const NAMED_UNITS_MAX = 5_000;

/**
 * The units a document's names are matched against for a plan of the unit at `path`
 * (core/org-tree/match-unit-names.ts): the unit, the units above it (their names only), and its
 * current subtree, nearest first.
 */
export async function unitNameIndex(tx: Tx, unitId: string, path: TreePath): Promise<UnitNameIndex> {
  const r = await tx.execute<NamedUnit & Record<string, unknown>>(sql`
    (SELECT id, name, short_name AS "shortName", parent_id AS "parentId" FROM unit WHERE path @> ${path}::ltree)
    UNION ALL
    (SELECT id, name, short_name AS "shortName", parent_id AS "parentId" FROM unit
     WHERE path <@ ${path}::ltree AND id <> ${unitId} AND valid_to IS NULL
     ORDER BY depth, name, id LIMIT ${NAMED_UNITS_MAX})`);
  return buildUnitNameIndex(unitId, r.rows);
}
