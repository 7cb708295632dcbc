import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../text/fold.ts';
import type { NamedUnit } from './match-unit-names.ts';
import {
  buildUnitNameIndex, normalizeUnitName, proposeUnitForName, proposeUnitsForText, sideOfName, splitUnitNames, UNIT_ABBREVIATIONS,
} from './match-unit-names.ts';

const u = (id: string, name: string, parentId: string | null, shortName?: string): NamedUnit => ({ id, name, parentId, shortName: shortName ?? null });

// A province above a bloc committee whose departments are named in full, as the demo does, and one
// named bare; grassroots organisations with cells of the same name.
const TREE: NamedUnit[] = [
  u('tu', 'Tỉnh ủy Trà Vinh', null, 'TU'),
  u('tu-btg', 'Ban Tuyên giáo Tỉnh ủy', 'tu', 'BTGTU'),
  u('duk', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'tu', 'ĐUK'),
  u('btg', 'Ban Tuyên giáo Đảng ủy Khối', 'duk', 'BTG'),
  u('btc', 'Ban Tổ chức', 'duk'),
  u('ubkt', 'Ủy ban Kiểm tra Đảng ủy Khối', 'duk', 'UBKT'),
  u('vp', 'Văn phòng Đảng ủy Khối', 'duk', 'VP'),
  u('dtn', 'Đoàn Thanh niên Khối', 'duk'),
  u('cd', 'Công đoàn Khối', 'duk'),
  u('g1', 'Đảng bộ Sở Tư pháp', 'duk'),
  u('g1-vp', 'Chi bộ Văn phòng', 'g1'),
  u('g2', 'Đảng bộ Sở Tài chính', 'duk'),
  u('g2-vp', 'Chi bộ Văn phòng', 'g2'),
  u('g3', 'Đảng bộ Văn phòng Tỉnh ủy', 'duk'),
  u('elsewhere', 'Ban Tuyên giáo Huyện ủy Càng Long', 'x'),
];
const index = buildUnitNameIndex('duk', TREE);
const pick = (text: string) => proposeUnitForName(text, index);

describe('normalizeUnitName', () => {
  it('folds diacritics and case, spells out abbreviations, joined ones too', () => {
    expect(normalizeUnitName('Ban Tuyên giáo ĐUK')).toEqual('ban tuyen giao dang uy khoi'.split(' '));
    expect(normalizeUnitName('BTG DUK')).toEqual('ban tuyen giao dang uy khoi'.split(' '));
    expect(normalizeUnitName('UBKT Đảng uỷ')).toEqual('uy ban kiem tra dang uy'.split(' '));
    expect(normalizeUnitName('VPTU')).toEqual('van phong tinh uy'.split(' '));
    expect(normalizeUnitName('BTV Tỉnh ủy')).toEqual('ban thuong vu tinh uy'.split(' '));
    expect(normalizeUnitName('ĐTN, CĐ')).toEqual('doan thanh nien cong doan'.split(' '));
    expect(normalizeUnitName('Các ban XDĐ')).toEqual('cac ban xay dung dang'.split(' '));
  });
  it('reads "đảng bộ" as "đảng ủy" and "chi ủy" as "chi bộ"; leaves syllables that look like parts alone', () => {
    expect(normalizeUnitName('Đảng bộ Khối')).toEqual(normalizeUnitName('Đảng ủy Khối'));
    expect(normalizeUnitName('Chi ủy Chi bộ 3')).toEqual('chi bo chi bo 3'.split(' '));
    expect(normalizeUnitName('Sở Tư pháp')).toEqual('so tu phap'.split(' '));
    expect(normalizeUnitName('TƯ PHÁP')).toEqual('tu phap'.split(' '));
  });
});

describe('proposeUnitForName', () => {
  it('pre-selects the department named with its committee after it, exactly', () => {
    expect(pick('Ban Tuyên giáo Đảng ủy Khối')).toMatchObject({ selected: 'btg', exact: true });
    expect(pick('Ban Tổ chức Đảng ủy Khối')).toMatchObject({ selected: 'btc', exact: true });
    expect(pick('Ban Tổ chức')).toMatchObject({ selected: 'btc', exact: true });
    expect(pick('Ban Tuyên giáo')).toMatchObject({ selected: 'btg', exact: true });
    expect(pick('Ban Tuyên giáo Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh')).toMatchObject({ selected: 'btg', exact: true });
  });

  it('reads abbreviations, without diacritics, in any case', () => {
    for (const text of ['BTG ĐUK', 'BTG DUK', 'btg duk', 'BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI', 'ban tuyen giao dang uy khoi', 'Ban Tuyên giáo Đảng uỷ Khối']) {
      expect(pick(text), text).toMatchObject({ selected: 'btg', exact: true });
    }
    expect(pick('UBKT')).toMatchObject({ selected: 'ubkt', exact: true });
    expect(pick('VP ĐUK')).toMatchObject({ selected: 'vp', exact: true });
    expect(pick('ĐTN Khối')).toMatchObject({ selected: 'dtn', exact: true });
    expect(pick('CĐ Khối')).toMatchObject({ selected: 'cd', exact: true });
  });

  it('reads "Ban Thường vụ …" and "Thường trực …" as the committee itself', () => {
    const p = pick('Ban Thường vụ Đảng ủy Khối');
    expect(p.selected).toBe('duk');
    expect(p.matches[0]).toMatchObject({ unitId: 'duk', relation: 'self', committee: true });
    expect(pick('BTV ĐUK').selected).toBe('duk');
    expect(pick('Đảng ủy Khối').selected).toBe('duk');
    expect(pick('Ban Thường vụ Tỉnh ủy').matches[0]).toMatchObject({ unitId: 'tu', relation: 'above' });
    expect(pick('Thường trực Tỉnh ủy').selected).toBe('tu');
  });

  it('does not take another committee\'s department for the plan unit\'s own', () => {
    const p = pick('Ban Tuyên giáo Tỉnh ủy');
    expect(p.selected).toBeNull();
    expect(p.matches.map((m) => m.unitId)).not.toContain('btg');
    expect(pick('Ban Tuyên giáo Thị ủy').matches.map((m) => m.unitId)).not.toContain('btg');
    // A department of a unit above is not in the index: only the units above themselves are.
    expect(p.matches.map((m) => m.unitId)).not.toContain('tu-btg');
    // Nor is it the Tỉnh ủy itself, even with a word of the province's name in common.
    const tq = buildUnitNameIndex('k', [u('p', 'Tỉnh ủy Tuyên Quang', null), u('k', 'Đảng ủy Khối', 'p')]);
    expect(proposeUnitForName('Ban Tuyên giáo Tỉnh ủy', tq).matches).toEqual([]);
  });

  it('leaves units outside the plan unit\'s subtree and chain out', () => {
    expect(pick('Ban Tuyên giáo Huyện ủy Càng Long').matches.map((m) => m.unitId)).not.toContain('elsewhere');
    expect(index.entries.map((e) => e.unit.id).sort()).toEqual(TREE.map((x) => x.id).filter((id) => id !== 'elsewhere' && id !== 'tu-btg').sort());
  });

  it('prefers the nearest of units of the same name, and proposes none when they stand as near', () => {
    expect(pick('Văn phòng')).toMatchObject({ selected: 'vp', exact: true });
    const cell = pick('Chi bộ Văn phòng');
    expect(cell.selected).toBeNull();
    expect(cell.matches.slice(0, 2).map((m) => [m.unitId, m.strength])).toEqual([['g1-vp', 'exact'], ['g2-vp', 'exact']]);
    expect(pick('Chi bộ Văn phòng Đảng bộ Sở Tài chính')).toMatchObject({ selected: 'g2-vp', exact: true });
    expect(pick('Chi bộ Văn phòng Ủy ban nhân dân tỉnh').matches.map((m) => m.unitId)).not.toContain('g1-vp');
  });

  it('keeps "Văn phòng Tỉnh ủy" the grassroots organisation\'s name, not a context', () => {
    expect(pick('Đảng bộ Văn phòng Tỉnh ủy')).toMatchObject({ selected: 'g3', exact: true });
    expect(pick('Đảng ủy Văn phòng Tỉnh ủy')).toMatchObject({ selected: 'g3', exact: true });
  });

  it('pre-selects a unique strong match, offers weak ones without selecting', () => {
    expect(pick('Ủy ban Kiểm tra')).toMatchObject({ selected: 'ubkt', exact: true });
    const strong = pick('Đảng bộ Sở Tài');
    expect(strong).toMatchObject({ selected: 'g2', exact: false });
    expect(strong.matches[0]!.strength).toBe('strong');
    const weak = pick('Sở Tài chính Đảng bộ');
    expect(weak.selected).toBeNull();
    expect(weak.matches[0]).toMatchObject({ unitId: 'g2', strength: 'weak' });
  });

  it('proposes nothing for many bodies or for text that names none', () => {
    expect(pick('Các chi, đảng bộ cơ sở')).toMatchObject({ selected: null, matches: [], collective: true });
    expect(pick('Các ban, Văn phòng Đảng ủy Khối')).toMatchObject({ selected: null, matches: [] });
    expect(pick('')).toMatchObject({ selected: null, matches: [] });
    expect(pick('cấp có thẩm quyền')).toMatchObject({ selected: null, matches: [] });
    // Kinds of bodies and people's titles name no one unit, and suggest none.
    expect(proposeUnitsForText('Cấp ủy chi, đảng bộ cơ sở', index)).toMatchObject({ selected: [], matches: [] });
    expect(pick('đồng chí Bí thư chi bộ')).toMatchObject({ selected: null, matches: [] });
    expect(pick('Đảng bộ Sở')).toMatchObject({ selected: null });
    expect(pick('Đảng bộ Sở').matches.every((m) => m.strength === 'strong')).toBe(true);
  });
});

describe('proposeUnitsForText and sideOfName', () => {
  it('splits a list when the whole names no unit', () => {
    expect(proposeUnitsForText('Ban Tuyên giáo, Văn phòng Đảng ủy Khối', index).selected).toEqual(['btg', 'vp']);
    expect(proposeUnitsForText('Ban Tổ chức và Ủy ban Kiểm tra Đảng ủy Khối', index)).toMatchObject({ selected: ['btc', 'ubkt'], exact: true });
    expect(splitUnitNames('Ban Thường vụ Đảng ủy Khối, Ban Tuyên giáo Tỉnh ủy (b/c)')).toEqual(['Ban Thường vụ Đảng ủy Khối', 'Ban Tuyên giáo Tỉnh ủy']);
  });

  it('tells the plan unit and those below from the bodies above it', () => {
    expect(sideOfName('Ban Thường vụ Đảng ủy Khối', index).side).toBe('inside');
    expect(sideOfName('Văn phòng Đảng ủy Khối', index).side).toBe('inside');
    expect(sideOfName('Ban Thường vụ Tỉnh ủy', index).side).toBe('outside');
    expect(sideOfName('Tỉnh ủy', index).side).toBe('outside');
    expect(sideOfName('Ban Tuyên giáo Tỉnh ủy', index).side).toBe('outside');
    expect(sideOfName('Ban Tuyên giáo Thành ủy', buildUnitNameIndex('duk', TREE.filter((x) => x.id !== 'tu'))).side).toBe('outside');
    expect(sideOfName('cấp có thẩm quyền', index).side).toBe('unknown');
    expect(sideOfName('Các chi, đảng bộ cơ sở', index).side).toBe('inside');
  });
});

// Random trees of names drawn from the words of real ones.
const HEADS = ['Ban Tuyên giáo', 'Ban Tổ chức', 'Ủy ban Kiểm tra', 'Văn phòng', 'Ban Dân vận', 'Công đoàn', 'Đoàn Thanh niên', 'Chi bộ', 'Đảng bộ'];
const TAILS = ['Sở Tư pháp', 'Sở Tài chính', 'Phòng Ngân sách', 'Trường Chính trị', 'Bệnh viện Đa khoa', 'Công ty Điện lực', '', 'số 1', 'số 2'];
const treeArb = fc
  .array(fc.tuple(fc.constantFrom(...HEADS), fc.constantFrom(...TAILS), fc.nat()), { minLength: 1, maxLength: 25 })
  .map((rows) => {
    const units: NamedUnit[] = [u('root', 'Đảng ủy Khối các cơ quan tỉnh', 'top'), u('top', 'Tỉnh ủy Bình Định', null)];
    rows.forEach(([head, tail, p], i) => {
      const parents = ['root', ...units.slice(2).map((x) => x.id)];
      units.push(u(`u${i}`, `${head} ${tail}`.trim(), parents[p % parents.length] as string));
    });
    return units;
  });

const upperFirst = (s: string) => s.replace(/\p{L}+/gu, (w) => w.toUpperCase());
const toAbbrev = (s: string) => s.replace(/Ban Tuyên giáo/gu, 'BTG').replace(/Ủy ban Kiểm tra/gu, 'UBKT').replace(/Đảng ủy Khối/gu, 'ĐUK').replace(/Văn phòng/gu, 'VP');
const withoutDiacritics = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('proposeUnitForName on random trees', () => {
  it('the same proposal for a name without diacritics, in upper or lower case, with abbreviations', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.constantFrom('', ' Đảng ủy Khối', ' Đảng ủy Khối các cơ quan tỉnh'), (units, k, suffix) => {
        const idx = buildUnitNameIndex('root', units);
        const name = `${(units[k % units.length] as NamedUnit).name}${suffix}`;
        const base = proposeUnitForName(name, idx);
        for (const variant of [withoutDiacritics(name), upperFirst(name), name.toLowerCase(), toAbbrev(name), foldDiacritics(toAbbrev(name))]) {
          const p = proposeUnitForName(variant, idx);
          expect({ selected: p.selected, exact: p.exact, matches: p.matches }, variant).toEqual({ selected: base.selected, exact: base.exact, matches: base.matches });
        }
      }),
    );
  });

  it('a unit whose name is its own in the tree is pre-selected exactly by it, and with its parent\'s name after it', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), (units, k) => {
        const idx = buildUnitNameIndex('root', units);
        const below = units.filter((x) => x.id !== 'top');
        const unit = below[k % below.length] as NamedUnit;
        const key = normalizeUnitName(unit.name).join(' ');
        const sameName = below.filter((x) => normalizeUnitName(x.name).join(' ') === key || normalizeUnitName(x.name).join(' ').startsWith(`${key} `));
        if (sameName.length !== 1 || unit.id === 'root') return;
        expect(proposeUnitForName(unit.name, idx)).toMatchObject({ selected: unit.id, exact: true });
        const parent = units.find((x) => x.id === unit.parentId) as NamedUnit;
        expect(proposeUnitForName(`${unit.name} ${parent.name}`, idx)).toMatchObject({ selected: unit.id, exact: true });
      }),
    );
  });

  it('proposes only units of the index, pre-selects one of its matches, ranks exact before strong before weak', () => {
    const rank = { exact: 0, strong: 1, weak: 2 };
    fc.assert(
      fc.property(treeArb, fc.string({ maxLength: 40 }), fc.constantFrom(...HEADS, ...TAILS, 'Ban Thường vụ Đảng ủy Khối', 'Tỉnh ủy'), (units, noise, word) => {
        const idx = buildUnitNameIndex('root', units);
        const ids = new Set(idx.entries.map((e) => e.unit.id));
        for (const text of [noise, word, `${word} ${noise}`]) {
          const p = proposeUnitForName(text, idx);
          for (const m of p.matches) expect(ids.has(m.unitId)).toBe(true);
          if (p.selected) expect(p.matches.some((m) => m.unitId === p.selected && m.strength !== 'weak')).toBe(true);
          if (p.exact) expect(p.selected).not.toBeNull();
          const r = p.matches.map((m) => rank[m.strength]);
          expect([...r].sort((a, b) => a - b)).toEqual(r);
        }
      }),
    );
  });

  it('every abbreviation spells out to words that are no abbreviation again', () => {
    for (const whole of Object.values(UNIT_ABBREVIATIONS)) expect(normalizeUnitName(whole)).toEqual(whole.split(' '));
  });
});
