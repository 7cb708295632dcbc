import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import type { Db, Tx } from '../client.ts';

/** A session token as the database keeps it: its SHA-256, so a leaked table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session for the user and returns the token to put in the cookie. */
export async function createSession(tx: Tx, userId: string, now: Date, days: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + days * 86_400_000);
  await tx.execute(sql`INSERT INTO session (token_hash, user_id, created_at, expires_at, last_seen_at)
    VALUES (${hashToken(token)}, ${userId}, ${now.toISOString()}, ${expires.toISOString()}, ${now.toISOString()})`);
  return token;
}

export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.execute(sql`DELETE FROM session WHERE token_hash = ${hashToken(token)}`);
}

/**
 * The actor behind a session token, or null when the token is unknown, expired or the user disabled;
 * `mustChangePassword` when the account signed in with a one-time password not yet changed.
 */
export async function lookupActor(db: Db, token: string, now: Date): Promise<(Actor & { mustChangePassword: boolean }) | null> {
  const r = await db.execute<{
    user_id: string;
    username: string;
    superuser: boolean;
    must_change_password: boolean;
    last_seen_at: string | Date;
    unit_id: string | null;
    unit_path: string | null;
    role: Role | null;
  }>(sql`
    SELECT au.id AS user_id, au.username, au.superuser, au.must_change_password, s.last_seen_at,
           g.unit_id, u.path::text AS unit_path, g.role
    FROM session s
    JOIN app_user au ON au.id = s.user_id AND au.disabled_at IS NULL
    LEFT JOIN user_grant g ON g.user_id = au.id AND g.revoked_at IS NULL
    LEFT JOIN unit u ON u.id = g.unit_id
    WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > ${now.toISOString()}`);
  const first = r.rows[0];
  if (!first) return null;
  // Touching the session on every request would turn reads into writes; once in 5 minutes is enough.
  if (now.getTime() - new Date(first.last_seen_at).getTime() > 5 * 60_000) {
    await db.execute(sql`UPDATE session SET last_seen_at = ${now.toISOString()} WHERE token_hash = ${hashToken(token)}`);
  }
  return {
    userId: first.user_id,
    username: first.username,
    superuser: first.superuser,
    mustChangePassword: first.must_change_password,
    grants: r.rows
      .filter((x) => x.unit_id !== null && x.unit_path !== null && x.role !== null)
      .map((x) => ({ unitId: x.unit_id as string, unitPath: x.unit_path as TreePath, role: x.role as Role })),
  };
}
