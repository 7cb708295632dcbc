import { describe, expect, it } from 'vitest';
import type { TreePath } from '../access/scope.ts';
import type { IsoDate } from '../ids.ts';
import type { UnitState } from './restructure.ts';
import { checkDissolve, checkMerge, checkMove, checkSplit, rebasePath } from './restructure.ts';

const d = (s: string) => s as IsoDate;
const unit = (id: string, path: string, validTo: string | null = null): UnitState => ({
  id, name: `Chi bộ ${id}`, path: path as TreePath, validFrom: d('2020-01-01'), validTo: validTo as IsoDate | null,
});

describe('checkMove', () => {
  it('refuses moving a unit below itself', () => {
    expect(() => checkMove(unit('g', 'r.g'), unit('c', 'r.g.c'), d('2022-01-01'))).toThrow(/cấp dưới/);
  });
  it('refuses a dissolved unit and a date before the unit existed', () => {
    expect(() => checkMove(unit('g', 'r.g', '2021-01-01'), unit('h', 'r.h'), d('2022-01-01'))).toThrow(/giải thể/);
    expect(() => checkMove(unit('g', 'r.g'), unit('h', 'r.h'), d('2019-01-01'))).toThrow(/trước ngày thành lập/);
  });
  it('accepts a move to another branch', () => {
    expect(() => checkMove(unit('g', 'r.g'), unit('h', 'r.h'), d('2022-01-01'))).not.toThrow();
  });
});

describe('checkMerge', () => {
  it('needs two units in all', () => {
    expect(() => checkMerge([unit('a', 'r.a')], null, d('2022-01-01'))).toThrow(/hai đơn vị/);
    expect(() => checkMerge([unit('a', 'r.a')], unit('b', 'r.b'), d('2022-01-01'))).not.toThrow();
  });
  it('refuses nested sources and a target among the sources', () => {
    expect(() => checkMerge([unit('a', 'r.a'), unit('b', 'r.a.b')], null, d('2022-01-01'))).toThrow(/cấp dưới/);
    expect(() => checkMerge([unit('a', 'r.a'), unit('b', 'r.b')], unit('a', 'r.a'), d('2022-01-01'))).toThrow();
  });
});

describe('checkSplit and checkDissolve', () => {
  it('split makes at least two parts', () => {
    expect(() => checkSplit(unit('a', 'r.a'), 1, d('2022-01-01'))).toThrow(/hai/);
  });
  it('dissolve refuses a unit with active children', () => {
    expect(() => checkDissolve(unit('a', 'r.a'), 3, d('2022-01-01'))).toThrow(/3 đơn vị/);
    expect(() => checkDissolve(unit('a', 'r.a'), 0, d('2022-01-01'))).not.toThrow();
  });
});

describe('rebasePath', () => {
  it('moves a descendant path to the new prefix', () => {
    expect(rebasePath('r.g.c.x' as TreePath, 'r.g' as TreePath, 'r.h.g' as TreePath)).toBe('r.h.g.c.x');
  });
});
