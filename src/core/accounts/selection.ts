import type { Role } from '../access/roles.ts';
import type { Position, UnitKind } from '../org-tree/kinds.ts';

/**
 * Who gets an account when accounts are created in bulk: rules such as "every cell's bí thư as
 * secretary of that cell" ({ position: 'secretary', unitKinds: ['cell'], role: 'secretary' }) or
 * "every member as member" ({ position: null, unitKinds: [], role: 'member' }). A rule matches an
 * active membership holding the position (any membership when the position is null) in a unit of
 * one of the kinds (any kind when none is named); the account gets the rule's role on the unit of
 * that membership. A person gets one account: the first rule that matches decides, rules in the
 * order given, then the person's memberships in the order given.
 */
export interface AccountRule {
  position: Position | null;
  unitKinds: readonly UnitKind[];
  role: Role;
}

/** A person of the chosen units with one of their active memberships there (unit null: none). */
export interface AccountCandidate {
  personId: string;
  fullName: string;
  /** The unit of the membership; null when the person has no active membership. */
  unitId: string | null;
  /** The kind of that unit, or of the person's managing unit when there is no membership. */
  unitKind: UnitKind;
  positions: readonly Position[];
  /** The person already has an account (locked or not). */
  hasAccount: boolean;
}

export interface SelectedAccount {
  personId: string;
  fullName: string;
  unitId: string;
  role: Role;
}

export type SkipReason = 'has_account' | 'no_membership';

export interface SkippedPerson {
  personId: string;
  fullName: string;
  unitId: string | null;
  reason: SkipReason;
}

export function ruleMatches(rule: AccountRule, c: Pick<AccountCandidate, 'unitKind' | 'positions'>): boolean {
  if (rule.unitKinds.length > 0 && !rule.unitKinds.includes(c.unitKind)) return false;
  return rule.position === null || c.positions.includes(rule.position);
}

/**
 * Applies the rules to the candidates (one row per active membership, grouped by person in the
 * order the people should be listed). People the rules select who already have an account are
 * skipped; so are people without an active membership whom a rule without a position would have
 * selected. People no rule selects are left out.
 */
export function selectAccounts(candidates: readonly AccountCandidate[], rules: readonly AccountRule[]): { accounts: SelectedAccount[]; skipped: SkippedPerson[] } {
  const byPerson = new Map<string, AccountCandidate[]>();
  for (const c of candidates) {
    const rows = byPerson.get(c.personId);
    if (rows) rows.push(c);
    else byPerson.set(c.personId, [c]);
  }
  const accounts: SelectedAccount[] = [];
  const skipped: SkippedPerson[] = [];
  for (const rows of byPerson.values()) {
    const first = rows[0]!;
    const memberships = rows.filter((r) => r.unitId !== null);
    if (memberships.length === 0) {
      if (rules.some((rule) => rule.position === null && ruleMatches(rule, first))) {
        skipped.push({ personId: first.personId, fullName: first.fullName, unitId: null, reason: 'no_membership' });
      }
      continue;
    }
    let chosen: { rule: AccountRule; row: AccountCandidate } | null = null;
    for (const rule of rules) {
      const row = memberships.find((m) => ruleMatches(rule, m));
      if (row) {
        chosen = { rule, row };
        break;
      }
    }
    if (!chosen) continue;
    if (first.hasAccount) {
      skipped.push({ personId: first.personId, fullName: first.fullName, unitId: chosen.row.unitId, reason: 'has_account' });
      continue;
    }
    accounts.push({ personId: first.personId, fullName: first.fullName, unitId: chosen.row.unitId!, role: chosen.rule.role });
  }
  return { accounts, skipped };
}
