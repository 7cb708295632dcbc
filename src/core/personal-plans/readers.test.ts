import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.ts';
import { ROLES } from '../access/roles.ts';
import type { TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';
import { readableVersions, readsPlansManagedAt } from './readers.ts';

// province P > bloc B > grassroots G > cells C1, C2
const P = 'p' as TreePath;
const B = 'p.b' as TreePath;
const G = 'p.b.g' as TreePath;
const C1 = 'p.b.g.c1' as TreePath;
const C2 = 'p.b.g.c2' as TreePath;
const UNITS = [P, B, G, C1, C2];

const actor = (grants: [TreePath, Role][], personId: string | null = null) => ({
  userId: 'u', username: 'u', superuser: false, personId,
  grants: grants.map(([unitPath, role]) => ({ unitId: unitPath, unitPath, role })),
});
const plan = (managedAt: TreePath, confirmedUnder: (TreePath | null)[] = [null]) => ({ personId: 'an', managedAt, versions: confirmedUnder.map((c) => ({ confirmedUnder: c })) });

describe('who reads a member\'s personal plan', () => {
  it('is the member, the cell\'s secretary and deputy, and the committees above with their inspection commissions', () => {
    expect(readableVersions(actor([[C1, 'member']], 'an'), plan(C1))).toEqual([0]);
    expect(readsPlansManagedAt(actor([[C1, 'secretary']]), C1)).toBe(true);
    expect(readsPlansManagedAt(actor([[C1, 'deputy_secretary']]), C1)).toBe(true);
    expect(readsPlansManagedAt(actor([[G, 'staff']]), G)).toBe(true);
    expect(readsPlansManagedAt(actor([[G, 'staff']]), C1)).toBe(true);
    expect(readsPlansManagedAt(actor([[B, 'inspector']]), C1)).toBe(true);
    expect(readsPlansManagedAt(actor([[P, 'viewer']]), C1)).toBe(true);
  });

  it('is never another member of the cell, nor a sibling cell, nor a member above', () => {
    expect(readableVersions(actor([[C1, 'member']], 'binh'), plan(C1))).toEqual([]);
    expect(readsPlansManagedAt(actor([[C1, 'viewer']]), C1)).toBe(false);
    expect(readsPlansManagedAt(actor([[C2, 'secretary']]), C1)).toBe(false);
    expect(readsPlansManagedAt(actor([[G, 'member']]), C1)).toBe(false);
  });

  it('keeps the former cell to what was confirmed while the member was theirs', () => {
    // Version 0 confirmed in C1, version 1 an amendment confirmed in C2 after the transfer, version 2 a draft.
    const moved = plan(C2, [C1, C2, null]);
    expect(readableVersions(actor([[C1, 'secretary']]), moved)).toEqual([0]);
    expect(readableVersions(actor([[C2, 'secretary']]), moved)).toEqual([0, 1, 2]);
    expect(readableVersions(actor([[G, 'staff']]), moved)).toEqual([0, 1, 2]);
  });

  it('on any grants, lets no one read who holds nothing on the line from the top to the member\'s units but a member\'s role', () => {
    const grant = fc.tuple(fc.constantFrom(...UNITS), fc.constantFrom(...ROLES));
    fc.assert(fc.property(fc.array(grant, { maxLength: 4 }), fc.constantFrom(...UNITS), fc.array(fc.option(fc.constantFrom(...UNITS)), { minLength: 1, maxLength: 3 }), (grants, managedAt, confirmed) => {
      const a = actor(grants);
      const seen = readableVersions(a, plan(managedAt, confirmed));
      const line = [managedAt, ...confirmed.filter((c): c is TreePath => c !== null)];
      const onLine = grants.some(([u, role]) => role !== 'member' && line.some((l) => isWithin(l, u)));
      if (!onLine) expect(seen).toEqual([]);
      // Whoever reads the unit managing the member now reads every version.
      if (readsPlansManagedAt(a, managedAt)) expect(seen).toHaveLength(confirmed.length);
    }));
  });
});
