import type { Role } from '../access/roles.ts';
import type { Actor, TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';

/**
 * Who may read a member's personal plan (docs/decisions/020): the member; the cell that manages them —
 * its secretary, deputies, committee, staff and administrators, not its other members; the committees above it and
 * their inspection commissions (any role there but a member's); a system administrator. Never a
 * sibling unit. After a transfer the former cell keeps reading the versions confirmed while the
 * member was theirs, and nothing written since.
 */

/**
 * The roles of the managing unit itself that read its members' plans: who confirms them, the
 * committee's members and the staff acting for it (a committee keeps its own members' plans, seed
 * 003 §3), and its inspection commission — not its members, nor a reader who only views.
 */
const AT_THE_UNIT: readonly Role[] = ['admin', 'secretary', 'deputy_secretary', 'committee_member', 'staff', 'inspector'];

/** True when the actor may read the plans of a person managed by the unit at `unitPath`. */
export function readsPlansManagedAt(actor: Actor, unitPath: TreePath): boolean {
  if (actor.superuser) return true;
  return actor.grants.some((g) =>
    g.unitPath === unitPath ? AT_THE_UNIT.includes(g.role) : g.role !== 'member' && isWithin(unitPath, g.unitPath));
}

export interface PlanVersionSeen {
  /** The unit that managed the member when this version was confirmed (null: not confirmed). */
  confirmedUnder: TreePath | null;
}

/**
 * The versions of a member's plan the actor may read, by index: all of them for the member and for
 * those who read plans at the unit managing the member now; for a former unit's readers, only those
 * confirmed under it (or under a unit within their reach).
 */
export function readableVersions(
  actor: Actor & { personId: string | null },
  plan: { personId: string; managedAt: TreePath; versions: readonly PlanVersionSeen[] },
): number[] {
  const all = plan.versions.map((_, i) => i);
  if (actor.personId !== null && actor.personId === plan.personId) return all;
  if (readsPlansManagedAt(actor, plan.managedAt)) return all;
  return all.filter((i) => {
    const under = plan.versions[i]!.confirmedUnder;
    return under !== null && readsPlansManagedAt(actor, under);
  });
}
