/**
 * Starting and stopping the measured server (bench/server.ts) as a child process, and reading its
 * memory: the HTTP measurements run against a server of their own, not against the process that
 * sends the load.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ServerOptions } from './server.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The resident memory of a process, in MB (NaN once it is gone). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Starts bench/server.ts on the given database and waits for the ports of the app and of the bare route. */
export async function startServer(opts: ServerOptions): Promise<{ child: ChildProcess; appPort: number; barePort: number }> {
  const child = spawn(process.execPath, ['--no-deprecation', join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/server.ts'), JSON.stringify(opts)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ appPort: number; barePort: number }>((resolvePorts, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
    lines.once('line', (line) => resolvePorts(JSON.parse(line) as { appPort: number; barePort: number }));
  });
  return { child, ...ready };
}

/** Stops the server (SIGTERM, SIGKILL after 30 s) and waits until it has exited. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
