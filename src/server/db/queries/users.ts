import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';

/** How many user accounts exist (disabled ones included): none means nobody can sign in yet. */
export async function countUsers(tx: Tx): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM app_user`);
  return r.rows[0]?.n ?? 0;
}
