import type { Db } from '../db/client.ts';
import { loadDemoData } from './demo-data.ts';

/** Loads the demo organisation (trees of the seeds, members, roles, demo users) in one transaction. */
export async function loadDemo(db: Db, now: Date): Promise<void> {
  await db.transaction((tx) => loadDemoData(tx, now));
}
