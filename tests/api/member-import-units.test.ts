import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRejected, ImportReport, MemberList } from '#shared/members.ts';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

/**
 * A member list that places people in many units by "Mã đơn vị", with their positions, and the
 * accounts that follow a person's membership (issue 15).
 */
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let sec1: string;
/** A cell of the grassroots organisation dissolved at the end of 2021, and a grassroots organisation beside it. */
let ended: string;
let otherGrassroots: string;
let otherCell: string;

beforeAll(async () => {
  t = await createTestApp(); // the clock stands on 2022-03-15 in Vietnam
  const db = t.database.db;
  tree = await buildTree(db);
  ended = await buildUnit(db, { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kho bạc' });
  otherGrassroots = await buildUnit(db, { parentId: tree.units.bloc, kind: 'grassroots', name: 'Đảng bộ Sở Xây dựng' });
  otherCell = await buildUnit(db, { parentId: otherGrassroots, kind: 'cell', name: 'Chi bộ Quy hoạch' });
  await db.execute(sql`UPDATE unit SET valid_to = '2022-01-01' WHERE id = ${ended}`);
  const codes: [string, string][] = [
    [tree.units.bloc, 'DUK'], [tree.units.grassroots, 'DB.STC'], [tree.units.c1, 'CB01'], [tree.units.c2, 'CB02'],
    [ended, 'CB03'], [otherGrassroots, 'DB.SXD'], [otherCell, 'CB91'],
  ];
  for (const [id, code] of codes) await db.execute(sql`UPDATE unit SET code = ${code} WHERE id = ${id}`);
  staff = await t.login('staff', PASSWORD);
  sec1 = await t.login('sec1', PASSWORD);
});
afterAll(() => t.close());

async function count(table: 'person' | 'membership' | 'audit_log'): Promise<number> {
  const r = await t.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return r.rows[0]!.n;
}

let boundaryNo = 0;
function upload(cookie: string, unitId: string, mode: string, csv: string, headers: Record<string, string> = {}) {
  const boundary = `----tkunits${boundaryNo++}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="danh-sach.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return t.request(cookie, {
    method: 'POST',
    url: `/api/units/${unitId}/members/import?mode=${mode}`,
    payload: Buffer.concat([head, Buffer.from(csv, 'utf8'), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
  });
}

async function membersOf(unitId: string): Promise<MemberList['items']> {
  const res = await t.request(staff, { method: 'GET', url: `/api/units/${unitId}/members?limit=200` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as MemberList).items;
}

const HEADER = 'Họ và tên;Loại thành viên;Chức vụ;Số thẻ đảng viên;Mã đơn vị';

describe('a member list filling several units by their code', () => {
  it('places each row in the unit of its code, with its positions, and counts the rows of each unit', async () => {
    const csv = [
      HEADER,
      'Ngô Văn Bảo;Đảng viên chính thức;Bí thư; ;CB01',
      'Ngô Thị Cúc;Đảng viên chính thức;"Phó Bí thư, Cấp ủy viên";61000001;cb02',
      'Ngô Văn Đạt;Đảng viên dự bị;;;',
      'Ngô Thị Én;Đảng viên chính thức;CAP UY VIEN;;CB01',
    ].join('\n');
    const people = await count('person');
    const audits = await count('audit_log');
    const res = await upload(staff, tree.units.grassroots, 'all', csv);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ totalRows: 4, goodRows: 4, badRows: 0, imported: 4, errors: [] });
    expect(report.units).toEqual([
      { unitId: tree.units.c1, unitName: 'Chi bộ Văn phòng Sở', rows: 2 },
      { unitId: tree.units.c2, unitName: 'Chi bộ Thanh tra Sở', rows: 1 },
      { unitId: tree.units.grassroots, unitName: 'Đảng bộ Sở Tài chính', rows: 1 },
    ]);
    expect(await count('person')).toBe(people + 4);
    expect(await count('audit_log')).toBe(audits + 1);

    const c1 = await membersOf(tree.units.c1);
    expect(c1.find((m) => m.fullName === 'Ngô Văn Bảo')).toMatchObject({ positions: ['secretary'] });
    expect(c1.find((m) => m.fullName === 'Ngô Thị Én')).toMatchObject({ positions: ['committee_member'] });
    expect((await membersOf(tree.units.c2)).find((m) => m.fullName === 'Ngô Thị Cúc')).toMatchObject({
      positions: ['deputy_secretary', 'committee_member'], partyCardNo: '61000001',
    });
    expect((await membersOf(tree.units.grassroots)).map((m) => m.fullName)).toContain('Ngô Văn Đạt');
    // The unit of the row also manages the person.
    const managed = await t.database.db.execute<{ unit_id: string }>(sql`SELECT unit_id FROM person WHERE full_name = 'Ngô Thị Cúc'`);
    expect(managed.rows[0]!.unit_id).toBe(tree.units.c2);
  });

  const BAD = [
    HEADER,
    'Hà Văn An;Đảng viên chính thức;;;CB01',
    'Hà Văn Bình;Đảng viên chính thức;;;KHONG-CO',
    'Hà Văn Châu;Đảng viên chính thức;;;CB91',
    'Hà Văn Dũng;Đảng viên chính thức;;;DUK',
    'Hà Văn Giang;Đảng viên chính thức;;;CB03',
    'Hà Văn Huy;Đảng viên chính thức;Chủ nhiệm;;CB02',
    'Hà Văn Khoa;Đảng viên chính thức;Bí thư;;',
  ].join('\n');

  it('reports a bad code, a code of another subtree, a code above, an ended unit and an unknown position, each with its row and column, storing nothing', async () => {
    const people = await count('person');
    const memberships = await count('membership');
    const audits = await count('audit_log');
    const res = await upload(staff, tree.units.grassroots, 'check', BAD);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ totalRows: 7, goodRows: 2, badRows: 5, imported: 0 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Mã đơn vị'], [4, 'Mã đơn vị'], [5, 'Mã đơn vị'], [6, 'Mã đơn vị'], [7, 'Chức vụ']]);
    const message = (row: number) => report.errors.find((e) => e.row === row)!.message;
    expect(message(3)).toBe('Mã đơn vị "KHONG-CO" không có trong cây đơn vị của "Đảng bộ Sở Tài chính"');
    // A cell of another đảng bộ and the bloc above read exactly as a code that does not exist.
    expect(message(4)).toBe('Mã đơn vị "CB91" không có trong cây đơn vị của "Đảng bộ Sở Tài chính"');
    expect(message(5)).toBe('Mã đơn vị "DUK" không có trong cây đơn vị của "Đảng bộ Sở Tài chính"');
    expect(JSON.stringify(report)).not.toContain('Quy hoạch');
    expect(message(6)).toMatch(/"Chi bộ Kho bạc", đã giải thể hoặc sáp nhập từ 01\/01\/2022/);
    expect(message(7)).toMatch(/Chức vụ không hợp lệ: "Chủ nhiệm"/);
    expect(report.units).toEqual([
      { unitId: tree.units.c1, unitName: 'Chi bộ Văn phòng Sở', rows: 1 },
      { unitId: tree.units.grassroots, unitName: 'Đảng bộ Sở Tài chính', rows: 1 },
    ]);
    expect([await count('person'), await count('membership'), await count('audit_log')]).toEqual([people, memberships, audits]);

    const all = await upload(staff, tree.units.grassroots, 'all', BAD);
    expect(all.statusCode).toBe(400);
    expect((all.json() as ImportRejected).report?.badRows).toBe(5);
    expect([await count('person'), await count('membership'), await count('audit_log')]).toEqual([people, memberships, audits]);
  });

  it('stores only the good rows in mode good, each in its unit', async () => {
    const people = await count('person');
    const res = await upload(staff, tree.units.grassroots, 'good', BAD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, badRows: 5 });
    expect(await count('person')).toBe(people + 2);
    expect((await membersOf(tree.units.c1)).map((m) => m.fullName)).toContain('Hà Văn An');
    expect((await membersOf(tree.units.grassroots)).find((m) => m.fullName === 'Hà Văn Khoa')).toMatchObject({ positions: ['secretary'] });
    const stored = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM person WHERE full_name LIKE 'Hà Văn%'`);
    expect(stored.rows[0]!.n).toBe(2);
  });

  it('tells a client that asks how far the writing is, line by line, then gives the report', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Đoàn Văn Số ${i};Đảng viên chính thức;;;${i % 2 ? 'CB01' : 'CB02'}`);
    const res = await upload(staff, tree.units.grassroots, 'all', [HEADER, ...rows].join('\n'), { accept: 'application/x-ndjson' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ progress: { step: 'members', done: 0, total: 30 } });
    expect(lines).toContainEqual({ progress: { step: 'members', done: 30, total: 30 } });
    expect(lines.at(-1)).toMatchObject({ result: { imported: 30, units: [{ unitId: tree.units.c2, rows: 15 }, { unitId: tree.units.c1, rows: 15 }] } });
  });

  it('answers a refused "import all" as an ordinary 400 even to a client that asks for progress', async () => {
    const res = await upload(staff, tree.units.grassroots, 'all', BAD, { accept: 'application/x-ndjson' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ImportRejected).error.code).toBe('IMPORT_ROWS_INVALID');
  });

  it('exports a list of several units with their codes, which places each person back in their unit when imported', async () => {
    const res = await t.request(staff, { method: 'GET', url: `/api/units/${tree.units.grassroots}/members.xlsx?subtree=true` });
    expect(res.statusCode).toBe(200);
    const boundary = '----tkexport';
    const again = await t.request(staff, {
      method: 'POST',
      url: `/api/units/${tree.units.grassroots}/members/import?mode=check`,
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="xuat.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        res.rawPayload,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(again.statusCode, again.body).toBe(200);
    const report = again.json() as ImportReport;
    // Only the party cards already held are refused; no code is.
    expect(report.errors.filter((e) => e.column === 'Mã đơn vị')).toEqual([]);
    const rowsOf = new Map(report.units.map((u) => [u.unitId, u.rows]));
    const listed = async (unitId: string) => (await membersOf(unitId)).filter((m) => !m.partyCardNo).length;
    expect(rowsOf.get(tree.units.c1)).toBe(await listed(tree.units.c1));
    expect(rowsOf.get(tree.units.c2)).toBe(await listed(tree.units.c2));
  });

  it('refuses, as a row error, a cell secretary placing someone in the cell beside theirs', async () => {
    const people = await count('person');
    const csv = [HEADER, 'Mạc Văn Long;Đảng viên chính thức;;;CB02', 'Mạc Văn Minh;Đảng viên chính thức;;;CB01'].join('\n');
    const res = await upload(sec1, tree.units.c1, 'good', csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImportReport;
    expect(report.errors).toEqual([{ row: 2, column: 'Mã đơn vị', message: 'Mã đơn vị "CB02" không có trong cây đơn vị của "Chi bộ Văn phòng Sở"' }]);
    expect(report.imported).toBe(1);
    expect(await count('person')).toBe(people + 1);
    const long = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM person WHERE full_name = 'Mạc Văn Long'`);
    expect(long.rows[0]!.n).toBe(0);
  });
});

describe('accounts following a membership', () => {
  async function memberWithAccount(unitId: string, username: string, grants: { unitId: string; role: 'member' | 'secretary' }[]) {
    const personId = await buildPerson(t.database.db, unitId, { fullName: `Người ${username}`, validFrom: '2021-01-01' as never });
    const userId = await buildUser(t.database.db, username, grants, { personId });
    return { personId, userId, cookie: await t.login(username, PASSWORD) };
  }
  const activeGrants = async (userId: string) =>
    (await t.database.db.execute<{ unit_id: string; role: string }>(sql`
      SELECT unit_id, role FROM user_grant WHERE user_id = ${userId} AND revoked_at IS NULL ORDER BY role`)).rows;

  it('keeps the account of a member who moves, with the member grant on the new unit and none on the old', async () => {
    const m = await memberWithAccount(tree.units.c1, 'chuyen1', [{ unitId: tree.units.c1, role: 'secretary' }, { unitId: tree.units.c1, role: 'member' }]);
    const res = await t.request(staff, { method: 'POST', url: `/api/people/${m.personId}/transfer`, payload: { toUnitId: tree.units.c2, on: '2022-03-10' } });
    expect(res.statusCode, res.body).toBe(204);
    expect(await activeGrants(m.userId)).toEqual([{ unit_id: tree.units.c2, role: 'member' }]);
    // Still signed in, now a member of the new cell: it reads the new cell and no longer the old one.
    const me = await t.request(m.cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().grants).toEqual([expect.objectContaining({ unitId: tree.units.c2, role: 'member' })]);
    expect((await t.request(m.cookie, { method: 'GET', url: `/api/units/${tree.units.c2}/members` })).statusCode).toBe(200);
    expect((await t.request(m.cookie, { method: 'GET', url: `/api/units/${tree.units.c1}/members` })).statusCode).toBe(404);
    expect(await t.login('chuyen1', PASSWORD)).toMatch(/^tk_session=/);
    const audit = await t.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.grants_follow_transfer' AND entity_id = ${m.userId}`);
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('ends the account with the last membership: disabled, signed out, grants revoked, recorded', async () => {
    const m = await memberWithAccount(tree.units.c2, 'roidi1', [{ unitId: tree.units.c2, role: 'member' }]);
    const membership = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${m.personId}`);
    expect((await t.request(m.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const res = await t.request(staff, { method: 'POST', url: `/api/memberships/${membership.rows[0]!.id}/end`, payload: { on: '2022-03-14', reason: 'left' } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await t.request(m.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'roidi1', password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect(await activeGrants(m.userId)).toEqual([]);
    const audit = await t.database.db.execute<{ unit_path: string; after: { disabled: boolean } }>(sql`
      SELECT unit_path::text, after FROM audit_log WHERE entity_id = ${m.userId} AND action = 'user.disable_membership_ended'`);
    expect(audit.rows).toHaveLength(1);
    // Recorded where the membership was, for that cell's leaders to read.
    const c2Path = await t.database.db.execute<{ path: string }>(sql`SELECT path::text FROM unit WHERE id = ${tree.units.c2}`);
    expect(audit.rows[0]).toMatchObject({ unit_path: c2Path.rows[0]!.path, after: { disabled: true } });
  });

  it('leaves the account of a person who still has another open membership', async () => {
    const m = await memberWithAccount(tree.units.c1, 'haisinhhoat', [{ unitId: tree.units.c1, role: 'member' }]);
    await t.database.db.execute(sql`INSERT INTO membership (person_id, unit_id, category, positions, valid_from) VALUES (${m.personId}, ${tree.units.grassroots}, 'party_full', '{}', '2021-06-01')`);
    const first = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${m.personId} AND unit_id = ${tree.units.c1}`);
    const res = await t.request(staff, { method: 'POST', url: `/api/memberships/${first.rows[0]!.id}/end`, payload: { on: '2022-03-14', reason: 'other' } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await t.request(m.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('leaves an administrator of the installation signed in when their membership ends', async () => {
    const personId = await buildPerson(t.database.db, tree.units.c2, { fullName: 'Người quản trị', validFrom: '2021-01-01' as never });
    await buildUser(t.database.db, 'quantri2', [], { superuser: true, personId });
    const cookie = await t.login('quantri2', PASSWORD);
    const membership = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${personId}`);
    const res = await t.request(staff, { method: 'POST', url: `/api/memberships/${membership.rows[0]!.id}/end`, payload: { on: '2022-03-14', reason: 'left' } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});
