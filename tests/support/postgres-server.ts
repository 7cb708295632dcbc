/**
 * A throwaway PostgreSQL cluster in a temporary folder, for the `api-postgres` tests and the
 * benchmark. Debian's binaries sit off PATH; the server refuses to run as root, so it runs as the
 * `postgres` user when we are root. `stop()` stops the server and removes the folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './targets.ts';

/** The settings the test cluster runs with: fast, not durable. */
export const TEST_CLUSTER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT` (append `/dbname`). */
  base: string;
  /** The temporary folder holding the data directory and the server log. */
  dir: string;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function asPostgres(bin: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const cmd = isRoot ? 'runuser' : bin;
  const argv = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Creates and starts a cluster listening on 127.0.0.1 with `settings` (`name=value`, passed as
 * `-c`). Throws when the server binaries are missing or the server does not start.
 */
export async function startPostgresCluster(opts: { settings?: readonly string[]; prefix?: string } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (install Debian postgresql-15, or set PG_BIN).');
  const dir = mkdtempSync(join(tmpdir(), opts.prefix ?? 'trienkhai-pg-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const settings = (opts.settings ?? TEST_CLUSTER_SETTINGS).map((s) => `-c ${s}`).join(' ');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres(join(bin, 'pg_ctl'), [
    '-D', data, '-l', join(dir, 'log'), '-w',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`,
    'start',
  ]);
  return {
    base: `postgres://postgres@127.0.0.1:${port}`,
    dir,
    stop() {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
