import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitIdOfLabel } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import { mayContain } from '#core/org-tree/containment.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import { UNIT_KIND_NAMES, UNIT_KINDS } from '#core/org-tree/kinds.ts';
import { TREE_COLUMNS, treeHeader } from '#core/org-tree/tree-import-rows.ts';
import { WORK_STREAM_TYPE } from '#shared/common.ts';
import type { TreeImportRejected, TreeImportReport } from '#shared/tree-import.ts';
import { buildTree, buildUnit, PASSWORD } from '../support/factories.ts';
import { multipartUpload } from '../support/multipart.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<'admin' | 'staff' | 'sec1', string> = { admin: '', staff: '', sec1: '' };

beforeAll(async () => {
  t = await createTestApp(); // the clock stands on 2022-03-15 in Vietnam
  tree = await buildTree(t.database.db);
  for (const u of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[u] = await t.login(u, PASSWORD);
});
afterAll(() => t.close());

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = TREE_COLUMNS.map((c) => c.header);
const COL = { code: treeHeader('code'), name: treeHeader('name'), kind: treeHeader('kind'), parentCode: treeHeader('parentCode'), validFrom: treeHeader('validFrom') };

/** A row of a tree list: code, name, kind, parent code, founding date; the other cells empty. */
type Row = { code: string; name: string; kind: UnitKind; parent: string | null; from?: string; shortName?: string | null };
const cells = (r: Row) => [r.code, r.name, r.shortName ?? '', UNIT_KINDS[r.kind].vi, r.parent ?? '', '', '', '', r.from ?? '01/10/2020'];
const csvFile = (rows: Row[], name = 'cay.csv') => ({ name, type: 'text/csv', data: Buffer.from(Papa.unparse({ fields: HEADERS, data: rows.map(cells) }), 'utf8') });

function upload(cookie: string, unitId: string | null, mode: string, file: { name: string; type: string; data: Buffer }, query = '', headers: Record<string, string> = {}) {
  const { payload, headers: h } = multipartUpload(file.name, file.type, file.data);
  const url = unitId === null ? '/api/units/tree/import' : `/api/units/${unitId}/tree/import`;
  return t.request(cookie, { method: 'POST', url: `${url}?mode=${mode}${query}`, payload, headers: { ...h, ...headers } });
}

async function importOk(cookie: string, unitId: string | null, rows: Row[], mode = 'all', query = ''): Promise<TreeImportReport> {
  const res = await upload(cookie, unitId, mode, csvFile(rows), query);
  expect(res.statusCode, res.body).toBe(mode === 'all' ? 201 : 200);
  return res.json();
}

async function counts(): Promise<Record<string, number>> {
  const r = await t.database.db.execute<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM unit) AS unit, (SELECT count(*)::int FROM unit_revision) AS revision,
           (SELECT count(*)::int FROM unit_event) AS event, (SELECT count(*)::int FROM audit_log) AS audit`);
  return r.rows[0]!;
}

/** A fresh unit to import under, so that each test has a tree of its own. */
const freshScope = (kind: UnitKind = 'bloc_committee', parentId: string | null = tree.units.bloc) => buildUnit(t.database.db, { parentId, kind, name: `Khối ${Math.random().toString(36).slice(2, 7)}` });

let seq = 0;
/** Codes unique to one test: codes are unique in the installation. */
const prefix = () => `T${seq++}.`;

async function idOf(code: string): Promise<string> {
  const r = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM unit WHERE code = ${code}`);
  return r.rows[0]!.id;
}

/**
 * The units under `scopeId`, their revisions and the events naming them, every id replaced by the
 * unit's code without `strip` (the scope is "ROOT"), without timestamps: what two trees built the
 * same way share.
 */
async function snapshot(scopeId: string, strip: string) {
  const db = t.database.db;
  const units = await db.execute<{ id: string; code: string | null }>(sql`
    SELECT id, code FROM unit WHERE path <@ (SELECT path FROM unit WHERE id = ${scopeId})`);
  const codeOf = new Map(units.rows.map((u) => [u.id, u.id === scopeId ? 'ROOT' : (u.code ?? u.id).replace(strip, '')]));
  const name = (id: string | null) => (id === null ? null : (codeOf.get(id) ?? `outside:${id}`));
  const ids = `{${[...codeOf.keys()].join(',')}}`;
  const unitRows = await db.execute<Record<string, unknown>>(sql`
    SELECT id, kind, name, short_name, name_folded, parent_id, path::text AS path, depth, province_id, valid_from::text, valid_to::text,
           term_label, term_start::text, term_end::text, code
    FROM unit WHERE id = ANY(${ids}::uuid[]) AND id <> ${scopeId}`);
  const revisions = await db.execute<Record<string, unknown>>(sql`
    SELECT unit_id, parent_id, kind, name, short_name, valid_from::text, valid_to::text FROM unit_revision WHERE unit_id = ANY(${ids}::uuid[]) AND unit_id <> ${scopeId}`);
  const events = await db.execute<{ kind: string; occurred_on: string; units_before: string[]; units_after: string[]; note: string | null }>(sql`
    SELECT kind, occurred_on::text, units_before::text[] AS units_before, units_after::text[] AS units_after, note FROM unit_event
    WHERE (units_before && ${ids}::uuid[] OR units_after && ${ids}::uuid[]) AND NOT (${scopeId}::uuid = ANY(units_after) AND kind = 'create')`);
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    units: sorted(unitRows.rows.map((u) => ({
      ...u, id: name(u.id as string), parent_id: name(u.parent_id as string | null), province_id: name(u.province_id as string | null),
      code: (u.code as string).replace(strip, ''), path: (u.path as string).split('.').map((l) => name(unitIdOfLabel(l))).join('.'),
    }))),
    revisions: sorted(revisions.rows.map((r) => ({ ...r, unit_id: name(r.unit_id as string), parent_id: name(r.parent_id as string | null) }))),
    events: sorted(events.rows.map((e) => ({ ...e, units_before: e.units_before.map(name), units_after: e.units_after.map(name), note: e.note?.replaceAll(strip, '') ?? null }))),
  };
}

async function openXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

describe('importing a tree list', () => {
  it('checks without storing, refuses "all" with a bad row, imports good rows only, then all', async () => {
    const scope = await freshScope();
    const p = prefix();
    const rows: Row[] = [
      { code: `${p}1`, name: 'Đảng bộ Sở Y tế', kind: 'grassroots', parent: scope },
      { code: `${p}1.1`, name: 'Chi bộ Phòng Nghiệp vụ', kind: 'cell', parent: `${p}1` },
      { code: `${p}2`, name: 'Đảng bộ Sở Xây dựng', kind: 'grassroots', parent: `${p}99` },
      { code: `${p}2.1`, name: 'Chi bộ Văn phòng', kind: 'cell', parent: `${p}2` },
    ];
    const before = await counts();
    const check = await importOk(cookies.staff, scope, rows, 'check');
    expect(check).toMatchObject({ totalRows: 4, goodRows: 2, badRows: 2, imported: false, counts: { create: 2, rename: 0, move: 0, update: 0, unchanged: 0 }, on: '2022-03-15' });
    expect(check.errors).toEqual([
      { row: 4, column: COL.parentCode, message: `Mã đơn vị cấp trên "${p}99" không có trong tệp và không có trong cây đơn vị` },
      { row: 5, column: COL.parentCode, message: 'Đơn vị cấp trên có lỗi (dòng 4)' },
    ]);
    expect(await counts()).toEqual(before);

    const refused = await upload(cookies.staff, scope, 'all', csvFile(rows));
    expect(refused.statusCode).toBe(400);
    const body = refused.json<TreeImportRejected>();
    expect(body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.report!.errors.map((e) => e.row)).toEqual([4, 5]);
    expect(await counts()).toEqual(before);

    const good = await importOk(cookies.staff, scope, rows, 'good');
    expect(good).toMatchObject({ imported: true, counts: { create: 2 }, badRows: 2 });
    const after = await counts();
    expect(after).toEqual({ unit: before.unit! + 2, revision: before.revision! + 2, event: before.event! + 2, audit: before.audit! + 1 });
    const cell = await t.request(cookies.staff, { method: 'GET', url: `/api/units/${await idOf(`${p}1.1`)}` });
    expect(cell.json()).toMatchObject({ name: 'Chi bộ Phòng Nghiệp vụ', kind: 'cell', code: `${p}1.1`, validFrom: '2020-10-01', events: [{ kind: 'create', occurredOn: '2020-10-01' }] });
    expect(cell.json().ancestors.map((a: { name: string }) => a.name).at(-1)).toBe('Đảng bộ Sở Y tế');

    const fixed = rows.map((r) => (r.code === `${p}2` ? { ...r, parent: scope } : r));
    const all = await importOk(cookies.staff, scope, fixed, 'all');
    expect(all.counts).toEqual({ create: 2, rename: 0, move: 0, update: 0, unchanged: 2 });
    const audit = await t.database.db.execute<{ after: { counts: { create: number } } }>(sql`SELECT after FROM audit_log WHERE action = 'unit.import' AND entity_id = ${scope} ORDER BY at`);
    expect(audit.rows.map((a) => a.after.counts.create)).toEqual([2, 2]);
  });

  it('names every kind of bad row by its row and column', async () => {
    const scope = await freshScope();
    const p = prefix();
    const rows: Row[] = [
      { code: `${p}A`, name: 'Đảng bộ A', kind: 'grassroots', parent: scope },
      { code: `${p}B`, name: 'Đảng bộ B', kind: 'grassroots', parent: `${p}NOWHERE` },
      { code: `${p}C`, name: 'Đảng bộ C', kind: 'grassroots', parent: `${p}D` },
      { code: `${p}D`, name: 'Đảng bộ D', kind: 'grassroots', parent: `${p}C` },
      { code: `${p}E`, name: 'Chi bộ E', kind: 'cell', parent: `${p}A.1` },
      { code: `${p}A.1`, name: 'Chi bộ A1', kind: 'cell', parent: `${p}A` },
      { code: `${p}a`, name: 'Trùng mã', kind: 'grassroots', parent: scope },
      { code: `${p}F`, name: 'Đảng bộ F', kind: 'grassroots', parent: `${p}A`, from: '01/01/2021' },
      { code: `${p}G`, name: 'Chi bộ G', kind: 'cell', parent: `${p}A`, from: '30/09/2020' },
      { code: `${p}H`, name: '', kind: 'cell', parent: `${p}A` },
    ];
    const res = await upload(cookies.staff, scope, 'all', csvFile(rows));
    expect(res.statusCode).toBe(400);
    const errors = res.json<TreeImportRejected>().report!.errors;
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => [e.column, e.message]);
    expect(at(3)).toEqual([[COL.parentCode, `Mã đơn vị cấp trên "${p}NOWHERE" không có trong tệp và không có trong cây đơn vị`]]);
    expect(at(4)).toEqual([[COL.parentCode, `Vòng lặp đơn vị cấp trên: ${p}C → ${p}D → ${p}C`]]);
    expect(at(5)).toEqual([[COL.parentCode, `Vòng lặp đơn vị cấp trên: ${p}C → ${p}D → ${p}C`]]);
    expect(at(6)).toEqual([[COL.kind, `"Chi bộ" không thể trực thuộc "Chi bộ" (${p}A.1)`]]);
    expect(at(8)).toEqual([[COL.code, `Mã đơn vị "${p}a" trùng với dòng 2`]]);
    expect(at(9)).toEqual([[COL.kind, `"Đảng bộ cơ sở" không thể trực thuộc "Đảng bộ cơ sở" (${p}A)`]]);
    expect(at(10)).toEqual([[COL.validFrom, `Ngày thành lập 30/09/2020 trước ngày thành lập của đơn vị cấp trên ${p}A (01/10/2020)`]]);
    expect(at(11)).toEqual([[COL.name, 'Hãy ghi tên đơn vị']]);
    expect(errors.some((e) => e.row === 2 || e.row === 7)).toBe(false);
  });

  it('refuses a file that is no tree list, a code used outside the unit, and a top unit to all but a system administrator', async () => {
    const scope = await freshScope();
    const p = prefix();
    const noHeader = await upload(cookies.staff, scope, 'check', { name: 'x.csv', type: 'text/csv', data: Buffer.from('Họ và tên,Loại thành viên\nAn,Quần chúng\n') });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBe('NO_HEADER');
    const noKind = await upload(cookies.staff, scope, 'check', { name: 'x.csv', type: 'text/csv', data: Buffer.from('Mã đơn vị,Tên đơn vị\nA,B\n') });
    expect(noKind.json().error).toMatchObject({ code: 'MISSING_COLUMNS', message: `Thiếu cột bắt buộc: "${COL.kind}" (xem tệp mẫu).` });

    const other = await freshScope();
    await importOk(cookies.staff, other, [{ code: `${p}TAKEN`, name: 'Đảng bộ X', kind: 'grassroots', parent: other }]);
    const top: Row = { code: `${p}TOP`, name: 'Tỉnh ủy mới', kind: 'province_committee', parent: null };
    const check = await importOk(cookies.staff, scope, [{ code: `${p}TAKEN`, name: 'Đảng bộ Y', kind: 'grassroots', parent: scope }, top], 'check');
    expect(check.errors).toEqual([
      { row: 2, column: COL.code, message: `Mã đơn vị "${p}TAKEN" đã được dùng cho một đơn vị khác, ngoài phạm vi nhập` },
      { row: 3, column: COL.parentCode, message: 'Hãy ghi mã đơn vị cấp trên: chỉ quản trị hệ thống được tạo đơn vị cao nhất' },
    ]);
    // A system administrator creates a top unit and its tree, under a unit or for the whole installation.
    const asAdmin = await importOk(cookies.admin, null, [top, { code: `${p}TOP.1`, name: 'Đảng ủy Khối', kind: 'bloc_committee', parent: `${p}TOP` }]);
    expect(asAdmin.counts.create).toBe(2);
    const created = await t.database.db.execute<{ parent_id: string | null; province_id: string; id: string; depth: number }>(sql`SELECT id, parent_id, province_id, depth FROM unit WHERE code LIKE ${`${p}TOP%`} ORDER BY depth`);
    expect(created.rows[0]).toMatchObject({ parent_id: null, depth: 1, province_id: created.rows[0]!.id });
    expect(created.rows[1]).toMatchObject({ parent_id: created.rows[0]!.id, depth: 2, province_id: created.rows[0]!.id });
    const wholeAsStaff = await upload(cookies.staff, null, 'check', csvFile([top]));
    expect(wholeAsStaff.statusCode).toBe(403);
  });

  it('changes nothing when the same file comes again, and makes a changed name a dated rename and a changed parent a dated move, as the unit page does', async () => {
    const [a, b] = [await freshScope(), await freshScope()];
    const [pa, pb] = [prefix(), prefix()];
    const rowsOf = (p: string, scope: string): Row[] => [
      { code: `${p}G1`, name: 'Đảng bộ Sở Tài chính', kind: 'grassroots', parent: scope },
      { code: `${p}G2`, name: 'Đảng bộ Sở Y tế', kind: 'grassroots', parent: scope },
      { code: `${p}C1`, name: 'Chi bộ Văn phòng', kind: 'cell', parent: `${p}G1`, shortName: 'VP' },
      { code: `${p}C2`, name: 'Chi bộ Kế toán', kind: 'cell', parent: `${p}G1` },
    ];
    await importOk(cookies.staff, a, rowsOf(pa, a));
    await importOk(cookies.staff, b, rowsOf(pb, b));
    const before = await counts();
    const again = await importOk(cookies.staff, a, rowsOf(pa, a));
    expect(again.counts).toEqual({ create: 0, rename: 0, move: 0, update: 0, unchanged: 4 });
    expect(again.missing).toEqual([]);
    expect(await counts()).toEqual(before);

    // By import on A: C1 renamed (short name dropped), C2 moved to G2 — on 2022-01-10.
    const edited = rowsOf(pa, a).map((r) =>
      r.code === `${pa}C1` ? { ...r, name: 'Chi bộ Văn phòng Sở', shortName: null } : r.code === `${pa}C2` ? { ...r, parent: `${pa}G2` } : r);
    const report = await importOk(cookies.staff, a, edited, 'all', '&on=2022-01-10');
    expect(report.counts).toEqual({ create: 0, rename: 1, move: 1, update: 0, unchanged: 2 });
    // By hand on B.
    const patch = await t.request(cookies.staff, { method: 'PATCH', url: `/api/units/${await idOf(`${pb}C1`)}`, payload: { name: 'Chi bộ Văn phòng Sở', shortName: null, on: '2022-01-10' } });
    expect(patch.statusCode, patch.body).toBe(204);
    const move = await t.request(cookies.staff, { method: 'POST', url: `/api/units/${await idOf(`${pb}C2`)}/move`, payload: { parentId: await idOf(`${pb}G2`), on: '2022-01-10' } });
    expect(move.statusCode, move.body).toBe(204);
    const [sa, sb] = [await snapshot(a, pa), await snapshot(b, pb)];
    expect(sa).toEqual(sb);
    expect(sa.events.filter((e) => !e.includes('"create"'))).toHaveLength(2);
    expect(sa.revisions.filter((r) => r.includes('2022-01-10'))).toHaveLength(4);

    // A rename dated before the unit's last change is a row error.
    const late = await importOk(cookies.staff, a, edited.map((r) => (r.code === `${pa}C1` ? { ...r, name: 'Tên khác' } : r)), 'check', '&on=2022-01-05');
    expect(late.errors).toEqual([{ row: 4, column: COL.name, message: 'Ngày hiệu lực 05/01/2022 trước ngày thay đổi gần nhất của đơn vị (10/01/2022)' }]);
  });

  it('reports the units the file leaves out and keeps them', async () => {
    const scope = await freshScope();
    const p = prefix();
    await importOk(cookies.staff, scope, [{ code: `${p}G`, name: 'Đảng bộ G', kind: 'grassroots', parent: scope }, { code: `${p}C`, name: 'Chi bộ C', kind: 'cell', parent: `${p}G` }]);
    const report = await importOk(cookies.staff, scope, [{ code: `${p}G`, name: 'Đảng bộ G', kind: 'grassroots', parent: scope }]);
    expect(report.missing).toEqual([{ id: await idOf(`${p}C`), code: `${p}C`, name: 'Chi bộ C' }]);
    const still = await t.request(cookies.staff, { method: 'GET', url: `/api/units/${await idOf(`${p}C`)}` });
    expect(still.json().validTo).toBeNull();
  });

  it('shows its progress line by line to a client that asks for it', async () => {
    const scope = await freshScope();
    const p = prefix();
    const rows: Row[] = Array.from({ length: 30 }, (_, i) => ({ code: `${p}${i}`, name: `Chi bộ ${i}`, kind: 'cell', parent: scope }));
    const res = await upload(cookies.staff, scope, 'all', csvFile(rows), '', { accept: WORK_STREAM_TYPE });
    expect(res.statusCode).toBe(201);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ progress: { step: 'units', done: 0, total: 30 } });
    expect(lines.at(-2)).toEqual({ progress: { step: 'units', done: 30, total: 30 } });
    expect(lines.at(-1).result).toMatchObject({ imported: true, counts: { create: 30 } });
  });
});

describe('exporting a tree list', () => {
  it('exports a unit\'s tree in the import\'s format (.xlsx and .csv), which imports back unchanged', async () => {
    const scope = await freshScope();
    const p = prefix();
    await importOk(cookies.staff, scope, [
      { code: `${p}G`, name: 'Đảng bộ Sở Tài chính', kind: 'grassroots', parent: scope, shortName: 'ĐB STC' },
      { code: `${p}C`, name: 'Chi bộ "Văn phòng", Sở', kind: 'cell', parent: `${p}G`, from: '05/11/2021' },
      { code: `${p}Y`, name: 'Đoàn cơ sở', kind: 'youth_grassroots', parent: `${p}G` },
    ]);
    const xlsx = await t.request(cookies.sec1, { method: 'GET', url: `/api/units/${scope}/tree.xlsx` });
    expect(xlsx.statusCode).toBe(404); // sec1 sees only its cell
    const res = await t.request(cookies.staff, { method: 'GET', url: `/api/units/${scope}/tree.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = await openXlsx(res.rawPayload);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(2).getCell(1).value).toBe(scope); // the unit itself, without a code, by its id
    expect(ws.getRow(2).getCell(5).value).toBeNull();
    expect(wb.worksheets[1]!.name).toBe('Hướng dẫn');

    const before = await counts();
    const back = await upload(cookies.staff, scope, 'all', { name: 'cay.xlsx', type: XLSX_TYPE, data: res.rawPayload });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json<TreeImportReport>()).toMatchObject({ errors: [], missing: [], counts: { create: 0, rename: 0, move: 0, update: 0, unchanged: 4 } });
    const csv = await t.request(cookies.staff, { method: 'GET', url: `/api/units/${scope}/tree.csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('"Chi bộ ""Văn phòng"", Sở"');
    expect(csv.body).toContain('05/11/2021');
    const backCsv = await upload(cookies.staff, scope, 'all', { name: 'cay.csv', type: 'text/csv', data: csv.rawPayload });
    expect(backCsv.json<TreeImportReport>().counts.unchanged).toBe(4);
    expect(await counts()).toEqual(before);
  });

  it('gives a template with a guide sheet of the kinds and what each may sit under', async () => {
    const res = await t.request(cookies.sec1, { method: 'GET', url: '/api/units/tree-template.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = await openXlsx(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cây tổ chức', 'Hướng dẫn']);
    const guide = wb.worksheets[1]!;
    const texts: string[] = [];
    guide.eachRow((r) => texts.push((r.values as unknown[]).slice(1).join(' | ')));
    for (const k of UNIT_KIND_NAMES) expect(texts.some((x) => x.startsWith(`${UNIT_KINDS[k].vi} | ${k} |`)), k).toBe(true);
    expect(texts).toContain(`${UNIT_KINDS.cell.vi} | cell | ${UNIT_KIND_NAMES.filter((p) => mayContain(p, 'cell')).map((p) => UNIT_KINDS[p].vi).join('; ')}`);
    // The template's example imports as it stands for a system administrator: a top unit and its tree.
    const check = await upload(cookies.admin, null, 'check', { name: 'mau.xlsx', type: XLSX_TYPE, data: res.rawPayload });
    expect(check.json<TreeImportReport>()).toMatchObject({ errors: [], counts: { create: 3 } });
    const csv = await t.request(cookies.sec1, { method: 'GET', url: '/api/units/tree-template.csv' });
    expect(csv.body.startsWith(`\uFEFF${HEADERS.join(',')}`)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Acceptance 2, over the API.

type Node = { code: number; parent: number | null; kind: UnitKind; name: string; from: IsoDate };
const NAMES = ['Đảng bộ Sở Tài chính', 'Chi bộ Văn phòng', 'Ban Tuyên giáo', 'Đoàn Thanh niên', 'Công đoàn Viên chức', 'Chi bộ Kỹ thuật'];
const SCOPE_KIND: UnitKind = 'province_committee';
const addDays = (d: IsoDate, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10) as IsoDate;
const viDate = (d: IsoDate) => d.split('-').reverse().join('/');

/** A random tree under a unit of SCOPE_KIND: each unit under the scope (parent null) or an earlier unit whose kind may contain it. */
const treeArb = fc.array(fc.record({ parentPick: fc.nat(), kindPick: fc.nat(), name: fc.constantFrom(...NAMES), days: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 12 })
  .map((picks) => {
    const nodes: Node[] = [];
    picks.forEach((n, i) => {
      const parents = [null, ...nodes.filter((u) => UNIT_KIND_NAMES.some((k) => mayContain(u.kind, k)))];
      const parent = parents[n.parentPick % parents.length]!;
      const kinds = UNIT_KIND_NAMES.filter((k) => mayContain(parent?.kind ?? SCOPE_KIND, k));
      nodes.push({ code: i, parent: parent?.code ?? null, kind: kinds[n.kindPick % kinds.length]!, name: `${n.name} ${i}`, from: addDays(parent?.from ?? ('2020-10-01' as IsoDate), n.days) });
    });
    return nodes;
  });
const rowsOfTree = (nodes: readonly Node[], p: string, scope: string): Row[] =>
  nodes.map((n) => ({ code: `${p}${n.code}`, name: n.name, kind: n.kind, parent: n.parent === null ? scope : `${p}${n.parent}`, from: viDate(n.from) }));

describe('acceptance 2: a tree list over the API', () => {
  it('imports random valid trees, whose exports import back unchanged; renames and moves by import are the renames and moves made by hand', async () => {
    const editArb = fc.array(fc.record({ pick: fc.nat(), rename: fc.boolean(), move: fc.boolean(), target: fc.nat() }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(treeArb, editArb, async (nodes, edits) => {
        const [a, b] = [await freshScope(SCOPE_KIND, null), await freshScope(SCOPE_KIND, null)];
        const [pa, pb] = [prefix(), prefix()];
        const first = await importOk(cookies.admin, a, rowsOfTree(nodes, pa, a));
        expect(first.counts.create).toBe(nodes.length);
        await importOk(cookies.admin, b, rowsOfTree(nodes, pb, b));

        // The export of A is the file (plus the unit itself), and imports back changing nothing.
        const exported = await t.request(cookies.admin, { method: 'GET', url: `/api/units/${a}/tree.csv` });
        const parsed = Papa.parse<string[]>(exported.body.replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data.slice(1);
        const byCode = new Map(parsed.map((r) => [r[0], r]));
        for (const r of rowsOfTree(nodes, pa, a)) expect(byCode.get(r.code)).toEqual(cells(r));
        const before = await counts();
        const back = await upload(cookies.admin, a, 'all', { name: 'x.csv', type: 'text/csv', data: exported.rawPayload });
        expect(back.json<TreeImportReport>().counts).toEqual({ create: 0, rename: 0, move: 0, update: 0, unchanged: nodes.length + 1 });
        expect(await counts()).toEqual(before);

        // Random renames and moves: by import on A, by hand on B, in the order of the new tree (parents first).
        const edited = nodes.map((n) => ({ ...n }));
        const within = (x: number | null, y: number): boolean => x !== null && (x === y || within(edited[x]!.parent, y));
        const renamed = new Set<number>();
        const moved = new Set<number>();
        edits.forEach((e, i) => {
          const u = edited[e.pick % edited.length]!;
          if (e.rename && !renamed.has(u.code)) {
            u.name = `Tên mới ${i}`;
            renamed.add(u.code);
          }
          if (e.move) {
            const targets = edited.filter((p) => p.code !== u.parent && !within(p.code, u.code) && mayContain(p.kind, u.kind));
            const to = targets[e.target % Math.max(1, targets.length)];
            if (to) {
              u.parent = to.code;
              moved.add(u.code);
            }
          }
        });
        const report = await importOk(cookies.admin, a, rowsOfTree(edited, pa, a), 'all', '&on=2022-02-01');
        const changedParent = [...moved].filter((c) => edited[c]!.parent !== nodes[c]!.parent);
        expect(report.counts).toMatchObject({ rename: renamed.size, move: changedParent.length, create: 0, update: 0 });
        const depth = (c: number | null): number => (c === null ? 0 : 1 + depth(edited[c]!.parent));
        for (const c of [...renamed]) {
          const res = await t.request(cookies.admin, { method: 'PATCH', url: `/api/units/${await idOf(`${pb}${c}`)}`, payload: { name: edited[c]!.name, shortName: null, on: '2022-02-01' } });
          expect(res.statusCode, res.body).toBe(204);
        }
        for (const c of changedParent.sort((x, y) => depth(x) - depth(y))) {
          const to = edited[c]!.parent === null ? b : await idOf(`${pb}${edited[c]!.parent}`);
          const res = await t.request(cookies.admin, { method: 'POST', url: `/api/units/${await idOf(`${pb}${c}`)}/move`, payload: { parentId: to, on: '2022-02-01' } });
          expect(res.statusCode, res.body).toBe(204);
        }
        expect(await snapshot(a, pa)).toEqual(await snapshot(b, pb));
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});
