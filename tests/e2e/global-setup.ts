import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ADMIN_PASSWORD } from './support/accounts.ts';

// Browser journeys run against the real server (`trienkhai serve`) on a fresh data directory,
// serving the built web app. The web app is rebuilt first when its sources are newer than the build.

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = join(ROOT, 'dist/web/index.html');
const SOURCES = ['src/web', 'src/shared', 'src/core', 'vite.config.ts'].map((p) => join(ROOT, p));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildWebIfStale(): void {
  const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const sources = Math.max(...SOURCES.filter(existsSync).map(newestMtime));
  if (built > sources) return;
  // NODE_ENV is "test" inside Vitest; Vite would then bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const out = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`Building the web app failed:\n${out.stdout}\n${out.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /api/health within 120 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'trienkhai-e2e-'));
  const port = await freePort();
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TRIENKHAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    TRIENKHAI_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // Every journey signs in; the per-minute login limit is for people, not for the test suite.
    LOGIN_RATE_LIMIT: '1000',
  };
  // The embedded database, always: a DATABASE_URL of the shell must not send the suite elsewhere.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/trienkhai.js', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => log);
  } catch (e) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  project.provide('baseUrl', url);
  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
