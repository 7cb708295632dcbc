import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { LoginInput } from '#shared/auth.ts';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession } from '../../db/queries/auth.ts';

/**
 * Checks the credentials and opens a session; throws BAD_CREDENTIALS (the same for an unknown name
 * and a wrong password) and records the failure, with the name as typed and never the password.
 */
export async function login(db: Db, input: LoginInput, now: Date, sessionDays: number): Promise<{ token: string; userId: string }> {
  const r = await db.execute<{ id: string; password_hash: string; disabled_at: string | null }>(
    sql`SELECT id, password_hash, disabled_at FROM app_user WHERE lower(username) = lower(${input.username})`,
  );
  const user = r.rows[0];
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.disabled_at !== null) {
    await writeAudit(db, { userId: null, username: input.username }, { action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, unitPath: null }, now);
    throw new DomainError('BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  return db.transaction(async (tx) => {
    const token = await createSession(tx, user.id, now, sessionDays);
    await writeAudit(tx, { userId: user.id, username: input.username }, { action: 'auth.login', entity: 'user', entityId: user.id, unitPath: null }, now);
    return { token, userId: user.id };
  });
}
