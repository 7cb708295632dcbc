import type { IsoDate } from '../ids.ts';
import { codeKey } from '../org-tree/tree-import-rows.ts';
import { formatViDate } from '../text/dates.ts';
import type { ImportIssue } from './import-rows.ts';
import { IMPORT_COLUMNS } from './import-rows.ts';

/**
 * Placing the rows of a member list in units by the "Mã đơn vị" column: a row without a code goes
 * to the unit that receives the list, a row with one to the unit of that code, which must be that
 * unit or below it, and still active. The server hands over only the units of the receiving unit's
 * subtree, so a code of another part of the tree reads exactly as a code that does not exist:
 * nothing about other subtrees can be learnt from the answer.
 */

/** A unit of the receiving unit's subtree (itself included) that has a code. */
export type PlacementUnit = {
  id: string;
  code: string;
  name: string;
  validTo: IsoDate | null;
};

export interface Placement {
  /** Row number → the id of the unit the row goes to, for every row given. */
  unitOf: Map<number, string>;
  /** One problem per row whose code places it nowhere, in the order of the rows given. */
  errors: ImportIssue[];
}

const UNIT_CODE_HEADER = IMPORT_COLUMNS.find((c) => c.field === 'unitCode')!.header;

/**
 * Where each row goes. `home` receives the list; `units` are the coded units of its subtree,
 * ended ones included (so that a row naming one is told why it cannot go there).
 */
export function placeByUnitCode(
  rows: readonly { row: number; unitCode: string | null }[],
  opts: { home: { id: string; name: string }; units: readonly PlacementUnit[] },
): Placement {
  const active = new Map<string, PlacementUnit[]>();
  const ended = new Map<string, PlacementUnit>();
  for (const u of opts.units) {
    const key = codeKey(u.code);
    if (u.validTo === null) active.set(key, [...(active.get(key) ?? []), u]);
    else if (!ended.has(key) || ended.get(key)!.validTo! < u.validTo) ended.set(key, u);
  }
  const unitOf = new Map<number, string>();
  const errors: ImportIssue[] = [];
  const refuse = (row: number, message: string) => errors.push({ row, column: UNIT_CODE_HEADER, message });
  for (const r of rows) {
    if (r.unitCode === null) {
      unitOf.set(r.row, opts.home.id);
      continue;
    }
    const key = codeKey(r.unitCode);
    const found = active.get(key);
    if (found && found.length === 1) {
      unitOf.set(r.row, found[0]!.id);
    } else if (found) {
      refuse(r.row, `Mã đơn vị "${r.unitCode}" là mã của ${found.length} đơn vị (${found.map((u) => `"${u.name}"`).join(', ')}); hãy sửa mã trong cây đơn vị`);
    } else if (ended.has(key)) {
      const gone = ended.get(key)!;
      refuse(r.row, `Mã đơn vị "${r.unitCode}" là của "${gone.name}", đã giải thể hoặc sáp nhập từ ${formatViDate(gone.validTo!)}`);
    } else {
      refuse(r.row, `Mã đơn vị "${r.unitCode}" không có trong cây đơn vị của "${opts.home.name}"`);
    }
  }
  return { unitOf, errors };
}

/** How many rows go to each unit, in the order the units are first met. */
export function countByUnit(unitIds: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of unitIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
