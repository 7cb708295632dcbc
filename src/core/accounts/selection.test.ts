import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, UnitKind } from '../org-tree/kinds.ts';
import type { AccountCandidate, AccountRule } from './selection.ts';
import { ruleMatches, selectAccounts } from './selection.ts';

const row = (personId: string, unitId: string | null, o: Partial<AccountCandidate> = {}): AccountCandidate => ({
  personId, fullName: `Người ${personId}`, unitId, unitKind: 'cell', positions: [], hasAccount: false, ...o,
});
const secretaries: AccountRule = { position: 'secretary', unitKinds: ['cell'], role: 'secretary' };
const everyone: AccountRule = { position: null, unitKinds: [], role: 'member' };

describe('selectAccounts', () => {
  it('gives every cell bí thư the secretary role on that cell, and leaves out the others', () => {
    const out = selectAccounts([
      row('a', 'c1', { positions: ['secretary'] }),
      row('b', 'c1'),
      row('c', 'g1', { unitKind: 'grassroots', positions: ['secretary'] }),
      row('d', 'c2', { positions: ['deputy_secretary', 'secretary'] }),
    ], [secretaries]);
    expect(out.accounts).toEqual([
      { personId: 'a', fullName: 'Người a', unitId: 'c1', role: 'secretary' },
      { personId: 'd', fullName: 'Người d', unitId: 'c2', role: 'secretary' },
    ]);
    expect(out.skipped).toEqual([]);
  });

  it('lets the first matching rule decide, and skips people with an account or without a membership', () => {
    const out = selectAccounts([
      row('a', 'c1', { positions: ['secretary'] }),
      row('b', 'c1'),
      row('b', 'c2', { positions: ['secretary'] }),
      row('e', 'c1', { hasAccount: true }),
      row('f', null),
    ], [secretaries, everyone]);
    expect(out.accounts.map((a) => [a.personId, a.unitId, a.role])).toEqual([['a', 'c1', 'secretary'], ['b', 'c2', 'secretary']]);
    expect(out.skipped.map((s) => [s.personId, s.reason])).toEqual([['e', 'has_account'], ['f', 'no_membership']]);
  });

  it('does not list people without a membership when every rule asks for a position', () => {
    expect(selectAccounts([row('f', null)], [secretaries]).skipped).toEqual([]);
  });

  const kinds: UnitKind[] = ['cell', 'grassroots', 'youth_cell'];
  const positions: Position[] = ['secretary', 'deputy_secretary', 'rapporteur'];
  const candidate = fc.record({
    personId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'),
    fullName: fc.constant('X'),
    unitId: fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: null }),
    unitKind: fc.constantFrom(...kinds),
    positions: fc.subarray(positions),
    hasAccount: fc.boolean(),
  });
  const rule = fc.record({ position: fc.option(fc.constantFrom(...positions), { nil: null }), unitKinds: fc.subarray(kinds), role: fc.constantFrom('secretary', 'member', 'viewer') as fc.Arbitrary<AccountRule['role']> });

  it('gives each person at most one account, by a rule that matches one of their memberships', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.array(rule, { minLength: 1, maxLength: 3 }), (rows, rules) => {
        const out = selectAccounts(rows, rules);
        const ids = [...out.accounts.map((a) => a.personId), ...out.skipped.map((s) => s.personId)];
        expect(new Set(ids).size).toBe(ids.length);
        for (const a of out.accounts) {
          const mine = rows.filter((r) => r.personId === a.personId);
          expect(mine[0]!.hasAccount).toBe(false);
          const first = rules.find((r) => mine.some((m) => m.unitId !== null && ruleMatches(r, m)))!;
          expect(a.role).toBe(first.role);
          expect(mine.some((m) => m.unitId === a.unitId && ruleMatches(first, m))).toBe(true);
        }
        // Everyone a rule selects through a membership is either given an account or skipped for having one.
        for (const r of rows) {
          if (r.unitId !== null && rules.some((x) => ruleMatches(x, r))) expect(ids).toContain(r.personId);
        }
      }),
    );
  });
});
