import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The checked-in migrations, in order: `NNNN-name.sql`. */
export function listMigrations(): { version: string; file: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), file: join(MIGRATIONS_DIR, f) }));
}

/**
 * Makes the rest of a migration's transaction run as the owner of `schema_migration`, when the
 * login may become it: from migration 0013 on, the role that owns the schema (docs/decisions/011),
 * so that what a migration creates is the owner's and the server's role is granted its share.
 */
const AS_SCHEMA_OWNER = `SELECT set_config('role', t.tableowner::text, true) FROM pg_tables t
  WHERE t.schemaname = current_schema() AND t.tablename = 'schema_migration' AND pg_has_role(session_user, t.tableowner, 'MEMBER');`;

/**
 * Applies every migration not yet applied, each in its own transaction, forward only, in a session
 * of its own as the login (not as the server's role, which may create nothing). Returns the
 * versions applied now.
 */
export async function migrate(database: Database): Promise<string[]> {
  return database.session(async (run) => {
    // NOTE: created only when missing: a login that may use the schema but not create in it (the
    // server's own, once the roles exist) still reads which migrations are applied.
    const [present] = await run(`SELECT to_regclass('schema_migration') IS NOT NULL AS present`);
    if (present?.present !== true) {
      await run('CREATE TABLE schema_migration (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    }
    const done = new Set((await run('SELECT version FROM schema_migration')).map((r) => String(r.version)));
    const applied: string[] = [];
    for (const m of listMigrations()) {
      if (done.has(m.version)) continue;
      const body = readFileSync(m.file, 'utf8');
      await run(`BEGIN;\n${AS_SCHEMA_OWNER}\n${body}\nINSERT INTO schema_migration (version) VALUES ('${m.version}');\nCOMMIT;`);
      applied.push(m.version);
    }
    return applied;
  });
}
