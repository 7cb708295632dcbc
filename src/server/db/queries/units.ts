import { sql } from 'drizzle-orm';
import type { TreePath } from '../../../core/access/scope.ts';
import { unitIdOfLabel } from '../../../core/access/scope.ts';
import { DomainError } from '../../../core/errors.ts';
import type { IsoDate } from '../../../core/ids.ts';
import type { UnitKind } from '../../../core/org-tree/kinds.ts';
import type { UnitState } from '../../../core/org-tree/restructure.ts';
import type { Tx } from '../client.ts';

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

export async function countActiveChildren(tx: Tx, id: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit WHERE parent_id = ${id} AND valid_to IS NULL`);
  return r.rows[0]?.n ?? 0;
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

/** Ends the open revision of a unit on `on` (dissolved, merged or split away). */
export async function endRevision(tx: Tx, unitId: string, on: IsoDate): Promise<void> {
  await tx.execute(sql`UPDATE unit_revision SET valid_to = ${on} WHERE unit_id = ${unitId} AND valid_to IS NULL`);
}

/**
 * Moves a whole subtree's paths from `oldPrefix` to `newPrefix`, and the plan work that hangs on
 * it: the paths of its instances, and the progress counters of the ancestors.
 * The counters of the moved root hold the totals of its subtree, so they are taken off every old
 * ancestor and added to every new one; the counters inside the subtree do not change.
 */
export async function rebaseSubtree(tx: Tx, oldPrefix: TreePath, newPrefix: TreePath): Promise<void> {
  const rootId = unitIdOfLabel(oldPrefix.split('.').at(-1) as string);
  const oldAncestors = oldPrefix.split('.').slice(0, -1).map(unitIdOfLabel);
  const newAncestors = newPrefix.split('.').slice(0, -1).map(unitIdOfLabel);
  const ids = (a: string[]) => `{${a.join(',')}}`;
  // The moved root's counters (summed over their slots) come off every old ancestor and go onto
  // every new one, in slot 0 (readers sum the slots).
  const moved = sql`(SELECT plan_id, item, due_date, sum(total)::int AS total, sum(done)::int AS done, sum(done_late)::int AS done_late
                     FROM progress_counter WHERE unit_id = ${rootId} GROUP BY plan_id, item, due_date) r`;
  for (const [ancestors, sign] of [[oldAncestors, -1], [newAncestors, 1]] as const) {
    if (ancestors.length === 0) continue;
    await tx.execute(sql`
      INSERT INTO progress_counter (plan_id, unit_id, item, due_date, slot, total, done, done_late)
      SELECT r.plan_id, a, r.item, r.due_date, 0, ${sign}::int * r.total, ${sign}::int * r.done, ${sign}::int * r.done_late
      FROM ${moved}, unnest(${ids(ancestors)}::uuid[]) AS a
      ON CONFLICT (plan_id, unit_id, item, due_date, slot) DO UPDATE SET
        total = progress_counter.total + EXCLUDED.total,
        done = progress_counter.done + EXCLUDED.done,
        done_late = progress_counter.done_late + EXCLUDED.done_late`);
  }
  for (const table of ['task_instance', 'obligation_instance'] as const) {
    await tx.execute(sql`
      UPDATE ${sql.raw(table)} SET unit_path = CASE WHEN unit_path = ${oldPrefix}::ltree THEN ${newPrefix}::ltree
                                   ELSE ${newPrefix}::ltree || subpath(unit_path, nlevel(${oldPrefix}::ltree)) END
      WHERE unit_path <@ ${oldPrefix}::ltree`);
  }
  await tx.execute(sql`
    UPDATE unit SET
      path = CASE WHEN path = ${oldPrefix}::ltree THEN ${newPrefix}::ltree
                  ELSE ${newPrefix}::ltree || subpath(path, nlevel(${oldPrefix}::ltree)) END,
      depth = nlevel(${newPrefix}::ltree) + nlevel(path) - nlevel(${oldPrefix}::ltree),
      updated_at = now()
    WHERE path <@ ${oldPrefix}::ltree`);
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
