import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TreePath } from '../access/scope.ts';
import { childPath, isWithin } from '../access/scope.ts';
import { consolidate } from '../consolidation/consolidate.ts';
import type { OwedReport, SubtreeUnit } from '../consolidation/consolidate.ts';
import type { IsoDate } from '../ids.ts';
import { pathUnitIds, receiverOf } from './chain.ts';

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Tree {
  units: (SubtreeUnit & { path: TreePath })[];
}

/** A random tree of 1 to 40 units: unit n's parent is one of the units before it. */
const trees = fc.array(fc.nat(), { maxLength: 39 }).map((parents): Tree => {
  const units: Tree['units'] = [{ id: idOf(0), parentId: null, name: 'u0', path: childPath(null, idOf(0)) }];
  parents.forEach((p, i) => {
    const parent = units[p % units.length]!;
    units.push({ id: idOf(i + 1), parentId: parent.id, name: `u${i + 1}`, path: childPath(parent.path, idOf(i + 1)) });
  });
  return { units };
});

/** A tree, a plan's unit in it, and the units of its subtree that owe the report (the audience). */
const cases = trees.chain((tree) =>
  fc.nat({ max: tree.units.length - 1 }).chain((planIndex) => {
    const plan = tree.units[planIndex]!;
    const below = tree.units.filter((u) => u.path !== plan.path && isWithin(u.path, plan.path));
    return fc.record({
      tree: fc.constant(tree),
      plan: fc.constant(plan),
      owing: fc.subarray(below),
      values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: tree.units.length, maxLength: tree.units.length }),
    });
  }),
);

describe('receiverOf', () => {
  it('gives the report of every owing unit exactly one receiver on its chain: the nearest owing unit above it, else the plan unit', () => {
    fc.assert(
      fc.property(cases, ({ tree, plan, owing }) => {
        const owes = new Set(owing.map((u) => u.id));
        for (const u of owing) {
          const receiver = receiverOf(u.path, plan.path, (id) => owes.has(id));
          const chain = pathUnitIds(u.path);
          const at = chain.indexOf(receiver!);
          // On the chain, strictly above the unit, not above the plan's unit.
          expect(at).toBeGreaterThanOrEqual(pathUnitIds(plan.path).length - 1);
          expect(at).toBeLessThan(chain.length - 1);
          // Nothing owing between the unit and its receiver.
          expect(chain.slice(at + 1, -1).some((id) => owes.has(id))).toBe(false);
          expect(receiver === plan.id || owes.has(receiver!)).toBe(true);
        }
        expect(tree.units.length).toBeGreaterThan(0);
      }),
    );
  });

  it('sends the plan unit’s own report to its parent, and a unit outside the plan’s subtree to the plan unit', () => {
    const root = childPath(null, idOf(0));
    const khoi = childPath(root, idOf(1));
    const other = childPath(root, idOf(2));
    expect(receiverOf(khoi, khoi, () => true)).toBe(idOf(0));
    expect(receiverOf(root, root, () => true)).toBeNull();
    expect(receiverOf(other, khoi, () => true)).toBe(idOf(1));
  });

  it('makes the consolidation at any unit the sum of the reports it receives, and the top’s the sum of every unit’s own figure once', () => {
    fc.assert(
      fc.property(cases, ({ tree, plan, owing, values }) => {
        const owes = new Set(owing.map((u) => u.id));
        const value = new Map(tree.units.map((u, i) => [u.id, values[i]!]));
        const receiver = new Map(owing.map((u) => [u.id, receiverOf(u.path, plan.path, (id) => owes.has(id))!]));
        // Each unit reports its own figure plus what it received, deepest first: the chain climbing.
        const reported = new Map<string, number>();
        const deepestFirst = [...owing].sort((a, b) => b.path.length - a.path.length);
        for (const u of deepestFirst) {
          const received = owing.filter((w) => receiver.get(w.id) === u.id).reduce((s, w) => s + reported.get(w.id)!, 0);
          reported.set(u.id, value.get(u.id)! + received);
        }
        const reports: OwedReport[] = owing.map((u) => ({
          unitId: u.id, instanceId: `i-${u.id}`, status: 'accepted', dueDate: null, firstSubmittedOn: '2022-03-10' as IsoDate,
          accepted: { submissionId: `s-${u.id}`, version: 1, figures: { n: reported.get(u.id)! }, narrative: {} },
        }));
        for (const at of [plan, ...owing]) {
          const c = consolidate({
            rootId: at.id,
            units: tree.units.filter((u) => isWithin(u.path, at.path)),
            reports: reports.filter((r) => r.unitId !== at.id),
            form: { figures: [{ key: 'n', label: 'n' }], sections: [] },
            today: '2022-03-20' as IsoDate,
          });
          // The consolidation takes exactly the reports this unit receives.
          const received = owing.filter((w) => receiver.get(w.id) === at.id);
          expect(c.reports.map((r) => r.unitId).sort()).toEqual(received.map((w) => w.id).sort());
          const total = received.reduce((s, w) => s + reported.get(w.id)!, 0);
          expect(c.figures[0]!.total).toBe(received.length > 0 ? total : null);
        }
        // At the top, every owing unit's own figure counts once.
        const top = owing.filter((w) => receiver.get(w.id) === plan.id).reduce((s, w) => s + reported.get(w.id)!, 0);
        expect(top).toBe(owing.reduce((s, u) => s + value.get(u.id)!, 0));
      }),
    );
  });
});
