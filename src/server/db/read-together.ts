import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Tx } from './client.ts';

type Reads = readonly (() => Promise<unknown>)[];

/**
 * Runs independent reads of one request: at the same time on the pool (each on a connection of its
 * own), one after the other inside a transaction, whose single connection runs one statement at a
 * time (node-postgres queues overlapping statements on a client, and will refuse them in pg 9).
 */
export async function readTogether<const T extends Reads>(tx: Tx, reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!is(tx, PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
