import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, TreePath } from '#core/access/scope.ts';
import type { Role } from '#core/access/roles.ts';
import type { IsoDate } from '#core/ids.ts';
import { MEMBER_CATEGORY_NAMES } from '#core/org-tree/kinds.ts';
import type { Database } from '#server/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#server/demo/accounts.ts';
import { loadDemo } from '#server/demo/load-demo.ts';
import { demoUnitId, planDemo } from '#server/demo/plan.ts';
import { KA } from '#server/demo/ky-anh.ts';
import { TQ } from '#server/demo/tuyen-quang.ts';
import { TV } from '#server/demo/tra-vinh.ts';
import { HCM } from '#server/demo/ho-chi-minh.ts';
import { verifyPassword } from '#server/services/auth/passwords.ts';
import { findChildren, findRoots } from '#server/services/units/read-units.ts';
import type { UnitSummary } from '#shared/units.ts';
import { freshDatabase } from '../support/test-db.ts';
import { allRecords } from '../support/round-records.ts';

const SYSTEM: Actor = { userId: '00000000-0000-0000-0000-000000000000', username: 'test', superuser: true, grants: [] };
const SEED_DAY = '2022-03-11' as IsoDate;

let database: Database;
let loadMs = 0;
beforeAll(async () => {
  database = await freshDatabase();
  const started = performance.now();
  await loadDemo(database.db, new Date('2026-01-01T00:00:00Z'));
  loadMs = performance.now() - started;
});
afterAll(() => database.close());

const children = (ref: string, on: IsoDate | null) => findChildren(database.db, SYSTEM, demoUnitId(ref), on);

describe('the demo organisation', () => {
  it('is the same plan every time', () => {
    const a = planDemo();
    const b = planDemo();
    expect(b.units).toEqual(a.units);
    expect(b.people).toEqual(a.people);
    expect(b.steps).toEqual(a.steps);
    expect(a.people.length).toBeGreaterThan(2000);
  });

  it('loads in one transaction in a few seconds', () => {
    // Printed, not asserted as a time: the machine may be busy.
    process.stdout.write(`demo load: ${Math.round(loadMs)} ms\n`);
    expect(loadMs).toBeGreaterThan(0);
  });

  it('shows the Đảng ủy Khối of Tuyên Quang in 2022 with its 4 departments and 18 grassroots', async () => {
    const units = await children(TQ.duk, SEED_DAY);
    const grassroots = units.filter((u) => u.kind === 'grassroots' || u.kind === 'grassroots_cell');
    expect(grassroots).toHaveLength(18);
    expect(grassroots.map((u) => u.name)).toEqual(expect.arrayContaining(['Đảng bộ Sở Tài chính', 'Đảng bộ Sở Giáo dục và Đào tạo', 'Đảng bộ Công ty Điện lực Tuyên Quang', 'Chi bộ Sở Tư pháp']));
    const departments = units.filter((u) => u.kind === 'department').map((u) => u.name);
    expect(departments).toHaveLength(4);
    expect(departments).toEqual(expect.arrayContaining(['Ban Tuyên giáo Đảng ủy Khối', 'Ban Tổ chức Đảng ủy Khối', 'Ủy ban Kiểm tra Đảng ủy Khối', 'Văn phòng Đảng ủy Khối']));
    expect(units.filter((u) => u.kind === 'mass_org' || u.kind === 'youth_bloc')).toHaveLength(3);
    const taiChinh = await children(TQ.taiChinh, SEED_DAY);
    expect(taiChinh.filter((u) => u.kind === 'cell').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the Đảng ủy Khối of Tuyên Quang active today, with the Sở Kế hoạch và Đầu tư merged into the Sở Tài chính', async () => {
    const grassrootsOf = (units: UnitSummary[]) => units.filter((u) => u.kind === 'grassroots' || u.kind === 'grassroots_cell');
    // The Khối stands in today's tree of the Tỉnh ủy, as in 2022, and no 2025 committee replaced it.
    for (const on of [SEED_DAY, null]) {
      const tinhUy = await children(TQ.tinhUy, on);
      expect(tinhUy.filter((u) => u.kind === 'bloc_committee').map((u) => u.name)).toEqual(['Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh']);
      expect(tinhUy.map((u) => u.id)).toContain(demoUnitId(TQ.duk));
    }
    const today = await children(TQ.duk, null);
    const departments = today.filter((u) => u.kind === 'department').map((u) => u.name);
    expect(departments).toHaveLength(4);
    expect(departments).toEqual(expect.arrayContaining(['Ban Tuyên giáo Đảng ủy Khối', 'Ban Tổ chức Đảng ủy Khối', 'Ủy ban Kiểm tra Đảng ủy Khối', 'Văn phòng Đảng ủy Khối']));
    expect(today.filter((u) => u.kind === 'mass_org' || u.kind === 'youth_bloc')).toHaveLength(3);
    const grassroots = grassrootsOf(today);
    expect(grassroots).toHaveLength(17);
    expect(grassroots.map((u) => u.name)).toEqual(expect.arrayContaining(['Đảng bộ Sở Tài chính', 'Đảng bộ Cơ quan Tỉnh ủy', 'Đảng bộ Công ty Điện lực Tuyên Quang', 'Chi bộ Sở Tư pháp']));
    expect(grassroots.map((u) => u.name)).not.toContain('Đảng bộ Sở Kế hoạch và Đầu tư');
    expect(grassroots.every((u) => u.validTo === null)).toBe(true);
    // On the day of the seed plans the Khối still had its 18 grassroots.
    const then = grassrootsOf(await children(TQ.duk, SEED_DAY)).map((u) => u.name);
    expect(then).toHaveLength(18);
    expect(then).toEqual(expect.arrayContaining(['Đảng bộ Sở Tài chính', 'Đảng bộ Sở Kế hoạch và Đầu tư']));
    // The cells of the Sở Kế hoạch và Đầu tư passed to the Sở Tài chính on 01/3/2025.
    const taiChinhThen = (await children(TQ.taiChinh, SEED_DAY)).filter((u) => u.kind === 'cell').map((u) => u.name);
    const keHoachThen = (await children(TQ.keHoach, SEED_DAY)).filter((u) => u.kind === 'cell').map((u) => u.name);
    expect(keHoachThen).toContain('Chi bộ Phòng Đăng ký kinh doanh');
    expect(taiChinhThen).not.toContain('Chi bộ Phòng Đăng ký kinh doanh');
    const taiChinhToday = (await children(TQ.taiChinh, null)).filter((u) => u.kind === 'cell').map((u) => u.name);
    expect(taiChinhToday).toHaveLength(taiChinhThen.length + keHoachThen.length);
    expect(taiChinhToday).toEqual(expect.arrayContaining([...taiChinhThen, ...keHoachThen]));
    const merged = await database.db.execute<{ valid_to: string | null; merged_into: string | null }>(sql`
      SELECT valid_to::text, merged_into FROM unit WHERE id = ${demoUnitId(TQ.keHoach)}`);
    expect(merged.rows).toEqual([{ valid_to: '2025-03-01', merged_into: demoUnitId(TQ.taiChinh) }]);
  });

  it('puts Thị ủy Kỳ Anh under Tỉnh ủy Hà Tĩnh in 2022, and its communes directly under it today', async () => {
    const before = await children(KA.tinhUy, SEED_DAY);
    expect(before.map((u) => u.id)).toContain(demoUnitId(KA.thiUy));
    expect(before.map((u) => u.name)).not.toContain('Đảng ủy xã Kỳ Hoa');
    const today = await children(KA.tinhUy, null);
    expect(today.map((u) => u.id)).not.toContain(demoUnitId(KA.thiUy));
    expect(today.map((u) => u.name)).toEqual(expect.arrayContaining(['Đảng ủy xã Kỳ Hoa', 'Đảng ủy phường Hưng Trí', 'Đảng ủy phường Hải Ninh']));
    expect(today.map((u) => u.name)).not.toContain('Đảng ủy xã Kỳ Hà');
    const haiNinh = (await children(KA.haiNinh, null)).map((u) => u.name);
    expect(haiNinh).toEqual(expect.arrayContaining(['Chi bộ thôn Hải Hà', 'Chi bộ thôn Ninh Hải', 'Ban Xây dựng Đảng Đảng ủy phường Hải Ninh']));
    expect(haiNinh).not.toContain('Ban Tuyên giáo Đảng ủy xã Kỳ Hà');
  });

  it('keeps the Trà Vinh Khối and the youth tree unchanged', async () => {
    for (const ref of [TV.duk, HCM.doanKhoi, HCM.duk]) {
      const then = (await children(ref, SEED_DAY)).map((u) => u.id);
      const now = (await children(ref, null)).map((u) => u.id);
      expect(now).toEqual(then);
      expect(now.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('keeps paths, provinces, revisions and events consistent after the restructuring', async () => {
    const r = await database.db.execute<{ id: string; name: string }>(sql`
      SELECT c.id, c.name FROM unit c LEFT JOIN unit p ON p.id = c.parent_id
      WHERE c.province_id IS DISTINCT FROM (SELECT a.id FROM unit a WHERE a.path = subpath(c.path, 0, 1))
         OR (c.merged_into IS NULL AND p.id IS NOT NULL AND NOT (c.path <@ p.path AND nlevel(c.path) = nlevel(p.path) + 1))
         OR (SELECT count(*) FROM unit_revision v WHERE v.unit_id = c.id AND v.valid_to IS NULL) <> (CASE WHEN c.valid_to IS NULL THEN 1 ELSE 0 END)
         OR NOT EXISTS (SELECT 1 FROM unit_event e WHERE e.kind = 'create' AND c.id = ANY(e.units_after) AND e.occurred_on = c.valid_from)`);
    expect(r.rows).toEqual([]);
  });

  it('has people of every member category, with filled fields', async () => {
    const r = await database.db.execute<{ category: string; n: number }>(sql`
      SELECT category, count(*)::int AS n FROM membership WHERE valid_to IS NULL GROUP BY category`);
    const categories = new Map(r.rows.map((x) => [x.category, x.n]));
    for (const c of MEMBER_CATEGORY_NAMES) expect(categories.get(c), c).toBeGreaterThan(0);
    expect(categories.get('party_full')!).toBeGreaterThan(categories.get('party_probationary')!);
    const people = await database.db.execute<{ n: number; cards: number; missing: number; unfolded: number }>(sql`
      SELECT count(*)::int AS n, count(party_card_no)::int AS cards,
             count(*) FILTER (WHERE gender NOT IN ('nam', 'nu') OR birth_date IS NULL OR sort_key = '')::int AS missing,
             count(*) FILTER (WHERE name_folded <> lower(name_folded) OR name_folded ~ '[^a-z ]')::int AS unfolded
      FROM person`);
    const p = people.rows[0]!;
    expect(p.n).toBeGreaterThan(2000);
    expect(p.missing).toBe(0);
    expect(p.unfolded).toBe(0);
    const party = await database.db.execute<{ without: number; short: number }>(sql`
      SELECT count(*) FILTER (WHERE p.party_card_no IS NULL OR p.joined_party_on IS NULL)::int AS without,
             count(*) FILTER (WHERE length(p.party_card_no) < 8)::int AS short
      FROM membership m JOIN person p ON p.id = m.person_id WHERE m.category IN ('party_full', 'party_probationary')`);
    expect(party.rows[0]).toEqual({ without: 0, short: 0 });
  });

  it('gives every active party unit a secretary, and has rapporteurs', async () => {
    const r = await database.db.execute<{ name: string }>(sql`
      SELECT u.name FROM unit u
      WHERE u.valid_to IS NULL
        AND u.kind IN ('province_committee', 'district_committee', 'bloc_committee', 'grassroots', 'grassroots_cell', 'sub_grassroots', 'cell')
        AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.unit_id = u.id AND m.valid_to IS NULL AND 'secretary' = ANY(m.positions))`);
    expect(r.rows).toEqual([]);
    const doubles = await database.db.execute<{ name: string }>(sql`
      SELECT u.name FROM unit u JOIN membership m ON m.unit_id = u.id AND m.valid_to IS NULL AND 'secretary' = ANY(m.positions)
      GROUP BY u.id, u.name HAVING count(*) > 1`);
    expect(doubles.rows).toEqual([]);
    const rapporteurs = await database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM membership m WHERE m.unit_id = ${demoUnitId(TQ.duk)} AND m.valid_to IS NULL AND 'rapporteur' = ANY(m.positions)`);
    expect(rapporteurs.rows[0]!.n).toBeGreaterThan(0);
  });

  it('creates the demo accounts with their grants and the demo password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const r = await database.db.execute<{ password_hash: string; person_id: string | null; unit_id: string; role: string; superuser: boolean }>(sql`
        SELECT au.password_hash, au.person_id, g.unit_id, g.role, au.superuser
        FROM app_user au JOIN user_grant g ON g.user_id = au.id AND g.revoked_at IS NULL WHERE au.username = ${account.username}`);
      expect(r.rows, account.username).toHaveLength(1);
      const row = r.rows[0]!;
      expect(row.unit_id).toBe(demoUnitId(account.unit));
      expect(row.role).toBe(account.role);
      expect(row.superuser).toBe(false);
      expect(row.person_id === null).toBe(account.person === null);
      expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(row.password_hash, 'sai-mat-khau')).toBe(false);
    }
    const secretary = await database.db.execute<{ positions: string[] }>(sql`
      SELECT m.positions FROM app_user au JOIN membership m ON m.person_id = au.person_id AND m.valid_to IS NULL
      WHERE au.username = 'bithu.chibo'`);
    expect(secretary.rows[0]!.positions).toContain('secretary');
  });

  it('lets btg.duk and ubkt.duk act today for an active Khối with its grassroots and cells', async () => {
    const actorOf = async (username: string): Promise<Actor> => {
      const r = await database.db.execute<{ id: string; unit_id: string; unit_path: string; role: Role }>(sql`
        SELECT au.id, g.unit_id, u.path::text AS unit_path, g.role
        FROM app_user au JOIN user_grant g ON g.user_id = au.id AND g.revoked_at IS NULL JOIN unit u ON u.id = g.unit_id
        WHERE au.username = ${username}`);
      return { userId: r.rows[0]!.id, username, superuser: false, grants: r.rows.map((g) => ({ unitId: g.unit_id, unitPath: g.unit_path as TreePath, role: g.role })) };
    };
    for (const username of ['btg.duk', 'ubkt.duk']) {
      const actor = await actorOf(username);
      expect(actor.grants.map((g) => g.unitId)).toEqual([demoUnitId(TQ.duk)]);
      const roots = await findRoots(database.db, actor);
      expect(roots.map((u) => [u.name, u.validTo])).toEqual([['Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', null]]);
      const grassroots = (await findChildren(database.db, actor, demoUnitId(TQ.duk), null)).filter((u) => u.kind === 'grassroots' || u.kind === 'grassroots_cell');
      expect(grassroots, username).toHaveLength(17);
      expect(grassroots.every((u) => u.validTo === null)).toBe(true);
      const cells = await findChildren(database.db, actor, demoUnitId(TQ.taiChinh), null);
      expect(cells.map((u) => u.id)).toContain(demoUnitId(TQ.taiChinhVanPhong));
    }
    // The cell of bithu.chibo is in the Khối's current subtree.
    const cell = await database.db.execute<{ inside: boolean }>(sql`
      SELECT c.valid_to IS NULL AND c.path <@ k.path AS inside FROM unit c, unit k
      WHERE c.id = ${demoUnitId(TQ.taiChinhVanPhong)} AND k.id = ${demoUnitId(TQ.duk)}`);
    expect(cell.rows).toEqual([{ inside: true }]);
  });
});

describe('the round of personal plans at Kỳ Hoa (seed 003)', () => {
  it('is in progress a week past its deadline: some submitted (some late), some confirmed, one cell sent up, many due', async () => {
    const rounds = await database.db.execute<{ id: string; submitBy: string; title: string }>(sql`
      SELECT r.id, r.submit_by::text AS "submitBy", r.title FROM round r WHERE r.unit_id = ${demoUnitId(KA.kyHoa)}`);
    expect(rounds.rows.map((r) => [r.title, r.submitBy])).toEqual([['Đăng ký kế hoạch cá nhân thực hiện Chủ đề năm 2025', '2025-12-25']]);
    const round = rounds.rows[0]!.id;
    const states = await database.db.execute<{ state: string; late: boolean; n: number }>(sql`
      SELECT state, late, count(*)::int AS n FROM (${allRecords('personal_plan', round)}) x GROUP BY state, late`);
    const count = (f: (x: { state: string; late: boolean }) => boolean) => states.rows.filter(f).reduce((a, x) => a + x.n, 0);
    expect(count((x) => x.state === 'pending')).toBeGreaterThan(20);
    expect(count((x) => x.state === 'submitted')).toBeGreaterThan(5);
    expect(count((x) => x.state === 'confirmed')).toBeGreaterThan(10);
    expect(count((x) => x.state === 'returned')).toBeGreaterThan(0);
    expect(count((x) => x.late)).toBeGreaterThan(3);
    // Mẫu 04 in the village cells, Mẫu 02 in the schools; the demo member's plan is still to write.
    const forms = await database.db.execute<{ unit: string; form: string }>(sql`
      SELECT DISTINCT u.name AS unit, f.label AS form FROM (${allRecords('personal_plan', round)}) pp JOIN unit u ON u.id = pp.unit_id JOIN plan_form f ON f.id = pp.form_id
      WHERE u.kind = 'cell' ORDER BY 1, 2`);
    expect(forms.rows).toContainEqual({ unit: 'Chi bộ thôn Tân Hoa', form: 'Mẫu 04' });
    expect(forms.rows).toContainEqual({ unit: 'Chi bộ Trường Tiểu học Kỳ Hoa', form: 'Mẫu 02' });
    expect(forms.rows).not.toContainEqual({ unit: 'Chi bộ thôn Tân Hoa', form: 'Mẫu 02' });
    const mine = await database.db.execute<{ state: string; form: string }>(sql`
      SELECT pp.state, f.label AS form FROM (${allRecords('personal_plan', round)}) pp JOIN app_user a ON a.person_id = pp.person_id JOIN plan_form f ON f.id = pp.form_id
      WHERE a.username = 'dangvien.tieuhoc'`);
    expect(mine.rows).toEqual([{ state: 'pending', form: 'Mẫu 02' }]);
    const sent = await database.db.execute<{ name: string }>(sql`
      SELECT u.name FROM task_instance ti JOIN unit u ON u.id = ti.unit_id JOIN round r ON r.task_id = ti.task_id WHERE r.id = ${round} AND ti.status = 'done'`);
    expect(sent.rows).toEqual([{ name: 'Chi bộ thôn Tân Hoa' }]);
    // The commune's counters equal a recount of its records.
    const counted = await database.db.execute<{ must: number; confirmed: number }>(sql`
      SELECT sum(must)::int AS must, sum(confirmed)::int AS confirmed FROM round_counter WHERE round_id = ${round} AND unit_id = ${demoUnitId(KA.kyHoa)}`);
    const recounted = await database.db.execute<{ must: number; confirmed: number }>(sql`
      SELECT count(*)::int AS must, (count(*) FILTER (WHERE confirmed_on IS NOT NULL))::int AS confirmed FROM (${allRecords('personal_plan', round)}) x`);
    expect(counted.rows[0]).toEqual(recounted.rows[0]);
  });
});
