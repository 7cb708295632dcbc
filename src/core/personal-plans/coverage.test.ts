import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountedPlan } from './coverage.ts';
import { addFigures, coverageOf, isZero, NO_FIGURES, planFigures, pledgeFigures } from './coverage.ts';

const plan = (p: Partial<CountedPlan>): CountedPlan => ({ state: 'pending', confirmedOn: null, late: false, leader: false, ...p });

describe('what a plan adds to the coverage of a round', () => {
  it('counts every asked member, a submitted or confirmed plan as submitted, a returned one not', () => {
    expect(planFigures(plan({}))).toEqual({ ...NO_FIGURES, must: 1 });
    expect(planFigures(plan({ state: 'draft' })).submitted).toBe(0);
    expect(planFigures(plan({ state: 'submitted', late: true }))).toMatchObject({ submitted: 1, confirmed: 0, late: 1 });
    expect(planFigures(plan({ state: 'returned' })).submitted).toBe(0);
    expect(planFigures(plan({ state: 'confirmed', confirmedOn: '2026-03-01' }))).toMatchObject({ submitted: 1, confirmed: 1 });
  });

  it('keeps a confirmed plan confirmed while its amendment is written', () => {
    expect(planFigures(plan({ state: 'draft', confirmedOn: '2026-03-01' }))).toMatchObject({ submitted: 1, confirmed: 1 });
  });

  it('counts a leader, and their example-setting items once the plan is submitted', () => {
    expect(planFigures(plan({ leader: true }))).toMatchObject({ leaders: 1, leadersRegistered: 0 });
    expect(planFigures(plan({ leader: true, state: 'submitted' }))).toMatchObject({ leaders: 1, leadersRegistered: 1 });
  });

  it('counts a signed pledge as submitted, late when signed after the deadline', () => {
    expect(pledgeFigures({ signedOn: null, late: false })).toEqual({ ...NO_FIGURES, must: 1 });
    expect(pledgeFigures({ signedOn: '2026-02-20', late: true })).toMatchObject({ must: 1, submitted: 1, late: 1 });
  });

  it('adds and takes away exactly (a transfer moves a plan out of one line and into another)', () => {
    const fig = fc.record({ state: fc.constantFrom('pending', 'draft', 'submitted', 'returned', 'confirmed'), confirmed: fc.boolean(), late: fc.boolean(), leader: fc.boolean() })
      .map((r) => planFigures(plan({ state: r.state as CountedPlan['state'], confirmedOn: r.confirmed ? '2026-01-01' : null, late: r.late, leader: r.leader })));
    fc.assert(fc.property(fc.array(fig), fig, (many, one) => {
      const sum = many.reduce((a, b) => addFigures(a, b), NO_FIGURES);
      expect(addFigures(addFigures(sum, one), one, -1)).toEqual(sum);
      expect(isZero(addFigures(one, one, -1))).toBe(true);
      expect(sum.submitted).toBeLessThanOrEqual(sum.must);
      expect(sum.confirmed).toBeLessThanOrEqual(sum.submitted);
      expect(sum.leadersRegistered).toBeLessThanOrEqual(sum.leaders);
    }));
  });
});

describe('coverage on a day', () => {
  const f = { ...NO_FIGURES, must: 30, submitted: 21, confirmed: 10 };
  it('counts nobody overdue until the deadline has passed, the day itself included', () => {
    expect(coverageOf(f, '2026-03-31', '2026-03-31').overdue).toBe(0);
    expect(coverageOf(f, '2026-03-31', '2026-04-01').overdue).toBe(9);
    expect(coverageOf(f, null, '2030-01-01').overdue).toBe(0);
  });
  it('gives rates rounded down, none without members', () => {
    expect(coverageOf(f, null, '2026-01-01')).toMatchObject({ percentSubmitted: 70, percentConfirmed: 33 });
    expect(coverageOf(NO_FIGURES, null, '2026-01-01').percentSubmitted).toBeNull();
  });
});
