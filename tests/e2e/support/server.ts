import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ADMIN_PASSWORD } from './accounts.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

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

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server (`trienkhai serve`) on a fresh data directory, serving the built web app (the
 * e2e global setup builds it first). `demo: false` is an installation as a committee starts it:
 * nothing but the administrator `admin`.
 */
export async function startServer(opts: { demo: boolean }): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trienkhai-e2e-'));
  const port = await freePort();
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TRIENKHAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    TRIENKHAI_DEMO: String(opts.demo),
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
  const stopAll = async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { url, stop: stopAll };
}
