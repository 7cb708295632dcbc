import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../deadline/resolve.ts';
import type { IsoDate } from '../ids.ts';
import type { ReviewPeriodDates, TaskInstanceFact } from './task-results.ts';
import { shareText, taskOutcome, taskResults } from './task-results.ts';

const d = (s: string) => s as IsoDate;
const year2025: ReviewPeriodDates = { from: d('2025-01-01'), to: d('2025-12-31') };
const task = (due: string | null, doneOn: string | null, o: { beyond?: boolean; status?: TaskInstanceFact['status'] } = {}): TaskInstanceFact => ({
  due: due === null ? null : d(due),
  doneOn: doneOn === null ? null : d(doneOn),
  status: o.status ?? (doneOn ? 'done' : 'open'),
  beyond: o.beyond ?? false,
});

describe('the task-results figures of a unit over a review period', () => {
  it('count tasks due within the period: on time on the due day, late after it, not done by the end', () => {
    const r = taskResults([
      task('2025-03-31', '2025-03-31', { beyond: true }),
      task('2025-06-30', '2025-07-02'),
      task('2025-09-30', null),
      task('2025-12-31', '2026-01-05'),
    ], year2025);
    expect(r).toEqual({ counted: 4, onTime: 1, late: 1, notDone: 2, exceeding: 1, pending: 0, shares: { onTime: 0.25, late: 0.25, notDone: 0.5, exceeding: 0.25 } });
  });

  it('leave out cancelled tasks and tasks due outside the period, whenever they were done', () => {
    expect(taskOutcome(task('2025-05-01', '2025-04-01', { status: 'cancelled' }), year2025)).toBeNull();
    expect(taskOutcome(task('2024-12-31', '2025-01-10'), year2025)).toBeNull();
    expect(taskOutcome(task('2026-01-15', '2025-12-01'), year2025)).toBeNull();
  });

  it('count regular work without a due date only when done within the period, and then on time', () => {
    expect(taskOutcome(task(null, '2025-05-05', { beyond: true }), year2025)).toBe('on_time');
    expect(taskOutcome(task(null, null), year2025)).toBeNull();
    expect(taskOutcome(task(null, '2024-12-20'), year2025)).toBeNull();
    expect(taskResults([task(null, '2025-05-05', { beyond: true })], year2025)).toMatchObject({ counted: 1, onTime: 1, exceeding: 1 });
  });

  it('judge a review held before the period ends on its own day: what is still to come is pending, not failed', () => {
    const asOf = d('2025-12-10');
    expect(taskOutcome(task('2025-12-31', null), year2025, asOf)).toBe('pending');
    expect(taskOutcome(task('2025-12-31', '2025-12-05'), year2025, asOf)).toBe('on_time');
    expect(taskOutcome(task('2025-12-01', null), year2025, asOf)).toBe('not_done');
    // Done after the review day: by that day it was not done.
    expect(taskOutcome(task('2025-12-01', '2025-12-15'), year2025, asOf)).toBe('not_done');
    expect(taskResults([task('2025-12-31', null)], year2025, asOf)).toEqual({ counted: 0, onTime: 0, late: 0, notDone: 0, exceeding: 0, pending: 1, shares: null });
  });

  it('count "vượt mức" only on tasks done, and read a done status without a date as not done', () => {
    expect(taskResults([task('2025-04-01', null, { beyond: true }), task('2025-04-01', '2025-04-03', { beyond: true })], year2025)).toMatchObject({ notDone: 1, late: 1, exceeding: 1 });
    expect(taskOutcome({ due: d('2025-04-01'), doneOn: null, status: 'done', beyond: false }, year2025)).toBe('not_done');
  });

  it('write shares truncated, without trailing zeros', () => {
    expect(shareText(1, 4)).toBe('25%');
    expect(shareText(1, 3)).toBe('33,33%');
    expect(shareText(3, 10)).toBe('30%');
    expect(shareText(2004, 10_000)).toBe('20,04%');
    expect(shareText(333, 1000)).toBe('33,3%');
    expect(shareText(5, 5)).toBe('100%');
    expect(shareText(0, 5)).toBe('0%');
    expect(shareText(0, 0)).toBe('—');
  });
});

describe('the figures against a brute-force recount', () => {
  const day = fc.integer({ min: -60, max: 430 }).map((n) => addDays(d('2025-01-01'), n));
  const instance = fc.record({
    due: fc.option(day, { nil: null }),
    doneOn: fc.option(day, { nil: null }),
    status: fc.constantFrom<TaskInstanceFact['status']>('open', 'done', 'done', 'cancelled'),
    beyond: fc.boolean(),
  });
  const periodAndDay = fc.tuple(day, fc.integer({ min: 0, max: 370 }), fc.integer({ min: -30, max: 400 })).map(([from, len, ask]) => {
    const period = { from, to: addDays(from, len) };
    return { period, asOf: addDays(from, ask) };
  });

  it('equal the recount of random instances in random periods, judged on random days', () => {
    fc.assert(fc.property(fc.array(instance, { maxLength: 40 }), periodAndDay, (instances, { period, asOf }) => {
      const end = asOf < period.to ? asOf : period.to;
      const live = instances.filter((i) => i.status !== 'cancelled');
      const doneBy = (i: TaskInstanceFact) => i.status === 'done' && i.doneOn !== null && i.doneOn <= end;
      const dueIn = (i: TaskInstanceFact) => i.due !== null && period.from <= i.due && i.due <= period.to;
      const onTime = live.filter((i) => (dueIn(i) && doneBy(i) && i.doneOn! <= i.due!) || (i.due === null && doneBy(i) && i.doneOn! >= period.from));
      const late = live.filter((i) => dueIn(i) && doneBy(i) && i.doneOn! > i.due!);
      const notDone = live.filter((i) => dueIn(i) && !doneBy(i) && i.due! <= end);
      const pending = live.filter((i) => dueIn(i) && !doneBy(i) && i.due! > end);
      const exceeding = [...onTime, ...late].filter((i) => i.beyond);
      const r = taskResults(instances, period, asOf);
      expect([r.counted, r.onTime, r.late, r.notDone, r.exceeding, r.pending]).toEqual([
        onTime.length + late.length + notDone.length, onTime.length, late.length, notDone.length, exceeding.length, pending.length,
      ]);
      if (r.counted === 0) expect(r.shares).toBeNull();
      else expect(r.shares!.onTime + r.shares!.late + r.shares!.notDone).toBeCloseTo(1, 10);
    }), { numRuns: 500 });
  });
});
