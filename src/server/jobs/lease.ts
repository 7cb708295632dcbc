import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * Takes or renews the lease `name` for `holder` until `now + ttlMs`: one row of `lease`, taken
 * when it is free, expired, or already ours — in one statement, so two processes racing for it
 * cannot both win. Returns true when `holder` holds it now. Work that only one server process may
 * do (sending reminders) runs only while its lease is held; when the holder dies, another process
 * takes over once the lease expires.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const r = await db.execute<{ holder: string }>(sql`
    INSERT INTO lease (name, holder, until) VALUES (${name}, ${holder}, ${new Date(now.getTime() + ttlMs).toISOString()}::timestamptz)
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
      WHERE lease.until < ${now.toISOString()}::timestamptz OR lease.holder = EXCLUDED.holder
    RETURNING holder`);
  return r.rows[0]?.holder === holder;
}

/** Gives the lease up (on shutdown), so another process may take it at once. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`DELETE FROM lease WHERE name = ${name} AND holder = ${holder}`);
}
