import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';
import type { IsoDate } from '../ids.ts';
import type { CountedInstance, CounterRow } from './counters.ts';
import { ancestorPaths, contribution, counterRowsMinus, delta, NO_DUE, progressByRecount, progressFromCounters } from './counters.ts';

const d = (s: string) => s as IsoDate;
const p = (s: string) => s as TreePath;

describe('contribution and delta', () => {
  it('counts a late completion as done and late', () => {
    expect(contribution({ due: d('2022-03-31'), doneOn: d('2022-04-02'), cancelled: false })).toEqual({ total: 1, done: 1, doneLate: 1 });
    expect(contribution({ due: null, doneOn: d('2022-04-02'), cancelled: false })).toEqual({ total: 1, done: 1, doneLate: 0 });
    expect(contribution({ due: d('2022-03-31'), doneOn: null, cancelled: true })).toEqual({ total: 0, done: 0, doneLate: 0 });
  });
  it('gives the difference of two states', () => {
    const open = contribution({ due: d('2022-03-31'), doneOn: null, cancelled: false });
    const late = contribution({ due: d('2022-03-31'), doneOn: d('2022-04-01'), cancelled: false });
    expect(delta(open, late)).toEqual({ total: 0, done: 1, doneLate: 1 });
  });
});

describe('progressFromCounters', () => {
  it('counts overdue and missing only for buckets past due, never for continuous work', () => {
    const rows: CounterRow[] = [
      { item: 'task', dueDate: d('2022-03-31'), total: 10, done: 6, doneLate: 1 },
      { item: 'task', dueDate: NO_DUE, total: 5, done: 0, doneLate: 0 },
      { item: 'report', dueDate: d('2022-03-31'), total: 10, done: 7, doneLate: 2 },
      { item: 'report', dueDate: d('2022-06-30'), total: 10, done: 1, doneLate: 0 },
    ];
    expect(progressFromCounters(rows, d('2022-04-10'))).toEqual({
      tasks: { total: 15, dueSoFar: 15, done: 6, overdue: 4 },
      reports: { expected: 20, dueSoFar: 11, submitted: 8, late: 2, missing: 3 },
    });
  });

  it('counts as due so far what is due by today, continuous work and what was done ahead of its date', () => {
    // A year of monthly tasks in April: three months due, one done early, the rest not yet due.
    const rows: CounterRow[] = Array.from({ length: 12 }, (_, m) => ({
      item: 'task' as const,
      dueDate: d(`2022-${String(m + 1).padStart(2, '0')}-28`),
      total: 1,
      done: m < 2 || m === 5 ? 1 : 0,
      doneLate: 0,
    }));
    const p = progressFromCounters(rows, d('2022-04-10'));
    expect(p.tasks).toEqual({ total: 12, dueSoFar: 4, done: 3, overdue: 1 });
    // The due date itself is due.
    expect(progressFromCounters(rows, d('2022-04-28')).tasks.dueSoFar).toEqual(5);
  });
});

describe('counterRowsMinus', () => {
  it('leaves what the unit holds itself when the children are taken from its subtree', () => {
    const total: CounterRow[] = [
      { item: 'task', dueDate: d('2022-03-31'), total: 10, done: 6, doneLate: 1 },
      { item: 'report', dueDate: NO_DUE, total: 4, done: 2, doneLate: 0 },
    ];
    const a: CounterRow[] = [{ item: 'task', dueDate: d('2022-03-31'), total: 6, done: 4, doneLate: 1 }];
    const b: CounterRow[] = [{ item: 'report', dueDate: NO_DUE, total: 4, done: 2, doneLate: 0 }, { item: 'task', dueDate: d('2022-03-31'), total: 3, done: 1, doneLate: 0 }];
    expect(counterRowsMinus(total, [a, b])).toEqual([{ item: 'task', dueDate: d('2022-03-31'), total: 1, done: 1, doneLate: 0 }]);
  });
});

describe('ancestorPaths', () => {
  it('lists the path and every prefix', () => {
    expect(ancestorPaths(p('a.b.c'))).toEqual(['a', 'a.b', 'a.b.c']);
  });
});

describe('counters maintained by deltas equal a recount, on random trees and histories', () => {
  // A random tree of up to 40 units, instances on random units, and a random sequence of changes;
  // counters are kept the way the server keeps them (delta to the unit and its ancestors).
  const arb = fc.record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
    instances: fc.array(fc.record({ unit: fc.nat(), item: fc.constantFrom('task' as const, 'report' as const), due: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }) }), { maxLength: 60 }),
    changes: fc.array(fc.record({ which: fc.nat(), doneDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }), cancel: fc.boolean() }), { maxLength: 80 }),
    today: fc.integer({ min: 1, max: 28 }),
  });
  it('holds for every subtree', () => {
    fc.assert(
      fc.property(arb, ({ parents, instances, changes, today }) => {
        const paths: TreePath[] = [p('u0')];
        parents.forEach((par, i) => paths.push(p(`${paths[par % paths.length]}.u${i + 1}`)));
        const day = (n: number) => d(`2022-02-${String(n).padStart(2, '0')}`);
        const state: CountedInstance[] = instances.map((i) => ({ item: i.item, unitPath: paths[i.unit % paths.length]!, due: i.due === null ? null : day(i.due), doneOn: null, cancelled: false }));
        const counters = new Map<string, CounterRow & { unit: TreePath }>();
        const apply = (inst: CountedInstance, c: ReturnType<typeof contribution>) => {
          for (const a of ancestorPaths(inst.unitPath)) {
            const key = `${a}|${inst.item}|${inst.due ?? NO_DUE}`;
            const row = counters.get(key) ?? { unit: a, item: inst.item, dueDate: inst.due ?? NO_DUE, total: 0, done: 0, doneLate: 0 };
            row.total += c.total;
            row.done += c.done;
            row.doneLate += c.doneLate;
            counters.set(key, row);
          }
        };
        for (const i of state) apply(i, contribution(i));
        for (const ch of changes) {
          if (state.length === 0) break;
          const inst = state[ch.which % state.length]!;
          const before = contribution(inst);
          inst.doneOn = ch.doneDay === null ? null : day(ch.doneDay);
          inst.cancelled = ch.cancel && ch.doneDay === null;
          apply(inst, delta(before, contribution(inst)));
        }
        for (const root of paths) {
          const rows = [...counters.values()].filter((r) => r.unit === root);
          const progress = progressFromCounters(rows, day(today));
          expect(progress).toEqual(progressByRecount(state, root, day(today)));
          // "Due so far", counted straight from the instances.
          const live = state.filter((i) => !i.cancelled && isWithin(i.unitPath, root));
          const dueSoFar = (item: string) => live.filter((i) => i.item === item && (i.due === null || i.due <= day(today) || i.doneOn !== null)).length;
          expect(progress.tasks.dueSoFar).toEqual(dueSoFar('task'));
          expect(progress.reports.dueSoFar).toEqual(dueSoFar('report'));
          // The unit's own row: its subtree minus its direct children's subtrees.
          const children = paths.filter((x) => x.startsWith(`${root}.`) && x.split('.').length === root.split('.').length + 1);
          const own = counterRowsMinus(rows, children.map((c) => [...counters.values()].filter((r) => r.unit === c)));
          const ownRecount = progressByRecount(state.filter((i) => i.unitPath === root), root, day(today));
          expect(progressFromCounters(own, day(today))).toEqual(ownRecount);
        }
      }),
    );
  });
});
