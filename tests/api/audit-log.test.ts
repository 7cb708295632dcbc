/** The audit log is append-only: the database itself refuses to change or remove an entry. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '#server/db/client.ts';
import { freshDatabase } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

it('keeps the audit log append-only', async () => {
  await database.db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test', 'test')`);
  await expect(database.db.execute(sql`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow();
  await expect(database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  const r = await database.db.execute<{ action: string }>(sql`SELECT action FROM audit_log`);
  expect(r.rows).toEqual([{ action: 'test' }]);
});
