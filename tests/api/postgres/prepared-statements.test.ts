/**
 * The PostgreSQL client keeps statements the server repeats prepared on its connection
 * (src/server/db/prepared.ts): named from the second execution, answered correctly every time,
 * and never for one-off statements or statements without parameters.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '#server/db/client.ts';
import { freshDatabase } from '../../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

/** The prepared statements of the transaction's connection. */
async function preparedOn(tx: Tx): Promise<string[]> {
  const r = await tx.execute<{ statement: string }>(sql`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`);
  return r.rows.map((x) => x.statement);
}

describe('prepared statements on PostgreSQL', () => {
  it('prepares a statement run again with parameters, and answers it right every time', async () => {
    await database.db.transaction(async (tx) => {
      const answers: number[] = [];
      for (const k of [1, 2, 3, 4]) {
        const r = await tx.execute<{ n: number }>(sql`SELECT ${k}::int * 10 AS n /* repeated */`);
        answers.push(r.rows[0]!.n);
      }
      expect(answers).toEqual([10, 20, 30, 40]);
      expect((await preparedOn(tx)).filter((s) => s.includes('/* repeated */'))).toHaveLength(1);
    });
  });

  it('leaves one-off statements and statements without parameters unprepared', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT ${7}::int AS n /* once */`);
      for (let k = 0; k < 3; k++) await tx.execute(sql`SELECT 1 AS n /* no parameters */`);
      const prepared = await preparedOn(tx);
      expect(prepared.some((s) => s.includes('/* once */'))).toBe(false);
      expect(prepared.some((s) => s.includes('/* no parameters */'))).toBe(false);
    });
  });

  it('still runs a script of several statements', async () => {
    await database.execScript('CREATE TEMP TABLE t_script (n int); INSERT INTO t_script VALUES (1); DROP TABLE t_script;');
    const r = await database.db.execute<{ n: number }>(sql`SELECT ${5}::int AS n`);
    expect(r.rows[0]!.n).toBe(5);
  });
});
