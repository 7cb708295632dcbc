import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's PostgreSQL server binaries live (they are not on PATH), or null. */
export function findPostgresBin(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export function availableTestTargets(): { postgres: boolean; browser: boolean } {
  const ci = process.env.CI === 'true';
  const postgres = ci || findPostgresBin() !== null;
  const browser = ci || findChromium() !== null;
  if (!postgres) console.warn('[tests] PostgreSQL 15 server binaries not found: api-postgres tests left out (they run in CI).');
  if (!browser) console.warn('[tests] Chromium not found: browser tests left out (they run in CI).');
  return { postgres, browser };
}
