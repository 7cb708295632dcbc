import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Due } from './types.ts';
import type { IsoDate } from '../ids.ts';
import type { ResolveContext } from './resolve.ts';
import { addDays, daysLate, instanceStatus, resolveDue } from './resolve.ts';

const d = (s: string) => s as IsoDate;
const ctx: ResolveContext = { from: d('2022-03-11'), until: d('2022-12-31') };
const dues = (due: Due, c: ResolveContext = ctx) => resolveDue(due, c).map((p) => [p.key, p.due]);

describe('resolveDue, one type at a time', () => {
  it('a date is due that day', () => {
    expect(dues({ type: 'date', value: d('2022-03-31') })).toEqual([['2022-03-31', '2022-03-31']]);
  });
  it('a month is due on its last day, February included', () => {
    expect(dues({ type: 'month', value: '2022-02' })).toEqual([['2022-02', '2022-02-28']]);
    expect(dues({ type: 'month', value: '2024-02' })).toEqual([['2024-02', '2024-02-29']]);
  });
  it('a quarter and a quarter end are due on the last day of the quarter', () => {
    expect(dues({ type: 'quarter', value: '2022-Q1' })).toEqual([['2022-Q1', '2022-03-31']]);
    expect(dues({ type: 'quarter-end', value: '2025-Q3' })).toEqual([['2025-Q3', '2025-09-30']]);
    expect(resolveDue({ type: 'quarter', value: '2022-Q2' }, ctx)[0]!.label).toBe('Quý II/2022');
  });
  it('a half year and a year end on 30/6 and 31/12', () => {
    expect(dues({ type: 'half', value: '2022-H1' })).toEqual([['2022-H1', '2022-06-30']]);
    expect(dues({ type: 'half', value: '2022-H2' })).toEqual([['2022-H2', '2022-12-31']]);
    expect(dues({ type: 'year', value: '2022' })).toEqual([['2022', '2022-12-31']]);
  });
  it('a range is due at the end of its last part', () => {
    const p = resolveDue({ type: 'range', value: { from: { type: 'month', value: '2022-04' }, to: { type: 'month', value: '2022-11' } } }, ctx);
    expect(p).toHaveLength(1);
    expect(p[0]!.start).toBe('2022-04-01');
    expect(p[0]!.due).toBe('2022-11-30');
  });
  it('recurring quarterly yields one period per quarter from publication, across the year end', () => {
    const c = { from: d('2022-11-15'), until: d('2023-06-30') };
    expect(dues({ type: 'recurring', value: { every: 'quarter', from: null } }, c)).toEqual([
      ['2022-Q4', '2022-12-31'], ['2023-Q1', '2023-03-31'], ['2023-Q2', '2023-06-30'],
    ]);
  });
  it('recurring monthly and half-yearly and yearly', () => {
    const c = { from: d('2022-11-15'), until: d('2023-02-10') };
    expect(dues({ type: 'recurring', value: { every: 'month', from: null } }, c).map((x) => x[1])).toEqual(['2022-11-30', '2022-12-31', '2023-01-31', '2023-02-28']);
    expect(dues({ type: 'recurring', value: { every: 'half-year', from: null } }, { from: d('2022-03-01'), until: d('2023-12-31') }).map((x) => x[0])).toEqual(['2022-H1', '2022-H2', '2023-H1', '2023-H2']);
    expect(dues({ type: 'recurring', value: { every: 'year', from: { type: 'year', value: '2023' } } }, { from: d('2022-03-01'), until: d('2024-12-31') }).map((x) => x[0])).toEqual(['2023', '2024']);
  });
  it('recurring weekly runs Monday to Sunday', () => {
    const p = resolveDue({ type: 'recurring', value: { every: 'week', from: null } }, { from: d('2022-03-16'), until: d('2022-03-27') });
    expect(p.map((x) => [x.start, x.end])).toEqual([['2022-03-14', '2022-03-20'], ['2022-03-21', '2022-03-27']]);
  });
  it('continuous and "from" have no due date', () => {
    expect(dues({ type: 'continuous', value: null })).toEqual([['continuous', null]]);
    const p = resolveDue({ type: 'from', value: { type: 'year', value: '2022' } }, ctx);
    expect(p[0]!.due).toBeNull();
    expect(p[0]!.start).toBe('2022-01-01');
  });
  it('term-years resolve against the term of office', () => {
    const c = { ...ctx, term: { start: d('2020-10-15'), end: d('2025-10-14') } };
    expect(dues({ type: 'term-years', value: { years: [2, 4] } }, c)).toEqual([['term-2', '2022-10-14'], ['term-4', '2024-10-14']]);
    expect(dues({ type: 'term-years', value: { years: [2] } })).toEqual([['term-2', null]]);
  });
  it('a relative deadline hangs on its event', () => {
    expect(dues({ type: 'relative', value: { days: -5, to: 'event' } }, { ...ctx, eventDate: d('2022-04-20') })).toEqual([['once', '2022-04-15']]);
    expect(dues({ type: 'relative', value: { days: -5, to: 'event' } })).toEqual([['once', null]]);
  });
  it('caps the number of periods', () => {
    expect(resolveDue({ type: 'recurring', value: { every: 'day', from: null } }, { from: d('2022-01-01'), until: d('2030-01-01'), maxPeriods: 10 })).toHaveLength(10);
  });
});

describe('recurring periods, as properties', () => {
  const every = fc.constantFrom('day', 'week', 'month', 'quarter', 'half-year', 'year' as const);
  const date = fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10) as IsoDate);
  it('tile the horizon without gaps or overlaps, each due on its last day', () => {
    fc.assert(
      fc.property(every, date, fc.integer({ min: 0, max: 800 }), (e, from, len) => {
        const until = addDays(from, len);
        const ps = resolveDue({ type: 'recurring', value: { every: e, from: null } }, { from, until, maxPeriods: 1000 });
        expect(ps.length).toBeGreaterThan(0);
        expect(ps[0]!.start <= from && from <= ps[0]!.end).toBe(true);
        expect(ps[ps.length - 1]!.end >= until).toBe(true);
        for (let i = 1; i < ps.length; i++) expect(ps[i]!.start).toBe(addDays(ps[i - 1]!.end, 1));
        for (const p of ps) expect(p.due).toBe(p.end);
        expect(new Set(ps.map((p) => p.key)).size).toBe(ps.length);
      }),
    );
  });
});

describe('instanceStatus', () => {
  const today = d('2022-03-25');
  it('names the five statuses', () => {
    expect(instanceStatus({ due: d('2022-04-30'), doneOn: null }, today)).toBe('not_due');
    expect(instanceStatus({ due: d('2022-03-31'), doneOn: null }, today)).toBe('due_soon');
    expect(instanceStatus({ due: d('2022-03-20'), doneOn: null }, today)).toBe('overdue');
    expect(instanceStatus({ due: d('2022-03-20'), doneOn: d('2022-03-20') }, today)).toBe('done_on_time');
    expect(instanceStatus({ due: d('2022-03-20'), doneOn: d('2022-03-21') }, today)).toBe('done_late');
    expect(instanceStatus({ due: null, doneOn: null }, today)).toBe('not_due');
  });
  it('counts days late across a year end', () => {
    expect(daysLate(d('2022-12-30'), d('2023-01-02'))).toBe(3);
  });
});
