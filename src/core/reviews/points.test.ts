import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Points } from './points.ts';
import { checkPoints, groupTotals, pointsText, totalPoints } from './points.ts';
import type { CriteriaFrame, FrameKind } from './rule-sets.ts';
import { frameOf, RULE_SETS } from './rule-sets.ts';

const s366 = RULE_SETS.find((s) => s.id === 'qd-366-2025')!;
const s124 = RULE_SETS.find((s) => s.id === 'qd-124-2023')!;
const frame = (kind: FrameKind): CriteriaFrame => frameOf(s366, kind)!;
const full = (f: CriteriaFrame): Record<string, number> => Object.fromEntries(f.groups.flatMap((g) => g.criteria.map((c) => [c.key, c.max ?? 0])));

describe('checking the points of a review', () => {
  it('accepts every criterion at its most: 100 points', () => {
    for (const f of s366.frames) {
      expect(checkPoints(f, full(f))).toEqual([]);
      expect(totalPoints(f, full(f))).toBe(100);
      expect(groupTotals(f, full(f))).toEqual({ general: 30, tasks: 70 });
    }
  });

  it('names the criterion: not scored, negative, not by halves, above its most', () => {
    const f = frame('individual');
    const p: Points = { ...full(f), politics: undefined, ethics: -1, discipline: 6.3, manner: 9, duties: 50 };
    expect(checkPoints(f, p)).toEqual([
      { field: 'general.politics', message: 'Tiêu chí "Về chính trị, tư tưởng" chưa chấm điểm' },
      { field: 'general.ethics', message: 'Điểm của tiêu chí "Về đạo đức, lối sống" phải là số không âm' },
      { field: 'general.discipline', message: 'Điểm của tiêu chí "Về ý thức tổ chức kỷ luật" chấm theo bước 0,5 điểm (nhận 6,3)' },
      { field: 'general.manner', message: 'Tiêu chí "Về tác phong, lề lối làm việc; tinh thần đổi mới, sáng tạo" tối đa 7 điểm (nhận 9)' },
    ]);
  });

  it('accepts half points and refuses a criterion the frame does not have', () => {
    const f = frame('member_outside');
    expect(checkPoints(f, { ...full(f), politics: 7.5 })).toEqual([]);
    expect(checkPoints(f, { ...full(f), duties: 10 })).toEqual([{ field: 'duties', message: 'Khung tiêu chí không có tiêu chí "duties"' }]);
  });

  it('bounds each group (30, 70) and the total (100) when a frame of a committee lets criteria add up to more', () => {
    const loose: CriteriaFrame = {
      kind: 'individual', label: 'Khung của cấp ủy', appendix: '—',
      groups: [
        { key: 'general', label: 'Tiêu chí chung', max: 30, criteria: [{ key: 'a', label: 'A', max: 20 }, { key: 'b', label: 'B', max: 20 }] },
        { key: 'tasks', label: 'Kết quả thực hiện nhiệm vụ', max: 70, criteria: [{ key: 'c', label: 'C', max: 80 }] },
      ],
    };
    expect(checkPoints(loose, { a: 20, b: 15.5, c: 75 })).toEqual([
      { field: 'general', message: 'Tiêu chí chung tối đa 30 điểm (tổng 35,5)' },
      { field: 'tasks', message: 'Kết quả thực hiện nhiệm vụ tối đa 70 điểm (tổng 75)' },
      { field: 'total', message: 'Tổng điểm tối đa 100 (tổng 110,5)' },
    ]);
  });

  it('refuses points on a frame of 124, which grades in words', () => {
    const f = frameOf(s124, 'individual')!;
    expect(checkPoints(f, {}, s124.maxPoints)).toEqual([]);
    expect(checkPoints(f, { duties: 10 }, s124.maxPoints)).toEqual([
      { field: 'general.duties', message: 'Tiêu chí "Kết quả thực hiện chức trách, nhiệm vụ được giao" đánh giá bằng nhận xét, không chấm điểm' },
    ]);
  });

  it('accepts exactly the points within every bound and by halves (random points on random frames)', () => {
    const halves = fc.integer({ min: -4, max: 120 }).map((n) => n / 2);
    fc.assert(fc.property(fc.constantFrom(...s366.frames), fc.array(halves, { minLength: 8, maxLength: 8 }), (f, values) => {
      const criteria = f.groups.flatMap((g) => g.criteria);
      const p = Object.fromEntries(criteria.map((c, i) => [c.key, values[i % values.length]!]));
      const ok = criteria.every((c) => p[c.key]! >= 0 && p[c.key]! <= c.max!);
      expect(checkPoints(f, p).length === 0).toBe(ok);
    }));
  });

  it('writes points with a decimal comma', () => {
    expect(pointsText(8.5)).toBe('8,5');
    expect(pointsText(90)).toBe('90');
  });
});
