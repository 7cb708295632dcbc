import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Period } from '../deadline/resolve.ts';
import { addDays } from '../deadline/resolve.ts';
import type { Due } from '../deadline/types.ts';
import type { IsoDate } from '../ids.ts';
import { applyToUnit, periodsForUnit, planHorizon, publicationPeriods, usableTerm } from './periods.ts';

const d = (s: string) => s as IsoDate;
const brief = (ps: Period[]) => ps.map((p) => [p.key, p.start, p.end, p.due]);
const sorted = (ps: Period[]) => brief(ps).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('planHorizon', () => {
  it('is one year after publication, or the end of the term when that is later', () => {
    expect(planHorizon(d('2022-03-11'), null)).toBe('2023-03-11');
    expect(planHorizon(d('2022-03-11'), d('2025-10-14'))).toBe('2025-10-14');
    expect(planHorizon(d('2022-03-11'), d('2022-12-31'))).toBe('2023-03-11');
    expect(planHorizon(d('2024-02-29'), null)).toBe('2025-02-28');
  });
});

describe('periodsForUnit', () => {
  const pub = d('2022-03-11');
  it('gives one undated period to an item without a deadline', () => {
    expect(brief(periodsForUnit(null, pub, null))).toEqual([['once', '2022-03-11', '2023-03-11', null]]);
    expect(brief(periodsForUnit([], pub, null))).toEqual([['once', '2022-03-11', '2023-03-11', null]]);
  });
  it('unites the dues of a report, each period once', () => {
    const dues: Due[] = [{ type: 'date', value: d('2022-05-30') }, { type: 'date', value: d('2022-11-30') }, { type: 'date', value: d('2022-05-30') }];
    expect(periodsForUnit(dues, pub, null).map((p) => p.due)).toEqual(['2022-05-30', '2022-11-30']);
  });
  it('runs a quarterly report to the end of the term, across year ends', () => {
    const ps = periodsForUnit({ type: 'recurring', value: { every: 'quarter', from: null } }, pub, { start: d('2020-10-15'), end: d('2023-06-30') });
    expect(ps.map((p) => p.key)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2']);
  });
  it('resolves term-years against the term of office, and leaves them undated without one', () => {
    const due: Due = { type: 'term-years', value: { years: [2, 4] } };
    expect(periodsForUnit(due, pub, { start: d('2020-10-15'), end: d('2025-10-14') }).map((p) => p.due)).toEqual(['2022-10-14', '2024-10-14']);
    expect(periodsForUnit(due, pub, { start: null, end: d('2025-10-14') }).map((p) => p.due)).toEqual([null, null]);
  });
});

describe('publicationPeriods resolved once for a whole audience', () => {
  const date = (min: string, max: string) =>
    fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10) as IsoDate);
  const fixed: fc.Arbitrary<Due> = fc.oneof(
    date('2021-01-01', '2024-12-31').map((v) => ({ type: 'date' as const, value: v })),
    fc.record({ y: fc.integer({ min: 2021, max: 2024 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => ({ type: 'month' as const, value: `${y}-${String(m).padStart(2, '0')}` })),
    fc.record({ y: fc.integer({ min: 2021, max: 2024 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ y, q }) => ({ type: 'quarter' as const, value: `${y}-Q${q}` })),
    fc.integer({ min: 2021, max: 2024 }).map((y) => ({ type: 'year' as const, value: String(y) })),
  );
  const due: fc.Arbitrary<Due> = fc.oneof(
    fixed,
    fc.constantFrom('week', 'month', 'quarter', 'half-year', 'year' as const).map((every) => ({ type: 'recurring' as const, value: { every, from: null } })),
    fixed.map((from) => ({ type: 'recurring' as const, value: { every: 'quarter' as const, from } })),
    fc.constant({ type: 'continuous' as const, value: null }),
    fixed.map((v) => ({ type: 'from' as const, value: v })),
    fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }).map((years) => ({ type: 'term-years' as const, value: { years } })),
  );
  const term = fc.option(
    fc.record({ start: date('2019-01-01', '2022-12-31'), len: fc.integer({ min: 300, max: 2000 }), noStart: fc.boolean() }).map((t) => ({
      start: t.noStart ? null : t.start,
      end: addDays(t.start, t.len),
    })),
    { nil: null },
  );

  it('gives every unit exactly the periods resolved for it alone', () => {
    fc.assert(
      fc.property(fc.array(due, { maxLength: 3 }), date('2021-06-01', '2023-06-30'), fc.array(term, { minLength: 1, maxLength: 6 }), (dues, pub, terms) => {
        const widest = terms.reduce((w, t) => (planHorizon(pub, t?.end ?? null) > w ? planHorizon(pub, t?.end ?? null) : w), planHorizon(pub, null));
        const distinct = [...new Map(terms.map(usableTerm).filter((t) => t !== null).map((t) => [`${t.start}|${t.end}`, t])).values()];
        const all = publicationPeriods(dues, pub, widest, distinct);
        for (const t of terms) {
          expect(sorted(applyToUnit(all, pub, t))).toEqual(sorted(periodsForUnit(dues, pub, t)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
