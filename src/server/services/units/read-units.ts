import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, pathLabel, scopeRoots, unitIdOfLabel } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import { formatViDate } from '#core/text/dates.ts';
import { foldDiacritics } from '#core/text/fold.ts';
import type { UnitDetail, UnitSummary } from '#shared/units.ts';
import type { Db } from '../../db/client.ts';
import { lookupUnit, findUnitNames } from '../../db/queries/units.ts';
import { readTogether } from '../../db/read-together.ts';

const likeWord = (w: string) => `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const notFound = () => new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
const notOn = (on: IsoDate) => new DomainError('UNIT_NOT_FOUND', `Đơn vị không có trong cây tổ chức ngày ${formatViDate(on)}.`);

/** A row of `alias` (unit_revision) valid on `on`. */
const validOn = (alias: string, on: IsoDate) => sql`${sql.raw(alias)}.valid_from <= ${on} AND (${sql.raw(alias)}.valid_to IS NULL OR ${sql.raw(alias)}.valid_to > ${on})`;
/** Rows of `alias` (unit, membership) that are current, or valid on `on`. */
const currentOr = (alias: string, on: IsoDate | null) => (on === null ? sql`${sql.raw(alias)}.valid_to IS NULL` : validOn(alias, on));
/** How many sub-units the unit `idSql` has today, or had on `on`. */
const childCountSql = (idSql: SQL, on: IsoDate | null) =>
  on === null
    ? sql`(SELECT count(*)::int FROM unit c WHERE c.parent_id = ${idSql} AND c.valid_to IS NULL)`
    : sql`(SELECT count(*)::int FROM unit_revision c WHERE c.parent_id = ${idSql} AND ${validOn('c', on)})`;

/** The units above each of `ids` in the tree as it stood on `on`, root first, with the names they had then. */
async function ancestorsOn(db: Db, ids: readonly string[], on: IsoDate): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const r = await db.execute<{ start: string; id: string; name: string; lvl: number }>(sql`
    WITH RECURSIVE up AS (
      SELECT r.unit_id AS start, r.parent_id AS id, 1 AS lvl FROM unit_revision r
      WHERE r.unit_id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND ${validOn('r', on)}
      UNION ALL
      SELECT up.start, r.parent_id, up.lvl + 1 FROM up JOIN unit_revision r ON r.unit_id = up.id AND ${validOn('r', on)}
      WHERE up.lvl < 30
    )
    SELECT up.start, up.id, r.name, up.lvl FROM up JOIN unit_revision r ON r.unit_id = up.id AND ${validOn('r', on)}
    ORDER BY up.start, up.lvl DESC`);
  for (const x of r.rows) out.get(x.start)?.push({ id: x.id, name: x.name });
  return out;
}

/**
 * The unit as the actor may see it, with ancestors (names only), leaders, events and permissions:
 * today's, or with `on` as it stood that day (its name, kind and place in the tree, its sub-units,
 * members and leaders then).
 */
export async function getUnit(db: Db, actor: Actor, id: string, on: IsoDate | null = null): Promise<UnitDetail> {
  const u = await lookupUnit(db, id);
  if (!u || !can(actor, 'read', u.path)) throw notFound();
  const then = on === null ? null : (await db.execute<{ kind: UnitKind; name: string; shortName: string | null; parentId: string | null }>(sql`
    SELECT r.kind, r.name, r.short_name AS "shortName", r.parent_id AS "parentId" FROM unit_revision r WHERE r.unit_id = ${id} AND ${validOn('r', on)}
    ORDER BY r.valid_from DESC LIMIT 1`)).rows[0];
  if (on !== null && !then) throw notOn(on);
  const [ancestors, counts, leaders, events, absorbed, merged] = await readTogether(db, [
    async (): Promise<{ rows: { id: string; name: string }[] }> => on !== null
      ? { rows: (await ancestorsOn(db, [id], on)).get(id) ?? [] }
      : db.execute<{ id: string; name: string }>(sql`
      SELECT id, name FROM unit WHERE path @> ${u.path}::ltree AND id <> ${u.id} ORDER BY depth`),
    () => db.execute<{ children: number; members: number }>(sql`
      SELECT ${childCountSql(sql`${id}::uuid`, on)} AS children,
             (SELECT count(*)::int FROM membership m WHERE m.unit_id = ${id} AND ${currentOr('m', on)}) AS members`),
    () => db.execute<{ personId: string; fullName: string; positions: string[] }>(sql`
      SELECT p.id AS "personId", p.full_name AS "fullName", m.positions
      FROM membership m JOIN person p ON p.id = m.person_id
      WHERE m.unit_id = ${id} AND ${currentOr('m', on)} AND cardinality(m.positions) > 0
        AND m.positions && ARRAY['secretary','deputy_secretary','committee_member','standing_member','head']
      ORDER BY array_position(ARRAY['secretary','deputy_secretary','standing_member','committee_member','head'], m.positions[1]), p.sort_key`),
    () => db.execute<{ id: string; kind: string; occurredOn: string; note: string | null; before: string[]; after: string[] }>(sql`
      SELECT id, kind, occurred_on::text AS "occurredOn", note, units_before AS before, units_after AS after
      FROM unit_event WHERE ${id} = ANY(units_before) OR ${id} = ANY(units_after)
         OR units_before && (SELECT coalesce(array_agg(id), '{}') FROM unit WHERE merged_into = ${id})
      ORDER BY occurred_on, created_at`),
    () => db.execute<{ id: string; name: string; validTo: string | null }>(sql`
      SELECT id, name, valid_to::text AS "validTo" FROM unit WHERE merged_into = ${id} ORDER BY name`),
    () => u.mergedInto ? db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE id = ${u.mergedInto}`) : Promise.resolve({ rows: [] }),
  ]);
  const eventUnitIds = [...new Set(events.rows.flatMap((e) => [...e.before, ...e.after]))];
  const names = new Map<string, string>();
  if (eventUnitIds.length > 0) {
    for (const row of await findUnitNames(db, eventUnitIds)) names.set(row.id, row.name);
  }
  const named = (ids: string[]) => ids.map((x) => ({ id: x, name: names.get(x) ?? '' }));
  return {
    id: u.id,
    kind: then?.kind ?? u.kind,
    name: then?.name ?? u.name,
    shortName: then ? then.shortName : u.shortName,
    parentId: then ? then.parentId : u.parentId,
    on,
    validFrom: u.validFrom,
    validTo: u.validTo,
    code: u.code,
    childCount: counts.rows[0]?.children ?? 0,
    memberCount: counts.rows[0]?.members ?? 0,
    mergedInto: merged.rows[0] ?? null,
    term: { label: u.termLabel, start: u.termStart, end: u.termEnd },
    ancestors: ancestors.rows,
    leaders: leaders.rows,
    events: events.rows.map((e) => ({ id: e.id, kind: e.kind, occurredOn: e.occurredOn, note: e.note, before: named(e.before), after: named(e.after) })),
    absorbed: absorbed.rows,
    permissions: {
      manageUnits: can(actor, 'manage_units', u.path),
      manageMembers: can(actor, 'manage_members', u.path),
      manageUsers: can(actor, 'manage_users', u.path),
      readAudit: can(actor, 'read_audit', u.path),
    },
  };
}

const SUMMARY = sql.raw(`u.id, u.kind, u.name, u.short_name AS "shortName", u.parent_id AS "parentId",
  u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo"`);
/** A unit's summary from its revision `r` of a day (its name, kind and parent then), with its own dates from `u`. */
const SUMMARY_ON = sql.raw(`r.unit_id AS id, r.kind, r.name, r.short_name AS "shortName", r.parent_id AS "parentId",
  u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo"`);

/**
 * The direct sub-units of a unit. Without `on`, the current tree; with `on`, the tree as it
 * stood that day (from unit_revision), names included.
 */
export async function findChildren(db: Db, actor: Actor, id: string, on: IsoDate | null): Promise<UnitSummary[]> {
  const u = await lookupUnit(db, id);
  if (!u || !can(actor, 'read', u.path)) throw notFound();
  if (on === null) {
    const r = await db.execute<UnitSummary>(sql`
      SELECT ${SUMMARY}, ${childCountSql(sql`u.id`, null)} AS "childCount"
      FROM unit u WHERE u.parent_id = ${id} AND u.valid_to IS NULL ORDER BY u.kind = 'department' DESC, u.name`);
    return r.rows;
  }
  const r = await db.execute<UnitSummary>(sql`
    SELECT ${SUMMARY_ON}, ${childCountSql(sql`r.unit_id`, on)} AS "childCount"
    FROM unit_revision r JOIN unit u ON u.id = r.unit_id
    WHERE r.parent_id = ${id} AND ${validOn('r', on)}
    ORDER BY r.kind = 'department' DESC, r.name`);
  return r.rows;
}

/**
 * The top units the actor sees: the units of their grants, with nested ones removed; with `on`,
 * those that stood that day, with their names and sub-units then.
 */
export async function findRoots(db: Db, actor: Actor, on: IsoDate | null = null): Promise<UnitSummary[]> {
  const granted = sql`u.path = ANY(${`{${scopeRoots(actor, 'read').join(',')}}`}::ltree[])`;
  if (on === null) {
    const r = await db.execute<UnitSummary>(sql`
      SELECT ${SUMMARY}, ${childCountSql(sql`u.id`, null)} AS "childCount"
      FROM unit u WHERE ${actor.superuser ? sql`u.parent_id IS NULL` : granted} ORDER BY u.name`);
    return r.rows;
  }
  const r = await db.execute<UnitSummary>(sql`
    SELECT ${SUMMARY_ON}, ${childCountSql(sql`r.unit_id`, on)} AS "childCount"
    FROM unit u JOIN unit_revision r ON r.unit_id = u.id AND ${validOn('r', on)}
    WHERE ${actor.superuser ? sql`r.parent_id IS NULL` : granted} ORDER BY r.name`);
  return r.rows;
}

/**
 * Searches units by name ignoring diacritics ("dang uy khoi" finds "Đảng ủy Khối") within what
 * the actor may read. Every word must occur; a trigram index keeps this fast on a national tree.
 */
export async function searchUnits(
  db: Db,
  actor: Actor,
  q: { q?: string | undefined; kind?: string | undefined; includeEnded?: boolean; on?: IsoDate | undefined; limit: number; offset: number },
): Promise<{ items: (UnitSummary & { path: string[] })[]; total: number }> {
  if (q.on) return searchUnitsOn(db, actor, { ...q, on: q.on });
  const words = foldDiacritics(q.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  const conds = [sql`TRUE`];
  for (const w of words) conds.push(sql`u.name_folded LIKE ${likeWord(w)}`);
  if (q.kind) conds.push(sql`u.kind = ${q.kind}`);
  if (!q.includeEnded) conds.push(sql`u.valid_to IS NULL`);
  if (!actor.superuser) {
    const roots = scopeRoots(actor, 'read');
    if (roots.length === 0) return { items: [], total: 0 };
    conds.push(sql`u.path <@ ${`{${roots.join(',')}}`}::ltree[]`);
  }
  const where = sql.join(conds, sql` AND `);
  const phrase = words.join(' ');
  const [rows, count] = await readTogether(db, [
    () => db.execute<UnitSummary & { pathIds: string }>(sql`
      SELECT ${SUMMARY}, ${childCountSql(sql`u.id`, null)} AS "childCount",
             u.path::text AS "pathIds"
      FROM unit u WHERE ${where}
      ORDER BY (u.name_folded LIKE ${`${phrase}%`}) DESC, u.depth, u.name
      LIMIT ${q.limit} OFFSET ${q.offset}`),
    () => db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM unit u WHERE ${where} LIMIT 10000) t`),
  ]);
  // Breadcrumb names of the results, fetched in one query.
  const labels = [...new Set(rows.rows.flatMap((r) => r.pathIds.split('.').slice(0, -1)))];
  const names = new Map<string, string>();
  if (labels.length > 0) {
    for (const x of await findUnitNames(db, labels.map(unitIdOfLabel))) names.set(pathLabel(x.id), x.name);
  }
  return {
    items: rows.rows.map(({ pathIds, ...rest }) => ({ ...rest, path: pathIds.split('.').slice(0, -1).map((l) => names.get(l) ?? '') })),
    total: count.rows[0]?.n ?? 0,
  };
}

/**
 * The search of the tree as it stood on `on`: the names units had that day (a trigram index on the
 * revisions' folded names), within what the actor may read, each with its place in that day's tree.
 */
async function searchUnitsOn(
  db: Db,
  actor: Actor,
  q: { q?: string | undefined; kind?: string | undefined; on: IsoDate; limit: number; offset: number },
): Promise<{ items: (UnitSummary & { path: string[] })[]; total: number }> {
  const words = foldDiacritics(q.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  const conds = [validOn('r', q.on)];
  for (const w of words) conds.push(sql`r.name_folded LIKE ${likeWord(w)}`);
  if (q.kind) conds.push(sql`r.kind = ${q.kind}`);
  if (!actor.superuser) {
    const roots = scopeRoots(actor, 'read');
    if (roots.length === 0) return { items: [], total: 0 };
    conds.push(sql`u.path <@ ${`{${roots.join(',')}}`}::ltree[]`);
  }
  const where = sql.join(conds, sql` AND `);
  const phrase = words.join(' ');
  const [rows, count] = await readTogether(db, [
    () => db.execute<UnitSummary>(sql`
      SELECT ${SUMMARY_ON}, ${childCountSql(sql`r.unit_id`, q.on)} AS "childCount"
      FROM unit_revision r JOIN unit u ON u.id = r.unit_id WHERE ${where}
      ORDER BY (r.name_folded LIKE ${`${phrase}%`}) DESC, u.depth, r.name
      LIMIT ${q.limit} OFFSET ${q.offset}`),
    () => db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM unit_revision r JOIN unit u ON u.id = r.unit_id WHERE ${where} LIMIT 10000) t`),
  ]);
  const above = await ancestorsOn(db, rows.rows.map((r) => r.id), q.on);
  return {
    items: rows.rows.map((r) => ({ ...r, path: (above.get(r.id) ?? []).map((a) => a.name) })),
    total: count.rows[0]?.n ?? 0,
  };
}

export type { TreePath };
