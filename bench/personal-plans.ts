/**
 * A national round of personal plans (issue 16, acceptance 4; docs/decisions/020): the organisation of
 * bench/generate.ts with its members and one published plan, a round launched at the root from the
 * plan's task over every member, a few thousand plans submitted, returned and confirmed by their
 * cells' secretaries through the API, then the coverage view at the root, a province and a grassroots
 * unit and a cell's list of members, timed over HTTP against a server process of its own. Last, the
 * root's counters are compared with a recount of the round's plans. One line per figure on PGlite
 * and/or a throwaway PostgreSQL cluster; times are printed, never asserted.
 *
 *   npm run bench:personal-plans -- --scale small|province|national [--db pglite|postgres|both]
 *                                   [--seed N] [--activity N] [--keep]
 *
 * `--activity N`: about how many members' plans the secretaries act on (default: every member at
 * `small`, 3,000 at `province`, 4,000 at `national`). PGlite does not hold the national members:
 * at `national` it is left out. docs/performance.md "Personal plans: a national round" holds the
 * latest figures.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { IsoDate } from '#core/ids.ts';
import type { RoundFigures } from '#core/personal-plans/coverage.ts';
import { FIGURE_NAMES, NO_FIGURES, planFigures } from '#core/personal-plans/coverage.ts';
import type { PlanState } from '#core/personal-plans/plan-states.ts';
import type { CoverageRow, RoundCoverage, RoundCreate, RoundLaunched } from '#shared/personal-plans.ts';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Database } from '#server/db/client.ts';
import { openPglite, openPostgres } from '#server/db/client.ts';
import { createSession } from '#server/db/queries/auth.ts';
import { migrate } from '#server/db/migrate.ts';
import { hashPassword } from '#server/services/auth/passwords.ts';
import { allRecords } from '../tests/support/round-records.ts';
import { findPostgresBin } from '../tests/support/targets.ts';
import type { Generated } from './generate.ts';
import { BENCH_DATES, BENCH_PASSWORD, generate } from './generate.ts';
import type { LoadClient, LoadRequest } from './load.ts';
import { runLoad } from './load.ts';
import { benchPostgres } from './pg-settings.ts';
import type { Figure, Target, Where } from './report.ts';
import { formatFigure, verdict } from './report.ts';
import type { Scale, ScaleName } from './scales.ts';
import { SCALE_NAMES, SCALES } from './scales.ts';
import { startServer, stopServer } from './server-process.ts';

const t0 = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
const figures: Figure[] = [];
function emit(f: Figure): void {
  figures.push(f);
  process.stdout.write(`${formatFigure(f)}\n`);
}
const le = (limit: number, unit: string): Target => ({ text: `≤ ${limit} ${unit}`, op: '<=', limit, on: 'value' });

/**
 * The round's calendar: launched two weeks before the generated "today", due three days before it.
 * A plan entered from paper carries a day before the deadline; one sent without a day is dated
 * "today", after it, and counts as late.
 */
const ROUND_DATES = {
  launched: new Date('2025-06-02T02:00:00Z'),
  submitBy: '2025-06-13' as IsoDate,
  confirmBy: '2025-06-27' as IsoDate,
  sendUpBy: '2025-06-30' as IsoDate,
  handedIn: '2025-06-10' as IsoDate,
};

/** PostgreSQL logs the statements slower than this: the launch's are printed. */
const SLOW_STATEMENT_MS = 250;

/** Concurrent secretaries entering and reviewing plans. */
const SECRETARIES_AT_ONCE = 8;

/** A member's plan in the round, as the secretaries act on it. */
type AskedMember = {
  personId: string;
  unitId: string;
  leader: boolean;
};

/** A cell (or a chi bộ cơ sở) whose secretary signs in to enter and review its members' plans. */
interface ActiveCell {
  unitId: string;
  cookie: string;
  members: AskedMember[];
}

interface Launched {
  roundId: string;
  asked: number;
  seconds: number;
  cells: ActiveCell[];
}

/** A body of a year plan (Mẫu 02/04): one or two items, and a leader's example-setting item. */
function planSections(i: number, leader: boolean): Record<string, { text: string; area?: string; group?: string }[]> {
  const items = [{ text: 'Nâng cao ý thức trách nhiệm, hoàn thành tốt nhiệm vụ được giao; tích cực tham gia sinh hoạt chi bộ.', area: 'work_responsibility' }];
  if (i % 2 === 0) items.push({ text: 'Giữ gìn phẩm chất đạo đức, lối sống giản dị, gần gũi Nhân dân nơi cư trú.', area: 'ethics_lifestyle' });
  return {
    items,
    ...(leader ? { example: [{ text: 'Chủ trì khắc phục dứt điểm việc sinh hoạt chi bộ chưa đều, nội dung chưa phong phú.', group: i % 2 === 0 ? 'long_standing' : 'breakthrough' }] } : {}),
  };
}

/**
 * What a cell's secretary does with its members' plans, in order: enters every plan but one in eight
 * from paper (one in seven of them without the day handed in: late), then returns one in ten with a
 * comment and enters it again, returns another one in ten for good, and confirms six in ten. `first`
 * numbers the cell's members among all the members acted on, so that small cells get every outcome too.
 */
function cellRequests(roundId: string, cell: ActiveCell, first: number): LoadRequest[] {
  const base = `/api/rounds/${roundId}/plans`;
  const post = (personId: string, what: string, body: unknown): LoadRequest => ({ method: 'POST', path: `${base}/${personId}/${what}`, cookie: cell.cookie, body });
  const entered = cell.members.map((m, k) => ({ m, i: first + k })).filter(({ i }) => i % 8 !== 7);
  const submit = ({ m, i }: { m: AskedMember; i: number }) =>
    post(m.personId, 'submit', { sections: planSections(i, m.leader), ...(i % 7 === 3 ? {} : { submittedOn: ROUND_DATES.handedIn }) });
  return [
    ...entered.map(submit),
    ...entered.filter(({ i }) => i % 10 === 5 || i % 10 === 6).map(({ m }) => post(m.personId, 'return', { comment: 'Đề nghị nêu cụ thể việc làm, thời gian thực hiện.' })),
    ...entered.filter(({ i }) => i % 10 === 5).map(submit),
    ...entered.filter(({ i }) => i % 10 <= 5).map(({ m }) => post(m.personId, 'confirm', {})),
  ];
}

/**
 * The cells the secretaries act in: every cell of the sampled grassroots organisation (its coverage
 * view is measured), then cells drawn across the country, until about `activity` members. Each
 * secretary gets an account on their cell and a session.
 */
async function activeCells(database: Database, g: Generated, roundId: string, activity: number): Promise<ActiveCell[]> {
  const db = database.db;
  const picked = await db.execute<{ unitId: string; n: number }>(sql`
    SELECT rr.unit_id AS "unitId", cardinality(rr.person_ids) AS n
    FROM round_roster rr JOIN unit u ON u.id = rr.unit_id
    WHERE rr.round_id = ${roundId}
    ORDER BY (u.parent_id = ${g.grassrootsId}) DESC, md5(rr.unit_id::text)`);
  const cells: string[] = [];
  let members = 0;
  for (const row of picked.rows) {
    if (members >= activity) break;
    cells.push(row.unitId);
    members += row.n;
  }
  const ids = `{${cells.join(',')}}`;
  const asked = await db.execute<AskedMember>(sql`
    SELECT a.person_id AS "personId", rr.unit_id AS "unitId", a.person_id = ANY(rr.leader_ids) AS leader
    FROM round_roster rr CROSS JOIN LATERAL unnest(rr.person_ids) AS a(person_id)
    WHERE rr.round_id = ${roundId} AND rr.unit_id = ANY(${ids}::uuid[]) ORDER BY rr.unit_id, a.person_id`);
  const hash = await hashPassword(BENCH_PASSWORD);
  // The cell's office account: its secretary enters the members' plans from paper and reviews them
  // (an account of the secretary's own person would not review the secretary's own plan: the level above does).
  const secretaries = await db.execute<{ userId: string; unitId: string }>(sql`
    WITH cells AS (SELECT c.unit_id, c.k FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS c(unit_id, k)),
    u AS (
      INSERT INTO app_user (username, password_hash)
      SELECT 'bithu.chibo.' || cells.k, ${hash} FROM cells
      RETURNING id, username),
    gr AS (
      INSERT INTO user_grant (user_id, unit_id, role)
      SELECT u.id, cells.unit_id, 'secretary' FROM u JOIN cells ON u.username = 'bithu.chibo.' || cells.k
      RETURNING user_id, unit_id)
    SELECT user_id AS "userId", unit_id AS "unitId" FROM gr`);
  const byUnit = new Map<string, AskedMember[]>();
  for (const m of asked.rows) byUnit.set(m.unitId, [...(byUnit.get(m.unitId) ?? []), m]);
  const userOf = new Map(secretaries.rows.map((r) => [r.unitId, r.userId] as const));
  const out: ActiveCell[] = [];
  for (const unitId of cells) {
    const token = await createSession(db, userOf.get(unitId)!, BENCH_DATES.today, 30);
    out.push({ unitId, cookie: `tk_session=${token}`, members: byUnit.get(unitId) ?? [] });
  }
  return out;
}

/** The statements PostgreSQL logged as slow (log_min_duration_statement) after the first `from` bytes of its log. */
function slowStatements(logFile: string, from: number): { ms: number; text: string }[] {
  const text = readFileSync(logFile).subarray(from).toString('utf8');
  // A logged statement runs to the next line of the log, which starts with its time (log_line_prefix '%m [%p] ').
  return [...text.matchAll(/duration: ([\d.]+) ms {2}(?:statement|execute [^:]*): ([\s\S]*?)(?=\n\d{4}-\d\d-\d\d |$)/g)]
    .map((m) => ({ ms: Number(m[1]), text: m[2]!.replace(/\s+/g, ' ').trim().slice(0, 180) }));
}

/**
 * Launches the round through POST /api/rounds, as the root's office, on an app in this process. With
 * PostgreSQL's log (`pgLog`), prints the launch's slow statements: where its time goes.
 */
async function launch(database: Database, g: Generated, activity: number, pgLog: string | null): Promise<Launched> {
  const db = database.db;
  const form = await db.execute<{ id: string }>(sql`SELECT id FROM plan_form WHERE unit_id IS NULL AND code = 'mau-04'`);
  const task = await db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${g.planIds[0]!} ORDER BY ord LIMIT 1`);
  const body: RoundCreate = {
    kind: 'personal_plan',
    unitId: g.rootId,
    planId: g.planIds[0]!,
    taskId: task.rows[0]!.id,
    title: 'Đăng ký kế hoạch cá nhân thực hiện chủ đề năm 2025',
    submitBy: ROUND_DATES.submitBy,
    confirmBy: ROUND_DATES.confirmBy,
    sendUpBy: ROUND_DATES.sendUpBy,
    scope: 'year',
    year: 2025,
    assignments: [{ formId: form.rows[0]!.id, categories: ['party_full', 'party_probationary'], unitIds: [] }],
  };
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), webDist: '/nonexistent' };
  const app = await buildApp({ config, database, clock: () => ROUND_DATES.launched });
  let launched: RoundLaunched;
  let seconds: number;
  const logFrom = pgLog ? statSync(pgLog).size : 0;
  try {
    const s = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/rounds', headers: { cookie: g.users.cookies.root }, payload: body });
    seconds = (performance.now() - s) / 1000;
    if (res.statusCode !== 201) throw new Error(`POST /api/rounds: ${res.statusCode} ${res.body.slice(0, 500)}`);
    launched = res.json() as RoundLaunched;
  } finally {
    await app.close();
  }
  log(`round launched: ${launched.asked.toLocaleString('en')} members asked in ${seconds.toFixed(2)} s`);
  if (pgLog) {
    for (const st of slowStatements(pgLog, logFrom)) process.stdout.write(`# [postgres] launch, a statement of ${(st.ms / 1000).toFixed(2)} s: ${st.text}\n`);
  }
  // What autovacuum would do within a minute of such a write.
  await db.execute(sql`ANALYZE round_roster`);
  await db.execute(sql`ANALYZE round_counter`);
  const cells = await activeCells(database, g, launched.id, activity);
  return { roundId: launched.id, asked: launched.asked, seconds, cells };
}

/** p50 and p95 of `n` requests sent one after another (after a warm-up of a tenth of them). */
async function timeOne(port: number, request: LoadRequest, n: number): Promise<{ p50: number; p95: number }> {
  const client = (count: number): LoadClient => {
    let left = count;
    return { next: () => (left-- > 0 ? request : null) };
  };
  await runLoad(port, [client(Math.max(5, Math.ceil(n / 10)))], 600);
  const r = await runLoad(port, [client(n)], 600);
  if (Object.keys(r.errors).length > 0) throw new Error(`GET ${request.path}: failed answers by status ${JSON.stringify(r.errors)}`);
  return { p50: r.p50, p95: r.p95 };
}

async function getJson<T>(port: number, path: string, cookie: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie, accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** The activity, then the views, over HTTP against bench/server.ts; returns the root's figures as served. */
async function measureOverHttp(where: Where, location: string, g: Generated, round: Launched, samples: number): Promise<CoverageRow> {
  const { child, appPort } = await startServer({ db: where === 'postgres' ? 'postgres' : 'pglite', location, startAt: BENCH_DATES.today.toISOString() });
  try {
    const queues = Array.from({ length: SECRETARIES_AT_ONCE }, (): LoadRequest[] => []);
    let first = 0;
    round.cells.forEach((cell, k) => {
      queues[k % SECRETARIES_AT_ONCE]!.push(...cellRequests(round.roundId, cell, first));
      first += cell.members.length;
    });
    const count = (what: string) => queues.flat().filter((r) => r.path.endsWith(`/${what}`)).length;
    const total = queues.reduce((s, q) => s + q.length, 0);
    const clients: LoadClient[] = queues.map((q) => {
      let i = 0;
      return { next: () => q[i++] ?? null };
    });
    const act = await runLoad(appPort, clients, 3600);
    const failed = Object.values(act.errors).reduce((s, n) => s + n, 0);
    if (failed > 0) log(`activity: failed answers by status ${JSON.stringify(act.errors)}`);
    const what = `${count('submit')} submissions, ${count('return')} returns, ${count('confirm')} confirmations in ${round.cells.length} cells`;
    emit({ where, name: `activity: ${total} requests (${what}), ${SECRETARIES_AT_ONCE} secretaries at once, throughput`, value: act.throughput, unit: 'req/s', target: null });
    emit({ where, name: `activity: ${SECRETARIES_AT_ONCE} secretaries at once, p99`, value: act.p99, unit: 'ms', target: null });
    emit({ where, name: 'activity: failed requests', value: failed, unit: 'requests', target: null });

    const cell = round.cells.find((c) => c.members.length > 0)!;
    const views = [
      { name: 'round coverage at the root', cookie: g.users.cookies.root, path: `/api/rounds/${round.roundId}?unit=${g.rootId}` },
      { name: 'round coverage at a province', cookie: g.users.cookies.province, path: `/api/rounds/${round.roundId}?unit=${g.provinceId}` },
      { name: 'round coverage at a grassroots unit', cookie: g.users.cookies.grassroots, path: `/api/rounds/${round.roundId}?unit=${g.grassrootsId}` },
      { name: `a cell's list of members (${cell.members.length})`, cookie: cell.cookie, path: `/api/rounds/${round.roundId}/members?unit=${cell.unitId}` },
    ];
    for (const v of views) {
      const t = await timeOne(appPort, { method: 'GET', path: v.path, cookie: v.cookie }, samples);
      emit({ where, name: `${v.name}, p50`, value: t.p50, unit: 'ms', target: null });
      emit({ where, name: `${v.name}, p95`, value: t.p95, unit: 'ms', target: le(50, 'ms') });
    }
    return (await getJson<RoundCoverage>(appPort, views[0]!.path, views[0]!.cookie)).total;
  } finally {
    await stopServer(child);
  }
}

/** The round's figures counted again from its plans, by the rule the counters follow (core's planFigures). */
async function recount(database: Database, roundId: string): Promise<RoundFigures> {
  const r = await database.db.execute<{ state: PlanState | 'pending'; confirmed: boolean; late: boolean; leader: boolean; n: number }>(sql`
    SELECT state, confirmed_on IS NOT NULL AS confirmed, late, leader, count(*)::int AS n
    FROM (${allRecords('personal_plan', roundId)}) x GROUP BY 1, 2, 3, 4`);
  const sum = { ...NO_FIGURES };
  for (const row of r.rows) {
    const one = planFigures({ state: row.state, confirmedOn: row.confirmed ? 'yes' : null, late: row.late, leader: row.leader });
    for (const k of FIGURE_NAMES) sum[k] += one[k] * row.n;
  }
  return sum;
}

const open = (where: 'pglite' | 'postgres', location: string) =>
  (where === 'postgres' ? openPostgres(location, 10, { as: 'login' }) : openPglite(location, undefined, { as: 'login' }));

/** Builds, launches, acts, measures and recounts on one database. */
async function run(where: 'pglite' | 'postgres', scale: Scale, seed: number, activity: number, keep: boolean): Promise<void> {
  let location: string;
  let cleanup: () => void;
  let pgLog: string | null = null;
  if (where === 'postgres') {
    const pg = await benchPostgres('trienkhai-bench-pp-pg-', [`log_min_duration_statement=${SLOW_STATEMENT_MS}`]);
    location = pg.location;
    pgLog = join(pg.cluster.dir, 'log');
    cleanup = () => (keep ? log(`kept: ${location} (data in ${pg.cluster.dir})`) : pg.cluster.stop());
  } else {
    const dir = mkdtempSync(join(os.tmpdir(), 'trienkhai-bench-pp-pglite-'));
    location = join(dir, 'pglite');
    cleanup = () => (keep ? log(`kept: ${location}`) : rmSync(dir, { recursive: true, force: true }));
  }
  try {
    let database = await open(where, location);
    let g: Generated;
    let round: Launched;
    try {
      await migrate(database);
      g = await generate(database, scale, { seed, clients: 0, members: true, plans: 1 }, (l) => log(`[${where}] ${l}`));
      const generation = Object.values(g.steps).reduce((s, x) => s + x, 0);
      emit({ where, name: `data: ${g.counts.units} units, ${g.counts.cells} cells, ${g.counts.members} members, one published plan; generated in`, value: generation, unit: 's', target: null });
      round = await launch(database, g, activity, pgLog);
      emit({
        where, name: `launch a round at the root over every member (${round.asked} asked)`, value: round.seconds, unit: 's',
        target: where === 'postgres' ? le(20, 's') : null,
      });
      const rows = (await database.db.execute<{ listed: number; rosters: number; plans: number; counters: number }>(sql`
        SELECT (SELECT coalesce(sum(cardinality(person_ids)), 0)::int FROM round_roster WHERE round_id = ${round.roundId}) AS listed,
               (SELECT count(*)::int FROM round_roster WHERE round_id = ${round.roundId}) AS rosters,
               (SELECT count(*)::int FROM personal_plan WHERE round_id = ${round.roundId}) AS plans,
               (SELECT count(*)::int FROM round_counter WHERE round_id = ${round.roundId}) AS counters`)).rows[0]!;
      if (round.asked !== g.counts.members || rows.listed !== g.counts.members) {
        log(`WARNING: ${g.counts.members} members, ${round.asked} asked, ${rows.listed} listed in the round's rosters`);
      }
      emit({ where, name: 'launch: members listed in the round\'s rosters', value: rows.listed, unit: 'members', target: null });
      emit({ where, name: 'launch: roster rows written (one per unit with members asked)', value: rows.rosters, unit: 'rows', target: null });
      emit({ where, name: 'launch: personal plans written (a record is written at the first act on it)', value: rows.plans, unit: 'rows', target: null });
      emit({ where, name: 'launch: round counter rows written', value: rows.counters, unit: 'rows', target: null });
    } finally {
      await database.close();
    }

    const served = await measureOverHttp(where, location, g, round, scale.samples.rollup);

    database = await open(where, location);
    try {
      const counted = await recount(database, round.roundId);
      const diff = FIGURE_NAMES.reduce((s, k) => s + Math.abs(served[k] - counted[k]), 0);
      const show = (f: RoundFigures) => FIGURE_NAMES.map((k) => `${k} ${f[k]}`).join(', ');
      process.stdout.write(`# [${where}] root counters: ${show(served)}\n# [${where}] recount:       ${show(counted)}\n`);
      emit({ where, name: 'root counters against a recount of personal_plan, differences', value: diff, unit: 'plans', target: { text: '0 (exact)', op: '<=', limit: 0, on: 'value' } });
      const size = (await database.db.execute<{ mb: number }>(sql`SELECT (pg_database_size(current_database()) / 1048576)::int AS mb`)).rows[0]!.mb;
      emit({ where, name: 'database size', value: size, unit: 'MB', target: null });
    } finally {
      await database.close();
    }
  } finally {
    cleanup();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      db: { type: 'string', default: 'both' },
      seed: { type: 'string', default: '20250303' },
      activity: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!SCALE_NAMES.includes(values.scale as ScaleName)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  if (!['pglite', 'postgres', 'both'].includes(values.db!)) throw new Error('--db must be pglite, postgres or both');
  const scale = SCALES[values.scale as ScaleName];
  const seed = Number(values.seed);
  const activity = values.activity ? Number(values.activity) : { small: Number.MAX_SAFE_INTEGER, province: 3000, national: 4000 }[scale.name];
  let dbs: ('pglite' | 'postgres')[] = values.db === 'both' ? ['pglite', 'postgres'] : [values.db as 'pglite' | 'postgres'];
  if (values.db === 'both' && !findPostgresBin() && process.env.CI !== 'true') {
    log('PostgreSQL server binaries not found: measuring on PGlite only');
    dbs = ['pglite'];
  }
  if (scale.pglite?.members === false && dbs.includes('pglite')) {
    log(`PGlite does not hold the members at ${scale.name} scale: measuring on PostgreSQL only`);
    dbs = dbs.filter((d) => d !== 'pglite');
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  process.stdout.write(`# trienkhai benchmark: personal plans, scale ${scale.name}, seed ${seed}, ${new Date().toISOString()}\n# ${machine}\n`);
  process.stdout.write('# [database] figure | value | unit | target | ratio | verdict\n');
  for (const where of dbs) await run(where, scale, seed, activity, values.keep!);
  const unmet = figures.filter((f) => verdict(f) === 'NOT MET');
  process.stdout.write(`# ${figures.length} figures, ${unmet.length} targets not met, ${((performance.now() - t0) / 60_000).toFixed(1)} min\n`);
}

await main();
