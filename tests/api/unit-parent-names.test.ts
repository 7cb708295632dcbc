/**
 * Lists that name units of several parents name each with its parent: two cells called "Chi bộ Văn
 * phòng" under two đảng bộ are told apart on the status page, in the reports awaiting the Khối, in
 * the overdue list, the audit log and in the Excel files.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitWithParent } from '#shared/units.ts';
import { buildPerson, buildTree, buildUnit, PASSWORD } from '../support/factories.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let plan: PlanFixture;
const cells = { finance: '', health: '' };
const FINANCE = 'Đảng bộ Sở Tài chính';
const HEALTH = 'Đảng bộ Sở Y tế';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  tree = await buildTree(db);
  const health = await buildUnit(db, { parentId: tree.units.bloc, kind: 'grassroots', name: HEALTH });
  cells.finance = await buildUnit(db, { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Văn phòng' });
  cells.health = await buildUnit(db, { parentId: health, kind: 'cell', name: 'Chi bộ Văn phòng' });
  await buildPerson(db, cells.finance, { fullName: 'Đinh Văn Khoa' });
  await buildPerson(db, cells.health, { fullName: 'Mai Thị Lan' });
  // Due on 10/03/2022, before the test clock's day: both cells are late.
  plan = await publishPlanFixture(db, {
    issuerId: tree.units.bloc,
    audience: [cells.finance, cells.health],
    periods: [{ key: '2022-03-10', label: '10/03/2022', due: '2022-03-10' }],
    task: { text: 'Tổ chức học tập' },
  });
  staff = await t.login('staff', PASSWORD);
});
afterAll(() => t.close());

const get = (url: string) => t.request(staff, { method: 'GET', url });
type Named = { unitName?: string; name?: string; parentName: string | null };
/** The "name — parent" of each row of a list, sorted. */
const labelled = (rows: Named[]) => rows.map((r) => unitWithParent(r.unitName ?? r.name ?? '', r.parentName)).sort();
const BOTH = ['Chi bộ Văn phòng — Đảng bộ Sở Tài chính', 'Chi bộ Văn phòng — Đảng bộ Sở Y tế'];

async function sheet(url: string): Promise<ExcelJS.Worksheet> {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const rowsOf = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as unknown[]).slice(1));

describe('units named with their parent', () => {
  it('names the parent in the shared label, and nothing more for a unit without one', () => {
    expect(unitWithParent('Chi bộ Văn phòng', FINANCE)).toBe('Chi bộ Văn phòng — Đảng bộ Sở Tài chính');
    expect(unitWithParent('Tỉnh ủy Tuyên Quang', null)).toBe('Tỉnh ủy Tuyên Quang');
  });

  it('on the status page of a report, each row of the subtree', async () => {
    const res = await get(`/api/obligations/${plan.obligationId}/status?unit=${tree.units.bloc}&reach=subtree`);
    expect(res.statusCode, res.body).toBe(200);
    expect(labelled(res.json().items)).toEqual(BOTH);
  });

  it('in the status page\'s Excel file, a "Trực thuộc" column beside the unit', async () => {
    const ws = await sheet(`/api/obligations/${plan.obligationId}/status.xlsx?unit=${tree.units.bloc}&reach=subtree`);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['STT', 'Đơn vị', 'Trực thuộc']);
    expect(rowsOf(ws).map((r) => `${String(r[1])} — ${String(r[2])}`).sort()).toEqual(BOTH);
  });

  it('in the reports the Khối receives and in the overdue list of the plan', async () => {
    const received = await get(`/api/units/${tree.units.bloc}/received-reports?state=late`);
    expect(received.statusCode, received.body).toBe(200);
    expect(labelled(received.json().items)).toEqual(BOTH);
    const overdue = await get(`/api/plans/${plan.planId}/overdue?unit=${tree.units.bloc}`);
    expect(overdue.statusCode, overdue.body).toBe(200);
    const items = overdue.json().items as (Named & { item: string })[];
    expect(labelled(items.filter((x) => x.item === 'report'))).toEqual(BOTH);
    expect(labelled(items.filter((x) => x.item === 'task'))).toEqual(BOTH);
  });

  it('in the member list of a subtree exported to Excel, the unit cell', async () => {
    const ws = await sheet(`/api/units/${tree.units.bloc}/members.xlsx?subtree=true`);
    expect((ws.getRow(1).values as unknown[])[2]).toBe('Đơn vị');
    const units = rowsOf(ws).map((r) => String(r[1]));
    expect(units.filter((u) => u.startsWith('Chi bộ Văn phòng —')).sort()).toEqual(BOTH);
    expect(units).toContain('Chi bộ Văn phòng Sở — Đảng bộ Sở Tài chính');
  });

  it('in the audit log, the unit of an entry', async () => {
    const res = await t.request(staff, { method: 'PATCH', url: `/api/units/${cells.health}`, payload: { code: 'VP-YT', on: '2022-03-15' } });
    expect(res.statusCode, res.body).toBe(204);
    const admin = await t.login('admin', PASSWORD);
    const log = await t.request(admin, { method: 'GET', url: '/api/audit?action=unit.update' });
    expect(log.json().items[0].unit).toEqual({ id: cells.health, name: 'Chi bộ Văn phòng', parentName: HEALTH });
  });
});
