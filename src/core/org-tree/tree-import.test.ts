import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { mayContain } from './containment.ts';
import type { UnitKind } from './kinds.ts';
import { UNIT_KIND_NAMES, UNIT_KINDS } from './kinds.ts';
import type { ExistingUnit, TreeRow } from './tree-import-rows.ts';
import { checkTreeRows, matchTreeHeader, parseUnitKind, readTreeSheet, TREE_COLUMNS, treeHeader } from './tree-import-rows.ts';
import type { TreeChange, TreeImportPlan } from './tree-import.ts';
import { applyTreePlan, planTreeImport, treeToRows } from './tree-import.ts';

const ON = '2030-01-01' as IsoDate;
const COL = {
  code: treeHeader('code'),
  name: treeHeader('name'),
  kind: treeHeader('kind'),
  parentCode: treeHeader('parentCode'),
  validFrom: treeHeader('validFrom'),
  termEnd: treeHeader('termEnd'),
};

const addDays = (d: IsoDate, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10) as IsoDate;

/** Parent and child kinds as the demo trees (Tuyên Quang, Hồ Chí Minh, Kỳ Anh, Trà Vinh) nest them. */
const DEMO_PAIRS: [UnitKind, UnitKind][] = [
  ['bloc_committee', 'department'], ['bloc_committee', 'grassroots'], ['bloc_committee', 'grassroots_cell'], ['bloc_committee', 'mass_org'],
  ['bloc_committee', 'youth_bloc'], ['district_committee', 'department'], ['district_committee', 'grassroots'], ['grassroots', 'cell'],
  ['grassroots', 'department'], ['grassroots', 'mass_org'], ['grassroots', 'youth_grassroots'], ['province_committee', 'bloc_committee'],
  ['province_committee', 'department'], ['province_committee', 'district_committee'], ['province_committee', 'grassroots'],
  ['youth_bloc', 'youth_cell'], ['youth_bloc', 'youth_grassroots'], ['youth_city', 'youth_bloc'], ['youth_grassroots', 'youth_cell'],
];

describe('mayContain', () => {
  it('accepts every nesting of the demo trees and of the Charter', () => {
    for (const [p, c] of DEMO_PAIRS) expect(mayContain(p, c), `${p} > ${c}`).toBe(true);
    for (const [p, c] of [
      ['central', 'province_committee'], ['central', 'bloc_committee'], ['bloc_committee', 'cell'], ['district_committee', 'cell'],
      ['grassroots', 'sub_grassroots'], ['sub_grassroots', 'cell'], ['district_committee', 'grassroots_cell'], ['central', 'department'],
      ['province_committee', 'state_body'], ['state_body', 'state_body'], ['mass_org', 'mass_org'], ['province_committee', 'youth_city'],
    ] as [UnitKind, UnitKind][]) {
      expect(mayContain(p, c), `${p} > ${c}`).toBe(true);
    }
  });

  it('refuses a unit under one that cannot lead it', () => {
    for (const [p, c] of [
      ['cell', 'cell'], ['grassroots', 'grassroots'], ['grassroots_cell', 'cell'], ['department', 'cell'], ['department', 'mass_org'],
      ['youth_bloc', 'cell'], ['mass_org', 'grassroots'], ['state_body', 'grassroots'], ['youth_cell', 'youth_grassroots'],
      ['youth_bloc', 'mass_org'], ['mass_org', 'youth_cell'], ['cell', 'grassroots'], ['province_committee', 'province_committee'],
      ['grassroots', 'youth_bloc'], ['sub_grassroots', 'department'], ['bloc_committee', 'youth_cell'],
    ] as [UnitKind, UnitKind][]) {
      expect(mayContain(p, c), `${p} > ${c}`).toBe(false);
    }
  });

  it('puts nothing above the Central Committee and nothing of the Party under another family', () => {
    for (const p of UNIT_KIND_NAMES) {
      expect(mayContain(p, 'central')).toBe(false);
      for (const c of UNIT_KIND_NAMES) {
        if (UNIT_KINDS[c].family === 'party' && UNIT_KINDS[p].family !== 'party') expect(mayContain(p, c), `${p} > ${c}`).toBe(false);
        // No kind contains its own parent kind the other way round, except kinds nesting in themselves.
        if (p !== c && mayContain(p, c)) expect(mayContain(c, p), `${c} > ${p}`).toBe(false);
      }
    }
  });
});

describe('parseUnitKind', () => {
  it('reads a kind by its code or its Vietnamese label, whatever the diacritics and case', () => {
    expect(parseUnitKind('grassroots')).toBe('grassroots');
    expect(parseUnitKind('Đảng bộ cơ sở')).toBe('grassroots');
    expect(parseUnitKind('  dang bo  CO SO ')).toBe('grassroots');
    expect(parseUnitKind('Chi bộ')).toBe('cell');
    expect(parseUnitKind('chi bo co so')).toBe('grassroots_cell');
    expect(parseUnitKind('Thành ủy')).toBe('province_committee');
    expect(parseUnitKind('Tỉnh ủy, Thành ủy')).toBe('province_committee');
    expect(parseUnitKind('Quận ủy')).toBe('district_committee');
    expect(parseUnitKind('Tổ chức đoàn thể')).toBe('mass_org');
    expect(parseUnitKind('Cơ quan nhà nước')).toBe('state_body');
    expect(parseUnitKind('Party cell')).toBe('cell');
    for (const k of UNIT_KIND_NAMES) expect(parseUnitKind(UNIT_KINDS[k].vi)).toBe(k);
    expect(parseUnitKind('Chi bộ ảo')).toBeNull();
  });
});

describe('matchTreeHeader', () => {
  it('knows every column of the template whatever its diacritics and case, and no other', () => {
    for (const c of TREE_COLUMNS) for (const h of [c.header, ...c.aliases]) expect(matchTreeHeader(h), h).toBe(c.field);
    expect(matchTreeHeader('MÃ ĐƠN VỊ (*)')).toBe('code');
    expect(matchTreeHeader('ma don vi cap tren')).toBe('parentCode');
    expect(matchTreeHeader('Họ và tên')).toBeNull();
  });
});

/** A row as a person types it; the fields left out are empty. */
function row(rowNumber: number, code: string | null, name: string | null, kind: string | null, parentCode: string | null, extra: Partial<TreeRow> = {}): TreeRow {
  return { rowNumber, code, name, shortName: null, kind, parentCode, validFrom: '01/10/2020', ...extra };
}

function unit(id: string, code: string | null, kind: UnitKind, parentId: string | null, extra: Partial<ExistingUnit> = {}): ExistingUnit {
  return {
    id, code, name: `Đơn vị ${code ?? id}`, shortName: null, kind, parentId, validFrom: '2020-10-01' as IsoDate, validTo: null, termLabel: null, termStart: null, termEnd: null, ...extra,
  };
}

const errorsAt = (errors: { row: number; column: string | null; message: string }[], r: number) => errors.filter((e) => e.row === r);

describe('checkTreeRows', () => {
  it('names each problem by its row and column, and a row under a row in error', () => {
    const rows = [
      row(2, 'K', 'Đảng ủy Khối', 'Đảng ủy Khối', null),
      row(3, null, 'Không mã', 'Chi bộ', 'K'),
      row(4, 'A', null, 'Đảng bộ cơ sở', 'K'),
      row(5, 'B', 'Đảng bộ B', null, 'K'),
      row(6, 'K', 'Trùng mã', 'Đảng bộ cơ sở', null),
      row(7, 'C', 'Đảng bộ C', 'Đảng bộ cơ sở', 'X'),
      row(8, 'D', 'Chi bộ D', 'Chi bộ', 'A'),
      row(9, 'E', 'Đảng bộ E', 'Đảng bộ cơ sở', 'K', { validFrom: '31/02/2021' }),
      row(10, 'F', 'Đảng bộ F', 'Đảng bộ cơ sở', 'K', { validFrom: '01/01/2019' }),
      row(11, 'G', 'Đảng bộ G', 'Chi đoàn', 'K'),
      row(12, 'H', 'Đảng bộ H', 'Đảng bộ cơ sở', 'K', { termStart: '2020-10-01', termEnd: '2020-09-30' }),
      row(13, 'I', 'Đảng bộ I', 'Đảng bộ cơ sở', 'K', { validFrom: '2021-03-05', termLabel: '2020 - 2025' }),
      row(14, 'J', 'Chi bộ J', 'Chi bộ', 'I', { validFrom: null }),
    ];
    const { good, errors } = checkTreeRows(rows, { existing: [], effectiveDate: ON });
    expect(good.map((g) => g.code)).toEqual(['K', 'I', 'J']);
    expect(good[1]).toMatchObject({ validFrom: '2021-03-05', termLabel: '2020 - 2025', kind: 'grassroots', parentCode: 'K' });
    expect(good[2]!.validFrom).toBeNull();
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, COL.code], [4, COL.name], [5, COL.kind], [6, COL.code], [7, COL.parentCode], [8, COL.parentCode],
      [9, COL.validFrom], [10, COL.validFrom], [11, COL.kind], [12, COL.termEnd],
    ]);
    expect(errorsAt(errors, 3)[0]!.message).toBe('Hãy ghi mã đơn vị');
    expect(errorsAt(errors, 4)[0]!.message).toBe('Hãy ghi tên đơn vị');
    expect(errorsAt(errors, 5)[0]!.message).toBe('Hãy ghi loại đơn vị');
    expect(errorsAt(errors, 6)[0]!.message).toBe('Mã đơn vị "K" trùng với dòng 2');
    expect(errorsAt(errors, 7)[0]!.message).toBe('Mã đơn vị cấp trên "X" không có trong tệp và không có trong cây đơn vị');
    expect(errorsAt(errors, 8)[0]!.message).toBe('Đơn vị cấp trên có lỗi (dòng 4)');
    expect(errorsAt(errors, 9)[0]!.message).toContain('không có trên lịch');
    expect(errorsAt(errors, 10)[0]!.message).toBe('Ngày thành lập 01/01/2019 trước ngày thành lập của đơn vị cấp trên K (01/10/2020)');
    expect(errorsAt(errors, 11)[0]!.message).toBe('"Chi đoàn" không thể trực thuộc "Đảng ủy Khối" (K)');
    expect(errorsAt(errors, 12)[0]!.message).toBe('Ngày kết thúc nhiệm kỳ 30/09/2020 trước ngày bắt đầu 01/10/2020');
  });

  it('reports every row of a cycle and the rows under it, and a unit above itself', () => {
    const rows = [
      row(2, 'K', 'Khối', 'bloc_committee', null),
      row(3, 'A', 'A', 'grassroots', 'C'),
      row(4, 'B', 'B', 'grassroots', 'A'),
      row(5, 'C', 'C', 'grassroots', 'B'),
      row(6, 'D', 'D', 'cell', 'B'),
      row(7, 'S', 'S', 'grassroots', 'S'),
    ];
    const { good, errors } = checkTreeRows(rows, { existing: [], effectiveDate: ON });
    expect(good.map((g) => g.code)).toEqual(['K']);
    for (const r of [3, 4, 5]) expect(errorsAt(errors, r).some((e) => e.column === COL.parentCode && e.message.startsWith('Vòng lặp đơn vị cấp trên:'))).toBe(true);
    expect(errorsAt(errors, 6)).toEqual([{ row: 6, column: COL.parentCode, message: expect.stringMatching(/^Đơn vị cấp trên có lỗi \(dòng [345]\)$/) }]);
    expect(errorsAt(errors, 7)).toEqual([{ row: 7, column: COL.parentCode, message: 'Đơn vị không thể là cấp trên của chính nó' }]);
  });

  it('finds a cycle through units of the tree the file does not list, and parents among them', () => {
    const existing = [unit('k', 'K', 'bloc_committee', null), unit('a', 'A', 'grassroots', 'k'), unit('c', 'C', 'cell', 'a'), unit('old', 'OLD', 'grassroots', 'k', { validTo: '2025-03-01' as IsoDate })];
    const { errors } = checkTreeRows(
      [row(2, 'A', 'A', 'grassroots', 'C', { validFrom: null }), row(3, 'N', 'N', 'cell', 'a'), row(4, 'M', 'M', 'cell', 'old'), row(5, 'old', 'Lại', 'cell', 'A')],
      { existing, effectiveDate: ON },
    );
    expect(errorsAt(errors, 2).map((e) => e.column)).toContain(COL.parentCode);
    expect(errorsAt(errors, 2).find((e) => e.column === COL.parentCode)!.message).toBe('Vòng lặp đơn vị cấp trên: A → C → A');
    // Codes match whatever their case: "a" is A, which is in error.
    expect(errorsAt(errors, 3)).toEqual([{ row: 3, column: COL.parentCode, message: 'Đơn vị cấp trên có lỗi (dòng 2)' }]);
    expect(errorsAt(errors, 4)[0]!.message).toBe('Đơn vị cấp trên "old" (Đơn vị OLD) đã giải thể hoặc sáp nhập từ 01/03/2025');
    expect(errorsAt(errors, 5)[0]).toMatchObject({ column: COL.code, message: expect.stringContaining('đã giải thể hoặc sáp nhập') });
  });

  it('refuses changes an existing unit may not take', () => {
    const existing = [
      unit('k', 'K', 'bloc_committee', null),
      unit('a', 'A', 'grassroots', 'k'),
      unit('c', 'C', 'cell', 'a'),
      unit('n', 'NEW', 'grassroots', 'k', { validFrom: '2031-01-01' as IsoDate }),
    ];
    const { errors, good } = checkTreeRows(
      [
        row(2, 'A', 'Đảng bộ A', 'Chi bộ cơ sở', 'K', { validFrom: null }),
        row(3, 'C', 'Chi bộ C', 'Chi bộ', 'NEW', { validFrom: null }),
        row(4, 'NEW', 'Đơn vị NEW', 'grassroots', 'K', { validFrom: '02/01/2031' }),
      ],
      { existing, effectiveDate: ON },
    );
    expect(good).toEqual([]);
    expect(errorsAt(errors, 2)).toEqual([
      { row: 2, column: COL.kind, message: 'Không đổi được loại đơn vị thành "Chi bộ cơ sở": đơn vị cấp dưới "Đơn vị C" (Chi bộ) không thể trực thuộc loại đó' },
    ]);
    expect(errorsAt(errors, 3)).toEqual([
      { row: 3, column: COL.parentCode, message: 'Ngày hiệu lực 01/01/2030 trước ngày thành lập của đơn vị cấp trên mới NEW (02/01/2031)' },
    ]);
    expect(errorsAt(errors, 4)[0]!.message).toContain('không sửa ngày thành lập khi nhập');
  });
});

// ---------------------------------------------------------------------------------------------
// Random trees that respect mayContain.

const NAMES = ['Đảng bộ Sở Tài chính', 'Chi bộ Văn phòng', 'Ban Tuyên giáo', 'Đoàn Thanh niên', 'Công đoàn Viên chức', 'Chi bộ Phòng Kỹ thuật', 'Hội Cựu chiến binh'];
const PARENT_KINDS = UNIT_KIND_NAMES.filter((p) => UNIT_KIND_NAMES.some((c) => mayContain(p, c)));

const nodeArb = fc.record({
  parentPick: fc.nat(),
  kindPick: fc.nat(),
  name: fc.constantFrom(...NAMES),
  shortName: fc.option(fc.constantFrom('BTG', 'VP', 'Đoàn Khối'), { nil: null }),
  term: fc.boolean(),
  days: fc.integer({ min: 0, max: 900 }),
});

/** A tree of 1 to `max` units built from random picks: each unit under an earlier one whose kind may contain it. */
const treeArb = (max: number) =>
  fc.record({ rootPick: fc.nat(), nodes: fc.array(nodeArb, { maxLength: max - 1 }), start: fc.integer({ min: 0, max: 3000 }) }).map(({ rootPick, nodes, start }) => {
    const root = unit('id-0', 'DV.0', PARENT_KINDS[rootPick % PARENT_KINDS.length]!, null, { name: 'Đảng ủy Khối', validFrom: addDays('2000-01-01' as IsoDate, start) });
    const units: ExistingUnit[] = [root];
    nodes.forEach((n, i) => {
      const parents = units.filter((u) => PARENT_KINDS.includes(u.kind));
      const parent = parents[n.parentPick % parents.length]!;
      const kinds = UNIT_KIND_NAMES.filter((k) => mayContain(parent.kind, k));
      const id = `id-${i + 1}`;
      units.push(unit(id, `DV.${i + 1}`, kinds[n.kindPick % kinds.length]!, parent.id, {
        name: `${n.name} ${i + 1}`,
        shortName: n.shortName,
        validFrom: addDays(parent.validFrom, n.days),
        ...(n.term ? { termLabel: '2020 - 2025', termStart: '2020-10-01' as IsoDate, termEnd: '2025-09-30' as IsoDate } : {}),
      }));
    });
    return units;
  });

const byId = (units: readonly ExistingUnit[]) => [...units].sort((a, b) => a.id.localeCompare(b.id));
const idOfCode = (code: string) => `id-${code.slice(3)}`;
const kindsOf = (plan: TreeImportPlan) => [...new Set(plan.changes.map((c) => c.kind))];

/** True when `a` is `b` or below it. */
function isWithin(units: readonly ExistingUnit[], a: string, b: string): boolean {
  const map = new Map(units.map((u) => [u.id, u]));
  for (let u = map.get(a); u; u = u.parentId === null ? undefined : map.get(u.parentId)) if (u.id === b) return true;
  return false;
}

describe('a tree list round trip', () => {
  it('imports the export of any tree into an empty tree and gets the same tree, which a new import leaves unchanged', () => {
    fc.assert(
      fc.property(treeArb(40), (tree) => {
        const rows = treeToRows(tree);
        expect(rows).toHaveLength(tree.length);
        const plan = planTreeImport(rows, { existing: [], effectiveDate: ON });
        expect(plan.errors).toEqual([]);
        expect(kindsOf(plan)).toEqual(['create']);
        const built = applyTreePlan([], plan, idOfCode);
        expect(byId(built)).toEqual(byId(tree));
        expect(treeToRows(built)).toEqual(rows);

        const again = planTreeImport(rows, { existing: tree, effectiveDate: ON });
        expect(again.errors).toEqual([]);
        expect(again.missing).toEqual([]);
        expect(again.changes.map((c) => c.kind)).toEqual(tree.map(() => 'unchanged'));
      }),
      { numRuns: 300 },
    );
  });

  it('creates parents before their sub-units, whatever the order of the rows', () => {
    fc.assert(
      fc.property(treeArb(30).chain((tree) => fc.tuple(fc.constant(tree), fc.shuffledSubarray(treeToRows(tree), { minLength: tree.length }))), ([tree, shuffled]) => {
        const plan = planTreeImport(shuffled, { existing: [], effectiveDate: ON });
        expect(plan.errors).toEqual([]);
        const created = new Set<string | null>([null]);
        for (const c of plan.changes) {
          if (c.kind !== 'create') throw new Error(c.kind);
          expect(created.has(c.unit.parentCode)).toBe(true);
          created.add(c.code);
        }
        expect(byId(applyTreePlan([], plan, idOfCode))).toEqual(byId(tree));
      }),
      { numRuns: 200 },
    );
  });

  it('reads back the kinds by code and the dates in ISO as the same list', () => {
    fc.assert(
      fc.property(treeArb(20), (tree) => {
        const iso = (d: string | null | undefined) => (d ? d.split('/').reverse().join('-') : null);
        const rows = treeToRows(tree).map((r) => ({ ...r, kind: parseUnitKind(r.kind!)!, validFrom: iso(r.validFrom), termStart: iso(r.termStart), termEnd: iso(r.termEnd) }));
        const plan = planTreeImport(rows, { existing: tree, effectiveDate: ON });
        expect(plan.errors).toEqual([]);
        expect(kindsOf(plan)).toEqual(['unchanged']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('renames and moves in a tree list', () => {
  const editArb = fc.record({ rename: fc.boolean(), move: fc.boolean(), pick: fc.nat(), newName: fc.constantFrom('Đảng bộ Sở Tài chính (mới)', 'Chi bộ Văn phòng 2', 'Tên mới') });

  it('become exactly the renames and moves made on the rows, dated the import day, and lead to the tree edited by hand', () => {
    fc.assert(
      fc.property(treeArb(30), fc.array(editArb, { maxLength: 8 }), (tree, edits) => {
        const rows = treeToRows(tree);
        const byHand = tree.map((u) => ({ ...u }));
        const find = (id: string) => byHand.find((u) => u.id === id)!;
        const renames = new Map<string, string>();
        const moves = new Map<string, string>();
        edits.forEach((e, i) => {
          const u = byHand[1 + (i + e.pick) % Math.max(1, byHand.length - 1)];
          if (!u || u.parentId === null) return;
          if (e.rename && !renames.has(u.code!)) {
            const name = `${e.newName} ${i}`;
            u.name = name;
            renames.set(u.code!, name);
          }
          if (e.move) {
            const targets = byHand.filter((p) => p.id !== u.parentId && !isWithin(byHand, p.id, u.id) && mayContain(p.kind, u.kind));
            const to = targets[e.pick % Math.max(1, targets.length)];
            if (!to) return;
            u.parentId = to.id;
            moves.set(u.code!, to.code!);
          }
        });
        const edited = rows.map((r) => {
          const u = find(idOfCode(r.code!));
          return { ...r, name: u.name, parentCode: byHand.find((p) => p.id === u.parentId)?.code ?? null };
        });

        const plan = planTreeImport(edited, { existing: tree, effectiveDate: ON });
        expect(plan.errors).toEqual([]);
        expect(plan.missing).toEqual([]);
        const of = (kind: TreeChange['kind']) => plan.changes.filter((c) => c.kind === kind);
        expect(Object.fromEntries(of('rename').map((c) => [c.code, c.kind === 'rename' && c.on === ON ? c.to.name : '?']))).toEqual(Object.fromEntries(renames));
        const expectedMoves = new Map([...moves].filter(([code]) => find(idOfCode(code)).parentId !== tree.find((t) => t.code === code)!.parentId));
        expect(Object.fromEntries(of('move').map((c) => [c.code, c.kind === 'move' && c.on === ON ? c.toParentCode : '?']))).toEqual(
          Object.fromEntries([...expectedMoves].map(([code]) => [code, find(find(idOfCode(code)).parentId!).code])),
        );
        expect(of('create')).toEqual([]);
        expect(of('update')).toEqual([]);
        const touched = new Set([...renames.keys(), ...expectedMoves.keys()]);
        expect(of('unchanged').map((c) => c.code).sort()).toEqual(tree.map((u) => u.code!).filter((c) => !touched.has(c)).sort());
        expect(byId(applyTreePlan(tree, plan, () => 'never'))).toEqual(byId(byHand));
        // The tree after the import exports to the edited list (rows of moved units in their new place).
        expect(planTreeImport(edited, { existing: applyTreePlan(tree, plan, () => 'never'), effectiveDate: ON }).changes.every((c) => c.kind === 'unchanged')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reports an update of term or kind, and the units the list leaves out as missing', () => {
    const tree = [
      unit('k', 'K', 'bloc_committee', null),
      unit('a', 'A', 'grassroots', 'k', { name: ' Đảng bộ  Sở Tài chính' }),
      unit('c', 'C', 'cell', 'a'),
      unit('b', 'B', 'grassroots_cell', 'k'),
      unit('x', null, 'department', 'k'),
    ];
    const rows = treeToRows(tree).filter((r) => r.code !== 'C' && r.code !== 'x').map((r) =>
      r.code === 'A' ? { ...r, name: 'Đảng bộ Sở Tài chính' } : r.code === 'B' ? { ...r, kind: 'Đảng bộ cơ sở', termLabel: '2025 - 2030', termStart: '01/10/2025' } : r);
    const plan = planTreeImport(rows, { existing: tree, effectiveDate: ON });
    expect(plan.errors).toEqual([]);
    expect(plan.changes.filter((c) => c.kind === 'update')).toEqual([
      { kind: 'update', row: 4, code: 'B', unitId: 'b', set: { kind: 'grassroots', termLabel: '2025 - 2030', termStart: '2025-10-01' } },
    ]);
    // A name written with other spaces is the same name.
    expect(plan.changes.find((c) => c.code === 'A')!.kind).toBe('unchanged');
    expect(plan.missing).toEqual([{ unitId: 'c', code: 'C', name: 'Đơn vị C' }, { unitId: 'x', code: null, name: 'Đơn vị x' }]);
    // The unit the rows hang under is named as their parent: not missing though not listed.
    const under = planTreeImport(rows.filter((r) => r.code !== 'K'), { existing: tree, effectiveDate: ON });
    expect(under.missing.map((m) => m.unitId)).toEqual(['c', 'x']);
  });
});

// ---------------------------------------------------------------------------------------------
// Corrupted lists.

type Corruption = 'duplicate' | 'cycle' | 'unknownParent' | 'badKind' | 'badDate' | 'dateBeforeParent' | 'noName' | 'kindMisfit';
const CORRUPTIONS: Corruption[] = ['duplicate', 'cycle', 'unknownParent', 'badKind', 'badDate', 'dateBeforeParent', 'noName', 'kindMisfit'];

/** Corrupts row `i` (a unit below the top) of `rows`; returns the column that must be reported, or null when this row cannot take it. */
function corrupt(rows: TreeRow[], tree: readonly ExistingUnit[], i: number, how: Corruption): string | null {
  const r = rows[i]!;
  const u = tree.find((t) => t.code === r.code)!;
  const parent = tree.find((t) => t.id === u.parentId)!;
  switch (how) {
    case 'duplicate':
      rows[i] = { ...r, code: rows[0]!.code!.toLowerCase() };
      return COL.code;
    case 'cycle': {
      const below = tree.find((t) => t.id !== u.id && isWithin(tree, t.id, u.id));
      if (!below) return null;
      rows[i] = { ...r, parentCode: below.code };
      return COL.parentCode;
    }
    case 'unknownParent':
      rows[i] = { ...r, parentCode: 'KHÔNG.CÓ' };
      return COL.parentCode;
    case 'badKind':
      rows[i] = { ...r, kind: 'Chi bộ ảo' };
      return COL.kind;
    case 'badDate':
      rows[i] = { ...r, validFrom: '31/02/2021' };
      return COL.validFrom;
    case 'dateBeforeParent':
      rows[i] = { ...r, validFrom: addDays(parent.validFrom, -1) };
      return COL.validFrom;
    case 'noName':
      rows[i] = { ...r, name: '   ' };
      return COL.name;
    case 'kindMisfit': {
      const misfit = UNIT_KIND_NAMES.find((k) => !mayContain(parent.kind, k));
      if (!misfit) return null;
      rows[i] = { ...r, kind: UNIT_KINDS[misfit].vi };
      return COL.kind;
    }
  }
}

/**
 * Each row is either in error or in the plan; carrying out the good rows alone leaves no unit
 * without its parent and no cycle; a created unit's parent in the list is a good row.
 */
function expectNoGoodRowOnABadOne(rows: readonly TreeRow[], plan: TreeImportPlan, existing: readonly ExistingUnit[]): void {
  const bad = new Set(plan.errors.map((e) => e.row));
  const planned = new Set(plan.changes.map((c) => c.row));
  for (const r of rows) expect(bad.has(r.rowNumber) !== planned.has(r.rowNumber)).toBe(true);
  const good = new Set(plan.changes.map((c) => c.code.toUpperCase()));
  const listed = new Set(rows.map((r) => (r.code ?? '').trim().toUpperCase()));
  for (const c of plan.changes) {
    const parent = c.kind === 'create' ? c.unit.parentCode : c.kind === 'move' ? c.toParentCode : null;
    if (parent !== null && listed.has(parent.toUpperCase()) && !existing.some((u) => u.code === parent)) expect(good.has(parent.toUpperCase())).toBe(true);
  }
  const built = applyTreePlan(existing, plan, (code) => `new-${code}`);
  const map = new Map(built.map((u) => [u.id, u]));
  for (const u of built) {
    const seen = new Set<string>();
    for (let p: ExistingUnit | undefined = u; p && p.parentId !== null; p = map.get(p.parentId)) {
      expect(map.has(p.parentId)).toBe(true);
      expect(seen.has(p.id)).toBe(false);
      seen.add(p.id);
    }
  }
}

describe('a corrupted tree list', () => {
  it.each([
    ['an empty tree', false],
    ['the tree it was exported from', true],
  ])('reports each corruption on its row and column, and no good row depends on a bad one, imported into %s', (_, intoTree) => {
    fc.assert(
      fc.property(
        treeArb(30).filter((t) => t.length >= 3),
        fc.array(fc.record({ at: fc.nat(), how: fc.constantFrom(...CORRUPTIONS) }), { minLength: 1, maxLength: 3 }),
        (tree, corruptions) => {
          const rows = treeToRows(tree);
          const expected: { row: number; column: string }[] = [];
          const used = new Set<number>();
          for (const c of corruptions) {
            const i = 1 + (c.at % (rows.length - 1));
            if (used.has(i)) continue;
            const column = corrupt(rows, tree, i, c.how);
            if (column === null) continue;
            used.add(i);
            expected.push({ row: rows[i]!.rowNumber, column });
          }
          const existing = intoTree ? tree : [];
          const plan = planTreeImport(rows, { existing, effectiveDate: ON });
          for (const e of expected) {
            if (expected.length === 1) expect(plan.errors.filter((x) => x.row === e.row).map((x) => x.column)).toContain(e.column);
            else expect(plan.errors.some((x) => x.row === e.row)).toBe(true);
          }
          for (const e of plan.errors) expect(e.message.length).toBeGreaterThan(0);
          expectNoGoodRowOnABadOne(rows, plan, existing);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A Đảng ủy Khối of 80 units, as in Tuyên Quang's demo.

function khoi(): TreeRow[] {
  const rows: TreeRow[] = [];
  const add = (code: string, name: string, kind: string, parentCode: string | null, extra: Partial<TreeRow> = {}) =>
    rows.push({ rowNumber: rows.length + 2, code, name, shortName: null, kind, parentCode, validFrom: '01/10/2020', ...extra });
  add('DUK', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'Đảng ủy Khối', null, { shortName: 'ĐUK', termLabel: '2020 - 2025', termStart: '01/10/2020', termEnd: '30/09/2025' });
  ['Ban Tuyên giáo', 'Ban Tổ chức', 'Ủy ban Kiểm tra', 'Văn phòng'].forEach((n, i) => add(`DUK.B${i + 1}`, `${n} Đảng ủy Khối`, 'Ban, văn phòng của cấp ủy', 'DUK'));
  const sos = ['Tài chính', 'Giáo dục và Đào tạo', 'Y tế', 'Kế hoạch và Đầu tư', 'Nông nghiệp', 'Giao thông vận tải', 'Tài nguyên và Môi trường', 'Lao động', 'Xây dựng', 'Công Thương'];
  sos.forEach((so, i) => {
    const code = `DUK.${String(i + 1).padStart(2, '0')}`;
    add(code, `Đảng bộ Sở ${so}`, 'dang bo co so', 'DUK', { termLabel: '2020 - 2025' });
    for (let c = 1; c <= 5; c++) add(`${code}.${c}`, `Chi bộ ${c} Sở ${so}`, 'Chi bộ', code);
  });
  ['Tư pháp', 'Nội vụ', 'Khoa học và Công nghệ', 'Ngoại vụ', 'Văn hóa', 'Thông tin', 'Du lịch', 'Thanh tra'].forEach((so, i) => add(`DUK.CB${i + 1}`, `Chi bộ Sở ${so}`, 'Chi bộ cơ sở', 'DUK'));
  add('DUK.DK', 'Đoàn Thanh niên Khối các cơ quan và doanh nghiệp tỉnh', 'Đoàn Khối', 'DUK', { shortName: 'Đoàn Khối' });
  for (let c = 1; c <= 4; c++) add(`DUK.DK.${c}`, `Chi đoàn ${sos[c]}`, 'Chi đoàn', 'DUK.DK');
  add('DUK.CD', 'Công đoàn Viên chức tỉnh', 'Tổ chức đoàn thể', 'DUK');
  add('DUK.CCB', 'Hội Cựu chiến binh Khối', 'to chuc doan the', 'DUK');
  return rows;
}

describe('the tree of a Đảng ủy Khối', () => {
  it('is refused row by row with two bad rows, then imported, then re-imported unchanged', () => {
    const fixed = khoi();
    expect(fixed).toHaveLength(80);
    const broken = fixed.map((r) => ({ ...r }));
    broken[11] = { ...broken[11]!, parentCode: 'DUK.99' };
    broken[20] = { ...broken[20]!, kind: 'Chi bộ', parentCode: 'DUK.03.1' };

    const first = planTreeImport(broken, { existing: [], effectiveDate: '2026-12-01' as IsoDate });
    // Row 13 (Đảng bộ Sở Giáo dục) names a parent that does not exist: its five cells go with it.
    expect(first.errors.filter((e) => e.row === 13)).toEqual([
      { row: 13, column: COL.parentCode, message: 'Mã đơn vị cấp trên "DUK.99" không có trong tệp và không có trong cây đơn vị' },
    ]);
    expect(first.errors.filter((e) => e.row >= 14 && e.row <= 18).map((e) => e.message)).toEqual(Array(5).fill('Đơn vị cấp trên có lỗi (dòng 13)'));
    // Row 22 puts a Chi bộ under a Chi bộ.
    expect(first.errors.filter((e) => e.row === 22)).toEqual([{ row: 22, column: COL.kind, message: '"Chi bộ" không thể trực thuộc "Chi bộ" (DUK.03.1)' }]);
    expect(first.errors).toHaveLength(7);
    expect(first.changes).toHaveLength(73);

    const plan = planTreeImport(fixed, { existing: [], effectiveDate: '2026-12-01' as IsoDate });
    expect(plan.errors).toEqual([]);
    const tree = applyTreePlan([], plan, (code) => `u-${code}`);
    expect(tree).toHaveLength(80);
    expect(tree.find((u) => u.code === 'DUK')).toMatchObject({ kind: 'bloc_committee', parentId: null, shortName: 'ĐUK', termEnd: '2025-09-30' });
    expect(tree.filter((u) => u.parentId === 'u-DUK.DK').every((u) => u.kind === 'youth_cell')).toBe(true);
    expect(planTreeImport(fixed, { existing: tree, effectiveDate: '2027-01-01' as IsoDate }).changes.every((c) => c.kind === 'unchanged')).toBe(true);
    expect(planTreeImport(treeToRows(tree), { existing: tree, effectiveDate: '2027-01-01' as IsoDate }).changes.every((c) => c.kind === 'unchanged')).toBe(true);
  });
});

describe('the tree of a province', () => {
  it('plans 10,000 units at once, then finds them unchanged', () => {
    const rows: TreeRow[] = [row(2, 'T', 'Tỉnh ủy', 'province_committee', null)];
    for (let d = 1; d <= 20; d++) {
      rows.push(row(rows.length + 2, `T.${d}`, `Huyện ủy ${d}`, 'district_committee', 'T'));
      for (let g = 1; g <= 40; g++) {
        rows.push(row(rows.length + 2, `T.${d}.${g}`, `Đảng bộ xã ${g}`, 'grassroots', `T.${d}`));
        for (let c = 1; c <= 11; c++) rows.push(row(rows.length + 2, `T.${d}.${g}.${c}`, `Chi bộ thôn ${c}`, 'cell', `T.${d}.${g}`));
      }
    }
    const wide = 10_000 - rows.length;
    for (let c = 1; c <= wide; c++) rows.push(row(rows.length + 2, `T.1.1.x${c}`, `Chi bộ ${c}`, 'cell', 'T.1.1'));
    expect(rows).toHaveLength(10_000);
    const plan = planTreeImport([...rows].reverse(), { existing: [], effectiveDate: ON });
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0]).toMatchObject({ kind: 'create', code: 'T' });
    const tree = applyTreePlan([], plan, (code) => `id-${code}`);
    const again = planTreeImport(treeToRows(tree), { existing: tree, effectiveDate: ON });
    expect(again.changes.filter((c) => c.kind !== 'unchanged')).toEqual([]);
    expect(again.changes).toHaveLength(10_000);
  }, 30_000);
});

describe('the rules a server adds', () => {
  const tree = [unit('k', 'K', 'bloc_committee', null), unit('a', 'A', 'grassroots', 'k', { lastChange: '2030-06-01' as IsoDate }), unit('c', 'C', 'cell', 'a')];

  it('refuses a new top unit, a unit left without parent, a code held outside and a change before the last one, on their rows', () => {
    const rows = [
      row(2, 'TOP', 'Tỉnh ủy', 'province_committee', null),
      row(3, 'C', 'Đơn vị C', 'cell', null, { validFrom: null }),
      row(4, 'X', 'Chi bộ X', 'cell', 'A'),
      row(5, 'A', 'Tên mới', 'grassroots', 'K', { validFrom: null }),
      row(6, 'TOP.1', 'Đảng ủy Khối', 'bloc_committee', 'TOP'),
    ];
    const { errors } = checkTreeRows(rows, { existing: tree, effectiveDate: ON, mayCreateTop: false, mayMoveToTop: false, takenCodes: new Set(['X']) });
    expect(errors).toEqual([
      { row: 2, column: COL.parentCode, message: 'Hãy ghi mã đơn vị cấp trên: chỉ quản trị hệ thống được tạo đơn vị cao nhất' },
      { row: 3, column: COL.parentCode, message: 'Hãy ghi mã đơn vị cấp trên: đơn vị đang trực thuộc "Đơn vị A" và không thể thành đơn vị cao nhất' },
      { row: 4, column: COL.code, message: 'Mã đơn vị "X" đã được dùng cho một đơn vị khác, ngoài phạm vi nhập' },
      { row: 5, column: COL.name, message: 'Ngày hiệu lực 01/01/2030 trước ngày thay đổi gần nhất của đơn vị (01/06/2030)' },
      { row: 6, column: COL.parentCode, message: 'Đơn vị cấp trên có lỗi (dòng 2)' },
    ]);
    // By default (a tree of its own) all of it is allowed but the late rename.
    expect(checkTreeRows(rows, { existing: tree, effectiveDate: '2030-07-01' as IsoDate }).errors).toEqual([]);
  });

  it('lists a unit without a code by its id, and finds it again by that id', () => {
    const withNoCode = [...tree, unit('0b7c7a52-3f1e-4d7e-9a51-1c2d3e4f5a6b', null, 'cell', 'a')];
    const rows = treeToRows(withNoCode);
    expect(rows.at(-1)).toMatchObject({ code: '0b7c7a52-3f1e-4d7e-9a51-1c2d3e4f5a6b', parentCode: 'A' });
    const plan = planTreeImport(rows, { existing: withNoCode, effectiveDate: '2030-07-01' as IsoDate });
    expect(plan.changes.map((c) => c.kind)).toEqual(withNoCode.map(() => 'unchanged'));
  });
});

describe('readTreeSheet', () => {
  const sheet = (...rows: (string | Date | null)[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

  it('finds the header under title lines, reads every column by its header and skips blank rows', () => {
    const read = readTreeSheet(sheet(
      ['DANH SÁCH ĐƠN VỊ'],
      ['STT', 'MÃ ĐƠN VỊ (*)', 'Ten don vi', 'Loại', 'Trực thuộc', 'Ghi chú', 'Ngày thành lập'],
      [1, 'K', 'Đảng ủy Khối', 'Đảng ủy Khối', null, 'x', new Date('2020-10-01T00:00:00Z')] as never,
      [],
      [2, 'A', 'Đảng bộ A', 'Đảng bộ cơ sở', 'K', null, '01/10/2020'] as never,
    ), 100);
    expect(read.ignoredColumns).toEqual(['Ghi chú']);
    expect(read.rows).toEqual([
      { rowNumber: 3, code: 'K', name: 'Đảng ủy Khối', shortName: null, kind: 'Đảng ủy Khối', parentCode: null, termLabel: null, termStart: null, termEnd: null, validFrom: '2020-10-01' },
      { rowNumber: 5, code: 'A', name: 'Đảng bộ A', shortName: null, kind: 'Đảng bộ cơ sở', parentCode: 'K', termLabel: null, termStart: null, termEnd: null, validFrom: '01/10/2020' },
    ]);
    expect(checkTreeRows(read.rows, { existing: [], effectiveDate: ON }).errors).toEqual([]);
  });

  it('refuses a sheet that is no tree list', () => {
    expect(() => readTreeSheet(sheet(['Họ và tên', 'Loại thành viên'], ['An', 'Quần chúng']), 100)).toThrow(/Không tìm thấy dòng tiêu đề có cột "Mã đơn vị" và "Tên đơn vị"/);
    expect(() => readTreeSheet(sheet(['Mã đơn vị', 'Tên đơn vị'], ['A', 'B']), 100)).toThrow('Thiếu cột bắt buộc: "Loại đơn vị" (xem tệp mẫu).');
    expect(() => readTreeSheet(sheet(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị']), 100)).toThrow(/không có dòng dữ liệu/);
    expect(() => readTreeSheet(sheet(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị'], ['A', 'B', 'cell'], ['C', 'D', 'cell']), 1)).toThrow(/tối đa 1 dòng/);
  });
});
