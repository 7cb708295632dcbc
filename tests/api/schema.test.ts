/** The Drizzle mirror (db/schema.ts) and the SQL migrations describe the same columns. */
import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import { schema } from '../../src/server/db/schema.ts';
import { freshDatabase } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

it('every table and column of the Drizzle schema exists in the migrated database', async () => {
  const r = await database.db.execute<{ table_name: string; column_name: string }>(sql`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`);
  const actual = new Set(r.rows.map((x) => `${x.table_name}.${x.column_name}`));
  const expected = Object.values(schema).flatMap((table) => {
    const cfg = getTableConfig(table);
    return cfg.columns.map((c) => `${cfg.name}.${c.name}`);
  });
  expect(expected.length).toBeGreaterThan(50);
  expect(expected.filter((c) => !actual.has(c))).toEqual([]);
});

it('keeps the audit log append-only', async () => {
  await database.db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test', 'test')`);
  await expect(database.db.execute(sql`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow();
  await expect(database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  const r = await database.db.execute<{ action: string }>(sql`SELECT action FROM audit_log`);
  expect(r.rows).toEqual([{ action: 'test' }]);
});
