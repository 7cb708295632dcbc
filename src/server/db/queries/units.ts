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
  await reviseUnits(tx, [unitId], on);
}

/** A list of ids as a uuid[] parameter. */
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * reviseUnit for many units at once, in four statements whatever their number: each open revision
 * is closed on `on` (or replaced, when it opened that same day) and the next one opened with the
 * unit's current columns. Throws DATE_BEFORE_LAST_CHANGE when a unit changed after `on`.
 */
export async function reviseUnits(tx: Tx, unitIds: readonly string[], on: IsoDate): Promise<void> {
  if (unitIds.length === 0) return;
  const later = await tx.execute<{ valid_from: string }>(sql`
    SELECT valid_from::text AS valid_from FROM unit_revision
    WHERE unit_id = ANY(${uuids(unitIds)}) AND valid_to IS NULL AND valid_from > ${on} ORDER BY valid_from DESC LIMIT 1`);
  const last = later.rows[0];
  if (last) {
    throw new DomainError('DATE_BEFORE_LAST_CHANGE', `Ngày hiệu lực phải từ ${last.valid_from.split('-').reverse().join('/')} trở đi (ngày thay đổi gần nhất của đơn vị).`);
  }
  // A second change on the same day replaces that day's revision instead of leaving an empty one.
  await tx.execute(sql`DELETE FROM unit_revision WHERE unit_id = ANY(${uuids(unitIds)}) AND valid_to IS NULL AND valid_from = ${on}`);
  await tx.execute(sql`UPDATE unit_revision SET valid_to = ${on} WHERE unit_id = ANY(${uuids(unitIds)}) AND valid_to IS NULL`);
  await tx.execute(sql`
    INSERT INTO unit_revision (unit_id, parent_id, kind, name, short_name, valid_from, valid_to)
    SELECT id, parent_id, kind, name, short_name, ${on}, valid_to FROM unit WHERE id = ANY(${uuids(unitIds)}) AND (valid_to IS NULL OR valid_to > ${on})`);
}

/** An event of the tree's history (unit_event). */
export interface UnitEventInput {
  kind: string;
  on: IsoDate;
  before: string[];
  after: string[];
  note?: string | null | undefined;
  actorId: string | null;
}

export async function recordEvent(tx: Tx, e: UnitEventInput): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO unit_event (kind, occurred_on, units_before, units_after, note, actor_id)
    VALUES (${e.kind}, ${e.on}, ${uuids(e.before)}, ${uuids(e.after)}, ${e.note ?? null}, ${e.actorId})
    RETURNING id`);
  return r.rows[0]!.id;
}

/** recordEvent for many events in one statement. */
export async function recordEvents(tx: Tx, events: readonly UnitEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ kind: e.kind, on: e.on, before: `{${e.before.join(',')}}`, after: `{${e.after.join(',')}}`, note: e.note ?? null, actor: e.actorId }));
  await tx.execute(sql`
    INSERT INTO unit_event (kind, occurred_on, units_before, units_after, note, actor_id)
    SELECT r.kind, r."on", r.before::uuid[], r.after::uuid[], r.note, r.actor
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(kind text, "on" date, before text, after text, note text, actor uuid)`);
}

/** The kinds whose units head a province: such a unit is its own `province_id`. */
const PROVINCE_KINDS: readonly UnitKind[] = ['province_committee', 'youth_city'];

/** A unit to insert: its parent's path and province give its own. */
export interface NewUnitRow {
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
}

/** Inserts a unit row and its first revision; no access check, no event (callers do both). */
export async function insertUnit(tx: Tx, u: NewUnitRow): Promise<{ id: string; path: TreePath; provinceId: string | null }> {
  return (await insertUnits(tx, [u]))[0]!;
}

/** The path and province of a unit about to be inserted under a parent with `parentPath` and `parentProvinceId`. */
export function placeOfNewUnit(id: string, kind: UnitKind, parentPath: TreePath | null, parentProvinceId: string | null): { path: TreePath; provinceId: string | null } {
  return { path: childPath(parentPath, id), provinceId: PROVINCE_KINDS.includes(kind) ? id : parentProvinceId };
}

/**
 * insertUnit for many units in two statements: the units, then their first revisions. A unit may
 * sit under one inserted before it in the same list (its parent's path is the caller's to give).
 */
export async function insertUnits(tx: Tx, units: readonly NewUnitRow[]): Promise<{ id: string; path: TreePath; provinceId: string | null }[]> {
  if (units.length === 0) return [];
  const placed = units.map((u) => {
    const id = u.id ?? randomUUID();
    return { id, ...placeOfNewUnit(id, u.kind, u.parentPath, u.parentProvinceId) };
  });
  const rows = units.map((u, i) => {
    const { id, path, provinceId } = placed[i]!;
    return {
      id, kind: u.kind, name: u.name, short_name: u.shortName ?? null, name_folded: foldDiacritics(u.name), parent_id: u.parentId, path,
      depth: path.split('.').length, province_id: provinceId, valid_from: u.validFrom, term_label: u.term?.label ?? null,
      term_start: u.term?.start ?? null, term_end: u.term?.end ?? null, code: u.code ?? null,
    };
  });
  await tx.execute(sql`
    INSERT INTO unit (id, kind, name, short_name, name_folded, parent_id, path, depth, province_id, valid_from,
                      term_label, term_start, term_end, code)
    SELECT r.id, r.kind, r.name, r.short_name, r.name_folded, r.parent_id, r.path::ltree, r.depth, r.province_id, r.valid_from,
           r.term_label, r.term_start, r.term_end, r.code
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, kind text, name text, short_name text, name_folded text,
      parent_id uuid, path text, depth int, province_id uuid, valid_from date, term_label text, term_start date, term_end date, code text)`);
  // Each unit's first revision, as reviseUnit opens it on the unit's first day.
  await tx.execute(sql`
    INSERT INTO unit_revision (unit_id, parent_id, kind, name, short_name, valid_from, valid_to)
    SELECT id, parent_id, kind, name, short_name, valid_from, valid_to FROM unit WHERE id = ANY(${uuids(placed.map((p) => p.id))})`);
  return placed;
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
