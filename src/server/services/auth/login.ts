import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { LoginInput } from '#shared/auth.ts';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession } from '../../db/queries/auth.ts';

/**
 * The delay of a user name after failed sign-ins, from any address and in every server process:
 * the first few failures are typing slips and cost nothing; from then on each failure delays the
 * next attempt, twice as long as the one before, up to a quarter of an hour. A failure counts for
 * a day.
 */
export const LOGIN_DELAY = { freeFailures: 5, firstSeconds: 30, maxSeconds: 15 * 60 } as const;
const FAILURES_KEPT_MS = 86_400_000;

/** Seconds the next attempt waits after `failures` failures in a row; 0 while they are free. */
export function delayAfter(failures: number): number {
  if (failures < LOGIN_DELAY.freeFailures) return 0;
  return Math.min(LOGIN_DELAY.maxSeconds, LOGIN_DELAY.firstSeconds * 2 ** (failures - LOGIN_DELAY.freeFailures));
}

/**
 * Counts the attempt as a failure before the password is checked, so that attempts sent together
 * cannot pass a delay that one of them would set; a sign-in that succeeds removes the count.
 * Returns the seconds left when the name is delayed (the attempt is then not counted), else null.
 */
async function claimAttempt(db: Db, name: string, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM login_failure WHERE last_at < ${new Date(now.getTime() - FAILURES_KEPT_MS).toISOString()}
      AND (delayed_until IS NULL OR delayed_until <= ${now.toISOString()})`);
    await tx.execute(sql`INSERT INTO login_failure (username, failures, last_at) VALUES (${name}, 0, ${now.toISOString()}) ON CONFLICT DO NOTHING`);
    const r = await tx.execute<{ failures: number; delayed_until: string | Date | null }>(
      sql`SELECT failures, delayed_until FROM login_failure WHERE username = ${name} FOR UPDATE`,
    );
    const row = r.rows[0]!;
    const until = row.delayed_until === null ? 0 : new Date(row.delayed_until).getTime();
    if (until > now.getTime()) return Math.ceil((until - now.getTime()) / 1000);
    const failures = row.failures + 1;
    const delay = delayAfter(failures);
    await tx.execute(sql`UPDATE login_failure SET failures = ${failures}, last_at = ${now.toISOString()},
      delayed_until = ${delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null} WHERE username = ${name}`);
    return null;
  });
}

/**
 * Checks the credentials and opens a session. Throws BAD_CREDENTIALS (the same for an unknown name,
 * a wrong password and a locked account) and records the failure; throws TOO_MANY_ATTEMPTS, with the
 * seconds to wait, while the user name is delayed, whether or not an account has it.
 */
export async function login(db: Db, input: LoginInput, now: Date, sessionDays: number): Promise<{ token: string; userId: string; mustChangePassword: boolean }> {
  const name = input.username.toLowerCase();
  const wait = await claimAttempt(db, name, now);
  if (wait !== null) {
    const later = wait < 60 ? `${wait} giây` : `${Math.ceil(wait / 60)} phút`;
    throw new DomainError('TOO_MANY_ATTEMPTS', `Đăng nhập sai nhiều lần. Hãy thử lại sau ${later}.`, { retryAfterSeconds: wait });
  }
  const r = await db.execute<{ id: string; password_hash: string; disabled_at: string | null; must_change_password: boolean; password_expires_at: string | Date | null }>(
    sql`SELECT id, password_hash, disabled_at, must_change_password, password_expires_at FROM app_user WHERE lower(username) = lower(${input.username})`,
  );
  const user = r.rows[0];
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.disabled_at !== null) {
    await writeAudit(db, { userId: null, username: input.username }, { action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, unitPath: null }, now);
    throw new DomainError('BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  // A one-time password past its date opens nothing; said only to whoever knows it.
  if (user.must_change_password && user.password_expires_at !== null && new Date(user.password_expires_at).getTime() <= now.getTime()) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM login_failure WHERE username = ${name}`);
      await writeAudit(tx, { userId: user.id, username: input.username }, { action: 'auth.login_failed', entity: 'user', entityId: user.id, unitPath: null, after: { reason: 'one_time_password_expired' } }, now);
    });
    throw new DomainError('PASSWORD_EXPIRED', 'Mật khẩu dùng một lần đã hết hạn. Hãy đề nghị người quản trị cấp mật khẩu mới.');
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM login_failure WHERE username = ${name}`);
    const token = await createSession(tx, user.id, now, sessionDays);
    await writeAudit(tx, { userId: user.id, username: input.username }, { action: 'auth.login', entity: 'user', entityId: user.id, unitPath: null }, now);
    return { token, userId: user.id, mustChangePassword: user.must_change_password };
  });
}
