import os from 'node:os';
import { openPostgres } from '#server/db/client.ts';
import type { PostgresCluster } from '../tests/support/postgres-server.ts';
import { startPostgresCluster } from '../tests/support/postgres-server.ts';

/**
 * The benchmark cluster: durable like a production server (fsync and synchronous commit on), with
 * a quarter of the machine's memory for shared buffers, the usual advice (6 GB on a 24 GiB machine).
 * The benchmark's virtual machine hands the operating system's file cache back to its host within
 * seconds (docs/performance.md), so PostgreSQL's own buffers are the only cache that lasts here.
 */
const QUARTER_MB = Math.floor(os.totalmem() / 4 / 2 ** 20);
export const BENCH_PG_SETTINGS = [
  'max_connections=200', `shared_buffers=${QUARTER_MB}MB`, `effective_cache_size=${2 * QUARTER_MB}MB`, 'work_mem=32MB', 'maintenance_work_mem=1GB',
  'max_wal_size=16GB', 'checkpoint_timeout=30min', 'random_page_cost=1.1', 'jit=off',
];

/**
 * A throwaway cluster with the benchmark's settings (and `extra` ones), holding an empty database
 * `trienkhai` at `location`; its server log is `cluster.dir`/log.
 */
export async function benchPostgres(prefix: string, extra: readonly string[] = []): Promise<{ cluster: PostgresCluster; location: string }> {
  const cluster = await startPostgresCluster({ settings: [...BENCH_PG_SETTINGS, ...extra], prefix });
  try {
    const admin = await openPostgres(`${cluster.base}/postgres`, 1, { as: 'login' });
    await admin.execScript('CREATE DATABASE trienkhai');
    await admin.close();
  } catch (e) {
    cluster.stop();
    throw e;
  }
  return { cluster, location: `${cluster.base}/trienkhai` };
}
