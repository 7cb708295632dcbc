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

/** The rows of a statement run as text, without types: what migrations read of the catalog. */
export type ScriptRows = Record<string, unknown>[];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several SQL statements. */
  execScript(sqlText: string): Promise<void>;
  /**
   * Runs `fn` in a session of its own that works as the login itself, not as the role the
   * database was opened as: the migrations create roles and hand the schema to its owner under
   * it. `run` returns the rows of a script's last statement. Afterwards the session is closed
   * (PostgreSQL) or works as the database's role again (PGlite, which has one session: run it
   * before serving requests).
   */
  session<T>(fn: (run: (sqlText: string) => Promise<ScriptRows>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded engine, for backup (PGlite only). */
  pglite?: PGlite;
}

/**
 * Who the statements of a database run as (docs/decisions/011). `app`, the default: the role of
 * the server, which owns nothing and may only add to the audit log and read it. `owner`: the
 * owner of the schema, for tests of what even it may not do. `login`: the login user itself,
 * unchanged, for what creates databases or loads fixtures with the checks off (tests, benchmark).
 * When the role does not exist, or the login may not become it, statements run as the login.
 */
export type DbRole = 'app' | 'owner' | 'login';
export interface OpenOptions {
  as?: DbRole;
}

const ROLE_NAMES = { app: 'trienkhai_app', owner: 'trienkhai_owner' } as const;

/** The statement that makes a session work as `role`; it changes nothing when it cannot. */
function assumeRoleSql(role: DbRole): string | null {
  if (role === 'login') return null;
  return `SELECT set_config('role', r.rolname, false) FROM pg_roles r
          WHERE r.rolname = '${ROLE_NAMES[role]}' AND pg_has_role(session_user, r.oid, 'MEMBER')`;
}

/** The rows of the last statement of a script, as the drivers return them. */
function lastRows(result: { rows: unknown[] } | { rows: unknown[] }[]): ScriptRows {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last?.rows ?? []) as ScriptRows;
}

export const PGLITE_EXTENSIONS = { ltree, pg_trgm };

/**
 * PGlite's shared buffers. Its default (128 MB) lives in the server's own memory, whatever the
 * size of the data; its files are read through the operating system's cache anyway, so a smaller
 * buffer pool keeps the server within its memory budget at little cost (docs/performance.md).
 */
const PGLITE_SHARED_BUFFERS = '16MB';

/** Opens PGlite with the extensions the schema uses; `dataDir` null keeps it in memory. */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob | File, opts: OpenOptions = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const assume = assumeRoleSql(opts.as ?? 'app');
  if (assume) await client.exec(assume);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    execScript: async (text) => {
      await client.exec(text);
    },
    session: async (fn) => {
      await client.exec('RESET ROLE');
      try {
        return await fn(async (text) => lastRows(await client.exec(text)));
      } finally {
        // The role may exist only now, created by the migration that just ran.
        if (assume) await client.exec(assume);
      }
    },
    close: () => client.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10, opts: OpenOptions = {}): Promise<Database> {
  const assume = assumeRoleSql(opts.as ?? 'app');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    Client: PreparingClient,
    // Awaited before the pool hands the connection out: no query runs before it, and a connection
    // where it fails is closed, its error given to the query that asked for it.
    onConnect: async (c) => {
      if (assume) await c.query(assume);
    },
  });
  pool.on('connect', (c) => {
    // PostgreSQL `date` columns come back as 'YYYY-MM-DD' strings, never shifted by a time zone.
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
    session: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('RESET ROLE');
        return await fn(async (text) => lastRows((await c.query(text)) as unknown as { rows: unknown[] }));
      } finally {
        // Closed rather than returned to the pool: it works as the login, not as the pool's role.
        c.release(true);
      }
    },
    close: () => pool.end(),
  };
}

/** The server's database, working as the server's role. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(`${opts.dataDir}/pglite`);
}
