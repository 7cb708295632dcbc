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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  // The units first, then their people by the units' ids: right after a bulk import the tables have
  // no statistics yet, and a join the planner believes tiny would be run as a loop per person.
  const under = await tx.execute<{ id: string; name: string; path: TreePath; kind: UnitKind }>(sql`
    SELECT id, name, path::text AS path, kind FROM unit WHERE path <@ ${`{${units.map((u) => u.path).join(',')}}`}::ltree[]`);
  const unitById = new Map(under.rows.map((u) => [u.id, u]));
  const ids = `{${under.rows.map((u) => u.id).join(',')}}`;
  const active = sql`m.valid_from <= ${day} AND (m.valid_to IS NULL OR m.valid_to > ${day})`;
  const rows = await tx.execute<{
    personId: string; fullName: string; email: string | null; unitId: string | null; managingUnitId: string;
    positions: Position[]; hasAccount: boolean; sortKey: string; validFrom: string | null;
  }>(sql`
    SELECT p.id AS "personId", p.full_name AS "fullName", p.email, r.unit_id AS "unitId", p.unit_id AS "managingUnitId", r.positions,
           EXISTS (SELECT 1 FROM app_user au WHERE au.person_id = p.id) AS "hasAccount", p.sort_key AS "sortKey", r.valid_from::text AS "validFrom"
    FROM (
      SELECT m.person_id, m.unit_id, m.positions, m.valid_from FROM membership m
      WHERE m.unit_id = ANY(${ids}::uuid[]) AND ${active}
      UNION ALL
      SELECT p.id, NULL, '{}'::text[], NULL FROM person p
      WHERE p.unit_id = ANY(${ids}::uuid[]) AND p.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id AND m.unit_id = ANY(${ids}::uuid[]) AND ${active})
    ) r JOIN person p ON p.id = r.person_id AND p.deleted_at IS NULL`);
  const unitName = (r: { unitId: string | null; managingUnitId: string }) => unitById.get(r.unitId ?? r.managingUnitId)?.name ?? '';
  // Unit by unit (units by name), then by name; people without a membership after the units.
  rows.rows.sort((a, b) =>
    Number(a.unitId === null) - Number(b.unitId === null) ||
    cmp(unitName(a), unitName(b)) || cmp(a.unitId ?? a.managingUnitId, b.unitId ?? b.managingUnitId) ||
    cmp(a.sortKey, b.sortKey) || cmp(a.personId, b.personId) || cmp(a.validFrom ?? '', b.validFrom ?? ''));
  const candidates: AccountCandidate[] = rows.rows.map((r) => ({
    personId: r.personId, fullName: r.fullName, unitId: r.unitId, positions: r.positions, hasAccount: r.hasAccount,
    unitKind: unitById.get(r.unitId ?? r.managingUnitId)!.kind,
  }));
  const byPerson = new Map(rows.rows.map((r) => [r.personId, r]));
  const unitOf = unitById;
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
