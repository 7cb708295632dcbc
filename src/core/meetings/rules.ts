import type { IsoDate } from '../ids.ts';

/**
 * Meeting quality rules change by regulation and date, so they are data: dated rule sets, of which
 * the one in force on a meeting's date applies (the latest whose `validFrom` is not after it). The
 * sets themselves are stored in the database (migration 0009 seeds the two the issue names, with
 * their sources) and administrators add new ones; nothing here is a constant of the regulation.
 */
export const THEMATIC_EVERY = ['month', 'quarter', 'year'] as const;
export type ThematicEvery = (typeof THEMATIC_EVERY)[number];

export interface MeetingRules {
  /** Regular cell meetings a cell holds each month (0: not assessed). */
  regularPerMonth: number;
  /** At least `atLeast` thematic meetings every `every`; null when the set says nothing of them. */
  thematic: { every: ThematicEvery; atLeast: number } | null;
  /** The shortest regular or thematic meeting, in minutes; null: not assessed. */
  minMinutes: number | null;
  /** The shortest meeting that combines the regular and the thematic meeting. */
  minMinutesCombined: number | null;
  /** Materials reach the members at least this many days before the meeting. */
  materialsDaysBefore: number | null;
  /** The share of the members due who attend must be strictly above this (0.85: "trên 85%"). */
  minAttendanceShare: number | null;
  /** Members absent without a reason at most (0: none). */
  maxUnexcusedAbsences: number | null;
  /** Nobody absent more than this many meetings in a row (absences with a reason included). */
  maxConsecutiveAbsences: number | null;
}

export interface RuleSet {
  id: string;
  name: string;
  /** The documents the rules come from, as a reader cites them. */
  source: string;
  validFrom: IsoDate;
  /**
   * null: a national rule, for every unit. Otherwise the tree path of the committee whose own
   * guidance it is: it applies to the units below that committee (never to the committee itself,
   * so no unit sets the bar for its own meetings).
   */
  scope?: string | null;
  rules: MeetingRules;
}

/** The sets that apply to the meetings of the unit at `unitPath`: national ones and those of committees above it. */
export function setsFor<T extends Pick<RuleSet, 'scope'>>(sets: readonly T[], unitPath: string): T[] {
  return sets.filter((s) => !s.scope || unitPath.startsWith(`${s.scope}.`));
}

/**
 * The rule set in force on `day`: the latest whose validFrom is not after it (a committee's guidance
 * issued later than a national rule takes over from it, and the reverse); on the same day the
 * nearer committee's. null before the first.
 */
export function ruleInForce<T extends Pick<RuleSet, 'validFrom' | 'scope'>>(sets: readonly T[], day: IsoDate): T | null {
  let best: T | null = null;
  const depth = (s: T) => (s.scope ? s.scope.split('.').length : 0);
  for (const s of sets) {
    if (s.validFrom > day) continue;
    if (best === null || s.validFrom > best.validFrom || (s.validFrom === best.validFrom && depth(s) > depth(best))) best = s;
  }
  return best;
}

export const THEMATIC_EVERY_LABELS: Record<ThematicEvery, { vi: string; en: string }> = {
  month: { vi: 'mỗi tháng', en: 'every month' },
  quarter: { vi: 'mỗi quý', en: 'every quarter' },
  year: { vi: 'mỗi năm', en: 'every year' },
};

/** The rules of a set in words, for the page that shows which rules apply. */
export function describeRules(r: MeetingRules): string[] {
  const out: string[] = [];
  if (r.regularPerMonth > 0) out.push(`Sinh hoạt chi bộ thường kỳ ${r.regularPerMonth === 1 ? 'mỗi tháng một lần' : `${r.regularPerMonth} lần mỗi tháng`}.`);
  if (r.thematic) out.push(`Sinh hoạt chuyên đề ít nhất ${r.thematic.atLeast} lần ${THEMATIC_EVERY_LABELS[r.thematic.every].vi}.`);
  if (r.minMinutes !== null) {
    out.push(`Thời lượng tối thiểu ${r.minMinutes} phút${r.minMinutesCombined !== null ? `; ${r.minMinutesCombined} phút khi sinh hoạt thường kỳ kết hợp chuyên đề` : ''}.`);
  }
  if (r.materialsDaysBefore !== null) out.push(`Tài liệu gửi đảng viên ít nhất ${r.materialsDaysBefore} ngày trước buổi sinh hoạt.`);
  if (r.minAttendanceShare !== null) out.push(`Tỷ lệ đảng viên dự sinh hoạt trên ${Math.round(r.minAttendanceShare * 100)}%.`);
  if (r.maxUnexcusedAbsences !== null) {
    out.push(r.maxUnexcusedAbsences === 0 ? 'Không có đảng viên vắng mặt không có lý do.' : `Vắng không lý do không quá ${r.maxUnexcusedAbsences} đảng viên.`);
  }
  if (r.maxConsecutiveAbsences !== null) out.push(`Không có đảng viên vắng quá ${r.maxConsecutiveAbsences} lần liên tiếp.`);
  return out;
}
