import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { countUnits } from './db/queries/units.ts';
import { countUsers } from './db/queries/users.ts';
import { loadDemo } from './demo/load-demo.ts';
import { createUser } from './services/users/users.ts';

export interface BootstrapResult {
  migrated: string[];
  demoLoaded: boolean;
  /** Set only when the administrator was created now: printed once, never stored in clear. */
  admin: { username: string; password: string; generated: boolean } | null;
}

/**
 * Brings a database to a usable state: applies migrations; on an empty database loads the demo
 * organisation (unless disabled) and creates the administrator `admin`.
 */
export async function bootstrap(database: Database, config: Config, now: Date): Promise<BootstrapResult> {
  const migrated = await migrate(database);
  if ((await countUsers(database.db)) > 0) return { migrated, demoLoaded: false, admin: null };
  const units = await countUnits(database.db);
  let demoLoaded = false;
  if (units === 0 && config.loadDemo) {
    await loadDemo(database.db, now);
    demoLoaded = true;
  }
  const generated = config.adminPassword === null;
  const password = config.adminPassword ?? randomBytes(9).toString('base64url');
  await database.db.transaction((tx) =>
    createUser({ username: 'admin', password, grants: [], superuser: true }, { actor: null, tx, now }),
  );
  return { migrated, demoLoaded, admin: { username: 'admin', password, generated } };
}
