import { sql } from 'drizzle-orm';
import { ROLE_LABELS } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, canGrant } from '#core/access/scope.ts';
import type { AccountCandidate, AccountRule, SkipReason } from '#core/accounts/selection.ts';
import { selectAccounts } from '#core/accounts/selection.ts';
import { assignUsernames } from '#core/accounts/usernames.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { Position, UnitKind } from '#core/org-tree/kinds.ts';
import type { Role } from '#core/access/roles.ts';
import type { Tx } from '../../db/client.ts';
import { lookupUnit } from '../../db/queries/units.ts';

export interface PlannedAccount {
  personId: string;
  fullName: string;
  email: string | null;
  unitId: string;
  unitName: string;
  unitPath: TreePath;
  role: Role;
  username: string;
}

export interface PlannedSkip {
  personId: string;
  fullName: string;
  unitName: string | null;
  reason: SkipReason;
}

export interface AccountsPlan {
  accounts: PlannedAccount[];
  skipped: PlannedSkip[];
  /** The chosen units, as checked. */
  units: { id: string; name: string; path: TreePath }[];
}

/**
 * Checks the chosen units against the actor — each must be in sight, in the actor's reach for
 * managing users, and every rule's role must be one the actor may grant there (never above their
 * own) — then finds who the rules select under those units, on the day of `now`, and gives each a
 * user name by the scheme (core/accounts/usernames.ts) against every name already taken. People
 * are listed unit by unit, units by name, then by name (given name first). Reads only: the same plan is shown by the
 * preview and made by the creation.
 */
export async function planAccounts(tx: Tx, actor: Actor, input: { unitIds: readonly string[]; rules: readonly AccountRule[] }, now: Date): Promise<AccountsPlan> {
  const units: AccountsPlan['units'] = [];
  for (const id of new Set(input.unitIds)) {
    const unit = await lookupUnit(tx, id);
    if (!unit || !can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị đã chọn hoặc bạn không có quyền xem.');
    if (!can(actor, 'manage_users', unit.path)) throw new DomainError('FORBIDDEN', `Bạn không có quyền tạo tài khoản tại "${unit.name}".`);
    for (const rule of input.rules) {
      if (!canGrant(actor, rule.role, unit.path)) {
        throw new DomainError('FORBIDDEN', `Bạn không có quyền cấp vai trò "${ROLE_LABELS[rule.role].vi}" tại "${unit.name}".`);
      }
    }
    units.push({ id: unit.id, name: unit.name, path: unit.path });
  }
  const day = vietnamDate(now);
  const paths = `{${units.map((u) => u.path).join(',')}}`;
  const rows = await tx.execute<{
    personId: string; fullName: string; email: string | null; unitId: string | null; unitName: string | null; unitPath: string | null;
    unitKind: UnitKind; positions: Position[]; hasAccount: boolean;
  }>(sql`
    WITH m AS (
      SELECT m.person_id, m.unit_id, m.positions, m.valid_from, u.name, u.path, u.kind
      FROM membership m JOIN unit u ON u.id = m.unit_id
      WHERE u.path <@ ${paths}::ltree[] AND m.valid_from <= ${day} AND (m.valid_to IS NULL OR m.valid_to > ${day})
    ), people AS (
      SELECT p.id FROM person p JOIN unit pu ON pu.id = p.unit_id WHERE pu.path <@ ${paths}::ltree[] AND p.deleted_at IS NULL
      UNION
      SELECT person_id FROM m
    )
    SELECT p.id AS "personId", p.full_name AS "fullName", p.email, m.unit_id AS "unitId", m.name AS "unitName", m.path::text AS "unitPath",
           coalesce(m.kind, pu.kind) AS "unitKind", coalesce(m.positions, '{}') AS positions,
           EXISTS (SELECT 1 FROM app_user au WHERE au.person_id = p.id) AS "hasAccount"
    FROM people JOIN person p ON p.id = people.id JOIN unit pu ON pu.id = p.unit_id
    LEFT JOIN m ON m.person_id = p.id
    WHERE p.deleted_at IS NULL
    ORDER BY coalesce(m.name, pu.name), coalesce(m.unit_id, pu.id), p.sort_key, p.id, m.valid_from`);
  const candidates: AccountCandidate[] = rows.rows;
  const byPerson = new Map(rows.rows.map((r) => [r.personId, r]));
  const unitOf = new Map(rows.rows.filter((r) => r.unitId !== null).map((r) => [r.unitId!, { name: r.unitName!, path: r.unitPath as TreePath }]));
  const picked = selectAccounts(candidates, input.rules);
  const taken = await tx.execute<{ name: string }>(sql`SELECT lower(username) AS name FROM app_user`);
  const names = assignUsernames(picked.accounts.map((a) => a.fullName), new Set(taken.rows.map((r) => r.name)));
  return {
    units,
    accounts: picked.accounts.map((a, i) => ({
      ...a,
      email: byPerson.get(a.personId)?.email ?? null,
      unitName: unitOf.get(a.unitId)!.name,
      unitPath: unitOf.get(a.unitId)!.path,
      username: names[i]!,
    })),
    skipped: picked.skipped.map((s) => ({ personId: s.personId, fullName: s.fullName, reason: s.reason, unitName: s.unitId ? (unitOf.get(s.unitId)?.name ?? null) : null })),
  };
}
