import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import type { ChainInstance } from './carried-out.ts';
import { chainAbove, followChain } from './carried-out.ts';

const day = (n: number) => `2022-03-${String(n).padStart(2, '0')}` as IsoDate;

/**
 * A random forest of plans' instances: instance k carries out one of the instances before it (or
 * none), as a lower plan's instance carries out its superior's; some are cancelled, some done.
 */
const forest = fc
  .array(fc.record({ parent: fc.option(fc.nat(), { nil: null }), done: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }), cancelled: fc.boolean() }), { minLength: 1, maxLength: 30 })
  .map((xs) =>
    xs.map((x, k): ChainInstance => ({
      id: `i${k}`,
      carriesOutId: k === 0 || x.parent === null ? null : `i${x.parent % k}`,
      doneOn: x.done === null ? null : day(x.done),
      cancelled: x.cancelled && k > 0,
    })),
  );

/** The instances carrying `id` out, not cancelled. */
const carriersOf = (xs: readonly ChainInstance[], id: string) => xs.filter((x) => x.carriesOutId === id && !x.cancelled);

describe('followChain', () => {
  it('makes a superior instance done on the last day of its carriers, open while one is open', () => {
    const xs: ChainInstance[] = [
      { id: 'khoi', carriesOutId: null, doneOn: null, cancelled: false },
      { id: 'dangbo', carriesOutId: 'khoi', doneOn: null, cancelled: false },
      { id: 'cb1', carriesOutId: 'dangbo', doneOn: day(10), cancelled: false },
      { id: 'cb2', carriesOutId: 'dangbo', doneOn: day(12), cancelled: false },
      { id: 'cb3', carriesOutId: 'dangbo', doneOn: null, cancelled: true },
    ];
    expect(Object.fromEntries(followChain(xs))).toEqual({ khoi: day(12), dangbo: day(12), cb1: day(10), cb2: day(12), cb3: null });
    const open = xs.map((x) => (x.id === 'cb2' ? { ...x, doneOn: null } : x));
    expect(Object.fromEntries(followChain(open))).toEqual({ khoi: null, dangbo: null, cb1: day(10), cb2: null, cb3: null });
  });

  it('holds the rule at every instance of any forest', () => {
    fc.assert(
      fc.property(forest, (xs) => {
        const after = followChain(xs);
        for (const x of xs) {
          const below = carriersOf(xs, x.id);
          if (below.length === 0) expect(after.get(x.id)).toBe(x.doneOn);
          else {
            const days = below.map((b) => after.get(b.id) ?? null);
            expect(after.get(x.id)).toBe(days.every((d) => d !== null) ? [...days].sort().at(-1) : null);
          }
        }
      }),
    );
  });

  it('completing one lowest instance changes exactly instances on its chain, each done once all it stands for is done', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.integer({ min: 1, max: 28 }), (xs, pick, d) => {
        const leaves = xs.filter((x) => !x.cancelled && carriersOf(xs, x.id).length === 0 && x.doneOn === null);
        if (leaves.length === 0) return;
        const leaf = leaves[pick % leaves.length]!;
        const before = followChain(xs);
        const changed = xs.map((x) => (x.id === leaf.id ? { ...x, doneOn: day(d) } : x));
        const after = followChain(changed);
        const moved = xs.filter((x) => before.get(x.id) !== after.get(x.id)).map((x) => x.id);
        const chain = [leaf.id, ...chainAbove(xs, leaf.id)];
        for (const id of moved) expect(chain).toContain(id);
        expect(moved).toContain(leaf.id);
        // Up the chain, the moved instances are a prefix: the first that stays open stops the climb.
        const prefix = chain.slice(0, moved.length);
        expect([...moved].sort()).toEqual([...prefix].sort());
      }),
    );
  });
});
