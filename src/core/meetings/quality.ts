import { addDays, periodContaining, toIso } from '../deadline/resolve.ts';
import { formatViDate } from '../text/dates.ts';
import type { IsoDate } from '../ids.ts';
import type { AttendanceStatus, MeetingKind } from './kinds.ts';
import { CELL_MEETING_KINDS, REGULAR_KINDS, THEMATIC_KINDS } from './kinds.ts';
import { tallyAttendance } from './coverage.ts';
import type { RuleSet } from './rules.ts';
import { ruleInForce } from './rules.ts';

/**
 * The quality of a cell's meetings, computed against the rule set in force (rules.ts): the
 * regular meeting held every month, thematic meetings as often as the rule in force asks, and for
 * each meeting held: its duration, materials sent in time, attendance above the share, no
 * unexcused absence, nobody absent too many times in a row. A month or period is judged only once
 * it has ended (on `asOf`), and only while the unit existed.
 */

/** A held meeting of the cell, as the assessment needs it. */
export interface QualityMeeting {
  id: string;
  kind: MeetingKind;
  date: IsoDate;
  durationMinutes: number | null;
  materialsSentOn: IsoDate | null;
  /** The members due at the meeting, each with their mark (null: not marked). */
  roster: readonly { personId: string; mark: AttendanceStatus | null }[];
}

export const CHECK_CODES = ['duration', 'materials', 'attendance', 'unexcused', 'consecutive'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const CHECK_LABELS: Record<CheckCode, { vi: string; en: string }> = {
  duration: { vi: 'Thời lượng', en: 'Duration' },
  materials: { vi: 'Tài liệu gửi trước', en: 'Materials in advance' },
  attendance: { vi: 'Tỷ lệ dự sinh hoạt', en: 'Attendance' },
  unexcused: { vi: 'Vắng không lý do', en: 'Unexcused absence' },
  consecutive: { vi: 'Vắng liên tiếp', en: 'Consecutive absences' },
};

export interface Check {
  code: CheckCode;
  ok: boolean;
  /** What was found, in Vietnamese ("95 phút, yêu cầu tối thiểu 90 phút"). */
  detail: string;
}

export interface MeetingAssessment {
  id: string;
  date: IsoDate;
  kind: MeetingKind;
  /** The rule set applied (in force on the meeting's date); null: none in force, nothing assessed. */
  ruleSetId: string | null;
  checks: Check[];
  ok: boolean;
}

/** Per member, the number of meetings in a row they have missed up to and including each meeting. */
export function absenceStreaks(meetings: readonly QualityMeeting[]): Map<string, Map<string, number>> {
  const sorted = [...meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const running = new Map<string, number>();
  const out = new Map<string, Map<string, number>>();
  for (const m of sorted) {
    const here = new Map<string, number>();
    for (const r of m.roster) {
      const missed = r.mark !== 'present';
      const n = missed ? (running.get(r.personId) ?? 0) + 1 : 0;
      running.set(r.personId, n);
      here.set(r.personId, n);
    }
    out.set(m.id, here);
  }
  return out;
}

const pct = (x: number) => `${Math.floor(x * 1000) / 10}`.replace('.', ',');

/** Assesses one held meeting against a rule set; `streaks` are its members' runs of missed meetings. */
export function assessMeeting(m: QualityMeeting, set: RuleSet | null, streaks: ReadonlyMap<string, number>): MeetingAssessment {
  if (!set || !CELL_MEETING_KINDS.includes(m.kind)) return { id: m.id, date: m.date, kind: m.kind, ruleSetId: set?.id ?? null, checks: [], ok: true };
  const r = set.rules;
  const checks: Check[] = [];
  const combined = m.kind === 'regular_thematic';
  const minMinutes = combined ? (r.minMinutesCombined ?? r.minMinutes) : r.minMinutes;
  if (minMinutes !== null) {
    checks.push(
      m.durationMinutes === null
        ? { code: 'duration', ok: false, detail: `Chưa ghi thời lượng; yêu cầu tối thiểu ${minMinutes} phút.` }
        : { code: 'duration', ok: m.durationMinutes >= minMinutes, detail: `${m.durationMinutes} phút; yêu cầu tối thiểu ${minMinutes} phút${combined ? ' (kết hợp chuyên đề)' : ''}.` },
    );
  }
  if (r.materialsDaysBefore !== null) {
    const latest = addDays(m.date, -r.materialsDaysBefore);
    checks.push(
      m.materialsSentOn === null
        ? { code: 'materials', ok: false, detail: `Chưa ghi ngày gửi tài liệu; phải gửi chậm nhất ngày ${formatViDate(latest)}.` }
        : { code: 'materials', ok: m.materialsSentOn <= latest, detail: `Gửi ngày ${formatViDate(m.materialsSentOn)}; chậm nhất ngày ${formatViDate(latest)}.` },
    );
  }
  const marks: Record<string, AttendanceStatus> = {};
  for (const x of m.roster) if (x.mark) marks[x.personId] = x.mark;
  const t = tallyAttendance(m.roster.map((x) => x.personId), marks);
  if (r.minAttendanceShare !== null) {
    const share = t.expected === 0 ? 0 : t.present / t.expected;
    checks.push({
      code: 'attendance',
      ok: t.expected > 0 && share > r.minAttendanceShare,
      detail: `${t.present}/${t.expected} đảng viên dự (${pct(share)}%); yêu cầu trên ${Math.round(r.minAttendanceShare * 100)}%.`,
    });
  }
  if (r.maxUnexcusedAbsences !== null) {
    checks.push({
      code: 'unexcused',
      ok: t.absent <= r.maxUnexcusedAbsences,
      detail: t.absent === 0 ? 'Không có đảng viên vắng không lý do.' : `${t.absent} đảng viên vắng không lý do${t.unmarked > 0 ? ` (${t.unmarked} chưa điểm danh)` : ''}.`,
    });
  }
  if (r.maxConsecutiveAbsences !== null) {
    const max = r.maxConsecutiveAbsences;
    const over = [...streaks.values()].filter((n) => n > max).length;
    checks.push({
      code: 'consecutive',
      ok: over === 0,
      detail: over === 0 ? `Không có đảng viên vắng quá ${max} lần liên tiếp.` : `${over} đảng viên vắng quá ${max} lần liên tiếp.`,
    });
  }
  return { id: m.id, date: m.date, kind: m.kind, ruleSetId: set.id, checks, ok: checks.every((c) => c.ok) };
}

export interface MonthResult {
  key: string;
  label: string;
  held: boolean;
}

export interface ThematicResult {
  key: string;
  label: string;
  required: number;
  held: number;
  ok: boolean;
  ruleSetId: string;
}

export interface CellQuality {
  months: MonthResult[];
  thematic: ThematicResult[];
  meetings: MeetingAssessment[];
  summary: {
    monthsExpected: number;
    monthsHeld: number;
    thematicExpected: number;
    thematicOk: number;
    meetingsAssessed: number;
    meetingsOk: number;
    /** Every month held, every thematic period met, every assessed meeting passing. */
    ok: boolean;
  };
}

export interface CellQualityInput {
  /** The cell's held meetings (any kind; only the cell's own meetings are assessed). */
  meetings: readonly QualityMeeting[];
  ruleSets: readonly RuleSet[];
  from: IsoDate;
  to: IsoDate;
  /** Today: months and periods are judged once they have ended by this day. */
  asOf: IsoDate;
  /** The unit's own validity: months before it existed or after it ended are not expected. */
  unitFrom: IsoDate;
  unitTo: IsoDate | null;
}

function monthsBetween(from: IsoDate, to: IsoDate): { start: IsoDate; end: IsoDate; key: string; label: string }[] {
  const out: { start: IsoDate; end: IsoDate; key: string; label: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let guard = 0; guard < 1200; guard += 1) {
    const start = toIso(y, m, 1);
    if (start > to) break;
    const p = periodContaining('month', start);
    out.push({ start, end: p.end, key: p.key, label: p.label });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The quality of one cell over [from, to] (see the module comment). */
export function assessCellQuality(i: CellQualityInput): CellQuality {
  const until = i.to < i.asOf ? i.to : i.asOf;
  const own = i.meetings.filter((m) => m.date >= i.from && m.date <= i.to);
  const existed = (start: IsoDate, end: IsoDate) => i.unitFrom <= end && (i.unitTo === null || i.unitTo > start);

  const months: MonthResult[] = [];
  const thematic: ThematicResult[] = [];
  const seenPeriods = new Set<string>();
  for (const mo of monthsBetween(i.from, until)) {
    if (mo.end > until || !existed(mo.start, mo.end)) continue;
    const set = ruleInForce(i.ruleSets, mo.end);
    if (set && set.rules.regularPerMonth > 0) {
      const held = own.filter((m) => REGULAR_KINDS.includes(m.kind) && m.date >= mo.start && m.date <= mo.end).length;
      months.push({ key: mo.key, label: mo.label, held: held >= set.rules.regularPerMonth });
    }
    if (set?.rules.thematic) {
      const p = periodContaining(set.rules.thematic.every, mo.end);
      // A period is judged by the rule in force on its last day, once it has ended within the range.
      if (seenPeriods.has(p.key) || p.end > until || p.start < i.from || ruleInForce(i.ruleSets, p.end)?.id !== set.id) continue;
      seenPeriods.add(p.key);
      const held = own.filter((m) => THEMATIC_KINDS.includes(m.kind) && m.date >= p.start && m.date <= p.end).length;
      thematic.push({ key: p.key, label: p.label, required: set.rules.thematic.atLeast, held, ok: held >= set.rules.thematic.atLeast, ruleSetId: set.id });
    }
  }

  const cellMeetings = i.meetings.filter((m) => CELL_MEETING_KINDS.includes(m.kind));
  const streaks = absenceStreaks(cellMeetings);
  const meetings = own
    .filter((m) => CELL_MEETING_KINDS.includes(m.kind))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((m) => assessMeeting(m, ruleInForce(i.ruleSets, m.date), streaks.get(m.id) ?? new Map()));
  const assessed = meetings.filter((m) => m.ruleSetId !== null && m.checks.length > 0);
  const summary = {
    monthsExpected: months.length,
    monthsHeld: months.filter((m) => m.held).length,
    thematicExpected: thematic.length,
    thematicOk: thematic.filter((t) => t.ok).length,
    meetingsAssessed: assessed.length,
    meetingsOk: assessed.filter((m) => m.ok).length,
    ok: false,
  };
  summary.ok = summary.monthsHeld === summary.monthsExpected && summary.thematicOk === summary.thematicExpected && summary.meetingsOk === summary.meetingsAssessed;
  return { months, thematic, meetings, summary };
}
