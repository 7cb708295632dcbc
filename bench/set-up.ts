/**
 * Setting up a province (issue 15), through the HTTP API as the first-run guide does it: the top
 * unit, the tree list of ~10,000 units, the same list again (nothing must change), the member list
 * of ~150,000 members placed by unit code, the secretaries' accounts and every member's account.
 * One line per figure, on PGlite and/or a throwaway PostgreSQL cluster. Times are printed, never
 * asserted.
 *
 *   npm run bench:set-up -- [--db pglite|postgres|both] [--units 10000] [--members 150000] [--accounts all|secretaries|none]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Database } from '#server/db/client.ts';
import { openPglite, openPostgres } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { createUser } from '#server/services/users/users.ts';
import { benchPostgres } from './pg-settings.ts';
import type { Figure, Where } from './report.ts';
import { formatFigure } from './report.ts';
import type { ProvinceShape } from './set-up-data.ts';
import { PROVINCE_SHAPE, provinceFiles } from './set-up-data.ts';

const PASSWORD = 'bench-set-up-123';
const t0 = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);

function multipart(filename: string, text: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----setup${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Step {
  name: string;
  count: number;
  unit: string;
  ms: number;
}

async function timed(name: string, count: number, unit: string, fn: () => Promise<void>): Promise<Step> {
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  return { name, count, unit, ms };
}

/** Runs the province's set-up on `database`; returns the timed steps. */
async function setUp(database: Database, shape: ProvinceShape, accounts: 'all' | 'secretaries' | 'none'): Promise<Step[]> {
  await migrate(database);
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', MAX_UPLOAD_MB: '100' }), webDist: '/nonexistent' };
  const app: FastifyInstance = await buildApp({ config, database, clock: () => new Date() });
  try {
    await database.db.transaction((tx) => createUser({ username: 'admin', password: PASSWORD, grants: [], superuser: true }, { actor: null, tx, now: new Date() }));
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
    const cookie = `tk_session=${login.cookies.find((c) => c.name === 'tk_session')!.value}`;
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json() as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': me.csrfToken };
    const send = async (method: 'GET' | 'POST', url: string, body?: { payload: Buffer | object; headers?: Record<string, string> }) => {
      const res = await app.inject({ method, url, headers: { ...headers, ...body?.headers }, ...(body ? { payload: body.payload } : {}) } as never);
      if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 500)}`);
      return res;
    };

    const top = (await send('POST', '/api/top-units', { payload: { kind: 'province_committee', name: 'Tỉnh ủy Tuyên Quang', code: 'T', validFrom: '2020-01-01' } })).json() as { id: string };
    const files = provinceFiles(shape);
    log(`files: tree ${(files.treeCsv.length / 1e6).toFixed(1)} MB, members ${(files.membersCsv.length / 1e6).toFixed(1)} MB, ${files.cells} cells`);
    const steps: Step[] = [];
    // Each step's answer is checked, so that a figure never times work that was not done.
    const expect = (what: string, got: number, want: number) => {
      if (got !== want) throw new Error(`${what}: ${got}, expected ${want}`);
    };
    const treeImport = () => send('POST', `/api/units/${top.id}/tree/import?mode=all`, multipart('cay-to-chuc.csv', files.treeCsv));
    steps.push(await timed('tree import', shape.units, 'units', async () => {
      expect('units created', (await treeImport()).json().counts.create, shape.units);
    }));
    steps.push(await timed('tree import again (no change)', shape.units, 'units', async () => {
      expect('units unchanged', (await treeImport()).json().counts.unchanged, shape.units);
    }));
    steps.push(await timed('member import by unit code', shape.members, 'members', async () => {
      const res = await send('POST', `/api/units/${top.id}/members/import?mode=all`, multipart('dang-vien.csv', files.membersCsv));
      expect('members imported', res.json().imported, shape.members);
    }));
    const createAccounts = async (rules: object[], want: number) => {
      const res = await send('POST', '/api/accounts', { payload: { unitIds: [top.id], rules, format: 'xlsx' } });
      expect('accounts created', res.json().created, want);
      // The slips, fetched once as the web app does.
      await send('GET', `/api/accounts/slips/${res.json().slips.id}`);
    };
    if (accounts !== 'none') {
      steps.push(await timed('secretaries\' accounts', files.cells, 'accounts', () => createAccounts([{ position: 'secretary', role: 'secretary' }], files.cells)));
    }
    if (accounts === 'all') {
      steps.push(await timed('every member\'s account', shape.members - files.cells, 'accounts', () => createAccounts([{ position: null, role: 'member' }], shape.members - files.cells)));
    }
    return steps;
  } finally {
    await app.close();
  }
}

function figures(where: Where, steps: Step[]): Figure[] {
  return steps.flatMap((s) => [
    { where, name: `set-up: ${s.name}`, value: s.ms / 1000, unit: 's', target: null },
    { where, name: `set-up: ${s.name}, rate`, value: s.count / (s.ms / 1000), unit: `${s.unit}/s`, target: null },
  ]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'pglite' },
      units: { type: 'string', default: String(PROVINCE_SHAPE.units) },
      members: { type: 'string', default: String(PROVINCE_SHAPE.members) },
      accounts: { type: 'string', default: 'all' },
    },
  });
  const shape = { ...PROVINCE_SHAPE, units: Number(values.units), members: Number(values.members) };
  const accounts = values.accounts as 'all' | 'secretaries' | 'none';
  const out: Figure[] = [];
  if (values.db === 'pglite' || values.db === 'both') {
    const dir = mkdtempSync(join(os.tmpdir(), 'trienkhai-set-up-'));
    const database = await openPglite(join(dir, 'pglite'), undefined, { as: 'login' });
    try {
      out.push(...figures('pglite', await setUp(database, shape, accounts)));
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.db === 'postgres' || values.db === 'both') {
    const { cluster, location } = await benchPostgres('trienkhai-set-up-pg-');
    try {
      const database = await openPostgres(location, 10, { as: 'login' });
      try {
        out.push(...figures('postgres', await setUp(database, shape, accounts)));
      } finally {
        await database.close();
      }
    } finally {
      cluster.stop();
    }
  }
  for (const f of out) process.stdout.write(`${formatFigure(f)}\n`);
}

await main();
