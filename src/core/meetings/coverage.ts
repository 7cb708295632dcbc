import type { IsoDate } from '../ids.ts';
import type { AttendanceStatus } from './kinds.ts';
import { STUDIED_MARKS } from './kinds.ts';

/**
 * Who must study and who has studied (seed 001: "đảm bảo 100% cán bộ, đảng viên ... được học
 * tập"). A study session may have make-up sessions (học bù) for those who missed it; together they
 * form one group, and coverage is counted over the group:
 *
 * - a member must study when one of their memberships of the unit, in one of the categories the
 *   session is for, is in force on the day of at least one session of the group (valid_from ≤ day <
 *   valid_to). A member who left before the main session is not counted; one who joined after it
 *   and before a make-up session is; one who joined after every session is not (yet);
 * - a member has studied when marked present, or self-study confirmed, at any session of the group;
 *   attending the main and a make-up session counts once;
 * - coverage = members who studied / members who must study. People marked who were not due to
 *   study (guests, members of other categories) do not count.
 */

export interface MembershipSpan {
  personId: string;
  category: string;
  validFrom: IsoDate;
  /** Exclusive: the first day the membership no longer holds; null while it lasts. */
  validTo: IsoDate | null;
}

export interface SessionMarks {
  date: IsoDate;
  /** The marks recorded at this session, by person. */
  marks: Readonly<Record<string, AttendanceStatus>>;
}

export interface CoverageInput {
  /** The member categories the session is for. */
  categories: readonly string[];
  /** Memberships of the session's unit (any category; the others are ignored). */
  memberships: readonly MembershipSpan[];
  /** The sessions of the group: the main session and its make-up sessions (not cancelled ones). */
  sessions: readonly SessionMarks[];
}

export interface Coverage {
  mustStudy: number;
  studied: number;
  /** Members who must study and have not, in the order of `memberships`. */
  notStudied: string[];
  /** Members who studied by confirmed self-study only. */
  selfStudied: number;
}

/** True when the membership is in force on `day`. */
export function activeOn(m: Pick<MembershipSpan, 'validFrom' | 'validTo'>, day: IsoDate): boolean {
  return m.validFrom <= day && (m.validTo === null || m.validTo > day);
}

/** The members due at one session: a membership in one of the categories in force that day. */
export function dueOn(memberships: readonly MembershipSpan[], categories: readonly string[], day: IsoDate): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of memberships) {
    if (seen.has(m.personId) || !categories.includes(m.category) || !activeOn(m, day)) continue;
    seen.add(m.personId);
    out.push(m.personId);
  }
  return out;
}

/** Coverage of a group of sessions (see the module comment). */
export function studyCoverage(input: CoverageInput): Coverage {
  const must: string[] = [];
  const mustSet = new Set<string>();
  for (const s of input.sessions) {
    for (const p of dueOn(input.memberships, input.categories, s.date)) {
      if (mustSet.has(p)) continue;
      mustSet.add(p);
      must.push(p);
    }
  }
  const studied = new Set<string>();
  const byAttendance = new Set<string>();
  for (const s of input.sessions) {
    for (const [personId, mark] of Object.entries(s.marks)) {
      if (!mustSet.has(personId) || !STUDIED_MARKS.includes(mark)) continue;
      studied.add(personId);
      if (mark === 'present') byAttendance.add(personId);
    }
  }
  const order = new Map(input.memberships.map((m, i) => [m.personId, i] as const));
  const notStudied = must.filter((p) => !studied.has(p)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { mustStudy: must.length, studied: studied.size, notStudied, selfStudied: [...studied].filter((p) => !byAttendance.has(p)).length };
}

/** The tally of one meeting: who was due, who came, who was absent with or without a reason. */
export interface AttendanceTally {
  expected: number;
  present: number;
  excused: number;
  /** Absent without a reason, including members not marked at all. */
  absent: number;
  unmarked: number;
  selfStudy: number;
}

export function tallyAttendance(expected: readonly string[], marks: Readonly<Record<string, AttendanceStatus>>): AttendanceTally {
  const t: AttendanceTally = { expected: expected.length, present: 0, excused: 0, absent: 0, unmarked: 0, selfStudy: 0 };
  for (const p of expected) {
    const m = marks[p];
    if (m === 'present') t.present += 1;
    else if (m === 'excused') t.excused += 1;
    else if (m === 'self_study') t.selfStudy += 1;
    else {
      t.absent += 1;
      if (m === undefined) t.unmarked += 1;
    }
  }
  return t;
}

/** Coverage figures summed over units or sessions. */
export interface CoverageSum {
  mustStudy: number;
  studied: number;
  sessions: number;
}

export function addCoverage(a: CoverageSum, b: CoverageSum): CoverageSum {
  return { mustStudy: a.mustStudy + b.mustStudy, studied: a.studied + b.studied, sessions: a.sessions + b.sessions };
}

/** The share studied as a whole percentage, truncated (never reads 100 short of the whole); null without a whole. */
export function coveragePercent(c: Pick<CoverageSum, 'mustStudy' | 'studied'>): number | null {
  if (c.mustStudy === 0) return null;
  return Math.floor((c.studied * 100) / c.mustStudy);
}
