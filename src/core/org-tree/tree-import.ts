import type { IsoDate } from '../ids.ts';
import type { ImportIssue } from '../members/import-rows.ts';
import { cellText } from '../members/import-rows.ts';
import { formatViDate } from '../text/dates.ts';
import { normalizeForCompare } from '../text/fold.ts';
import { UNIT_KINDS } from './kinds.ts';
import type { CheckTreeOptions, CheckedTreeRow, ExistingUnit, TreeRow } from './tree-import-rows.ts';
import { checkTreeRows, codeKey, listCode, unitKey } from './tree-import-rows.ts';

/**
 * The plan of a tree import: what each good row of a tree list does to the tree (tree-import-rows.ts
 * checks the rows), the units of the tree the list leaves out, and the list a tree exports to, so
 * that exporting a tree and importing the list changes nothing. A changed name or parent is a dated
 * rename or move, carried out as the restructuring services do, never an overwrite.
 */

/** A unit a row creates: the row's values, its date filled in. */
export type NewUnit = Omit<CheckedTreeRow, 'rowNumber' | 'validFrom'> & { validFrom: IsoDate };

/** The fields of a unit an import may set without a dated event. */
export type UnitUpdate = Partial<Pick<ExistingUnit, 'kind' | 'termLabel' | 'termStart' | 'termEnd'>>;

/**
 * One change of the plan, with the row it comes from. A row changing an existing unit's name and
 * parent gives a `rename` and a `move`; a row changing nothing gives `unchanged`. `toParentId` of a
 * move is null when the new parent is created by the same plan (it is found by `toParentCode`) or
 * when the unit becomes a top unit.
 */
export type TreeChange =
  | { kind: 'create'; row: number; code: string; unit: NewUnit }
  | { kind: 'unchanged'; row: number; code: string; unitId: string }
  | { kind: 'rename'; row: number; code: string; unitId: string; on: IsoDate; from: { name: string; shortName: string | null }; to: { name: string; shortName: string | null } }
  | { kind: 'move'; row: number; code: string; unitId: string; on: IsoDate; fromParentId: string | null; toParentCode: string | null; toParentId: string | null }
  | { kind: 'update'; row: number; code: string; unitId: string; set: UnitUpdate };

/** An active unit of the tree that the list neither lists nor names above one of its rows: kept, only reported. */
export interface MissingUnit {
  unitId: string;
  code: string | null;
  name: string;
}

export interface TreeImportPlan {
  /** Changes of the good rows, parents before their sub-units, then by row. */
  changes: TreeChange[];
  missing: MissingUnit[];
  /** The rows in error (checkTreeRows): none of them is in `changes`. */
  errors: ImportIssue[];
}

const sameText = (a: string | null, b: string | null) => (a === null ? null : cellText(a)) === (b === null ? null : cellText(b));

/**
 * The plan of importing `rows` into the tree of `opts.existing`: every row is checked, and each
 * good row creates a unit (a new code), changes one (its code is known) or leaves it as it is.
 * Nothing is ever deleted; active units the list does not mention are reported as `missing`.
 */
export function planTreeImport(rows: readonly TreeRow[], opts: CheckTreeOptions): TreeImportPlan {
  const { good, errors } = checkTreeRows(rows, opts);
  const { existing, effectiveDate } = opts;
  const active = existing.filter((u) => u.validTo === null);
  const byId = new Map(active.map((u) => [u.id, u]));
  const byKey = new Map(active.map((u) => [unitKey(u), u] as const));
  const goodByKey = new Map(good.map((r) => [codeKey(r.code), r]));

  // The parent of every unit after the import, by key (an existing unit without a code by its id).
  const parentAfter = (key: string): string | null => {
    const r = goodByKey.get(key);
    if (r) return r.parentCode === null ? null : codeKey(r.parentCode);
    const u = byKey.get(key);
    const p = u?.parentId ? byId.get(u.parentId) : undefined;
    return p ? unitKey(p) : null;
  };
  const depth = new Map<string, number>();
  const depthOf = (key: string): number => {
    const trail: string[] = [];
    let k: string | null = key;
    let d = 0;
    while (k !== null) {
      const known = depth.get(k);
      if (known !== undefined) {
        d = known + 1;
        break;
      }
      trail.push(k);
      k = parentAfter(k);
    }
    for (const t of trail.reverse()) depth.set(t, d++);
    return depth.get(key)!;
  };

  const changes: TreeChange[] = [];
  const ordered = [...good].sort((a, b) => depthOf(codeKey(a.code)) - depthOf(codeKey(b.code)) || a.rowNumber - b.rowNumber);
  for (const r of ordered) changes.push(...changesOfRow(r, byKey.get(codeKey(r.code)), byId, byKey, effectiveDate));

  // Units named in the list or above one of its units are not missing.
  const named = new Set<string>();
  for (const r of rows) {
    const code = cellText(r.code);
    if (code !== null) named.add(codeKey(code));
    const parent = cellText(r.parentCode);
    for (let k: string | null = parent === null ? null : codeKey(parent); k !== null && !named.has(k); k = parentAfter(k)) named.add(k);
  }
  const missing = active.filter((u) => !named.has(unitKey(u))).map((u) => ({ unitId: u.id, code: u.code, name: u.name }));
  return { changes, missing, errors };
}

function changesOfRow(
  r: CheckedTreeRow,
  old: ExistingUnit | undefined,
  byId: ReadonlyMap<string, ExistingUnit>,
  byKey: ReadonlyMap<string, ExistingUnit>,
  on: IsoDate,
): TreeChange[] {
  const base = { row: r.rowNumber, code: r.code };
  if (!old) {
    const { rowNumber: _row, validFrom, ...unit } = r;
    return [{ kind: 'create', ...base, unit: { ...unit, validFrom: validFrom ?? on } }];
  }
  const out: TreeChange[] = [];
  const unitId = old.id;
  const oldParent = old.parentId === null ? undefined : byId.get(old.parentId);
  const newParentKey = r.parentCode === null ? null : codeKey(r.parentCode);
  if ((oldParent ? unitKey(oldParent) : null) !== newParentKey) {
    out.push({
      kind: 'move', ...base, unitId, on, fromParentId: old.parentId, toParentCode: r.parentCode, toParentId: newParentKey === null ? null : (byKey.get(newParentKey)?.id ?? null),
    });
  }
  if (r.name !== normalizeForCompare(old.name) || !sameText(r.shortName, old.shortName)) {
    out.push({ kind: 'rename', ...base, unitId, on, from: { name: old.name, shortName: old.shortName }, to: { name: r.name, shortName: r.shortName } });
  }
  const set: UnitUpdate = {};
  if (r.kind !== old.kind) set.kind = r.kind;
  if (!sameText(r.termLabel, old.termLabel)) set.termLabel = r.termLabel;
  if (r.termStart !== old.termStart) set.termStart = r.termStart;
  if (r.termEnd !== old.termEnd) set.termEnd = r.termEnd;
  if (Object.keys(set).length > 0) out.push({ kind: 'update', ...base, unitId, set });
  return out.length > 0 ? out : [{ kind: 'unchanged', ...base, unitId }];
}

/**
 * The tree a plan leads to, as a list of units: what the server's import writes, without the
 * history it keeps (renames and moves are dated there). `newId` gives the id of a created unit.
 */
export function applyTreePlan(units: readonly ExistingUnit[], plan: TreeImportPlan, newId: (code: string) => string): ExistingUnit[] {
  const out = new Map(units.map((u) => [u.id, { ...u }]));
  const idByKey = new Map(units.flatMap((u) => (u.validTo !== null ? [] : [[unitKey(u), u.id] as const])));
  const idOfCode = (code: string | null) => {
    if (code === null) return null;
    const id = idByKey.get(codeKey(code));
    if (id === undefined) throw new Error(`applyTreePlan: no unit with code ${code}`);
    return id;
  };
  for (const c of plan.changes) {
    switch (c.kind) {
      case 'create': {
        const { parentCode, ...fields } = c.unit;
        const id = newId(c.code);
        out.set(id, { id, ...fields, parentId: idOfCode(parentCode), validTo: null });
        idByKey.set(codeKey(c.code), id);
        break;
      }
      case 'rename':
        Object.assign(out.get(c.unitId)!, c.to);
        break;
      case 'move':
        out.get(c.unitId)!.parentId = c.toParentId ?? idOfCode(c.toParentCode);
        break;
      case 'update':
        Object.assign(out.get(c.unitId)!, c.set);
        break;
      case 'unchanged':
        break;
    }
  }
  return [...out.values()];
}

/**
 * The list of a tree in the import's columns: its active units, parents before their sub-units,
 * kinds by their Vietnamese labels and dates as dd/mm/yyyy, numbered from row 2 under the header.
 * A unit whose parent is not among `units` (the top of an exported subtree) has no parent code; a
 * unit without a code is listed by its id (listCode).
 */
export function treeToRows(units: readonly ExistingUnit[]): TreeRow[] {
  const active = units.filter((u) => u.validTo === null);
  const byId = new Map(active.map((u) => [u.id, u]));
  const children = new Map<string | null, ExistingUnit[]>();
  for (const u of active) {
    const p = u.parentId !== null && byId.has(u.parentId) ? u.parentId : null;
    const siblings = children.get(p);
    if (siblings) siblings.push(u);
    else children.set(p, [u]);
  }
  const rows: TreeRow[] = [];
  const date = (d: IsoDate | null) => (d === null ? null : formatViDate(d));
  for (let level = children.get(null) ?? []; level.length > 0; level = level.flatMap((u) => children.get(u.id) ?? [])) {
    for (const u of level) {
      const parent = u.parentId === null ? undefined : byId.get(u.parentId);
      rows.push({
        rowNumber: rows.length + 2,
        code: listCode(u),
        name: u.name,
        shortName: u.shortName,
        kind: UNIT_KINDS[u.kind].vi,
        parentCode: parent ? listCode(parent) : null,
        termLabel: u.termLabel,
        termStart: date(u.termStart),
        termEnd: date(u.termEnd),
        validFrom: date(u.validFrom),
      });
    }
  }
  return rows;
}
