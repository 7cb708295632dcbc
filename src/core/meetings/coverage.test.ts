import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { activeOn, coveragePercent, studyCoverage, tallyAttendance } from './coverage.ts';
import type { MembershipSpan } from './coverage.ts';

const d = (s: string) => s as IsoDate;
const member = (personId: string, validFrom = '2020-01-01', validTo: string | null = null, category = 'party_full'): MembershipSpan => ({
  personId, category, validFrom: d(validFrom), validTo: validTo === null ? null : d(validTo),
});
const PARTY = ['party_full', 'party_probationary'];

describe('study coverage', () => {
  it('counts a member who attended the main and a make-up session once', () => {
    const c = studyCoverage({
      categories: PARTY,
      memberships: [member('an'), member('binh'), member('cuong')],
      sessions: [
        { date: d('2022-03-20'), marks: { an: 'present', binh: 'absent', cuong: 'present' } },
        { date: d('2022-03-27'), marks: { an: 'present', binh: 'present' } },
      ],
    });
    expect(c).toEqual({ mustStudy: 3, studied: 3, notStudied: [], selfStudied: 0 });
  });

  it('follows membership dates: left before, joined between, joined after the sessions', () => {
    const c = studyCoverage({
      categories: PARTY,
      memberships: [
        member('stays'),
        // left the unit on the 15th (valid_to is the first day no longer a member): not due
        member('left', '2020-01-01', '2022-03-15'),
        // joined after the main session, before the make-up: due, studies at the make-up
        member('joined', '2022-03-22'),
        // joined after the make-up: not due yet
        member('late', '2022-03-28'),
        // joined after the main session and missed the make-up: due, not studied
        member('missed', '2022-03-25'),
      ],
      sessions: [
        { date: d('2022-03-20'), marks: { stays: 'present', left: 'present' } },
        { date: d('2022-03-27'), marks: { joined: 'present' } },
      ],
    });
    expect(c.mustStudy).toBe(3);
    expect(c.studied).toBe(2);
    expect(c.notStudied).toEqual(['missed']);
  });

  it('honours the membership end on the day it ends, exclusively', () => {
    expect(activeOn(member('x', '2022-01-01', '2022-03-20'), d('2022-03-19'))).toBe(true);
    expect(activeOn(member('x', '2022-01-01', '2022-03-20'), d('2022-03-20'))).toBe(false);
    expect(activeOn(member('x', '2022-03-20'), d('2022-03-20'))).toBe(true);
  });

  it('counts only the categories the session is for, and self-study where confirmed', () => {
    const c = studyCoverage({
      categories: PARTY,
      memberships: [member('an'), member('binh', '2020-01-01', null, 'party_probationary'), member('youth', '2020-01-01', null, 'youth')],
      sessions: [{ date: d('2022-03-20'), marks: { an: 'self_study', binh: 'excused', youth: 'present' } }],
    });
    expect(c).toEqual({ mustStudy: 2, studied: 1, notStudied: ['binh'], selfStudied: 1 });
    const widened = studyCoverage({
      categories: [...PARTY, 'youth'],
      memberships: [member('an'), member('youth', '2020-01-01', null, 'youth')],
      sessions: [{ date: d('2022-03-20'), marks: { youth: 'present' } }],
    });
    expect(widened.mustStudy).toBe(2);
    expect(widened.studied).toBe(1);
  });

  it('gives 28/30 for thirty members with two absent with a reason', () => {
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const marks = Object.fromEntries(people.map((p, i) => [p, i < 2 ? 'excused' : 'present'] as const));
    const c = studyCoverage({ categories: PARTY, memberships: people.map((p) => member(p)), sessions: [{ date: d('2026-11-22'), marks }] });
    expect([c.studied, c.mustStudy]).toEqual([28, 30]);
    expect(coveragePercent(c)).toBe(93);
    expect(coveragePercent({ mustStudy: 0, studied: 0 })).toBeNull();
  });
});

describe('attendance tally', () => {
  it('counts unmarked members as absent without a reason', () => {
    expect(tallyAttendance(['a', 'b', 'c', 'd'], { a: 'present', b: 'excused', c: 'absent' })).toEqual({
      expected: 4, present: 1, excused: 1, absent: 2, unmarked: 1, selfStudy: 0,
    });
  });
});
