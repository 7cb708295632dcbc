import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can, childPath, pathLabel, unitIdOfLabel } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { checkDissolve, checkMerge, checkMove, checkRename, checkSplit } from '#core/org-tree/restructure.ts';
import { foldDiacritics } from '#core/text/fold.ts';
import type { UnitDissolve, UnitMerge, UnitMove, UnitSplit, UnitUpdate } from '#shared/units.ts';
import type { Tx } from '../../db/client.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { getUnitRow, insertUnit, recordEvent, recordEvents, reviseUnit, reviseUnits } from '../../db/queries/units.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { setReceivers } from '../../db/queries/reporting-chain.ts';
import { moveRoundRecords, rebaseRoundCounters } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';

/** Loads a unit the actor may restructure, or throws (404 when out of sight, 403 when only visible). */
async function getManagedUnit(tx: Tx, ctx: ServiceContext, id: string): Promise<UnitRow> {
  const unit = await getUnitRow(tx, id, true);
  if (!can(ctx.actor, 'manage_units', unit.path)) {
    throw new DomainError(can(ctx.actor, 'read', unit.path) ? 'FORBIDDEN' : 'UNIT_NOT_FOUND', 'Bạn không có quyền thay đổi đơn vị này.');
  }
  return unit;
}

/** Closes the active memberships of a unit on `on` and reopens them in `targetId` (a dated transfer). */
async function transferMembers(tx: Tx, fromId: string, toId: string, on: IsoDate, reason: string, onlyPersonIds?: string[]): Promise<number> {
  const filter = onlyPersonIds ? sql`AND person_id = ANY(${`{${onlyPersonIds.join(',')}}`}::uuid[])` : sql``;
  const moved = await tx.execute<{ id: string }>(sql`
    WITH closed AS (
      UPDATE membership SET valid_to = ${on}, end_reason = ${reason}
      WHERE unit_id = ${fromId} AND valid_to IS NULL ${filter}
      RETURNING person_id, category
    ), opened AS (
      INSERT INTO membership (person_id, unit_id, category, positions, valid_from)
      SELECT person_id, ${toId}, category, '{}', ${on} FROM closed
      RETURNING person_id
    )
    UPDATE person SET unit_id = ${toId}, updated_at = now()
    WHERE id IN (SELECT person_id FROM opened) AND unit_id = ${fromId}
    RETURNING id`);
  if (moved.rows.length > 0) {
    // Their personal plans and pledges go with them (ADR 020).
    const to = await tx.execute<{ path: TreePath }>(sql`SELECT path::text AS path FROM unit WHERE id = ${toId}`);
    await moveRoundRecords(tx, moved.rows.map((r) => r.id), { id: toId, path: to.rows[0]!.path });
  }
  return moved.rows.length;
}

/** Renames a unit and/or edits its term of office, effective on `on`. */
export async function updateUnit(id: string, input: UnitUpdate, ctx: ServiceContext): Promise<void> {
  const { tx, actor, now } = ctx;
  const unit = await getManagedUnit(tx, ctx, id);
  checkRename(unit, input.on);
  const renamed = input.name !== undefined && input.name !== unit.name;
  await tx.execute(sql`
    UPDATE unit SET
      code = ${input.code === undefined ? unit.code : input.code},
      term_label = ${input.term?.label === undefined ? unit.termLabel : input.term.label},
      term_start = ${input.term?.start === undefined ? unit.termStart : input.term.start},
      term_end = ${input.term?.end === undefined ? unit.termEnd : input.term.end},
      updated_at = now()
    WHERE id = ${id}`);
  await renameUnits(tx, [{ id, oldName: unit.name, name: input.name, shortName: input.shortName }], input.on, actor.userId);
  await writeAudit(tx, actor, { action: renamed ? 'unit.rename' : 'unit.update', entity: 'unit', entityId: id, unitPath: unit.path, before: unit, after: input }, now);
}

/** A new name and/or short name for a unit (undefined: kept as it is). */
export interface UnitRename {
  id: string;
  oldName: string;
  name?: string | undefined;
  shortName?: string | null | undefined;
}

/**
 * Renames units effective on `on`, in a few statements whatever their number: the names are set,
 * each unit whose name changed or given a short name gets a new revision from `on`, and each whose
 * name changed a 'rename' event. What updateUnit and a tree import write for a rename.
 */
export async function renameUnits(tx: Tx, renames: readonly UnitRename[], on: IsoDate, actorId: string | null): Promise<void> {
  const given = renames.filter((r) => r.name !== undefined || r.shortName !== undefined);
  if (given.length === 0) return;
  const rows = given.map((r) => ({
    id: r.id, name: r.name ?? null, name_folded: r.name === undefined ? null : foldDiacritics(r.name), set_short: r.shortName !== undefined, short_name: r.shortName ?? null,
  }));
  await tx.execute(sql`
    UPDATE unit u SET
      name = COALESCE(r.name, u.name), name_folded = COALESCE(r.name_folded, u.name_folded),
      short_name = CASE WHEN r.set_short THEN r.short_name ELSE u.short_name END, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, name text, name_folded text, set_short boolean, short_name text)
    WHERE u.id = r.id`);
  const renamed = given.filter((r) => r.name !== undefined && r.name !== r.oldName);
  await reviseUnits(tx, given.filter((r) => r.shortName !== undefined || renamed.includes(r)).map((r) => r.id), on);
  await recordEvents(tx, renamed.map((r) => ({ kind: 'rename', on, before: [r.id], after: [r.id], note: `${r.oldName} → ${r.name}`, actorId })));
}

/** Moves a unit (and its subtree) under another parent, effective on `on`. */
export async function moveUnit(id: string, input: UnitMove, ctx: ServiceContext): Promise<void> {
  const { tx, actor, now } = ctx;
  const unit = await getManagedUnit(tx, ctx, id);
  const parent = await getManagedUnit(tx, ctx, input.parentId);
  const newPath = await relocateUnit(tx, unit, parent, input.on, input.note, actor.userId);
  await writeAudit(tx, actor, { action: 'unit.move', entity: 'unit', entityId: id, unitPath: newPath, before: { parentId: unit.parentId, path: unit.path }, after: { parentId: parent.id, path: newPath } }, now);
}

/**
 * Moves `unit` (and its subtree, its plan work and counters) under `parent` on `on`, with a new
 * revision and a 'move' event: what moveUnit and a tree import write for a move. Both units are
 * read as they stand now (an earlier move may have changed their paths). Returns the new path.
 */
export async function relocateUnit(tx: Tx, unit: UnitRow, parent: UnitRow, on: IsoDate, note: string | null | undefined, actorId: string | null): Promise<TreePath> {
  const id = unit.id;
  checkMove(unit, parent, on);
  if (unit.parentId === parent.id) throw new DomainError('MOVE_SAME_PARENT', `"${unit.name}" đã trực thuộc "${parent.name}".`);
  const newPath = childPath(parent.path, id);
  await rebaseSubtree(tx, unit.path, newPath);
  await tx.execute(sql`UPDATE unit SET parent_id = ${parent.id}, province_id = COALESCE(${parent.provinceId}, province_id) WHERE id = ${id}`);
  await reviseUnit(tx, id, on);
  await recordEvent(tx, { kind: 'move', on, before: [id, ...(unit.parentId ? [unit.parentId] : [])], after: [id, parent.id], note, actorId });
  return newPath;
}

/**
 * Merges units into an existing or a new unit on `on`. The sources end; their active members
 * and sub-units move to the target; their paths move under the target, so their history is
 * read under the unit that absorbed them.
 */
export async function mergeUnits(input: UnitMerge, ctx: ServiceContext): Promise<{ id: string }> {
  const { tx, actor, now } = ctx;
  const sources: UnitRow[] = [];
  for (const sid of input.sourceIds) sources.push(await getManagedUnit(tx, ctx, sid));
  let target: UnitRow | null = input.targetId ? await getManagedUnit(tx, ctx, input.targetId) : null;
  checkMerge(sources, target, input.on);
  if (!target) {
    const spec = input.newUnit!;
    const parent = await getManagedUnit(tx, ctx, spec.parentId);
    if (parent.validTo !== null) throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị cấp trên "${parent.name}" đã giải thể hoặc sáp nhập.`);
    if (sources.some((s) => parent.path === s.path || parent.path.startsWith(`${s.path}.`))) {
      throw new DomainError('MOVE_INTO_OWN_SUBTREE', 'Đơn vị mới không thể trực thuộc một đơn vị bị sáp nhập.');
    }
    const created = await insertUnit(tx, { parentId: parent.id, parentPath: parent.path, parentProvinceId: parent.provinceId, kind: spec.kind, name: spec.name, shortName: spec.shortName, validFrom: input.on });
    target = await getUnitRow(tx, created.id, true);
  }
  for (const s of sources) {
    // Active sub-units of a source move to the target first, so they stay in the current tree.
    const children = await tx.execute<{ id: string; path: string }>(sql`SELECT id, path::text AS path FROM unit WHERE parent_id = ${s.id} AND valid_to IS NULL`);
    for (const c of children.rows) {
      await rebaseSubtree(tx, c.path as TreePath, childPath(target.path, c.id));
      await tx.execute(sql`UPDATE unit SET parent_id = ${target.id} WHERE id = ${c.id}`);
      await reviseUnit(tx, c.id, input.on);
    }
    await transferMembers(tx, s.id, target.id, input.on, 'merge');
    await rebaseSubtree(tx, s.path, `${target.path}.${pathLabel(s.id)}` as TreePath);
    await tx.execute(sql`UPDATE unit SET valid_to = ${input.on}, merged_into = ${target.id}, updated_at = now() WHERE id = ${s.id}`);
    await endRevision(tx, s.id, input.on);
  }
  await recordEvent(tx, { kind: 'merge', on: input.on, before: sources.map((s) => s.id), after: [target.id], note: input.note, actorId: actor.userId });
  await writeAudit(tx, actor, { action: 'unit.merge', entity: 'unit', entityId: target.id, unitPath: target.path, before: sources.map((s) => ({ id: s.id, name: s.name })), after: { id: target.id, name: target.name } }, now);
  return { id: target.id };
}

/** Splits a unit into new units under the same parent on `on`; members and sub-units are divided among them. */
export async function splitUnit(id: string, input: UnitSplit, ctx: ServiceContext): Promise<{ ids: string[] }> {
  const { tx, actor, now } = ctx;
  const unit = await getManagedUnit(tx, ctx, id);
  checkSplit(unit, input.parts.length, input.on);
  if (!unit.parentId) throw new DomainError('SPLIT_ROOT', 'Không thể chia tách đơn vị gốc.');
  const parent = await getUnitRow(tx, unit.parentId, true);
  const listed = input.parts.flatMap((p) => p.personIds);
  if (new Set(listed).size !== listed.length) throw new DomainError('DUPLICATE_PEOPLE', 'Một người chỉ được chuyển sang một đơn vị mới.');
  const ids: string[] = [];
  for (const part of input.parts) {
    const created = await insertUnit(tx, { parentId: parent.id, parentPath: parent.path, parentProvinceId: parent.provinceId, kind: part.kind ?? unit.kind, name: part.name, shortName: part.shortName, validFrom: input.on, term: { label: unit.termLabel, start: unit.termStart, end: unit.termEnd } });
    ids.push(created.id);
  }
  for (const [i, part] of input.parts.entries()) {
    if (part.personIds.length > 0) await transferMembers(tx, id, ids[i]!, input.on, 'split', part.personIds);
    for (const cid of part.childIds) {
      const c = await getUnitRow(tx, cid, true);
      if (c.parentId !== id) throw new DomainError('NOT_A_CHILD', `"${c.name}" không trực thuộc "${unit.name}".`);
      await rebaseSubtree(tx, c.path, childPath(parent.path + '.' + pathLabel(ids[i]!) as TreePath, cid));
      await tx.execute(sql`UPDATE unit SET parent_id = ${ids[i]!} WHERE id = ${cid}`);
      await reviseUnit(tx, cid, input.on);
    }
  }
  // Whoever and whatever was not assigned goes to the first new unit.
  await transferMembers(tx, id, ids[0]!, input.on, 'split');
  const rest = await tx.execute<{ id: string; path: string }>(sql`SELECT id, path::text AS path FROM unit WHERE parent_id = ${id} AND valid_to IS NULL`);
  for (const c of rest.rows) {
    await rebaseSubtree(tx, c.path as TreePath, childPath(`${parent.path}.${pathLabel(ids[0]!)}` as TreePath, c.id));
    await tx.execute(sql`UPDATE unit SET parent_id = ${ids[0]!} WHERE id = ${c.id}`);
    await reviseUnit(tx, c.id, input.on);
  }
  await tx.execute(sql`UPDATE unit SET valid_to = ${input.on}, updated_at = now() WHERE id = ${id}`);
  await endRevision(tx, id, input.on);
  await recordEvent(tx, { kind: 'split', on: input.on, before: [id], after: ids, note: input.note, actorId: actor.userId });
  await writeAudit(tx, actor, { action: 'unit.split', entity: 'unit', entityId: id, unitPath: unit.path, before: { id, name: unit.name }, after: input.parts.map((p, i) => ({ id: ids[i], name: p.name })) }, now);
  return { ids };
}

/** Dissolves a unit with no active sub-units on `on`; its active memberships end that day. */
export async function dissolveUnit(id: string, input: UnitDissolve, ctx: ServiceContext): Promise<void> {
  const { tx, actor, now } = ctx;
  const unit = await getManagedUnit(tx, ctx, id);
  checkDissolve(unit, await countActiveChildren(tx, id), input.on);
  if (!unit.parentId) throw new DomainError('DISSOLVE_ROOT', 'Không thể giải thể đơn vị gốc.');
  const members = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM membership WHERE unit_id = ${id} AND valid_to IS NULL`);
  if ((members.rows[0]?.n ?? 0) > 0) {
    throw new DomainError('UNIT_HAS_MEMBERS', `"${unit.name}" còn ${members.rows[0]!.n} thành viên; hãy chuyển sinh hoạt các thành viên trước khi giải thể.`);
  }
  await tx.execute(sql`UPDATE unit SET valid_to = ${input.on}, updated_at = now() WHERE id = ${id}`);
  await endRevision(tx, id, input.on);
  await recordEvent(tx, { kind: 'dissolve', on: input.on, before: [id], after: [], note: input.note, actorId: actor.userId });
  await writeAudit(tx, actor, { action: 'unit.dissolve', entity: 'unit', entityId: id, unitPath: unit.path, before: unit, after: input }, now);
}

async function countActiveChildren(tx: Tx, id: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit WHERE parent_id = ${id} AND valid_to IS NULL`);
  return r.rows[0]?.n ?? 0;
}

/** Ends the open revision of a unit on `on` (dissolved, merged or split away). */
async function endRevision(tx: Tx, unitId: string, on: IsoDate): Promise<void> {
  await tx.execute(sql`UPDATE unit_revision SET valid_to = ${on} WHERE unit_id = ${unitId} AND valid_to IS NULL`);
}

/**
 * Moves a whole subtree's paths from `oldPrefix` to `newPrefix`, and the plan work that hangs on
 * it: the paths of its instances, and the progress counters of the ancestors.
 * The counters of the moved root hold the totals of its subtree, so they are taken off every old
 * ancestor and added to every new one; the counters inside the subtree do not change.
 */
async function rebaseSubtree(tx: Tx, oldPrefix: TreePath, newPrefix: TreePath): Promise<void> {
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
  await rebaseRoundCounters(tx, rootId, oldAncestors, newAncestors);
  // The plans the subtree issued move with it (access to them follows the issuing unit's path).
  for (const table of ['task_instance', 'obligation_instance', 'plan'] as const) {
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
  // A moved unit's reports may now go to another receiver: its new đảng bộ, or the plan's unit.
  const plans = await tx.execute<{ planId: string }>(sql`SELECT DISTINCT plan_id AS "planId" FROM obligation_instance WHERE unit_path <@ ${newPrefix}::ltree`);
  for (const { planId } of plans.rows) await setReceivers(tx, planId, newPrefix);
}
