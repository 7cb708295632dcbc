import type { GradeQuota, ReviewRuleSet } from './rule-sets.ts';

/**
 * The cap on HTXSNV within one grassroots organisation (tổ chức cơ sở đảng), checked when a grade is
 * decided: how many of its party members may be graded HTXSNV given how many are graded HTTNV, as the
 * rule set's quota says (percentage, base, rounding, block or override with a reason).
 */

export interface GradeCounts {
  /** Party members of the organisation graded HTXSNV, the decision being checked included. */
  excellent: number;
  /** Party members graded HTTNV. */
  good: number;
}

export interface QuotaCheck {
  /** The most HTXSNV allowed; null when the set has no quota. */
  limit: number | null;
  /** The number the percentage is taken of. */
  base: number;
  exceeds: boolean;
  /** What the decider must do when it exceeds; null when it does not. */
  enforcement: GradeQuota['enforcement'] | null;
  /** The Vietnamese sentence shown beside the decision; null when within the cap or without a quota. */
  message: string | null;
}

/** floor(base × percent / 100) or half up, in integers (20% of 12 is exactly 2.4, never 2.4000000001). */
export function quotaLimit(q: GradeQuota, base: number): number {
  const scaled = base * q.maxPercent;
  return q.rounding === 'floor' ? Math.floor(scaled / 100) : Math.floor((scaled + 50) / 100);
}

/**
 * The quota of `set` on the counts of one grassroots organisation, named `organisation` in the message
 * ("Chi bộ", "Đảng bộ cơ sở"): "Chi bộ đã có 3/12 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV trở
 * lên (tối đa 2)." Counts must be whole and not negative (RangeError: a caller's slip, not a user's).
 */
export function checkQuota(set: ReviewRuleSet, counts: GradeCounts, organisation = 'Tổ chức cơ sở đảng'): QuotaCheck {
  for (const n of [counts.excellent, counts.good]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Số đảng viên phải là số nguyên không âm, nhận ${n}`);
  }
  const q = set.quota;
  if (q === null) return { limit: null, base: counts.good, exceeds: false, enforcement: null, message: null };
  const base = q.base === 'good_and_excellent' ? counts.good + counts.excellent : counts.good;
  const limit = quotaLimit(q, base);
  const exceeds = counts.excellent > limit;
  if (!exceeds) return { limit, base, exceeds, enforcement: null, message: null };
  const of = q.base === 'good_and_excellent' ? 'số đảng viên HTTNV trở lên' : 'số đảng viên HTTNV';
  const then = q.enforcement === 'block' ? 'không thể quyết định thêm' : 'cần ghi lý do nếu vẫn quyết định';
  return {
    limit,
    base,
    exceeds,
    enforcement: q.enforcement,
    message: `${organisation} đã có ${counts.excellent}/${base} đảng viên HTXSNV, vượt ${q.maxPercent}% ${of} (tối đa ${limit}); ${then} (${q.source}).`,
  };
}
