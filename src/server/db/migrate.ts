import { sql } from 'drizzle-orm';
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
 * Applies every migration not yet applied, each in its own transaction, forward only.
 * Returns the versions applied now.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migration (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const result = await database.db.execute<{ version: string }>(sql`SELECT version FROM schema_migration`);
  const done = new Set(result.rows.map((r) => r.version));
  const applied: string[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    const body = readFileSync(m.file, 'utf8');
    await database.execScript(`BEGIN;\n${body}\nINSERT INTO schema_migration (version) VALUES ('${m.version}');\nCOMMIT;`);
    applied.push(m.version);
  }
  return applied;
}
