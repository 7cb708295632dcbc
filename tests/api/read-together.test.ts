/**
 * Independent reads of a request run together on the pool and one after the other inside a
 * transaction, whose one connection must not be sent overlapping statements (src/server/db/read-together.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '#server/db/client.ts';
import { readTogether } from '#server/db/read-together.ts';
import { freshDatabase } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

/** Three reads that record how many of them were running at once. */
function tracked(tx: Tx) {
  let running = 0;
  let most = 0;
  const read = (n: number) => async () => {
    running++;
    most = Math.max(most, running);
    try {
      return (await tx.execute<{ n: number }>(sql`SELECT ${n}::int AS n, pg_sleep(0.01)`)).rows[0]!.n;
    } finally {
      running--;
    }
  };
  return { reads: [read(1), read(2), read(3)] as const, most: () => most };
}

describe('reading together', () => {
  it('starts the reads together on the pool, with the answers in order', async () => {
    const t = tracked(database.db);
    expect(await readTogether(database.db, t.reads)).toEqual([1, 2, 3]);
    expect(t.most()).toBe(3);
  });

  it('runs them one after the other in a transaction, with the answers in order', async () => {
    await database.db.transaction(async (tx) => {
      const t = tracked(tx);
      expect(await readTogether(tx, t.reads)).toEqual([1, 2, 3]);
      expect(t.most()).toBe(1);
    });
  });
});
