import type { TreePath } from '../access/scope.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanItem } from './check-plan.ts';
import { checkPlan, ITEM_MAX_LENGTH } from './check-plan.ts';
import type { PlanForm } from './forms.ts';
import { formFor, PLAN_AREA_NAMES, SEED_FORMS, seedAssignments, sectionsFor } from './forms.ts';

const form = (code: string): PlanForm => SEED_FORMS.find((f) => f.code === code)!;
const items = (n: number): PlanItem[] => Array.from({ length: n }, (_, i) => ({ text: `Nội dung phấn đấu ${i + 1}`, area: 'work_responsibility' }));

describe('the forms of seed 003', () => {
  it('are Mẫu 01–04: term forms ask 3 to 5 items, year forms 1 to 2, leaders 1 to 2 example-setting items', () => {
    expect(SEED_FORMS.map((f) => [f.label, f.scope, f.sections[0]!.minItems, f.sections[0]!.maxItems])).toEqual([
      ['Mẫu 01', 'term', 3, 5], ['Mẫu 02', 'year', 1, 2], ['Mẫu 03', 'term', 3, 5], ['Mẫu 04', 'year', 1, 2],
    ]);
    for (const f of SEED_FORMS) expect(f.sections[1]).toMatchObject({ key: 'example', minItems: 1, maxItems: 2, grouped: true });
  });

  it('go to agencies and schools (01, 02) or to rural members, youth and associations (03, 04)', () => {
    const school = 'a.b.school' as TreePath;
    const village = 'a.b.village' as TreePath;
    const rules = (scope: 'term' | 'year') => seedAssignments(scope, [school]);
    expect(formFor({ category: 'party_full', unitPath: school }, rules('term'))).toBe('mau-01');
    expect(formFor({ category: 'party_full', unitPath: `${school}.team` as TreePath }, rules('year'))).toBe('mau-02');
    expect(formFor({ category: 'cadre', unitPath: village }, rules('year'))).toBe('mau-02');
    expect(formFor({ category: 'party_full', unitPath: village }, rules('term'))).toBe('mau-03');
    expect(formFor({ category: 'youth', unitPath: village }, rules('year'))).toBe('mau-04');
    expect(formFor({ category: 'masses', unitPath: village }, rules('term'))).toBeNull();
    // Without agencies named, every party member is a rural one.
    expect(formFor({ category: 'party_full', unitPath: school }, seedAssignments('year', []))).toBe('mau-04');
  });

  it('give the example-setting part only to leaders and heads', () => {
    expect(sectionsFor(form('mau-01'), []).map((s) => s.key)).toEqual(['items']);
    expect(sectionsFor(form('mau-01'), ['secretary']).map((s) => s.key)).toEqual(['items', 'example']);
    expect(sectionsFor(form('mau-02'), ['committee_member']).map((s) => s.key)).toEqual(['items']);
  });
});

describe('checking a personal plan', () => {
  it('names the bounds of each form in Vietnamese', () => {
    expect(checkPlan(form('mau-01'), [], { items: items(2) })).toEqual([{ section: 'items', item: null, message: 'Kế hoạch toàn khóa cần từ 3 đến 5 nội dung' }]);
    expect(checkPlan(form('mau-02'), [], { items: items(3) })).toEqual([{ section: 'items', item: null, message: 'Kế hoạch năm cần từ 1 đến 2 nội dung' }]);
    expect(checkPlan(form('mau-01'), ['head'], { items: items(3) })).toEqual([{ section: 'example', item: null, message: 'Nội dung đăng ký nêu gương cần từ 1 đến 2 việc cụ thể' }]);
  });

  it('accepts every count within the bounds and refuses every count outside them', () => {
    fc.assert(fc.property(fc.constantFrom(...SEED_FORMS), fc.nat(8), (f, n) => {
      const s = f.sections[0]!;
      const ok = n >= s.minItems && n <= s.maxItems;
      expect(checkPlan(f, [], { items: items(n) }).length === 0).toBe(ok);
    }));
  });

  it('names the item: empty, too long, a group missing, an area of another section', () => {
    const leader = checkPlan(form('mau-02'), ['secretary'], {
      items: [{ text: '  ' }, { text: 'x'.repeat(ITEM_MAX_LENGTH + 1) }],
      example: [{ text: 'Giải quyết dứt điểm hồ sơ tồn đọng', group: 'long_standing' }, { text: 'Số hóa hồ sơ đảng viên' }],
    });
    expect(leader).toEqual([
      { section: 'items', item: 1, message: 'Nội dung 1 còn trống' },
      { section: 'items', item: 2, message: `Nội dung 2 dài quá ${ITEM_MAX_LENGTH} ký tự` },
      { section: 'example', item: 2, message: 'Việc nêu gương 2: hãy chọn nhóm công việc' },
    ]);
  });

  it("refuses a member the leaders' part, and a section the form does not have", () => {
    expect(checkPlan(form('mau-04'), [], { items: items(1), example: [{ text: 'Việc', group: 'breakthrough' }], other: [{ text: 'x' }] })).toEqual([
      { section: 'example', item: null, message: 'Phần này chỉ dành cho lãnh đạo chủ chốt, người đứng đầu' },
      { section: 'other', item: null, message: 'Mẫu không có phần này' },
    ]);
  });

  it("asks for the areas a committee's own form requires", () => {
    const own: PlanForm = { ...form('mau-02'), code: 'doan-01', sections: [{ ...form('mau-02').sections[0]!, areas: PLAN_AREA_NAMES, requiredAreas: ['people_relations'] }] };
    expect(checkPlan(own, [], { items: items(1) })).toEqual([{ section: 'items', item: null, message: 'Cần ít nhất một nội dung về "Quan hệ với Nhân dân"' }]);
    expect(checkPlan(own, [], { items: [{ text: 'Gần dân, sát dân', area: 'people_relations' }] })).toEqual([]);
  });
});
