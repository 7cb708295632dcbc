/**
 * The national-scale benchmark: builds a deterministic organisation of the chosen scale on PGlite
 * and/or a throwaway PostgreSQL cluster, publishes plans through the real services, and prints one
 * line per figure (name, value, unit, target, ratio, verdict). Figures are compared with targets
 * and with baselines measured in the same run; they are never asserted as times in tests.
 *
 *   npm run bench -- --scale national|province|small [--db pglite|postgres|both] [--seed N]
 *                    [--clients 64] [--provinces N] [--json results.json] [--keep]
 *
 * docs/performance.md holds the latest figures and how each grows with the tree.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { vietnamDate } from '#core/ids.ts';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Database } from '#server/db/client.ts';
import { openPglite, openPostgres } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { findPostgresBin } from '../tests/support/targets.ts';
import { benchExtract } from './extract.ts';
import { measureHostileFiles } from './hostile-files.ts';
import type { Generated } from './generate.ts';
import { BENCH_DATES, generate, reportBody, timePublish } from './generate.ts';
import type { LoadClient, LoadRequest } from './load.ts';
import { quantile, runLoad } from './load.ts';
import type { Figure, Target, Where } from './report.ts';
import { formatFigure, verdict } from './report.ts';
import type { Scale, ScaleName } from './scales.ts';
import { SCALE_NAMES, SCALES } from './scales.ts';
import type { ServerOptions } from './server.ts';
import { rssMb, startServer, stopServer } from './server-process.ts';
import { firstPageSize } from './web-size.ts';
import { benchPostgres } from './pg-settings.ts';

const ROOT = resolve(import.meta.dirname, '..');


const t0 = performance.now();
function log(line: string): void {
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
}

const figures: Figure[] = [];
function emit(f: Figure): void {
  figures.push(f);
  process.stdout.write(`${formatFigure(f)}\n`);
}

const le = (limit: number, unit: string, on: 'value' | 'ratio' = 'value'): Target => ({ text: `≤ ${limit} ${unit}`, op: '<=', limit, on });

async function timeInject(app: FastifyInstance, cookie: string, urls: readonly string[], n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const url = urls[i % urls.length]!;
    const s = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - s;
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    out.push(ms);
  }
  return out.sort((a, b) => a - b);
}

/** The roll-up as a naive query would count it: every instance of the subtree, grouped by the child it lies under. */
async function naiveRollup(database: Database, planId: string, rootId: string): Promise<{ tasks: number; reports: number }> {
  const today = vietnamDate(BENCH_DATES.today);
  const r = await database.db.execute<{ tasks: number; reports: number }>(sql`
    WITH root AS (SELECT path, nlevel(path) AS depth FROM unit WHERE id = ${rootId}),
    items AS (
      SELECT ti.unit_path, 1 AS task, (ti.status = 'done')::int AS task_done,
             (ti.status <> 'done' AND ti.due_date < ${today}::date)::int AS task_overdue,
             0 AS report, 0 AS submitted, 0 AS late, 0 AS missing
      FROM task_instance ti, root WHERE ti.plan_id = ${planId} AND ti.status <> 'cancelled' AND ti.unit_path <@ root.path
      UNION ALL
      SELECT oi.unit_path, 0, 0, 0, 1, c.counted, (c.counted = 1 AND oi.first_submitted_on > oi.due_date)::int,
             (c.counted = 0 AND oi.due_date < ${today}::date)::int
      FROM obligation_instance oi, root
      CROSS JOIN LATERAL (SELECT (oi.first_submitted_on IS NOT NULL AND oi.status IN ('submitted', 'accepted'))::int AS counted) c
      WHERE oi.plan_id = ${planId} AND oi.status <> 'cancelled' AND oi.unit_path <@ root.path
    ),
    per_child AS (
      SELECT subpath(i.unit_path, 0, root.depth + 1) AS child, sum(task) AS tasks, sum(task_done) AS done, sum(task_overdue) AS overdue,
             sum(report) AS reports, sum(submitted) AS submitted, sum(late) AS late, sum(missing) AS missing
      FROM items i, root WHERE nlevel(i.unit_path) > root.depth GROUP BY 1
    )
    SELECT coalesce(sum(p.tasks), 0)::int AS tasks, coalesce(sum(p.reports), 0)::int AS reports
    FROM per_child p JOIN unit c ON c.path = p.child`);
  return r.rows[0]!;
}

async function measureInProcess(where: Where, database: Database, g: Generated, scale: Scale): Promise<void> {
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), webDist: '/nonexistent' };
  const app = await buildApp({ config, database, clock: () => BENCH_DATES.today });
  try {
    const rollupTarget = where === 'postgres' ? le(50, 'ms') : le(300, 'ms');
    const levels = [
      { name: 'root', cookie: g.users.cookies.root, unit: null },
      { name: 'province', cookie: g.users.cookies.province, unit: g.provinceId },
      { name: 'grassroots', cookie: g.users.cookies.grassroots, unit: g.grassrootsId },
    ] as const;
    let rootMedian = Number.NaN;
    for (const level of levels) {
      const urls = g.planIds.map((id) => `/api/plans/${id}/progress${level.unit ? `?unit=${level.unit}` : ''}`);
      await timeInject(app, level.cookie, urls, Math.min(20, scale.samples.rollup)); // warm-up
      const ms = await timeInject(app, level.cookie, urls, scale.samples.rollup);
      if (level.name === 'root') rootMedian = quantile(ms, 0.5);
      emit({ where, name: `progress roll-up p95, ${level.name}`, value: quantile(ms, 0.95), unit: 'ms', target: rollupTarget });
    }
    // The naive query at the root, and a check that it counts what the counters say.
    const planId = g.planIds[0]!;
    const served = await app.inject({ method: 'GET', url: `/api/plans/${planId}/progress`, headers: { cookie: g.users.cookies.root } });
    const rows = served.json() as { tasks: { total: number }; reports: { expected: number } }[];
    const naiveMs: number[] = [];
    let naive = { tasks: 0, reports: 0 };
    for (let i = 0; i < scale.samples.naive; i++) {
      const s = performance.now();
      naive = await naiveRollup(database, planId, g.rootId);
      naiveMs.push(performance.now() - s);
    }
    naiveMs.sort((a, b) => a - b);
    const servedTasks = rows.reduce((s, r) => s + r.tasks.total, 0);
    const servedReports = rows.reduce((s, r) => s + r.reports.expected, 0);
    if (servedTasks !== naive.tasks || servedReports !== naive.reports) {
      log(`WARNING: the counters (${servedTasks} tasks, ${servedReports} reports) and the naive count (${naive.tasks}, ${naive.reports}) differ`);
    }
    const naiveMedian = quantile(naiveMs, 0.5);
    emit({
      where, name: 'naive roll-up query at the root (all instances of the subtree), median', value: naiveMedian, unit: 'ms',
      target: { text: 'served roll-up ≥ 10× faster', op: '>=', limit: 10, on: 'ratio' },
      ratio: { value: naiveMedian / rootMedian, unit: '×' },
    });
    // Unit search over every unit, as a superuser sees them.
    const search = await timeInject(app, g.users.cookies.admin, ['/api/units?q=dang%20uy%20khoi&limit=20'], 10);
    void search;
    const searchMs = await timeInject(app, g.users.cookies.admin, ['/api/units?q=dang%20uy%20khoi&limit=20'], scale.samples.search);
    emit({ where, name: 'unit search "dang uy khoi" p95', value: quantile(searchMs, 0.95), unit: 'ms', target: where === 'postgres' ? le(30, 'ms') : null });
  } finally {
    await app.close();
  }
}

/** Pending and draft reports to submit during the load run, a share for each client's province. */
async function pendingReports(database: Database, g: Generated, perClient: number): Promise<Map<string, string[]>> {
  const clientsPerProvince = new Map<string, number>();
  for (const c of g.users.loadClients) clientsPerProvince.set(c.provinceId, (clientsPerProvince.get(c.provinceId) ?? 0) + 1);
  const perProvince = Math.max(...clientsPerProvince.values()) * perClient;
  const r = await database.db.execute<{ id: string; provinceId: string }>(sql`
    SELECT id, province_id AS "provinceId" FROM (
      SELECT oi.id, oi.province_id, row_number() OVER (PARTITION BY oi.province_id ORDER BY oi.id) AS rn
      FROM obligation_instance oi WHERE oi.status IN ('pending', 'draft')) t
    WHERE rn <= ${perProvince}`);
  const out = new Map<string, string[]>();
  for (const row of r.rows) {
    const list = out.get(row.provinceId) ?? [];
    list.push(row.id);
    out.set(row.provinceId, list);
  }
  return out;
}

async function measureOverHttp(where: Where, opts: ServerOptions, g: Generated, pending: Map<string, string[]>, scale: Scale, hostile: boolean): Promise<void> {
  const { child, appPort, barePort } = await startServer(opts);
  const pid = child.pid!;
  try {
    emit({ where, name: 'server RSS after start', value: rssMb(pid), unit: 'MB', target: null });

    // The dashboard: summary, progress, heat map and overdue list at the three levels, 8 clients.
    const views = [
      { cookie: g.users.cookies.root, unit: g.rootId },
      { cookie: g.users.cookies.province, unit: g.provinceId },
      { cookie: g.users.cookies.grassroots, unit: g.grassrootsId },
    ];
    const dashboard: LoadRequest[] = g.planIds.flatMap((planId) =>
      views.flatMap((v) => ['summary', 'progress', 'heatmap', 'overdue'].map((what) => ({
        method: 'GET' as const, path: `/api/plans/${planId}/${what}?unit=${v.unit}`, cookie: v.cookie,
      }))),
    );
    let peak = 0;
    const sample = () => {
      peak = Math.max(peak, rssMb(pid));
    };
    const dashClients: LoadClient[] = Array.from({ length: 8 }, (_, k) => {
      let i = k;
      return { next: () => dashboard[i++ % dashboard.length]! };
    });
    const dash = await runLoad(appPort, dashClients, scale.loadSeconds, sample);
    sample();
    if (Object.keys(dash.errors).length > 0) log(`dashboard errors: ${JSON.stringify(dash.errors)}`);
    emit({ where, name: 'server RSS while serving the dashboard, peak', value: peak, unit: 'MB', target: le(400, 'MB') });
    emit({ where, name: 'dashboard requests, 8 clients, p99', value: dash.p99, unit: 'ms', target: null });
    // Each dashboard view at the root, alone: which of them grows with the tree.
    for (const what of ['summary', 'progress', 'heatmap', 'overdue']) {
      const list = g.planIds.map((planId) => ({ method: 'GET' as const, path: `/api/plans/${planId}/${what}?unit=${g.rootId}`, cookie: g.users.cookies.root }));
      let i = 0;
      const one = await runLoad(appPort, [{ next: () => list[i++] ?? null }], 600);
      emit({ where, name: `dashboard at the root, ${what}, slowest of ${list.length} plans`, value: one.p99, unit: 'ms', target: null });
    }

    // Submissions under 64 concurrent clients, against the bare route with the same authentication.
    const clients = g.users.loadClients;
    // Each client submits the pending reports of its province's share; one in five goes to the warm-up run.
    const makeSubmitters = (warmUp: boolean): LoadClient[] => {
      const sharing = new Map<string, number>();
      return clients.map((c) => {
        const slot = sharing.get(c.provinceId) ?? 0;
        sharing.set(c.provinceId, slot + 1);
        const all = pending.get(c.provinceId) ?? [];
        const mates = clients.filter((x) => x.provinceId === c.provinceId).length;
        const mine = all.filter((_, i) => i % mates === slot).filter((_, i) => (i % 5 === 4) === warmUp);
        let i = 0;
        return {
          next: () => {
            const id = mine[i];
            if (id === undefined) return null;
            return { method: 'POST', path: `/api/obligations/${id}/submissions`, cookie: c.cookie, body: reportBody(i++) };
          },
        };
      });
    };
    const bareClients = (): LoadClient[] => clients.map((c) => {
      let i = 0;
      return { next: () => ({ method: 'POST', path: '/api/bench/bare', cookie: c.cookie, body: reportBody(i++) }) };
    });
    const warm = Math.max(0.5, scale.loadSeconds / 5);
    await runLoad(barePort, bareClients(), warm);
    await runLoad(appPort, makeSubmitters(true), warm);
    const bare = await runLoad(barePort, bareClients(), scale.loadSeconds);
    const sub = await runLoad(appPort, makeSubmitters(false), scale.loadSeconds, sample);
    if (Object.keys(sub.errors).length > 0) log(`submission errors by status: ${JSON.stringify(sub.errors)}`);
    if (sub.exhausted) log('every load client ran out of reports to submit before the time was up');
    emit({ where, name: `bare route with the same auth, ${clients.length} clients, throughput`, value: bare.throughput, unit: 'req/s', target: null });
    emit({
      where, name: `submit a report, ${clients.length} clients, throughput`, value: sub.throughput, unit: 'req/s',
      target: { text: '≥ 40% of the bare route', op: '>=', limit: 40, on: 'ratio' },
      ratio: { value: (100 * sub.throughput) / bare.throughput, unit: '%' },
    });
    emit({ where, name: `submit a report, ${clients.length} clients, p99`, value: sub.p99, unit: 'ms', target: le(100, 'ms') });
    emit({ where, name: 'submit a report, failed requests', value: Object.values(sub.errors).reduce((s, n) => s + n, 0), unit: 'requests', target: null });

    if (hostile) {
      // The worst uploads of each kind, three at once, as the secretary of a grassroots organisation.
      const run = await measureHostileFiles(appPort, pid, g.users.cookies.grassroots, g.grassrootsId, log);
      emit({ where, name: 'hostile uploads, three at once of each kind: server RSS, peak', value: run.peakRssMb, unit: 'MB', target: le(600, 'MB') });
      emit({ where, name: 'hostile uploads, three at once of each kind: /api/health, slowest answer', value: run.maxHealthMs, unit: 'ms', target: le(1000, 'ms') });
    }
  } finally {
    await stopServer(child);
  }
}

/** A generated database, ready to measure: PostgreSQL open in this process, PGlite closed on disk. */
interface Built {
  where: 'pglite' | 'postgres';
  location: string;
  version: string;
  g: Generated;
  cleanup(): void;
}

async function buildPostgres(scale: Scale, seed: number, clients: number, keep: boolean): Promise<Built> {
  const { cluster, location } = await benchPostgres('trienkhai-bench-pg-');
  try {
    // Generating switches checks off and drops indexes: the login, not the server's role.
    const database = await openPostgres(location, 10, { as: 'login' });
    try {
      await migrate(database);
      const version = (await database.db.execute<{ v: string }>(sql`SELECT version() AS v`)).rows[0]!.v;
      const g = await generate(database, scale, { seed, clients, members: true, plans: scale.plans }, (l) => log(`[postgres] ${l}`));
      return {
        where: 'postgres', location, version, g,
        cleanup: () => (keep ? log(`kept: ${location} (data in ${cluster.dir})`) : cluster.stop()),
      };
    } finally {
      await database.close();
    }
  } catch (e) {
    if (!keep) cluster.stop();
    throw e;
  }
}

/** The PGlite database is generated by a child process, so that it is built while PostgreSQL is. */
async function buildPglite(scale: Scale, seed: number, clients: number, keep: boolean): Promise<Built> {
  const dir = mkdtempSync(join(os.tmpdir(), 'trienkhai-bench-pglite-'));
  const cleanup = () => (keep ? log(`kept: ${join(dir, 'pglite')}`) : rmSync(dir, { recursive: true, force: true }));
  try {
    const child = spawn(process.execPath, [
      join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/main.ts'),
      '--generate-into', dir, '--scale', scale.name, '--provinces', String(scale.provinces), '--seed', String(seed), '--clients', String(clients),
    ], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    if (code !== 0) throw new Error(`PGlite generation failed (exit ${code})`);
    const out = JSON.parse(readFileSync(join(dir, 'generated.json'), 'utf8')) as { version: string; g: Generated };
    return { where: 'pglite', location: join(dir, 'pglite'), version: out.version, g: out.g, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** The child process of buildPglite: generates into `dir`/pglite and writes `dir`/generated.json. */
async function generateInto(dir: string, scale: Scale, seed: number, clients: number): Promise<void> {
  const database = await openPglite(join(dir, 'pglite'), undefined, { as: 'login' });
  try {
    await migrate(database);
    const version = (await database.db.execute<{ v: string }>(sql`SELECT version() AS v`)).rows[0]!.v;
    const shape = scale.pglite ?? { members: true, plans: scale.plans };
    const g = await generate(database, scale, { seed, clients, ...shape }, (l) => log(`[pglite] ${l}`));
    writeFileSync(join(dir, 'generated.json'), JSON.stringify({ version, g }));
  } finally {
    await database.close();
  }
}

/** The tables (and their indexes) a submission reads and writes. */
const SUBMISSION_TABLES = ['obligation_instance', 'submission', 'progress_counter', 'unit', 'session', 'app_user', 'user_grant', 'plan', 'report_obligation'];

/**
 * Reads the tables a submission touches into PostgreSQL's buffers, as on a server that has been
 * serving for a while: this machine hands its file cache back to the host within seconds, so
 * without it the load run would measure the disk rather than trienkhai.
 */
async function prewarm(database: Database): Promise<number> {
  await database.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
  const tables = `{${SUBMISSION_TABLES.join(',')}}`;
  const r = await database.db.execute<{ blocks: number }>(sql`
    SELECT coalesce(sum(pg_prewarm(c.oid)), 0)::int AS blocks FROM pg_class c
    WHERE c.relname = ANY(${tables}::text[])
       OR c.oid IN (SELECT i.indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = ANY(${tables}::text[]))`);
  return r.rows[0]!.blocks;
}

async function measure(b: Built, scale: Scale, hostile: boolean): Promise<Record<string, unknown>> {
  const { where, g } = b;
  log(`${where}: measuring`);
  const generation = Object.values(g.steps).reduce((s, x) => s + x, 0);
  emit({
    where, name: `data: ${g.counts.units} units, ${g.counts.members} members, ${g.counts.instances} instances of ${g.planIds.length} plans, ${g.counts.submissions} submissions; generated in`,
    value: generation, unit: 's', target: null,
  });
  const sorted = g.publishes.map((p) => p.seconds).sort((a, b) => a - b);
  const perPlan = Math.max(...g.publishes.map((p) => p.instances));
  emit({ where, name: `publish a plan while generating (${perPlan} instances), median of ${sorted.length}`, value: quantile(sorted, 0.5), unit: 's', target: null });
  // As the login: warming the buffers installs pg_prewarm, which the server's role may not.
  const database = where === 'postgres' ? await openPostgres(b.location, 10, { as: 'login' }) : await openPglite(b.location, undefined, { as: 'login' });
  let pending: Map<string, string[]>;
  try {
    const one = await timePublish(database, g);
    emit({ where, name: `publish one plan to every grassroots organisation and cell (${one.instances} instances)`, value: one.seconds, unit: 's', target: where === 'postgres' ? le(20, 's') : null });
    await measureInProcess(where, database, g, scale);
    const size = (await database.db.execute<{ mb: number }>(sql`SELECT (pg_database_size(current_database()) / 1048576)::int AS mb`)).rows[0]!.mb;
    emit({ where, name: 'database size', value: size, unit: 'MB', target: null });
    pending = await pendingReports(database, g, Math.ceil((3000 * (scale.loadSeconds * 1.3 + 1)) / g.users.loadClients.length));
    if (where === 'postgres') log(`postgres: ${Math.round((await prewarm(database)) / 128)} MB of the submission tables read into shared buffers`);
  } finally {
    await database.close();
  }
  await measureOverHttp(where, { db: where, location: b.location, startAt: BENCH_DATES.today.toISOString() }, g, pending, scale, hostile);
  return { version: b.version, counts: g.counts, steps: g.steps, publishes: g.publishes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      db: { type: 'string', default: 'both' },
      seed: { type: 'string', default: '20250303' },
      clients: { type: 'string', default: '64' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      provinces: { type: 'string' },
      'generate-into': { type: 'string' },
    },
  });
  if (!SCALE_NAMES.includes(values.scale as ScaleName)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  if (!['pglite', 'postgres', 'both'].includes(values.db!)) throw new Error('--db must be pglite, postgres or both');
  // --provinces N builds N provinces of the chosen scale's shape (to see how a figure grows with the tree).
  const scale: Scale = values.provinces ? { ...SCALES[values.scale as ScaleName], provinces: Number(values.provinces) } : SCALES[values.scale as ScaleName];
  const seed = Number(values.seed);
  const clients = Number(values.clients);
  if (values['generate-into']) {
    await generateInto(values['generate-into'], scale, seed, clients);
    return;
  }
  let dbs: ('pglite' | 'postgres')[] = values.db === 'both' ? ['postgres', 'pglite'] : [values.db as 'pglite' | 'postgres'];
  if (values.db === 'both' && !findPostgresBin() && process.env.CI !== 'true') {
    log('PostgreSQL server binaries not found: measuring on PGlite only');
    dbs = ['pglite'];
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  process.stdout.write(`# trienkhai benchmark, scale ${scale.name}, seed ${seed}, ${new Date().toISOString()}\n# ${machine}\n`);
  process.stdout.write('# [database] figure | value | unit | target | ratio | verdict\n');
  const runs: Record<string, unknown> = {};
  // Both databases are built at once (PGlite in a child process), then measured one after the other.
  const builds = dbs.map((where) => (where === 'postgres' ? buildPostgres : buildPglite)(scale, seed, clients, values.keep!));
  const settled = await Promise.allSettled(builds);
  try {
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    for (const r of settled) {
      const b = (r as PromiseFulfilledResult<Built>).value;
      // The hostile uploads measure the server process, whatever its database: once, on PGlite when it is measured (the larger server).
      runs[b.where] = await measure(b, scale, b.where === 'pglite' || dbs.length === 1);
    }
  } finally {
    for (const r of settled) if (r.status === 'fulfilled') r.value.cleanup();
  }

  const extract = await benchExtract();
  const median = extract.find((r) => r.name.includes('25 KB') && r.name.includes('median'));
  emit({ where: 'all', name: 'extract a 25 KB plan, median', value: median?.value ?? Number.NaN, unit: 'ms', target: le(50, 'ms') });
  const web = firstPageSize(join(ROOT, 'dist/web'));
  if (web) {
    const worst = Math.max(web.entry, ...Object.values(web.pages));
    emit({ where: 'all', name: 'web: JavaScript of the first page (entry and landing page), gzip', value: worst / 1024, unit: 'KB', target: le(300, 'KB') });
    emit({ where: 'all', name: 'web: JavaScript of the entry alone, gzip', value: web.entry / 1024, unit: 'KB', target: null });
  } else {
    log('no web build in dist/web (npm run build): first-page size not measured');
  }
  const unmet = figures.filter((f) => verdict(f) === 'NOT MET');
  process.stdout.write(`# ${figures.length} figures, ${unmet.length} targets not met, ${((performance.now() - t0) / 60_000).toFixed(1)} min\n`);
  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ scale: scale.name, seed, at: new Date().toISOString(), machine, runs, figures: figures.map((f) => ({ ...f, verdict: verdict(f) })) }, null, 2));
  }
}

await main();
