/**
 * From the document to the plan, names stay names: a plan drafted from 48-KH/ĐUK under a tree like
 * the demo's gets the units its names stand for proposed (the Khối's own departments, the Khối
 * itself for its standing committee, the Tỉnh ủy above it), never a unit outside the Khối's
 * subtree and chain; the Khối's own reports to the Tỉnh ủy are its own obligations, not its
 * audience's, and each report is there once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentImportResult } from '#shared/documents.ts';
import type { PlanUnitProposals, PlanView } from '#shared/plans.ts';
import { buildTree, buildUnit, PASSWORD } from '../support/factories.ts';
import { multipartUpload } from '../support/multipart.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const SEEDS = join(import.meta.dirname, '../fixtures/extraction/seeds');
const SEED_001 = readdirSync(SEEDS).find((f) => f.startsWith('001_'))!;

/** A plan of the Khối whose tasks name its departments as the documents write them. */
const KH_DEPARTMENTS = `ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH

Số 50-KH/ĐUK

Tuyên Quang, ngày 10 tháng 03 năm 2022

KẾ HOẠCH

Tuyên truyền kỷ niệm ngày thành lập Đảng

II- TỔ CHỨC THỰC HIỆN

1- Các ban, Văn phòng Đảng ủy Khối

- Ban Tuyên giáo Đảng ủy Khối: Hướng dẫn đội ngũ báo cáo viên, hoàn thành trong quý II/2022.

- Ban Tổ chức ĐUK: Tổng hợp danh sách đảng viên được học tập, hoàn thành trong tháng 5/2022.

- Ban Tuyên giáo Tỉnh ủy: Cung cấp tài liệu, hoàn thành trong tháng 4/2022.

Nơi nhận:
- Các chi bộ,
- Lưu Văn phòng ĐUK.
`;

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
  const db = t.database.db;
  // The Khối's departments, as the demo names them (in full) and one named bare; the Tỉnh ủy's own
  // department and another Khối with a department of the same name, outside the Khối's subtree.
  units.btg = await buildUnit(db, { parentId: tree.units.bloc, kind: 'department', name: 'Ban Tuyên giáo Đảng ủy Khối' });
  units.btc = await buildUnit(db, { parentId: tree.units.bloc, kind: 'department', name: 'Ban Tổ chức' });
  units.vp = await buildUnit(db, { parentId: tree.units.bloc, kind: 'department', name: 'Văn phòng Đảng ủy Khối' });
  units.provinceBtg = await buildUnit(db, { parentId: tree.units.province, kind: 'department', name: 'Ban Tuyên giáo Tỉnh ủy' });
  units.otherBloc = await buildUnit(db, { parentId: tree.units.province, kind: 'bloc_committee', name: 'Đảng ủy Khối doanh nghiệp tỉnh' });
  units.otherBtg = await buildUnit(db, { parentId: units.otherBloc, kind: 'department', name: 'Ban Tuyên giáo Đảng ủy Khối' });
  for (const u of ['staff', 'sec1', 'viewer']) cookies[u] = await t.login(u, PASSWORD);
});
afterAll(() => t.close());

async function planFrom(fileName: string, bytes: Buffer): Promise<string> {
  const res = await t.request(cookies.staff!, { method: 'POST', url: '/api/documents/import', ...multipartUpload(fileName, 'text/plain', bytes, { unitId: tree.units.bloc }) });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  const doc = res.json() as DocumentImportResult;
  const plan = await t.request(cookies.staff!, { method: 'POST', url: `/api/plans/from-document/${doc.documentId}` });
  expect(plan.statusCode, plan.body.slice(0, 300)).toBe(201);
  return (plan.json() as { id: string }).id;
}
async function proposals(planId: string, user = 'staff'): Promise<PlanUnitProposals> {
  const res = await t.request(cookies[user]!, { method: 'GET', url: `/api/plans/${planId}/unit-proposals` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as PlanUnitProposals;
}
const byText = (p: PlanUnitProposals, text: string) => p.names.find((n) => n.text === text)!;

describe('a plan drafted from 48-KH/ĐUK', () => {
  let planId: string;
  let plan: PlanView;
  let extractionReports: number;
  beforeAll(async () => {
    const bytes = readFileSync(join(SEEDS, SEED_001));
    planId = await planFrom(SEED_001, bytes);
    plan = (await t.request(cookies.staff!, { method: 'GET', url: `/api/plans/${planId}` })).json() as PlanView;
    const r = await t.database.db.execute<{ n: number }>(sql`SELECT jsonb_array_length(structure->'reports')::int AS n FROM document WHERE id = ${planId}`);
    extractionReports = r.rows[0]!.n;
  });

  it('proposes the Khối\'s department for "Ban Tuyên giáo Đảng ủy Khối", the Khối for its standing committee, the Tỉnh ủy above it', async () => {
    const p = await proposals(planId);
    expect(byText(p, 'Ban Tuyên giáo Đảng ủy Khối')).toMatchObject({ selected: [{ id: units.btg, name: 'Ban Tuyên giáo Đảng ủy Khối' }], exact: true });
    expect(byText(p, 'Ban Thường vụ Đảng ủy Khối').selected).toEqual([{ id: tree.units.bloc, name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh' }]);
    expect(byText(p, 'Ban Thường vụ Tỉnh ủy')).toMatchObject({ selected: [{ id: tree.units.province }], matches: [expect.objectContaining({ id: tree.units.province, relation: 'above' })] });
    // Another committee's department is neither the Khối's nor proposed from outside the Khối's subtree.
    expect(byText(p, 'Ban Tuyên giáo Tỉnh ủy').selected).toEqual([]);
    const outside = [units.provinceBtg, units.otherBloc, units.otherBtg];
    for (const n of p.names) for (const m of n.matches) expect(outside).not.toContain(m.id);
    expect(byText(p, 'Cấp ủy chi, đảng bộ cơ sở').selected).toEqual([]);
  });

  it('makes the Khối\'s reports to the Tỉnh ủy its own and the others its audience\'s, each once', () => {
    const own = plan.obligations.filter((o) => o.audience.scope === 'self');
    expect(own.map((o) => [o.toText, o.viaText])).toEqual([['Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy'], ['Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy']]);
    expect(own[0]!.title).toMatch(/^Báo cáo kết quả triển khai nghiên cứu, học tập, quán triệt/u);
    for (const o of plan.obligations.filter((x) => x.audience.scope !== 'self')) expect(`${o.toText} ${o.viaText}`).not.toMatch(/Tỉnh ủy/u);
    expect(plan.obligations.find((o) => o.fromText === 'Ban Tuyên giáo Đảng ủy Khối')!.audience).toEqual({ scope: 'units', unitIds: [units.btg] });
    expect(plan.obligations.length).toBeLessThan(extractionReports);
    const keys = plan.obligations.map((o) => JSON.stringify([o.audience, o.toText, o.viaText, o.due]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.obligations.some((o) => o.title.startsWith('Báo cáo gửi Ban Thường vụ Đảng ủy Khối'))).toBe(false);
  });

  it('on publishing, the Khối owes its own reports (received by the Tỉnh ủy), and no unit below it owes them', async () => {
    const res = await t.request(cookies.staff!, { method: 'POST', url: `/api/plans/${planId}/publish` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const own = plan.obligations.filter((o) => o.audience.scope === 'self').map((o) => o.id);
    const r = await t.database.db.execute<{ unit: string; receiver: string | null }>(sql`
      SELECT DISTINCT unit_id AS unit, receiver_unit_id AS receiver FROM obligation_instance WHERE obligation_id = ANY(${`{${own.join(',')}}`}::uuid[])`);
    expect(r.rows).toEqual([{ unit: tree.units.bloc, receiver: tree.units.province }]);
    const others = plan.obligations.filter((o) => o.audience.scope === 'grassroots').map((o) => o.id);
    const below = await t.database.db.execute<{ unit: string }>(sql`
      SELECT DISTINCT unit_id AS unit FROM obligation_instance WHERE obligation_id = ANY(${`{${others.join(',')}}`}::uuid[]) ORDER BY unit_id`);
    expect(below.rows.map((x) => x.unit)).not.toContain(tree.units.bloc);
    expect(below.rows.length).toBeGreaterThan(0);
  });
});

describe('a plan whose tasks name the Khối\'s departments', () => {
  it('proposes each department for its lead, with abbreviations, and none for the Tỉnh ủy\'s', async () => {
    const planId = await planFrom('kh-50.txt', Buffer.from(KH_DEPARTMENTS));
    const plan = (await t.request(cookies.staff!, { method: 'GET', url: `/api/plans/${planId}` })).json() as PlanView;
    expect(plan.tasks.map((x) => x.leadText)).toEqual([['Ban Tuyên giáo Đảng ủy Khối'], ['Ban Tổ chức ĐUK'], ['Ban Tuyên giáo Tỉnh ủy']]);
    const p = await proposals(planId);
    expect(byText(p, 'Ban Tuyên giáo Đảng ủy Khối')).toMatchObject({ selected: [{ id: units.btg }], exact: true });
    expect(byText(p, 'Ban Tổ chức ĐUK')).toMatchObject({ selected: [{ id: units.btc, name: 'Ban Tổ chức' }], exact: true });
    expect(byText(p, 'Ban Tuyên giáo Tỉnh ủy')).toMatchObject({ selected: [], matches: [] });
  });
});

describe('who may ask for the proposals', () => {
  it('refuses a user who may not edit the plan, and one who may not see it', async () => {
    const planId = await planFrom('kh-50b.txt', Buffer.from(KH_DEPARTMENTS.replace('50-KH', '51-KH')));
    for (const user of ['sec1', 'viewer']) {
      const res = await t.request(cookies[user]!, { method: 'GET', url: `/api/plans/${planId}/unit-proposals` });
      expect([403, 404], `${user}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      expect(res.body).not.toContain(units.btg);
    }
    const unknown = await t.request(cookies.staff!, { method: 'GET', url: `/api/plans/00000000-0000-4000-8000-000000000000/unit-proposals` });
    expect(unknown.statusCode).toBe(404);
  });
});
