/**
 * The benchmark's data: a party tree of the chosen scale with its members, ten plans published
 * through the real services (so instances and counters are the ones users would have), reports
 * submitted for about 80% of the obligations (some late, some in two versions), tasks done, and
 * the users and sessions the measurements sign in with.
 *
 * Deterministic from the seed: a seeded generator (the demo's mulberry32) decides the shape and the
 * names; ids are md5 of the seed and a key; per-row choices in SQL come from a multiplicative hash
 * of the row number and a salt drawn from the same generator. Bulk rows are written set-based
 * (INSERT … SELECT over generate_series, unnest and json_to_recordset), never one round trip per row.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import { foldDiacritics, vietnameseNameSortKey } from '#core/text/fold.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import type { Database, Db } from '#server/db/client.ts';
import { rebuildCounters } from '#server/db/queries/progress.ts';
import { Rng, vietnameseName } from '#server/demo/names.ts';
import type { Gender, Region } from '#server/demo/names.ts';
import { hashPassword } from '#server/services/auth/passwords.ts';
import { createSession } from '#server/db/queries/auth.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { cellName, grassrootsName, PLACES, PROVINCES } from './names.ts';
import type { Scale } from './scales.ts';

/** The calendar of the generated year: units and terms, publication, and the day measured. */
export const BENCH_DATES = {
  unitsFrom: '2020-10-01' as IsoDate,
  termEnd: '2025-09-30' as IsoDate,
  published: new Date('2025-03-03T02:00:00Z'),
  /** "Today" for the measurements: some plans are past due, some not yet. */
  today: new Date('2025-06-16T03:00:00Z'),
};

/** The password of every generated account (the benchmark signs in with sessions it creates). */
export const BENCH_PASSWORD = 'trienkhai-bench';

/** A stable id for a key: the md5 of "seed:key" as a UUID, the same value as uuidSql in SQL. */
export function benchUuid(seed: number, key: string): string {
  const md5 = createHash('md5').update(`${seed}:${key}`).digest('hex');
  // Version 5 and the RFC 4122 variant, so the ids pass the API's UUID validation.
  const h = `${md5.slice(0, 12)}5${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The SQL twin of benchUuid over a text expression "seed:key". */
const uuidSql = (key: SQL) => sql`(overlay(overlay(md5(${key}) placing '5' from 13) placing '8' from 17))::uuid`;

/** A PostgreSQL array literal of integers. */
const intArray = (xs: readonly number[]) => `{${xs.join(',')}}`;

type Log = (line: string) => void;

interface PlannedUnit {
  ord: number;
  parent: number;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  code: string;
  province: number;
}

interface Leaf {
  ord: number;
  province: number;
  members: number;
}

/** The tree to build, decided in memory by the seeded generator (a few hundred thousand small rows). */
interface TreePlan {
  levels: PlannedUnit[][];
  leaves: Leaf[];
  /** A grassroots organisation with cells in the first province (the grassroots roll-up looks at it). */
  sampleGrassroots: number;
}

const REGIONS: readonly Region[] = ['north', 'central', 'south'];

function planTree(scale: Scale, rng: Rng): TreePlan {
  let next = 0;
  const root: PlannedUnit = { ord: next++, parent: -1, kind: 'central', name: 'Ban Chấp hành Trung ương', shortName: 'BCHTW', code: 'TW', province: -1 };
  const provinces: PlannedUnit[] = [];
  const bodies: PlannedUnit[] = [];
  const grassroots: PlannedUnit[] = [];
  const cells: PlannedUnit[] = [];
  const leaves: Leaf[] = [];
  let sampleGrassroots = -1;
  const span = ([a, b]: readonly [number, number]) => rng.int(a, b);
  for (let p = 0; p < scale.provinces; p++) {
    const info = PROVINCES[p % PROVINCES.length]!;
    const province: PlannedUnit = {
      ord: next++, parent: root.ord, kind: 'province_committee',
      name: `${info.city ? 'Thành ủy' : 'Tỉnh ủy'} ${info.city ? `Thành phố ${info.name}` : info.name}`,
      shortName: null, code: `T${String(p + 1).padStart(2, '0')}`, province: p,
    };
    provinces.push(province);
    const committee = info.city ? 'Thành ủy' : 'Tỉnh ủy';
    const departments = ['Ban Tổ chức', 'Ban Tuyên giáo và Dân vận', 'Ủy ban Kiểm tra', 'Văn phòng'];
    const nBodies = scale.departmentsPerProvince + scale.blocsPerProvince + scale.districtsPerProvince;
    for (let b = 0; b < nBodies; b++) {
      const code = `${province.code}.${String(b + 1).padStart(2, '0')}`;
      let body: PlannedUnit;
      let under: 'district' | 'bloc' | null;
      if (b < scale.departmentsPerProvince) {
        body = { ord: next++, parent: province.ord, kind: 'department', name: `${departments[b % departments.length]} ${committee} ${info.name}`, shortName: null, code, province: p };
        under = null;
      } else if (b < scale.departmentsPerProvince + scale.blocsPerProvince) {
        const which = (b - scale.departmentsPerProvince) % 2 === 0 ? 'các cơ quan' : 'Doanh nghiệp';
        body = { ord: next++, parent: province.ord, kind: 'bloc_committee', name: `Đảng ủy Khối ${which} tỉnh ${info.name}`, shortName: 'ĐUK', code, province: p };
        under = 'bloc';
      } else {
        const place = PLACES[(p * 37 + b * 11) % PLACES.length]!;
        const prefix = rng.weighted([['Huyện ủy', 8], ['Thị ủy', 1], ['Thành ủy', 1]] as const);
        body = { ord: next++, parent: province.ord, kind: 'district_committee', name: `${prefix} ${place}`, shortName: null, code, province: p };
        under = 'district';
      }
      bodies.push(body);
      if (!under) continue;
      const nGrassroots = span(scale.grassrootsPerBody);
      for (let g = 0; g < nGrassroots; g++) {
        const withCells = rng.chance(scale.grassrootsWithCells);
        const gcode = `${code}.${String(g + 1).padStart(3, '0')}`;
        const org: PlannedUnit = {
          ord: next++, parent: body.ord, kind: withCells ? 'grassroots' : 'grassroots_cell',
          name: grassrootsName(rng, under, withCells, g), shortName: null, code: gcode, province: p,
        };
        grassroots.push(org);
        if (!withCells) {
          leaves.push({ ord: org.ord, province: p, members: span(scale.membersPerCell) });
          continue;
        }
        if (sampleGrassroots < 0 && p === 0) sampleGrassroots = org.ord;
        const nCells = span(scale.cellsPerGrassroots);
        for (let c = 0; c < nCells; c++) {
          const cell: PlannedUnit = {
            ord: next++, parent: org.ord, kind: 'cell', name: cellName(rng, under, c), shortName: null,
            code: `${gcode}.${String(c + 1).padStart(2, '0')}`, province: p,
          };
          cells.push(cell);
          leaves.push({ ord: cell.ord, province: p, members: span(scale.membersPerCell) });
        }
      }
    }
  }
  if (sampleGrassroots < 0) throw new Error('The scale has no grassroots organisation with cells in its first province.');
  return { levels: [[root], provinces, bodies, grassroots, cells], leaves, sampleGrassroots };
}

export interface GeneratedUsers {
  adminId: string;
  /** Session cookies ("tk_session=…") of the accounts the measurements use. */
  cookies: { root: string; province: string; grassroots: string; admin: string };
  /** One account per load client, each staff of a province, with the province it acts for. */
  loadClients: { cookie: string; provinceId: string }[];
}

export interface Generated {
  counts: { units: number; provinces: number; bodies: number; grassroots: number; cells: number; members: number; instances: number; submissions: number };
  rootId: string;
  provinceId: string;
  grassrootsId: string;
  planIds: string[];
  /** Seconds and instances of each publication, in order. */
  publishes: { seconds: number; instances: number }[];
  users: GeneratedUsers;
  /** Seconds spent on each step of the generation. */
  steps: Record<string, number>;
}

/** Runs `fn` in one transaction with foreign-key triggers off (bulk rows that are consistent by construction). */
async function bulk(db: Db, fn: (tx: Db) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await fn(tx as unknown as Db);
  });
}

/**
 * Drops the secondary indexes of `tables` (keeping those behind constraints), runs `fn`, and
 * creates them again with their own definitions: building an index once is far cheaper than
 * maintaining it through millions of inserts.
 */
async function withoutIndexes(db: Db, tables: readonly string[], fn: () => Promise<void>, log: Log): Promise<void> {
  const r = await db.execute<{ name: string; def: string }>(sql`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename = ANY(${`{${tables.join(',')}}`}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)`);
  for (const ix of r.rows) await db.execute(sql.raw(`DROP INDEX ${ix.name}`));
  try {
    await fn();
  } finally {
    for (const ix of r.rows) {
      const t0 = performance.now();
      await db.execute(sql.raw(ix.def));
      log(`  index ${ix.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
}

async function insertTree(db: Db, seed: number, tree: TreePlan): Promise<void> {
  const prefix = `${seed}:u:`;
  const [root] = tree.levels[0]!;
  const rootId = benchUuid(seed, `u:${root!.ord}`);
  await db.execute(sql`
    INSERT INTO unit (id, kind, name, short_name, name_folded, parent_id, path, depth, province_id, valid_from, term_label, term_start, term_end, code)
    VALUES (${rootId}, ${root!.kind}, ${root!.name}, ${root!.shortName}, ${foldDiacritics(root!.name)}, NULL,
            text2ltree(${rootId.replaceAll('-', '')}), 1, NULL, ${BENCH_DATES.unitsFrom}, 'Khóa XIII', '2021-01-30', '2026-01-19', ${root!.code})`);
  const CHUNK = 25_000;
  for (const level of tree.levels.slice(1)) {
    for (let i = 0; i < level.length; i += CHUNK) {
      const rows = level.slice(i, i + CHUNK).map((u) => ({
        o: u.ord, p: u.parent, k: u.kind, n: u.name, s: u.shortName, f: foldDiacritics(u.name), c: u.code,
      }));
      await db.execute(sql`
        INSERT INTO unit (id, kind, name, short_name, name_folded, parent_id, path, depth, province_id, valid_from, term_label, term_start, term_end, code)
        SELECT x.id, x.k, x.n, x.s, x.f, p.id, p.path || text2ltree(replace(x.id::text, '-', '')), p.depth + 1,
               CASE WHEN x.k = 'province_committee' THEN x.id ELSE p.province_id END,
               ${BENCH_DATES.unitsFrom}::date, '2020-2025', ${BENCH_DATES.unitsFrom}::date, ${BENCH_DATES.termEnd}::date, x.c
        FROM (SELECT ${uuidSql(sql`${prefix}::text || t.o::text`)} AS id, ${uuidSql(sql`${prefix}::text || t.p::text`)} AS parent, t.k, t.n, t.s, t.f, t.c
              FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(o int, p int, k text, n text, s text, f text, c text)) x
        JOIN unit p ON p.id = x.parent`);
    }
  }
  // Every unit's first revision and its "create" event, as creating it one by one would record.
  await db.execute(sql`
    INSERT INTO unit_revision (unit_id, parent_id, kind, name, short_name, valid_from)
    SELECT id, parent_id, kind, name, short_name, valid_from FROM unit`);
  await db.execute(sql`
    INSERT INTO unit_event (kind, occurred_on, units_before, units_after)
    SELECT 'create', valid_from, '{}', ARRAY[id] FROM unit`);
}

/** A pool of Vietnamese names (with folded form and sort key) that members draw from by hash. */
async function createNamePool(db: Db, rng: Rng, size: number): Promise<void> {
  await db.execute(sql`CREATE TEMP TABLE bench_name_pool (k int PRIMARY KEY, full_name text, folded text, sort_key text, gender text)`);
  const rows = [];
  for (let k = 0; k < size; k++) {
    const gender: Gender = rng.chance(0.35) ? 'nu' : 'nam';
    const name = vietnameseName(rng, gender, REGIONS[k % REGIONS.length]!);
    rows.push({ k, n: name, f: foldDiacritics(name), s: vietnameseNameSortKey(name), g: gender });
  }
  for (let i = 0; i < rows.length; i += 10_000) {
    await db.execute(sql`
      INSERT INTO bench_name_pool SELECT t.k, t.n, t.f, t.s, t.g
      FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + 10_000))}::json) AS t(k int, n text, f text, s text, g text)`);
  }
}

const POOL_SIZE = 20_000;

async function insertMembers(db: Db, seed: number, salt: number, tree: TreePlan, log: Log): Promise<number> {
  // Person numbers run over the leaves in order; each leaf's first two members are its secretary and deputy.
  const firsts: number[] = [];
  let n = 1;
  for (const leaf of tree.leaves) {
    firsts.push(n);
    n += leaf.members;
  }
  const total = n - 1;
  const byProvince = new Map<number, number[]>();
  tree.leaves.forEach((leaf, i) => {
    const list = byProvince.get(leaf.province) ?? [];
    list.push(i);
    byProvince.set(leaf.province, list);
  });
  // Person ids: a prefix of the seed and the person's number (cheap to make, unique, stable).
  const prefix = benchUuid(seed, 'p').slice(0, 24);
  const up = `${seed}:u:`;
  let done = 0;
  for (const [province, idx] of byProvince) {
    const ords = intArray(idx.map((i) => tree.leaves[i]!.ord));
    const fs = intArray(idx.map((i) => firsts[i]!));
    const cs = intArray(idx.map((i) => tree.leaves[i]!.members));
    await bulk(db, async (tx) => {
      // A member who joined less than a year before the generated "today" is still probationary.
      await tx.execute(sql`
        WITH p AS (
          INSERT INTO person (id, full_name, name_folded, sort_key, unit_id, gender, birth_date, party_card_no, joined_party_on, job_title)
          SELECT (${prefix}::text || lpad(to_hex(g.n), 12, '0'))::uuid, np.full_name, np.folded, np.sort_key,
                 lu.unit_id, np.gender, b.birth,
                 lpad(g.n::text, 10, '0'), least(b.birth + 6570 + ((g.n * 104729 + ${salt}) % 7300)::int, date '2025-03-31'),
                 CASE g.n - l.first WHEN 0 THEN 'Bí thư chi bộ' WHEN 1 THEN 'Phó Bí thư chi bộ' END
          FROM unnest(${ords}::int[], ${fs}::bigint[], ${cs}::int[]) AS l(o, first, cnt)
          CROSS JOIN LATERAL (SELECT ${uuidSql(sql`${up}::text || l.o::text`)} AS unit_id) lu
          CROSS JOIN LATERAL generate_series(l.first, l.first + l.cnt - 1) AS g(n)
          CROSS JOIN LATERAL (SELECT date '1958-01-01' + ((g.n * 7919 + ${salt}) % 16000)::int AS birth) b
          JOIN bench_name_pool np ON np.k = ((g.n * 2654435761 + ${salt}) % ${POOL_SIZE})
          RETURNING id, unit_id, joined_party_on, job_title
        )
        INSERT INTO membership (person_id, unit_id, category, positions, valid_from)
        SELECT p.id, p.unit_id,
               CASE WHEN p.joined_party_on > date '2024-06-16' THEN 'party_probationary' ELSE 'party_full' END,
               CASE p.job_title WHEN 'Bí thư chi bộ' THEN '{secretary}'::text[] WHEN 'Phó Bí thư chi bộ' THEN '{deputy_secretary}'::text[] ELSE '{}'::text[] END,
               ${BENCH_DATES.unitsFrom}::date
        FROM p`);
    });
    done += idx.reduce((s, i) => s + tree.leaves[i]!.members, 0);
    if (byProvince.size > 1) log(`  members: province ${province + 1}/${byProvince.size}, ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  }
  return total;
}

const PLAN_TITLES = [
  'Tổ chức nghiên cứu, học tập, quán triệt và tuyên truyền Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII',
  'Thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025',
  'Tổng kết công tác xây dựng Đảng năm 2025 và phương hướng, nhiệm vụ năm 2026',
  'Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2025',
  'Triển khai Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị',
  'Tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  'Học tập, quán triệt Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên',
  'Thực hiện công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm 2025',
  'Đẩy mạnh chuyển đổi số trong các cơ quan đảng theo Nghị quyết số 57-NQ/TW',
  'Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)',
];

/** Day `d` plus `n` days, as an ISO date. */
function addDays(d: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

/** The form every generated report uses: two figures (a part and its whole) and two sections. */
export const REPORT_FORM = {
  figures: [
    { key: 'tong_so_dang_vien', label: 'Tổng số đảng viên', unit: 'người' },
    { key: 'so_dang_vien_hoc_tap', label: 'Số đảng viên được học tập, quán triệt', unit: 'người', of: 'tong_so_dang_vien' },
  ],
  sections: [
    { key: 'ket_qua', title: 'Kết quả thực hiện' },
    { key: 'han_che', title: 'Hạn chế, nguyên nhân và kiến nghị' },
  ],
};

/**
 * The body of one submitted report, valid against REPORT_FORM. The load clients are a province
 * office entering the reports of its units (nhập thay, ADR 014): the same statement as a unit's own.
 */
export function reportBody(i: number): { figures: Record<string, number>; narrative: Record<string, string>; submit: true; onBehalf: true } {
  const whole = 12 + (i % 19);
  return {
    figures: { tong_so_dang_vien: whole, so_dang_vien_hoc_tap: whole - (i % 3) },
    narrative: {
      ket_qua: 'Chi bộ đã tổ chức học tập, quán triệt đầy đủ nội dung kế hoạch cho đảng viên; xây dựng chương trình hành động cụ thể.',
      han_che: 'Một số đảng viên vắng mặt có lý do, đã học bù.',
    },
    submit: true,
    onBehalf: true,
  };
}

async function createPlans(db: Db, count: number, rootId: string, actor: Actor, log: Log): Promise<{ ids: string[]; publishes: { seconds: number; instances: number }[] }> {
  const ids: string[] = [];
  const publishes: { seconds: number; instances: number }[] = [];
  const published = BENCH_DATES.published;
  for (let k = 0; k < count; k++) {
    const taskDue = addDays('2025-04-10' as IsoDate, 9 * k);
    const reportDue = addDays(taskDue, 5);
    // Each plan asks one thing of every grassroots organisation and cell, about 340,000 instances at
    // national scale: the even plans a task to carry out, the odd ones a report to send.
    const draft = PlanDraftSchema.parse({
      unitId: rootId,
      number: `${k + 101}-KH/TW`,
      title: PLAN_TITLES[k % PLAN_TITLES.length],
      tasks: k % 2 === 0 ? [{
        text: 'Tổ chức học tập, quán triệt nội dung kế hoạch đến toàn thể cán bộ, đảng viên; xây dựng kế hoạch thực hiện của tổ chức đảng.',
        kind: 'task',
        due: { type: 'date', value: taskDue },
        dueText: `trước ngày ${taskDue.split('-').reverse().join('/')}`,
        audience: { scope: 'grassroots' },
      }] : [],
      obligations: k % 2 === 1 ? [{
        title: 'Báo cáo kết quả học tập, quán triệt và triển khai thực hiện',
        fromText: 'Các chi bộ, đảng bộ cơ sở',
        toText: 'Ban Chấp hành Trung ương',
        due: [{ type: 'date', value: reportDue }],
        form: REPORT_FORM,
        audience: { scope: 'grassroots' },
      }] : [],
    });
    const { id } = await db.transaction((tx) => createPlan(draft, { actor, tx, now: published }));
    const t0 = performance.now();
    const { instances } = await db.transaction((tx) => publishPlan({ planId: id }, { actor, tx, now: published }));
    const seconds = (performance.now() - t0) / 1000;
    log(`  plan ${k + 1}/${count} published: ${instances.toLocaleString('en')} instances in ${seconds.toFixed(2)} s`);
    ids.push(id);
    publishes.push({ seconds, instances });
  }
  return { ids, publishes };
}

/**
 * Reports and task progress for every plan, set-based: a hash of (seed, plan, unit) in [0, 1000)
 * decides each instance. Reports: < 80 two versions (the first returned), < 400 accepted,
 * < 800 submitted, < 850 a draft, the rest nothing yet; one in seven submitted late. Tasks: 75%
 * done, one in six late. Dates stay between publication and the day before "today". The
 * secondary indexes of the instance tables are rebuilt afterwards; then the counters of every
 * plan are rebuilt by the plans module's own rebuildCounters.
 */
async function submitReports(db: Db, seed: number, planIds: readonly string[], log: Log): Promise<number> {
  const published = '2025-03-03';
  const lastDay = '2025-06-15';
  const plans = sql.raw(`(VALUES ${planIds.map((id, k) => `('${id}'::uuid, ${k})`).join(', ')}) AS pk(plan_id, k)`);
  let submissions = 0;
  await withoutIndexes(db, ['obligation_instance', 'task_instance', 'submission'], () => bulk(db, async (tx) => {
    await tx.execute(sql`
      CREATE TEMP TABLE bench_pick AS
      SELECT oi.id, x.h,
             least(greatest(CASE WHEN x.h % 7 = 0 THEN oi.due_date + 1 + x.h % 12 ELSE oi.due_date - x.h % 25 END, ${published}::date), ${lastDay}::date) AS first_on
      FROM obligation_instance oi JOIN ${plans} ON pk.plan_id = oi.plan_id
      CROSS JOIN LATERAL (SELECT (('x' || substr(md5(${`${seed}:r:`}::text || pk.k::text || ':' || oi.unit_id::text), 1, 7))::bit(28)::int % 1000) AS h) x
      WHERE x.h < 850`);
    const figures = sql`jsonb_build_object('tong_so_dang_vien', 12 + p.h % 19, 'so_dang_vien_hoc_tap', 12 + p.h % 19 - p.h % 3)`;
    const narrative = sql`jsonb_build_object('ket_qua', 'Chi bộ đã tổ chức học tập, quán triệt đầy đủ nội dung kế hoạch cho đảng viên.', 'han_che', 'Không có.')`;
    const v1 = await tx.execute<{ n: number }>(sql`
      WITH ins AS (
        INSERT INTO submission (obligation_instance_id, version, status, figures, narrative, created_at, updated_at, submitted_at, review_comment, reviewed_at)
        SELECT p.id, 1,
               CASE WHEN p.h < 80 THEN 'returned' WHEN p.h < 400 THEN 'accepted' WHEN p.h < 800 THEN 'submitted' ELSE 'draft' END,
               ${figures}, ${narrative}, p.first_on::timestamptz, p.first_on::timestamptz,
               CASE WHEN p.h < 800 THEN p.first_on::timestamptz END,
               CASE WHEN p.h < 80 THEN 'Đề nghị bổ sung số liệu đảng viên được học tập.' END,
               CASE WHEN p.h < 400 THEN p.first_on::timestamptz + interval '1 day' END
        FROM bench_pick p
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`);
    const second = sql`least(p.first_on + 3, ${lastDay}::date)::timestamptz`;
    const v2 = await tx.execute<{ n: number }>(sql`
      WITH ins AS (
        INSERT INTO submission (obligation_instance_id, version, status, figures, narrative, created_at, updated_at, submitted_at, reviewed_at)
        SELECT p.id, 2, CASE WHEN p.h < 40 THEN 'accepted' ELSE 'submitted' END, ${figures}, ${narrative},
               ${second}, ${second}, ${second}, CASE WHEN p.h < 40 THEN ${second} END
        FROM bench_pick p WHERE p.h < 80
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`);
    submissions = v1.rows[0]!.n + v2.rows[0]!.n;
    await tx.execute(sql`
      UPDATE obligation_instance oi SET
        status = CASE WHEN p.h < 40 THEN 'accepted' WHEN p.h < 80 THEN 'submitted' WHEN p.h < 400 THEN 'accepted' WHEN p.h < 800 THEN 'submitted' ELSE 'draft' END,
        current_version = CASE WHEN p.h < 80 THEN 2 ELSE 1 END,
        first_submitted_on = CASE WHEN p.h < 800 THEN p.first_on END,
        updated_at = p.first_on::timestamptz
      FROM bench_pick p WHERE oi.id = p.id`);
    await tx.execute(sql`DROP TABLE bench_pick`);
    await tx.execute(sql`
      UPDATE task_instance ti SET status = 'done',
        done_on = least(greatest(CASE WHEN x.h % 6 = 0 THEN ti.due_date + 1 + x.h % 15 ELSE ti.due_date - x.h % 30 END, ${published}::date), ${lastDay}::date),
        progress_note = 'Đã tổ chức học tập, quán triệt cho toàn thể đảng viên.'
      FROM (SELECT t.id, (('x' || substr(md5(${`${seed}:t:`}::text || pk.k::text || ':' || t.unit_id::text), 1, 7))::bit(28)::int % 1000) AS h
            FROM task_instance t JOIN ${plans} ON pk.plan_id = t.plan_id) x
      WHERE ti.id = x.id AND x.h < 750`);
  }), log);
  for (const planId of planIds) await db.transaction((tx) => rebuildCounters(tx, planId));
  return submissions;
}

async function createUsers(db: Db, scale: Scale, ids: { rootId: string; provinceIds: string[]; grassrootsId: string }, clients: number): Promise<GeneratedUsers> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const make = async (username: string, superuser: boolean, grants: { unitId: string; role: string }[]) => {
    const r = await db.execute<{ id: string }>(sql`
      INSERT INTO app_user (username, password_hash, superuser) VALUES (${username}, ${hash}, ${superuser}) RETURNING id`);
    const id = r.rows[0]!.id;
    for (const g of grants) await db.execute(sql`INSERT INTO user_grant (user_id, unit_id, role) VALUES (${id}, ${g.unitId}, ${g.role})`);
    const token = await createSession(db, id, BENCH_DATES.today, 30);
    return { id, cookie: `tk_session=${token}` };
  };
  const admin = await make('admin', true, []);
  const root = await make('vp.trunguong', false, [{ unitId: ids.rootId, role: 'staff' }]);
  const province = await make('btg.tinh', false, [{ unitId: ids.provinceIds[0]!, role: 'staff' }]);
  const grassroots = await make('bithu.coso', false, [{ unitId: ids.grassrootsId, role: 'secretary' }]);
  const loadClients: { cookie: string; provinceId: string }[] = [];
  for (let k = 0; k < clients; k++) {
    const provinceId = ids.provinceIds[k % scale.provinces]!;
    const u = await make(`vp.tinh.${String(k + 1).padStart(2, '0')}`, false, [{ unitId: provinceId, role: 'staff' }]);
    loadClients.push({ cookie: u.cookie, provinceId });
  }
  return { adminId: admin.id, cookies: { admin: admin.cookie, root: root.cookie, province: province.cookie, grassroots: grassroots.cookie }, loadClients };
}

/**
 * Builds the whole data set on a migrated, empty database. `clients` is the number of load
 * clients to create accounts for. Logs each step with its time.
 */
export async function generate(
  database: Database,
  scale: Scale,
  opts: { seed: number; clients: number; members: boolean; plans: number },
  log: Log,
): Promise<Generated> {
  const { seed, clients } = opts;
  const db = database.db;
  const rng = new Rng(`trienkhai-bench:${seed}`);
  const salt = rng.int(1, 2 ** 30);
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    steps[name] = (performance.now() - t0) / 1000;
    log(`${name}: ${steps[name]!.toFixed(1)} s`);
    return out;
  };

  const tree = planTree(scale, rng);
  const count = (i: number) => tree.levels[i]!.length;
  log(`tree: ${count(1)} provinces, ${count(2).toLocaleString('en')} bodies, ${count(3).toLocaleString('en')} grassroots organisations, ${count(4).toLocaleString('en')} cells`);
  await step('units', () => withoutIndexes(db, ['unit', 'unit_revision', 'unit_event'], () => bulk(db, (tx) => insertTree(tx, seed, tree)), log));
  const members = !opts.members ? 0 : await step('members', async () => {
    await createNamePool(db, rng, POOL_SIZE);
    let n = 0;
    await withoutIndexes(db, ['person', 'membership'], async () => {
      n = await insertMembers(db, seed, salt, tree, log);
    }, log);
    await db.execute(sql`DROP TABLE bench_name_pool`);
    return n;
  });

  const rootId = benchUuid(seed, `u:${tree.levels[0]![0]!.ord}`);
  const provinceIds = tree.levels[1]!.map((u) => benchUuid(seed, `u:${u.ord}`));
  const grassrootsId = benchUuid(seed, `u:${tree.sampleGrassroots}`);
  const users = await step('users', () => createUsers(db, scale, { rootId, provinceIds, grassrootsId }, clients));
  await step('analyze', () => db.execute(sql`ANALYZE`));
  const actor: Actor = { userId: users.adminId, username: 'admin', superuser: true, grants: [] };
  const plans = await step('plans', () => createPlans(db, opts.plans, rootId, actor, log));
  const submissions = await step('reports', () => submitReports(db, seed, plans.ids, log));
  await step('vacuum', async () => {
    await db.execute(sql`VACUUM task_instance, obligation_instance, submission, progress_counter`);
    await db.execute(sql`ANALYZE`);
  });
  return {
    counts: {
      units: tree.levels.reduce((s, l) => s + l.length, 0), provinces: count(1), bodies: count(2), grassroots: count(3), cells: count(4),
      members, instances: plans.publishes.reduce((s, p) => s + p.instances, 0), submissions,
    },
    rootId, provinceId: provinceIds[0]!, grassrootsId, planIds: plans.ids, publishes: plans.publishes, users, steps,
  };
}

/**
 * Publishes one more plan, with one task for every grassroots organisation and cell, through the
 * real services, and times the publication (the plan is created first, untimed).
 */
export async function timePublish(database: Database, g: Generated): Promise<{ seconds: number; instances: number }> {
  const actor: Actor = { userId: g.users.adminId, username: 'admin', superuser: true, grants: [] };
  const now = BENCH_DATES.published;
  const draft = PlanDraftSchema.parse({
    unitId: g.rootId,
    number: '200-KH/TW',
    title: 'Tổ chức lấy ý kiến đóng góp vào dự thảo các văn kiện trình Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    tasks: [{
      text: 'Tổ chức hội nghị lấy ý kiến đảng viên vào dự thảo các văn kiện; tổng hợp ý kiến gửi cấp trên.',
      kind: 'task',
      due: { type: 'date', value: '2025-05-31' },
      audience: { scope: 'grassroots' },
    }],
  });
  const { id } = await database.db.transaction((tx) => createPlan(draft, { actor, tx, now }));
  const t0 = performance.now();
  const { instances } = await database.db.transaction((tx) => publishPlan({ planId: id }, { actor, tx, now }));
  return { seconds: (performance.now() - t0) / 1000, instances };
}
