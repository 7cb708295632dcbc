import { DomainError } from '../errors.ts';
import type { TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';
import type { IsoDate } from '../ids.ts';
import { formatViDate } from '../text/dates.ts';

/** The part of a unit that restructuring rules look at. */
export type UnitState = {
  id: string;
  name: string;
  path: TreePath;
  validFrom: IsoDate;
  validTo: IsoDate | null;
};

/** Every restructuring event kind, recorded in `unit_event`. */
export const UNIT_EVENT_KINDS = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'] as const;
export type UnitEventKind = (typeof UNIT_EVENT_KINDS)[number];

function assertActive(unit: UnitState, on: IsoDate): void {
  if (unit.validTo !== null) {
    throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập, không thể thay đổi.`);
  }
  if (on < unit.validFrom) {
    throw new DomainError('DATE_BEFORE_UNIT', `Ngày hiệu lực ${formatViDate(on)} trước ngày thành lập của "${unit.name}" (${formatViDate(unit.validFrom)}).`);
  }
}

/** Checks that `unit` may move under `newParent` on `on`; throws a DomainError otherwise. */
export function checkMove(unit: UnitState, newParent: UnitState, on: IsoDate): void {
  assertActive(unit, on);
  assertActive(newParent, on);
  if (isWithin(newParent.path, unit.path)) {
    throw new DomainError('MOVE_INTO_OWN_SUBTREE', `Không thể chuyển "${unit.name}" vào chính nó hoặc đơn vị cấp dưới của nó.`);
  }
}

/**
 * Checks a merge of `sources` into `target` (an existing unit, or a new one when null).
 * A merge needs at least two units in all: two sources into a new unit, or one source into another unit.
 */
export function checkMerge(sources: UnitState[], target: UnitState | null, on: IsoDate): void {
  const ids = new Set(sources.map((s) => s.id));
  if (ids.size !== sources.length) throw new DomainError('DUPLICATE_UNITS', 'Danh sách đơn vị sáp nhập có đơn vị trùng nhau.');
  if (sources.length + (target ? 1 : 0) < 2) {
    throw new DomainError('MERGE_NEEDS_TWO', 'Cần ít nhất hai đơn vị để sáp nhập.');
  }
  for (const s of sources) assertActive(s, on);
  if (target) {
    assertActive(target, on);
    if (ids.has(target.id)) throw new DomainError('MERGE_INTO_SELF', 'Đơn vị nhận sáp nhập không được nằm trong danh sách đơn vị bị sáp nhập.');
    for (const s of sources) {
      if (isWithin(target.path, s.path)) {
        throw new DomainError('MOVE_INTO_OWN_SUBTREE', `Không thể sáp nhập "${s.name}" vào đơn vị cấp dưới của nó.`);
      }
    }
  }
  for (const a of sources) {
    for (const b of sources) {
      if (a !== b && isWithin(b.path, a.path)) {
        throw new DomainError('MERGE_NESTED', `"${b.name}" là đơn vị cấp dưới của "${a.name}", không thể sáp nhập cùng nhau.`);
      }
    }
  }
}

/** Checks a split of `unit` into `parts` new units (at least two). */
export function checkSplit(unit: UnitState, partCount: number, on: IsoDate): void {
  assertActive(unit, on);
  if (partCount < 2) throw new DomainError('SPLIT_NEEDS_TWO', 'Chia tách cần tạo ít nhất hai đơn vị mới.');
}

/** Checks that `unit` may be dissolved: it must have no active sub-unit left. */
export function checkDissolve(unit: UnitState, activeChildren: number, on: IsoDate): void {
  assertActive(unit, on);
  if (activeChildren > 0) {
    throw new DomainError('UNIT_HAS_CHILDREN', `"${unit.name}" còn ${activeChildren} đơn vị trực thuộc; hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước.`);
  }
}

export function checkRename(unit: UnitState, on: IsoDate): void {
  assertActive(unit, on);
}

/** The new path of a descendant when its ancestor moves from `oldPrefix` to `newPrefix`. */
export function rebasePath(path: TreePath, oldPrefix: TreePath, newPrefix: TreePath): TreePath {
  if (!isWithin(path, oldPrefix)) throw new Error(`rebasePath: ${path} is not within ${oldPrefix}`);
  return (newPrefix + path.slice(oldPrefix.length)) as TreePath;
}
