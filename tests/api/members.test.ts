import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '#core/members/import-rows.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import type { ImportRejected, ImportReport, MemberList, PersonDetail } from '#shared/members.ts';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<'admin' | 'sec1' | 'staff' | 'viewer', string> = { admin: '', sec1: '', staff: '', viewer: '' };

beforeAll(async () => {
  t = await createTestApp(); // the clock stands on 2022-03-15 in Vietnam
  tree = await buildTree(t.database.db);
  for (const u of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[u] = await t.login(u, PASSWORD);
});
afterAll(() => t.close());

async function count(table: 'person' | 'membership' | 'audit_log'): Promise<number> {
  const r = await t.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return r.rows[0]!.n;
}

function freshCell(parentId = tree.units.c1, name = `Tổ ${Math.random().toString(36).slice(2, 7)}`): Promise<string> {
  return buildUnit(t.database.db, { parentId, kind: 'cell', name });
}

async function list(cookie: string, unitId: string, query = ''): Promise<MemberList> {
  const res = await t.request(cookie, { method: 'GET', url: `/api/units/${unitId}/members${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const names = (l: MemberList) => l.items.map((i) => i.fullName);

async function addMember(cookie: string, unitId: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return t.request(cookie, { method: 'POST', url: `/api/units/${unitId}/members`, payload: body });
}

async function person(cookie: string, id: string): Promise<PersonDetail> {
  const res = await t.request(cookie, { method: 'GET', url: `/api/people/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

let boundaryNo = 0;
function upload(cookie: string, unitId: string, mode: string, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----tkmembers${boundaryNo++}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return t.request(cookie, {
    method: 'POST',
    url: `/api/units/${unitId}/members/import?mode=${mode}`,
    payload: Buffer.concat([head, file.data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
async function xlsxFile(rows: unknown[][], name = 'danh-sach.xlsx') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  for (const r of rows) ws.addRow(r);
  return { name, type: XLSX_TYPE, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
const csvFile = (text: string, name = 'danh-sach.csv') => ({ name, type: 'text/csv', data: Buffer.from(text, 'utf8') });

async function openXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

const HEADER = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại thành viên', 'Chức vụ', 'Ngày vào đơn vị', 'Số thẻ đảng viên'];

describe('adding, editing and listing members', () => {
  it('adds a member, shows the person and edits their fields', async () => {
    const cell = await freshCell();
    const res = await addMember(cookies.sec1, cell, {
      fullName: '  Đỗ   Thị Lan ', gender: 'nu', birthDate: '1990-05-02', category: 'party_full', positions: ['secretary'],
      validFrom: '2021-01-04', partyCardNo: '79000001', phone: '0912345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const p = await person(cookies.sec1, id);
    expect(p).toMatchObject({ fullName: 'Đỗ Thị Lan', unitId: cell, gender: 'nu', birthDate: '1990-05-02', partyCardNo: '79000001', phone: '0912345678' });
    expect(p.memberships).toEqual([
      expect.objectContaining({ unitId: cell, category: 'party_full', positions: ['secretary'], validFrom: '2021-01-04', validTo: null, endReason: null }),
    ]);

    const edit = await t.request(cookies.sec1, { method: 'PATCH', url: `/api/people/${id}`, payload: { fullName: 'Đỗ Thị Lan Anh', phone: null, jobTitle: 'Kế toán' } });
    expect(edit.statusCode, edit.body).toBe(204);
    const after = await person(cookies.sec1, id);
    expect(after).toMatchObject({ fullName: 'Đỗ Thị Lan Anh', phone: null, jobTitle: 'Kế toán', birthDate: '1990-05-02' });
    // The new name is searched and sorted by too.
    expect(names(await list(cookies.sec1, cell, '?q=lan%20anh'))).toEqual(['Đỗ Thị Lan Anh']);
    const audit = await t.database.db.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${id} ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['member.create', 'person.update']);
  });

  it('refuses a party card number held by someone else', async () => {
    const cell = await freshCell();
    const first = await addMember(cookies.sec1, cell, { fullName: 'Ngô Văn Tú', category: 'party_full', validFrom: '2021-01-01', partyCardNo: '79000077' });
    expect(first.statusCode).toBe(201);
    const again = await addMember(cookies.sec1, cell, { fullName: 'Ngô Văn Tư', category: 'party_full', validFrom: '2021-01-01', partyCardNo: '79000077' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PARTY_CARD_TAKEN');
    const other = await addMember(cookies.sec1, cell, { fullName: 'Ngô Văn Tư', category: 'party_full', validFrom: '2021-01-01' });
    const edit = await t.request(cookies.sec1, { method: 'PATCH', url: `/api/people/${other.json().id}`, payload: { partyCardNo: '79000077' } });
    expect(edit.statusCode).toBe(409);
  });

  it('refuses unknown fields and bad values with 400', async () => {
    const before = await count('person');
    const unknown = await addMember(cookies.sec1, tree.units.c1, { fullName: 'Ngô Văn Tú', category: 'party_full', validFrom: '2021-01-01', age: 40 });
    expect(unknown.statusCode).toBe(400);
    const badCategory = await addMember(cookies.sec1, tree.units.c1, { fullName: 'Ngô Văn Tú', category: 'dang_vien', validFrom: '2021-01-01' });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().error.message).toContain('Loại thành viên không hợp lệ');
    expect(await count('person')).toBe(before);
  });

  it('finds names without diacritics', async () => {
    expect(names(await list(cookies.sec1, tree.units.c1, '?q=nguyen%20thi%20hoa'))).toEqual(['Nguyễn Thị Hoa']);
    expect(names(await list(cookies.sec1, tree.units.c1, '?q=HOA'))).toEqual(['Nguyễn Thị Hoa']);
    expect(names(await list(cookies.sec1, tree.units.c1, '?q=tr%E1%BA%A7n%20binh'))).toEqual(['Trần Văn Bình']);
    expect((await list(cookies.sec1, tree.units.c1, '?q=cuong')).total).toBe(0);
  });

  it('lists in Vietnamese order, by given name, a page at a time', async () => {
    const cell = await freshCell();
    const people = ['Đỗ Thị Yến', 'Phạm Văn Đức', 'Hoàng Thị Ân', 'Trần Thị An', 'Vũ Thị Dung', 'Nguyễn Văn Ánh', 'Lê Văn Bình', 'Lê Thị An'];
    for (const fullName of people) expect((await addMember(cookies.sec1, cell, { fullName, category: 'party_full', validFrom: '2021-01-01' })).statusCode).toBe(201);
    const expected = ['Lê Thị An', 'Trần Thị An', 'Nguyễn Văn Ánh', 'Hoàng Thị Ân', 'Lê Văn Bình', 'Vũ Thị Dung', 'Phạm Văn Đức', 'Đỗ Thị Yến'];
    const all = await list(cookies.sec1, cell);
    expect(names(all)).toEqual(expected);
    expect(all.total).toBe(8);
    const page1 = await list(cookies.sec1, cell, '?limit=3&offset=0');
    const page2 = await list(cookies.sec1, cell, '?limit=3&offset=3');
    const page3 = await list(cookies.sec1, cell, '?limit=3&offset=6');
    expect([page1, page2, page3].map((p) => p.total)).toEqual([8, 8, 8]);
    expect([...names(page1), ...names(page2), ...names(page3)]).toEqual(expected);
    expect(names(page3)).toHaveLength(2);
  });

  it('filters by category and includes sub-units on request', async () => {
    expect(names(await list(cookies.viewer, tree.units.c2, '?category=party_probationary'))).toEqual(['Phạm Thị Dung']);
    const direct = await list(cookies.viewer, tree.units.grassroots);
    expect(direct.total).toBe(0);
    const subtree = names(await list(cookies.viewer, tree.units.grassroots, '?subtree=true&limit=200'));
    expect(subtree).toEqual(expect.arrayContaining(['Nguyễn Thị Hoa', 'Trần Văn Bình', 'Lê Văn Cường', 'Phạm Thị Dung']));
    expect(subtree).not.toContain('Hoàng Văn Em');
  });

  it('changes positions of a current membership and ends it, keeping the person', async () => {
    const cell = await freshCell();
    const id = (await addMember(cookies.sec1, cell, { fullName: 'Mai Văn Hải', category: 'party_probationary', validFrom: '2021-06-01' })).json().id as string;
    const membershipId = (await person(cookies.sec1, id)).memberships[0]!.id;
    const patch = await t.request(cookies.sec1, { method: 'PATCH', url: `/api/memberships/${membershipId}`, payload: { category: 'party_full', positions: ['propagandist'] } });
    expect(patch.statusCode, patch.body).toBe(204);
    expect((await list(cookies.sec1, cell)).items[0]).toMatchObject({ category: 'party_full', positions: ['propagandist'] });

    const tooEarly = await t.request(cookies.sec1, { method: 'POST', url: `/api/memberships/${membershipId}/end`, payload: { on: '2021-05-01', reason: 'left' } });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.message).toContain('01/06/2021');
    const end = await t.request(cookies.sec1, { method: 'POST', url: `/api/memberships/${membershipId}/end`, payload: { on: '2022-03-01', reason: 'left' } });
    expect(end.statusCode, end.body).toBe(204);
    expect((await list(cookies.sec1, cell)).total).toBe(0);
    expect(names(await list(cookies.sec1, cell, '?on=2022-02-28'))).toEqual(['Mai Văn Hải']);
    const p = await person(cookies.sec1, id);
    expect(p.memberships[0]).toMatchObject({ validTo: '2022-03-01', endReason: 'left' });
    // A past membership is history: it is not edited.
    const late = await t.request(cookies.sec1, { method: 'PATCH', url: `/api/memberships/${membershipId}`, payload: { positions: [] } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('MEMBERSHIP_ENDED');
  });
});

describe('transfers', () => {
  it('moves a member on a date and keeps the history', async () => {
    const id = (await addMember(cookies.staff, tree.units.c1, { fullName: 'Quách Văn Phúc', category: 'party_full', positions: ['rapporteur'], validFrom: '2021-02-01' })).json().id as string;
    const res = await t.request(cookies.staff, { method: 'POST', url: `/api/people/${id}/transfer`, payload: { toUnitId: tree.units.c2, on: '2022-03-01', note: 'Điều động công tác' } });
    expect(res.statusCode, res.body).toBe(204);

    const p = await person(cookies.staff, id);
    expect(p.unitId).toBe(tree.units.c2);
    expect(p.memberships).toEqual([
      expect.objectContaining({ unitId: tree.units.c1, category: 'party_full', positions: ['rapporteur'], validFrom: '2021-02-01', validTo: '2022-03-01', endReason: 'transferred' }),
      expect.objectContaining({ unitId: tree.units.c2, unitName: 'Chi bộ Thanh tra Sở', category: 'party_full', positions: [], validFrom: '2022-03-01', validTo: null }),
    ]);
    // Today the member is in the new cell, not the old; before the transfer, in the old one.
    expect(names(await list(cookies.staff, tree.units.c2))).toContain('Quách Văn Phúc');
    expect(names(await list(cookies.staff, tree.units.c1))).not.toContain('Quách Văn Phúc');
    expect(names(await list(cookies.staff, tree.units.c1, '?on=2022-02-28'))).toContain('Quách Văn Phúc');
    expect(names(await list(cookies.staff, tree.units.c2, '?on=2022-02-28'))).not.toContain('Quách Văn Phúc');
    // The old cell no longer manages the person.
    expect((await t.request(cookies.sec1, { method: 'GET', url: `/api/people/${id}` })).statusCode).toBe(404);
  });

  it('refuses a date before the current membership began, changing nothing', async () => {
    const id = (await addMember(cookies.staff, tree.units.c1, { fullName: 'Kiều Thị Nga', category: 'youth', validFrom: '2022-01-10' })).json().id as string;
    const before = await count('membership');
    const res = await t.request(cookies.staff, { method: 'POST', url: `/api/people/${id}/transfer`, payload: { toUnitId: tree.units.c2, on: '2022-01-09' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'DATE_BEFORE_MEMBERSHIP' });
    expect(res.json().error.message).toContain('10/01/2022');
    expect(await count('membership')).toBe(before);
    expect((await person(cookies.staff, id)).unitId).toBe(tree.units.c1);
  });

  it('changes the category when one is given', async () => {
    const id = (await addMember(cookies.staff, tree.units.c1, { fullName: 'Lưu Văn Sơn', category: 'youth', validFrom: '2021-01-10' })).json().id as string;
    const res = await t.request(cookies.staff, { method: 'POST', url: `/api/people/${id}/transfer`, payload: { toUnitId: tree.units.c2, on: '2022-03-10', category: 'party_probationary' } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await person(cookies.staff, id)).memberships.map((m) => m.category)).toEqual(['youth', 'party_probationary']);
  });
});

describe('access to members', () => {
  it('hides the sibling cell from a cell secretary: no list, no add, no transfer (404)', async () => {
    const before = await count('membership');
    expect((await t.request(cookies.sec1, { method: 'GET', url: `/api/units/${tree.units.c2}/members` })).statusCode).toBe(404);
    expect((await addMember(cookies.sec1, tree.units.c2, { fullName: 'Ngô Văn Tú', category: 'party_full', validFrom: '2021-01-01' })).statusCode).toBe(404);
    const theirs = await t.request(cookies.sec1, { method: 'POST', url: `/api/people/${tree.people.p2b}/transfer`, payload: { toUnitId: tree.units.c1, on: '2022-03-01' } });
    expect(theirs.statusCode).toBe(404);
    const ours = await t.request(cookies.sec1, { method: 'POST', url: `/api/people/${tree.people.p1}/transfer`, payload: { toUnitId: tree.units.c2, on: '2022-03-01' } });
    expect(ours.statusCode).toBe(404);
    expect(ours.body).not.toContain(tree.units.c2);
    expect(await count('membership')).toBe(before);
    expect((await person(cookies.sec1, tree.people.p1)).unitId).toBe(tree.units.c1);
  });

  it('refuses with 403 a target unit that is visible but not managed', async () => {
    await buildUser(t.database.db, 'sec1view', [{ unitId: tree.units.c1, role: 'secretary' }, { unitId: tree.units.grassroots, role: 'viewer' }]);
    const cookie = await t.login('sec1view', PASSWORD);
    const id = await buildPerson(t.database.db, tree.units.c1, { fullName: 'Tạ Văn Khoa' });
    const res = await t.request(cookie, { method: 'POST', url: `/api/people/${id}/transfer`, payload: { toUnitId: tree.units.c2, on: '2022-03-01' } });
    expect(res.statusCode).toBe(403);
    expect((await person(cookies.admin, id)).unitId).toBe(tree.units.c1);
  });

  it('lets a viewer read but not add (403)', async () => {
    expect((await list(cookies.viewer, tree.units.c1)).total).toBeGreaterThan(0);
    expect((await t.request(cookies.viewer, { method: 'GET', url: `/api/people/${tree.people.p1}` })).statusCode).toBe(200);
    const before = await count('person');
    const res = await addMember(cookies.viewer, tree.units.c1, { fullName: 'Ngô Văn Tú', category: 'party_full', validFrom: '2021-01-01' });
    expect(res.statusCode).toBe(403);
    const edit = await t.request(cookies.viewer, { method: 'PATCH', url: `/api/people/${tree.people.p1}`, payload: { phone: '0900000000' } });
    expect(edit.statusCode).toBe(403);
    expect(await count('person')).toBe(before);
  });
});

describe('importing a member list', () => {
  it('imports a good .xlsx file in mode all, with one audit entry', async () => {
    const cell = await freshCell();
    const file = await xlsxFile([
      ['STT', 'Ho va ten', 'Gioi tinh', 'Ngay sinh', 'Loai thanh vien', 'Chuc vu', 'Ngay vao don vi', 'So the dang vien'],
      [1, 'Nguyễn Văn An', 'Nam', new Date(Date.UTC(1980, 2, 15)), 'Đảng viên chính thức', 'Bí thư', '01/10/2020', '79100001'],
      [2, 'Trần Thị Bích', 'nữ', '2/9/1991', 'dang vien du bi', null, '2021-05-19', 79100002],
      [3, 'Lê Văn Cảnh', null, null, 'party_full', 'Phó Bí thư, Tuyên truyền viên', null, null],
    ]);
    const people = await count('person');
    const audits = await count('audit_log');
    const res = await upload(cookies.sec1, cell, 'all', file);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ totalRows: 3, goodRows: 3, badRows: 0, imported: 3, errors: [], ignoredColumns: [], units: [{ unitId: cell, unitName: expect.any(String), rows: 3 }] });
    expect(await count('person')).toBe(people + 3);
    expect(await count('audit_log')).toBe(audits + 1);

    const l = await list(cookies.sec1, cell);
    expect(names(l)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cảnh']);
    expect(l.items[0]).toMatchObject({ gender: 'nam', birthDate: '1980-03-15', category: 'party_full', positions: ['secretary'], validFrom: '2020-10-01', partyCardNo: '79100001' });
    expect(l.items[1]).toMatchObject({ gender: 'nu', birthDate: '1991-09-02', category: 'party_probationary', validFrom: '2021-05-19', partyCardNo: '79100002' });
    // No "Ngày vào đơn vị": the day of the import.
    expect(l.items[2]).toMatchObject({ positions: ['deputy_secretary', 'propagandist'], validFrom: '2022-03-15' });
    const entry = await t.database.db.execute<{ action: string; after: { imported: number } }>(sql`SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(entry.rows[0]).toMatchObject({ action: 'member.import', after: { imported: 3 } });
  });

  it('stores nothing in mode all when a row is bad, and reports the row number and reason', async () => {
    const cell = await freshCell();
    const file = await xlsxFile([
      HEADER,
      ['Đinh Văn Long', 'Nam', '15/03/1980', 'Đảng viên chính thức', null, '01/10/2020', null],
      ['Đinh Thị Mai', 'Nữ', '31/02/1985', 'Đảng viên chính thức', null, '01/10/2020', null],
      ['Đinh Văn Nam', 'Nam', '01/01/1990', 'Đảng viên', null, '01/10/2020', null],
      ['Đinh Văn Oanh', 'Nam', '01/01/1990', 'Quần chúng', null, '01/10/2020', null],
    ]);
    const people = await count('person');
    const audits = await count('audit_log');
    const res = await upload(cookies.sec1, cell, 'all', file);
    expect(res.statusCode).toBe(400);
    const body = res.json() as ImportRejected;
    expect(body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.error.message).toContain('2 dòng không hợp lệ');
    expect(body.report).toMatchObject({ totalRows: 4, goodRows: 2, badRows: 2, imported: 0 });
    expect(body.report!.errors).toEqual([
      { row: 3, column: 'Ngày sinh', message: 'Ngày "31/02/1985" không có trên lịch' },
      { row: 4, column: 'Loại thành viên', message: expect.stringContaining('Loại thành viên "Đảng viên" không hợp lệ') },
    ]);
    expect(await count('person')).toBe(people);
    expect(await count('audit_log')).toBe(audits);

    const check = await upload(cookies.sec1, cell, 'check', file);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ goodRows: 2, badRows: 2, imported: 0 });
    expect(await count('person')).toBe(people);

    const good = await upload(cookies.sec1, cell, 'good', file);
    expect(good.statusCode).toBe(200);
    expect((good.json() as ImportReport)).toMatchObject({ goodRows: 2, badRows: 2, imported: 2 });
    expect(await count('person')).toBe(people + 2);
    expect(names(await list(cookies.sec1, cell))).toEqual(['Đinh Văn Long', 'Đinh Văn Oanh']);
  });

  it('reports a party card number already in the system as a row error', async () => {
    const cell = await freshCell();
    await addMember(cookies.sec1, cell, { fullName: 'Hà Văn Quang', category: 'party_full', validFrom: '2021-01-01', partyCardNo: '79200001' });
    const res = await upload(cookies.sec1, cell, 'check', csvFile('Họ và tên,Loại thành viên,Số thẻ đảng viên\nHà Văn Quân,Đảng viên chính thức,79200001\nHà Văn Quý,Đảng viên chính thức,79200002\n'));
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([{ row: 2, column: 'Số thẻ đảng viên', message: expect.stringContaining('"79200001" đã được dùng') }]);
    expect(res.json().goodRows).toBe(1);
  });

  it('reads CSV in UTF-8 with a BOM and semicolons, or without a BOM and with commas', async () => {
    const cell = await freshCell();
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Họ và tên;Ngày sinh;Loại thành viên;Chức vụ\r\nVương Thị Xuân;05/06/1975;Hội viên;"Bí thư, Cấp ủy viên"\r\n'),
    ]);
    const a = await upload(cookies.sec1, cell, 'all', { name: 'ds.csv', type: 'text/csv', data: withBom });
    expect(a.statusCode, a.body).toBe(201);
    const b = await upload(cookies.sec1, cell, 'all', csvFile('Ho va ten,Loai thanh vien,Ngay vao don vi\n"Âu Văn Yên",Đoàn viên,1/2/2022\n'));
    expect(b.statusCode, b.body).toBe(201);
    const l = await list(cookies.sec1, cell);
    expect(l.items.map((i) => [i.fullName, i.category, i.birthDate, i.positions, i.validFrom])).toEqual([
      ['Vương Thị Xuân', 'association', '1975-06-05', ['secretary', 'committee_member'], '2022-03-15'],
      ['Âu Văn Yên', 'youth', null, [], '2022-02-01'],
    ]);
  });

  it('reads CSV saved by Excel on a Vietnamese Windows (code page 1258)', async () => {
    const cell = await freshCell();
    // Code page 1258 writes tones as combining marks after the letter.
    const text = 'Ho\u0323 va\u0300 tên,Loa\u0323i tha\u0300nh viên\r\nNguyê\u0303n Văn Tâm,Quâ\u0300n chu\u0301ng\r\n';
    const data = iconv.encode(text, 'windows1258');
    expect(data.includes(0x3f), 'every character has a byte in code page 1258').toBe(false);
    const res = await upload(cookies.sec1, cell, 'all', { name: 'ds.csv', type: 'text/csv', data });
    expect(res.statusCode, res.body).toBe(201);
    expect((await list(cookies.sec1, cell)).items.map((i) => [i.fullName, i.category])).toEqual([['Nguyễn Văn Tâm', 'masses']]);
  });

  it('refuses a text file named .xlsx and stores nothing', async () => {
    const people = await count('person');
    const res = await upload(cookies.sec1, tree.units.c1, 'all', { name: 'danh-sach.xlsx', type: XLSX_TYPE, data: Buffer.from('Họ và tên,Loại thành viên\nAn,Quần chúng\n') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'INVALID_FILE', message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.' });
    const zipNotXlsx = await upload(cookies.sec1, tree.units.c1, 'all', { name: 'ds.xlsx', type: XLSX_TYPE, data: Buffer.from('PK\u0003\u0004 not really a zip') });
    expect(zipNotXlsx.statusCode).toBe(400);
    expect(zipNotXlsx.json().error.code).toBe('INVALID_FILE');
    expect(await count('person')).toBe(people);
  });

  it('refuses a file over the size limit with 413', async () => {
    const people = await count('person');
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    const res = await upload(cookies.sec1, tree.units.c1, 'all', { name: 'lon.csv', type: 'text/csv', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(await count('person')).toBe(people);
  });

  it('refuses empty files, files without data rows and other kinds of files with a clear message', async () => {
    const empty = await upload(cookies.sec1, tree.units.c1, 'all', csvFile(''));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('EMPTY_FILE');
    const headerOnly = await upload(cookies.sec1, tree.units.c1, 'all', await xlsxFile([HEADER]));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().error).toMatchObject({ code: 'NO_DATA_ROWS', message: expect.stringContaining('không có dòng dữ liệu') });
    const noName = await upload(cookies.sec1, tree.units.c1, 'all', csvFile('Tên,Tuổi\nAn,40\n'));
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.code).toBe('NO_HEADER');
    const pdf = await upload(cookies.sec1, tree.units.c1, 'all', { name: 'ds.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4') });
    expect(pdf.statusCode).toBe(415);
    const noFile = await t.request(cookies.sec1, { method: 'POST', url: `/api/units/${tree.units.c1}/members/import?mode=all`, payload: { file: 'x' } });
    expect(noFile.statusCode).toBe(400);
    const badMode = await upload(cookies.sec1, tree.units.c1, 'everything', csvFile('Họ và tên,Loại thành viên\nAn Văn Bình,Quần chúng\n'));
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().error).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'querystring.mode' })] });
  });

  it('refuses an import into the sibling cell (404) and stores nothing', async () => {
    const people = await count('person');
    const res = await upload(cookies.sec1, tree.units.c2, 'all', csvFile('Họ và tên,Loại thành viên\nVũ Văn Hùng,Đảng viên chính thức\n'));
    expect(res.statusCode).toBe(404);
    expect(await count('person')).toBe(people);
  });

  it('imports 5,000 rows in one request', async () => {
    const cell = await freshCell(tree.units.c1, 'Chi bộ đông người');
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i < 5000; i++) rows.push([`Nguyễn Văn Số ${i}`, i % 2 ? 'Nam' : 'Nữ', '15/03/1980', 'Đảng viên chính thức', null, '01/10/2020', `88${String(i).padStart(6, '0')}`]);
    const res = await upload(cookies.sec1, cell, 'all', await xlsxFile(rows));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json().imported).toBe(5000);
    expect((await list(cookies.sec1, cell, '?limit=1')).total).toBe(5000);
    const audit = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'member.import' AND entity_id = ${cell}`);
    expect(audit.rows[0]!.n).toBe(1);
  }, 120_000);
});

describe('template and export', () => {
  it('serves an .xlsx template with the headers, an example row and a guide', async () => {
    const res = await t.request(cookies.viewer, { method: 'GET', url: '/api/members/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = await openXlsx(res.rawPayload);
    const list = wb.getWorksheet('Danh sách')!;
    expect(rowValues(list, 1)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(list.getCell('A1').font?.bold).toBe(true);
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.getCell('A2').value).toBe('Nguyễn Văn An');
    expect(list.getCell('C2').value).toEqual(new Date(Date.UTC(1980, 2, 15)));
    const guide = wb.getWorksheet('Hướng dẫn')!;
    const guideText = guide.getSheetValues().flat().join(' ');
    expect(guideText).toContain('Đảng viên chính thức');
    expect(guideText).toContain('Phó Bí thư');
    expect(guideText).toContain('dd/mm/yyyy');
    expect(guideText).toContain('Mã đơn vị');
    expect(guideText).toContain('Bí thư; Cấp ủy viên');

    // The template itself is a valid list: its example row passes the check.
    const check = await upload(cookies.sec1, tree.units.c1, 'check', { name: 'mau.xlsx', type: XLSX_TYPE, data: res.rawPayload });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ totalRows: 1, goodRows: 1, badRows: 0, imported: 0 });
  });

  it('serves a CSV template in UTF-8 with a BOM', async () => {
    const res = await t.request(cookies.viewer, { method: 'GET', url: '/api/members/import-template.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(IMPORT_COLUMNS.map((c) => c.header).join(','));
    expect(lines[1]).toContain('Nguyễn Văn An');
  });

  it('exports the member list as .xlsx with typed dates, and the file imports again', async () => {
    const cell = await freshCell(tree.units.c1, 'Chi bộ xuất danh sách');
    await addMember(cookies.sec1, cell, { fullName: 'Trương Văn Bảo', gender: 'nam', birthDate: '1979-12-01', category: 'party_full', positions: ['secretary', 'head'], validFrom: '2020-01-01', phone: '0987654321' });
    await addMember(cookies.sec1, cell, { fullName: 'Lâm Thị Ánh', gender: 'nu', category: 'youth', validFrom: '2021-07-01' });
    const res = await t.request(cookies.viewer, { method: 'GET', url: `/api/units/${cell}/members.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const ws = (await openXlsx(res.rawPayload)).worksheets[0]!;
    expect(rowValues(ws, 1)).toEqual(['STT', ...IMPORT_COLUMNS.map((c) => c.header)]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('B2').value).toBe('Lâm Thị Ánh');
    expect(ws.getCell('B3').value).toBe('Trương Văn Bảo');
    expect(ws.getCell('C3').value).toBe('Nam');
    expect(ws.getCell('D3').value).toEqual(new Date(Date.UTC(1979, 11, 1)));
    expect(ws.getCell('E3').value).toBe('Đảng viên chính thức');
    expect(ws.getCell('F3').value).toBe('Bí thư, Người đứng đầu');
    expect(ws.getCell('G2').value).toEqual(new Date(Date.UTC(2021, 6, 1)));
    expect(ws.getCell('G2').numFmt).toBe('dd/mm/yyyy');

    const again = await upload(cookies.sec1, await freshCell(), 'check', { name: 'xuat.xlsx', type: XLSX_TYPE, data: res.rawPayload });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ totalRows: 2, goodRows: 2, badRows: 0 });
  });

  it('hides the sibling cell’s export (404)', async () => {
    const res = await t.request(cookies.sec1, { method: 'GET', url: `/api/units/${tree.units.c2}/members.xlsx` });
    expect(res.statusCode).toBe(404);
  });
});
