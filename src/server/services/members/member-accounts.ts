import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';

/**
 * The accounts of a person follow their membership (issue 15): an account ends when the person's
 * last open membership ends, and moves with them when they are transferred. Administrators of the
 * installation are left alone: their accounts do not hang on a membership.
 */

/** The person's accounts that can sign in, locked. */
async function liveAccounts(tx: Tx, personId: string): Promise<{ id: string; username: string }[]> {
  const r = await tx.execute<{ id: string; username: string }>(sql`
    SELECT id, username FROM app_user WHERE person_id = ${personId} AND disabled_at IS NULL AND NOT superuser
    ORDER BY username FOR UPDATE`);
  return r.rows;
}

/**
 * When the person has no open membership left: their accounts are disabled, their sessions
 * ended and their grants revoked, each account recorded in the audit log of `unitPath` (the unit
 * whose membership ended). Returns the accounts disabled.
 */
export async function endAccountsWithMembership(
  tx: Tx,
  actor: Actor,
  person: { id: string; unitPath: TreePath; reason: string },
  now: Date,
): Promise<string[]> {
  const open = await tx.execute(sql`SELECT 1 FROM membership WHERE person_id = ${person.id} AND valid_to IS NULL LIMIT 1`);
  if (open.rows.length > 0) return [];
  const accounts = await liveAccounts(tx, person.id);
  for (const a of accounts) {
    const revoked = await tx.execute<{ unitId: string; role: string }>(sql`
      UPDATE user_grant SET revoked_at = ${now.toISOString()} WHERE user_id = ${a.id} AND revoked_at IS NULL
      RETURNING unit_id AS "unitId", role`);
    await tx.execute(sql`UPDATE app_user SET disabled_at = ${now.toISOString()}, updated_at = now() WHERE id = ${a.id}`);
    await tx.execute(sql`DELETE FROM session WHERE user_id = ${a.id}`);
    await writeAudit(tx, actor, {
      action: 'user.disable_membership_ended', entity: 'user', entityId: a.id, unitPath: person.unitPath,
      before: { disabled: false, grants: revoked.rows }, after: { disabled: true, username: a.username, personId: person.id, reason: person.reason },
    }, now);
  }
  return accounts.map((a) => a.id);
}

/**
 * A person moved from one unit to another keeps their accounts: the grants on the old unit (a
 * cell secretary's among them) are revoked and each account gets the member's grant on the new
 * unit, recorded in the audit logs of both units.
 */
export async function moveAccountsWithMember(
  tx: Tx,
  actor: Actor,
  move: { personId: string; from: { id: string; path: TreePath }; to: { id: string; path: TreePath } },
  now: Date,
): Promise<void> {
  for (const a of await liveAccounts(tx, move.personId)) {
    const revoked = await tx.execute<{ unitId: string; role: string }>(sql`
      UPDATE user_grant SET revoked_at = ${now.toISOString()} WHERE user_id = ${a.id} AND unit_id = ${move.from.id} AND revoked_at IS NULL
      RETURNING unit_id AS "unitId", role`);
    await tx.execute(sql`INSERT INTO user_grant (user_id, unit_id, role) VALUES (${a.id}, ${move.to.id}, 'member') ON CONFLICT DO NOTHING`);
    const detail = {
      before: { grants: revoked.rows },
      after: { username: a.username, personId: move.personId, grants: [{ unitId: move.to.id, role: 'member' }] },
    };
    await writeAudit(tx, actor, { action: 'user.grants_follow_transfer', entity: 'user', entityId: a.id, unitPath: move.from.path, ...detail }, now);
    await writeAudit(tx, actor, { action: 'user.grants_follow_transfer', entity: 'user', entityId: a.id, unitPath: move.to.path, ...detail }, now);
  }
}
