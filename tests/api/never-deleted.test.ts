/**
 * Units and plans are never deleted (a unit ends, a plan is cancelled): the instance tables rely
 * on it instead of foreign keys to them (migration 0012, docs/decisions/007).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client.ts';
import { buildTree } from '../support/factories.ts';
import { freshDatabase } from '../support/test-db.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  database = await freshDatabase();
  tree = await buildTree(database.db);
});
afterAll(() => database.close());

/** The database's own message of a failed statement (Drizzle wraps it). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return (err.cause ?? err).message;
  }
  return 'not refused';
}

const count = async (table: 'unit' | 'plan') => (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`)).rows[0]!.n;

describe('rows that are never deleted', () => {
  it('refuses to delete a unit, and keeps it', async () => {
    const before = await count('unit');
    expect(await refusal(database.db.execute(sql`DELETE FROM unit WHERE id = ${tree.units.c1}`))).toMatch(/unit rows are never deleted/);
    expect(await count('unit')).toBe(before);
  });

  it('refuses to delete plans', async () => {
    expect(await refusal(database.db.execute(sql`DELETE FROM plan`))).toMatch(/plan rows are never deleted/);
  });
});
