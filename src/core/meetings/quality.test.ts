import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import type { AttendanceStatus, MeetingKind } from './kinds.ts';
import { absenceStreaks, assessCellQuality, assessMeeting } from './quality.ts';
import type { QualityMeeting } from './quality.ts';
import type { RuleSet } from './rules.ts';
import { describeRules, ruleInForce, setsFor } from './rules.ts';

const d = (s: string) => s as IsoDate;
const BASE = { regularPerMonth: 1, minMinutes: 90, minMinutesCombined: 120, materialsDaysBefore: 1, minAttendanceShare: 0.85, maxUnexcusedAbsences: 0, maxConsecutiveAbsences: 3 };
/** The two sets migration 0009 seeds: thematic yearly (seed 003), quarterly from Hướng dẫn 42-HD/BTCTW. */
const SETS: RuleSet[] = [
  { id: 'y', name: 'yearly', source: '01-HD/BTC', validFrom: d('2021-06-15'), rules: { ...BASE, thematic: { every: 'year', atLeast: 1 } } },
  { id: 'q', name: 'quarterly', source: '42-HD/BTCTW', validFrom: d('2025-10-28'), rules: { ...BASE, thematic: { every: 'quarter', atLeast: 1 } } },
];

const ten = Array.from({ length: 10 }, (_, i) => `m${i}`);
function meeting(id: string, date: string, o: { kind?: MeetingKind; minutes?: number | null; materials?: string | null; marks?: Record<string, AttendanceStatus | null> } = {}): QualityMeeting {
  return {
    id,
    kind: o.kind ?? 'regular',
    date: d(date),
    durationMinutes: o.minutes === undefined ? 95 : o.minutes,
    materialsSentOn: o.materials === undefined ? d('2000-01-01') : o.materials === null ? null : d(o.materials),
    roster: ten.map((p) => ({ personId: p, mark: o.marks && p in o.marks ? (o.marks[p] ?? null) : 'present' })),
  };
}

describe('the rule set in force', () => {
  it('is the latest set whose date is not after the meeting', () => {
    expect(ruleInForce(SETS, d('2021-01-01'))).toBeNull();
    expect(ruleInForce(SETS, d('2022-05-10'))?.id).toBe('y');
    expect(ruleInForce(SETS, d('2025-10-27'))?.id).toBe('y');
    expect(ruleInForce(SETS, d('2025-10-28'))?.id).toBe('q');
    expect(describeRules(SETS[1]!.rules)).toContain('Sinh hoạt chuyên đề ít nhất 1 lần mỗi quý.');
  });

  it('applies a committee’s own guidance to the units below it, not to the committee itself', () => {
    const local: RuleSet = { ...SETS[0]!, id: 'local', validFrom: d('2022-01-01'), scope: 'a.b' };
    const all = [...SETS, local];
    expect(setsFor(all, 'a.b.c').map((s) => s.id)).toEqual(['y', 'q', 'local']);
    expect(setsFor(all, 'a.b').map((s) => s.id)).toEqual(['y', 'q']);
    expect(ruleInForce(setsFor(all, 'a.b.c'), d('2022-05-10'))?.id).toBe('local');
    // the later national rule takes over
    expect(ruleInForce(setsFor(all, 'a.b.c'), d('2026-01-01'))?.id).toBe('q');
    // on the same day, the nearer committee's
    expect(ruleInForce([SETS[1]!, { ...local, validFrom: d('2025-10-28') }], d('2026-01-01'))?.id).toBe('local');
  });
});

describe('one meeting', () => {
  const set = SETS[0]!;
  const noStreaks = new Map<string, number>();
  it('passes when every rule is met', () => {
    const a = assessMeeting(meeting('a', '2022-05-10', { materials: '2022-05-09' }), set, noStreaks);
    expect(a.ok).toBe(true);
    expect(a.checks.map((c) => c.code)).toEqual(['duration', 'materials', 'attendance', 'unexcused', 'consecutive']);
  });
  it('asks 120 minutes of a combined meeting and 90 of a regular one', () => {
    expect(assessMeeting(meeting('a', '2022-05-10', { minutes: 100 }), set, noStreaks).ok).toBe(true);
    const combined = assessMeeting(meeting('a', '2022-05-10', { minutes: 100, kind: 'regular_thematic' }), set, noStreaks);
    expect(combined.checks.find((c) => c.code === 'duration')).toMatchObject({ ok: false, detail: '100 phút; yêu cầu tối thiểu 120 phút (kết hợp chuyên đề).' });
    expect(assessMeeting(meeting('a', '2022-05-10', { minutes: null }), set, noStreaks).ok).toBe(false);
  });
  it('asks materials at least one day before', () => {
    const late = assessMeeting(meeting('a', '2022-05-10', { materials: '2022-05-10' }), set, noStreaks);
    expect(late.checks.find((c) => c.code === 'materials')?.ok).toBe(false);
  });
  it('asks attendance strictly above 85% and no unexcused absence', () => {
    // 9 of 10 present, one absent with a reason: 90% > 85%, no unexcused absence
    expect(assessMeeting(meeting('a', '2022-05-10', { marks: { m0: 'excused' } }), set, noStreaks).ok).toBe(true);
    // 8 of 10 (80%) fails attendance
    const low = assessMeeting(meeting('a', '2022-05-10', { marks: { m0: 'excused', m1: 'excused' } }), set, noStreaks);
    expect(low.checks.find((c) => c.code === 'attendance')?.ok).toBe(false);
    // a member not marked counts as absent without a reason
    const unmarked = assessMeeting(meeting('a', '2022-05-10', { marks: { m0: null } }), set, noStreaks);
    expect(unmarked.checks.find((c) => c.code === 'unexcused')).toMatchObject({ ok: false, detail: '1 đảng viên vắng không lý do (1 chưa điểm danh).' });
  });
  it('fails when a member has missed more than three meetings in a row', () => {
    const ms = ['2022-04-10', '2022-05-10', '2022-06-10', '2022-07-10'].map((date, i) => meeting(`x${i}`, date, { marks: { m0: 'excused' } }));
    const streaks = absenceStreaks(ms);
    expect(streaks.get('x2')?.get('m0')).toBe(3);
    expect(assessMeeting(ms[2]!, set, streaks.get('x2')!).checks.find((c) => c.code === 'consecutive')?.ok).toBe(true);
    expect(assessMeeting(ms[3]!, set, streaks.get('x3')!).checks.find((c) => c.code === 'consecutive')?.ok).toBe(false);
    // attending again breaks the run
    const back = absenceStreaks([...ms.slice(0, 3), meeting('x3', '2022-07-10'), meeting('x4', '2022-08-10', { marks: { m0: 'absent' } })]);
    expect(back.get('x4')?.get('m0')).toBe(1);
  });
});

describe('a cell over a period', () => {
  it('applies the yearly thematic rule in 2022 and the quarterly one after 28/10/2025', () => {
    const y2022 = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => meeting(`r${m}`, `2022-${m}-10`));
    y2022.push(meeting('t', '2022-09-20', { kind: 'thematic' }));
    const q = assessCellQuality({ meetings: y2022, ruleSets: SETS, from: d('2022-01-01'), to: d('2022-12-31'), asOf: d('2023-02-01'), unitFrom: d('2020-01-01'), unitTo: null });
    expect(q.summary).toMatchObject({ monthsExpected: 12, monthsHeld: 12, thematicExpected: 1, thematicOk: 1, ok: true });

    const y2026 = ['01', '02', '03', '04', '05', '06'].map((m) => meeting(`s${m}`, `2026-${m}-10`));
    y2026.push(meeting('t1', '2026-02-20', { kind: 'thematic' }));
    const q2 = assessCellQuality({ meetings: y2026, ruleSets: SETS, from: d('2026-01-01'), to: d('2026-06-30'), asOf: d('2026-11-22'), unitFrom: d('2020-01-01'), unitTo: null });
    expect(q2.thematic.map((t) => [t.key, t.ok])).toEqual([['2026-Q1', true], ['2026-Q2', false]]);
    expect(q2.summary.ok).toBe(false);
  });

  it('does not expect months not yet ended, or before the unit existed, and counts a missed month', () => {
    const ms = [meeting('a', '2022-03-10'), meeting('c', '2022-05-10')];
    const q = assessCellQuality({ meetings: ms, ruleSets: SETS, from: d('2022-01-01'), to: d('2022-12-31'), asOf: d('2022-05-20'), unitFrom: d('2022-03-01'), unitTo: null });
    expect(q.months.map((m) => [m.key, m.held])).toEqual([['2022-03', true], ['2022-04', false]]);
    // the year is not over: the yearly thematic rule is not judged yet
    expect(q.thematic).toEqual([]);
  });

  it('assesses nothing before the first rule set', () => {
    const q = assessCellQuality({ meetings: [meeting('a', '2021-03-10', { minutes: 10 })], ruleSets: SETS, from: d('2021-01-01'), to: d('2021-05-31'), asOf: d('2022-01-01'), unitFrom: d('2020-01-01'), unitTo: null });
    expect(q.summary).toMatchObject({ monthsExpected: 0, meetingsAssessed: 0, ok: true });
  });
});
