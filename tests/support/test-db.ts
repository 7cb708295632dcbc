import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Database, OpenOptions } from '#server/db/client.ts';
import { openPglite, openPostgres } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';

let pgliteTemplate: Promise<Blob> | null = null;

/** A migrated PGlite image, made once per worker and copied for every test database. */
function pgliteImage(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const db = await openPglite(null);
    await migrate(db);
    const blob = await db.pglite!.dumpDataDir('none');
    await db.close();
    return blob;
  })();
  return pgliteTemplate;
}

/** The database under test: TEST_DB=pglite (default) or postgres (the cluster of the global setup). */
export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated, empty database copied from the template, working as the server's role unless
 * `as` says otherwise (docs/decisions/011).
 */
export async function freshDatabase(opts: OpenOptions = {}): Promise<Database> {
  if (testDbKind() === 'pglite') return openPglite(null, await pgliteImage(), opts);
  const base = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(`${base}/postgres`, 1, { as: 'login' });
  await admin.execScript(`CREATE DATABASE ${name} TEMPLATE trienkhai_template`);
  await admin.close();
  const db = await openPostgres(`${base}/${name}`, 5, opts);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const a = await openPostgres(`${base}/postgres`, 1, { as: 'login' });
      await a.execScript(`DROP DATABASE IF EXISTS ${name}`);
      await a.close();
    },
  };
}
