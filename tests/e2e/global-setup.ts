import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './support/server.ts';

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfStale();
  const server = await startServer({ demo: true });
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
