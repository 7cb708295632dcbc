import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import type { ReviewRuleSet } from './rule-sets.ts';
import { FRAME_KINDS, frameOf, GRADE_LABELS, GRADES, isHigherGrade, RULE_SETS, ruleSetForPeriod, ruleSetInForce } from './rule-sets.ts';

const d = (s: string) => s as IsoDate;
const set = (id: string): ReviewRuleSet => RULE_SETS.find((s) => s.id === id)!;

describe('the rule sets of reviewing and grading', () => {
  it('hand over from 124 to 366 between 29 and 30 August 2025, with no gap and no overlap', () => {
    expect(RULE_SETS.map((s) => [s.id, s.validFrom, s.validTo])).toEqual([
      ['qd-124-2023', '2023-10-04', '2025-08-29'],
      ['qd-366-2025', '2025-08-30', null],
    ]);
    expect(ruleSetInForce(d('2025-08-29')).id).toBe('qd-124-2023');
    expect(ruleSetInForce(d('2025-08-30')).id).toBe('qd-366-2025');
    expect(ruleSetInForce(d('2031-12-31')).id).toBe('qd-366-2025');
  });

  it('find exactly one set on every day from 124 onwards', () => {
    const day = fc.date({ min: new Date('2023-10-04T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((t) => t.toISOString().slice(0, 10) as IsoDate);
    fc.assert(fc.property(day, (on) => {
      const s = ruleSetInForce(on);
      expect(s.validFrom <= on && (s.validTo === null || on <= s.validTo)).toBe(true);
      expect(s.id).toBe(on <= '2025-08-29' ? 'qd-124-2023' : 'qd-366-2025');
    }));
  });

  it('refuse a day no regulation we hold covers, in Vietnamese', () => {
    expect(() => ruleSetInForce(d('2023-10-03'))).toThrow(DomainError);
    expect(() => ruleSetInForce(d('2023-10-03'))).toThrow('Không có quy định kiểm điểm, xếp loại nào có hiệu lực vào ngày 03/10/2023.');
    // A gap between two sets is refused too, not filled by the nearer one.
    const gap = [{ ...set('qd-124-2023'), validTo: d('2025-06-30') }, set('qd-366-2025')];
    expect(() => ruleSetInForce(d('2025-07-15'), gap)).toThrow(expect.objectContaining({ code: 'REVIEW_RULES_NONE' }));
  });

  it('let a later set win where two overlap (a new regulation added before the old one was closed)', () => {
    const next: ReviewRuleSet = { ...set('qd-366-2025'), id: 'next', validFrom: d('2030-01-01') };
    expect(ruleSetInForce(d('2030-06-01'), [...RULE_SETS, next]).id).toBe('next');
    expect(ruleSetInForce(d('2029-12-31'), [...RULE_SETS, next]).id).toBe('qd-366-2025');
  });

  it('grade a period straddling 30/8/2025 by the rule in force on its end date', () => {
    // The year 2025 began under 124 and ends under 366: its year-end review is graded under 366.
    expect(ruleSetForPeriod('year', d('2025-12-31')).id).toBe('qd-366-2025');
    // A quarter from July to September 2025 ends under 366, and 366 has quarterly reviews.
    expect(ruleSetForPeriod('quarter', d('2025-09-30')).id).toBe('qd-366-2025');
    // A period from 1/8 to 29/8/2025 ends under 124, which knows only yearly reviews.
    expect(ruleSetForPeriod('year', d('2025-08-29')).id).toBe('qd-124-2023');
    expect(() => ruleSetForPeriod('ad_hoc', d('2025-08-29'))).toThrow('Quy định 124-QĐ/TW không có kỳ kiểm điểm "khi cần thiết" (chỉ có: hằng năm).');
  });

  it('allow only yearly reviews under 124 and term, yearly, quarterly and ad hoc ones under 366', () => {
    expect(set('qd-124-2023').kinds).toEqual(['year']);
    expect(set('qd-366-2025').kinds).toEqual(['term', 'year', 'quarter', 'ad_hoc']);
  });

  it('name the four grades, highest first, with their abbreviations', () => {
    expect(GRADES.map((g) => [GRADE_LABELS[g].abbr, GRADE_LABELS[g].vi])).toEqual([
      ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['HTTNV', 'Hoàn thành tốt nhiệm vụ'],
      ['HTNV', 'Hoàn thành nhiệm vụ'],
      ['KHTNV', 'Không hoàn thành nhiệm vụ'],
    ]);
    expect(isHigherGrade('htxsnv', 'httnv')).toBe(true);
    expect(isHigherGrade('htnv', 'httnv')).toBe(false);
  });

  it('give 366 five frames of 30 points of general criteria and 70 of task results, their criteria summing to the group', () => {
    const s = set('qd-366-2025');
    expect(s.frames.map((f) => f.kind)).toEqual([...FRAME_KINDS]);
    for (const f of s.frames) {
      expect(f.groups.map((g) => [g.key, g.max])).toEqual([['general', 30], ['tasks', 70]]);
      for (const g of f.groups) {
        expect(g.criteria.reduce((sum, c) => sum + (c.max ?? 0), 0)).toBe(g.max);
        expect(new Set(g.criteria.map((c) => c.key)).size).toBe(g.criteria.length);
      }
      const keys = f.groups.flatMap((g) => g.criteria.map((c) => c.key));
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(s.maxPoints).toBe(100);
  });

  it('give 124 qualitative criteria without points, and no frame for leaders managed by the Centre', () => {
    const s = set('qd-124-2023');
    expect(s.scored).toBe(false);
    expect(s.conditions).toBeNull();
    for (const f of s.frames) for (const g of f.groups) {
      expect(g.max).toBeNull();
      expect(g.criteria.every((c) => c.max === null)).toBe(true);
    }
    expect(frameOf(s, 'central_leader')).toBeNull();
    expect(frameOf(s, 'individual')?.label).toBe('Đảng viên');
  });

  it("hold 366's grade conditions as data: 90, 70, 50 points; all on time; 30% exceeding; at most 20% late", () => {
    expect(set('qd-366-2025').conditions?.map((c) => [c.grade, c.minPoints, c.allOnTime, c.allDone, c.minExceedingPercent, c.maxLatePercent, c.collectiveNoDiscipline])).toEqual([
      ['htxsnv', 90, true, true, 30, null, true],
      ['httnv', 70, true, true, null, null, false],
      ['htnv', 50, false, true, null, 20, false],
    ]);
  });

  it('cap HTXSNV at 20% rounding down in both sets, blocking under 124 and asking a reason under 366', () => {
    expect(set('qd-124-2023').quota).toMatchObject({ maxPercent: 20, rounding: 'floor', enforcement: 'block' });
    expect(set('qd-366-2025').quota).toMatchObject({ maxPercent: 20, rounding: 'floor', enforcement: 'override_with_reason' });
    for (const s of RULE_SETS) expect(s.order).toEqual(['collective', 'head', 'deputies', 'members']);
  });
});
