import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuota, quotaLimit } from './quota.ts';
import type { ReviewRuleSet } from './rule-sets.ts';
import { RULE_SETS } from './rule-sets.ts';

const s366 = RULE_SETS.find((s) => s.id === 'qd-366-2025')!;
const s124 = RULE_SETS.find((s) => s.id === 'qd-124-2023')!;
const withQuota = (q: Partial<NonNullable<ReviewRuleSet['quota']>>): ReviewRuleSet => ({ ...s366, quota: { ...s366.quota!, ...q } });

describe('the HTXSNV quota of a grassroots organisation', () => {
  it('on a cell of 12 graded HTTNV or better allows 2 HTXSNV (20% of 12 is 2.4, rounded down) and flags the third', () => {
    expect(checkQuota(s366, { excellent: 2, good: 10 }, 'Chi bộ')).toEqual({ limit: 2, base: 12, exceeds: false, enforcement: null, message: null });
    expect(checkQuota(s366, { excellent: 3, good: 9 }, 'Chi bộ')).toEqual({
      limit: 2,
      base: 12,
      exceeds: true,
      enforcement: 'override_with_reason',
      message: 'Chi bộ đã có 3/12 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV trở lên (tối đa 2); cần ghi lý do nếu vẫn quyết định (Hướng dẫn 21-HD/BTCTW (2019)).',
    });
  });

  it('blocks under 124 and says so', () => {
    const c = checkQuota(s124, { excellent: 3, good: 9 }, 'Chi bộ');
    expect(c.enforcement).toBe('block');
    expect(c.message).toBe('Chi bộ đã có 3/12 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV trở lên (tối đa 2); không thể quyết định thêm (Hướng dẫn 21-HD/BTCTW (2019)).');
  });

  it('takes the percentage of those graded exactly HTTNV when the set says so', () => {
    const c = checkQuota(withQuota({ base: 'good_only' }), { excellent: 2, good: 10 }, 'Đảng bộ cơ sở');
    expect(c).toMatchObject({ limit: 2, base: 10, exceeds: false });
    expect(checkQuota(withQuota({ base: 'good_only' }), { excellent: 3, good: 12 }).message).toBe(
      'Tổ chức cơ sở đảng đã có 3/12 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV (tối đa 2); cần ghi lý do nếu vẫn quyết định (Hướng dẫn 21-HD/BTCTW (2019)).',
    );
  });

  it('rounds down by default and half up only when the set says so', () => {
    const q = s366.quota!;
    expect([4, 5, 12, 13, 14, 15].map((n) => quotaLimit(q, n))).toEqual([0, 1, 2, 2, 2, 3]);
    expect([4, 5, 12, 13, 14, 15].map((n) => quotaLimit({ ...q, rounding: 'half_up' }, n))).toEqual([1, 1, 2, 3, 3, 3]);
  });

  it('never lets the limit pass 20% of the base when rounding down', () => {
    fc.assert(fc.property(fc.nat(100_000), (base) => {
      const limit = quotaLimit(s366.quota!, base);
      expect(limit * 100 <= base * 20).toBe(true);
      expect((limit + 1) * 100 > base * 20).toBe(true);
    }));
  });

  it('has nothing to say without a quota, and refuses counts that are not whole', () => {
    expect(checkQuota({ ...s366, quota: null }, { excellent: 5, good: 1 })).toEqual({ limit: null, base: 1, exceeds: false, enforcement: null, message: null });
    expect(() => checkQuota(s366, { excellent: -1, good: 3 })).toThrow(RangeError);
    expect(() => checkQuota(s366, { excellent: 1.5, good: 3 })).toThrow(RangeError);
  });
});
