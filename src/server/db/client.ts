import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { PreparingClient } from './prepared.ts';

/**
 * The Drizzle database, whichever driver is underneath; services only ever see this type. Drizzle
 * is the driver layer here: the `sql` template, `execute` with typed rows, transactions. The SQL
 * migrations are the schema, so no table model is declared (docs/decisions/008).
 */
// NOTE: typed with node-postgres' result shape ({ rows }); PGlite's results have the same shape,
// so `execute` gives typed rows on both drivers.
export type Db = PgDatabase<NodePgQueryResultHKT>;
/** A transaction: the same query API as Db; every state change happens inside one. */
export type Tx = PgTransaction<NodePgQueryResultHKT> | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several SQL statements (migrations). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine, for backup (PGlite only). */
  pglite?: PGlite;
}

export const PGLITE_EXTENSIONS = { ltree, pg_trgm };

/**
 * PGlite's shared buffers. Its default (128 MB) lives in the server's own memory, whatever the
 * size of the data; its files are read through the operating system's cache anyway, so a smaller
 * buffer pool keeps the server within its memory budget at little cost (docs/performance.md).
 */
const PGLITE_SHARED_BUFFERS = '16MB';

/** Opens PGlite with the extensions the schema uses; `dataDir` null keeps it in memory. */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    execScript: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  // PostgreSQL `date` columns come back as 'YYYY-MM-DD' strings, never shifted by a time zone.
  pool.on('connect', (c) => {
    c.setTypeParser(1082, (v: string) => v);
  });
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    execScript: async (text) => {
      const c = await pool.connect();
      try {
        await c.query(text);
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(`${opts.dataDir}/pglite`);
}
