import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { countByUnit, placeByUnitCode } from './import-units.ts';
import type { PlacementUnit } from './import-units.ts';

const HOME = { id: 'home', name: 'Đảng bộ Sở Tài chính' };
const UNITS: PlacementUnit[] = [
  { id: 'home', code: 'DB.STC', name: HOME.name, validTo: null },
  { id: 'c1', code: 'CB01', name: 'Chi bộ Văn phòng', validTo: null },
  { id: 'c2', code: 'cb 02', name: 'Chi bộ Thanh tra', validTo: null },
  { id: 'gone', code: 'CB03', name: 'Chi bộ Kho bạc', validTo: '2021-12-31' as IsoDate },
  { id: 'twin1', code: 'CB04', name: 'Chi bộ A', validTo: null },
  { id: 'twin2', code: 'cb04', name: 'Chi bộ B', validTo: null },
];

describe('placing rows in units by their code', () => {
  it('puts a row without a code in the importing unit and a coded row in the unit of its code, ignoring case and spaces', () => {
    const p = placeByUnitCode(
      [{ row: 2, unitCode: null }, { row: 3, unitCode: 'cb01' }, { row: 4, unitCode: 'CB  02' }, { row: 5, unitCode: 'db.stc' }],
      { home: HOME, units: UNITS },
    );
    expect(p.errors).toEqual([]);
    expect([...p.unitOf]).toEqual([[2, 'home'], [3, 'c1'], [4, 'c2'], [5, 'home']]);
  });

  it('refuses an unknown code with the row and the column, the same words as a code of another part of the tree', () => {
    const p = placeByUnitCode([{ row: 7, unitCode: 'XX9' }], { home: HOME, units: UNITS });
    expect(p.unitOf.size).toBe(0);
    expect(p.errors).toEqual([{ row: 7, column: 'Mã đơn vị', message: 'Mã đơn vị "XX9" không có trong cây đơn vị của "Đảng bộ Sở Tài chính"' }]);
    // The server hands over only the subtree: a unit elsewhere is simply absent, so its code reads as unknown.
    const elsewhere = placeByUnitCode([{ row: 7, unitCode: 'CB01' }], { home: HOME, units: UNITS.filter((u) => u.id !== 'c1') });
    expect(elsewhere.errors[0]!.message).toBe('Mã đơn vị "CB01" không có trong cây đơn vị của "Đảng bộ Sở Tài chính"');
  });

  it('refuses the code of an ended unit and one that several units share', () => {
    const p = placeByUnitCode([{ row: 2, unitCode: 'CB03' }, { row: 3, unitCode: 'CB04' }], { home: HOME, units: UNITS });
    expect(p.unitOf.size).toBe(0);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Mã đơn vị'], [3, 'Mã đơn vị']]);
    expect(p.errors[0]!.message).toBe('Mã đơn vị "CB03" là của "Chi bộ Kho bạc", đã giải thể hoặc sáp nhập từ 31/12/2021');
    expect(p.errors[1]!.message).toMatch(/là mã của 2 đơn vị \("Chi bộ A", "Chi bộ B"\)/);
  });

  it('prefers the active unit when an ended one had the same code', () => {
    const p = placeByUnitCode([{ row: 2, unitCode: 'CB03' }], { home: HOME, units: [...UNITS, { id: 'new', code: 'CB03', name: 'Chi bộ mới', validTo: null }] });
    expect(p.errors).toEqual([]);
    expect(p.unitOf.get(2)).toBe('new');
  });

  it('counts the rows of each unit in the order they are met', () => {
    expect([...countByUnit(['c1', 'home', 'c1'])]).toEqual([['c1', 2], ['home', 1]]);
  });
});
