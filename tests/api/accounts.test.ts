/**
 * Accounts in bulk with one-time passwords (issue 15, docs/decisions/019): the preview and the
 * creation for "every cell's bí thư as secretary" and "every member as member", user names by the
 * scheme with duplicates numbered, the slips files holding every user name and password, e-mail
 * instead of print, the audit log naming who produced them and holding no password, the first
 * sign-in that must change the password, expiry, and an administrator's reset.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '#server/services/notifications/mailer.ts';
import { readDocx } from '../support/docx-read.ts';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let c3: string;
let c4: string;
const people: Record<string, string> = {};
const sent: { to: string; subject: string; text: string }[] = [];
/** Every one-time password seen by the tests, to look for in the tables afterwards. */
const seen: string[] = [];
const mailer: Mailer = {
  async send(m) {
    if (m.to.startsWith('hong@')) throw new Error('550 mailbox unavailable');
    sent.push(m);
  },
};

const secretaries = { position: 'secretary', unitKinds: ['cell'], role: 'secretary' } as const;
const everyone = { position: null, unitKinds: [], role: 'member' } as const;

async function login(username: string, password: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}
const cookieOf = (res: LightMyRequestResponse) => `tk_session=${res.cookies.find((c) => c.name === 'tk_session')!.value}`;

async function xlsxRows(buf: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out[ws.name] = rows;
  });
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ mailer });
  tree = await buildTree(t.database.db);
  c3 = await buildUnit(t.database.db, { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kế toán' });
  c4 = await buildUnit(t.database.db, { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Ngân sách' });
  const db = t.database.db;
  people.a1 = await buildPerson(db, c3, { fullName: 'Nguyễn Văn An', positions: ['secretary'] });
  people.a2 = await buildPerson(db, c3, { fullName: 'Nguyễn Văn An' });
  people.a3 = await buildPerson(db, c4, { fullName: 'Nguyễn Văn Ấn', positions: ['secretary'] });
  people.a4 = await buildPerson(db, c4, { fullName: 'Đặng Thị Đào' });
  people.a5 = await buildPerson(db, c4, { fullName: 'Lê Văn Hết' });
  people.a6 = await buildPerson(db, c4, { fullName: 'Trần Thị Hồng' });
  await db.execute(sql`UPDATE membership SET valid_to = '2021-12-31', end_reason = 'left' WHERE person_id = ${people.a5}`);
  await db.execute(sql`UPDATE person SET email = 'dao@example.vn' WHERE id = ${people.a4}`);
  await db.execute(sql`UPDATE person SET email = 'hong@example.vn' WHERE id = ${people.a6}`);
  // A name already taken, whatever its case: the first Nguyễn Văn An is numbered.
  await buildUser(db, 'NguyenVanAn', [{ unitId: tree.units.bloc, role: 'viewer' }]);
  staff = await t.login('staff', PASSWORD);
});
afterAll(() => t.close());

describe('the bí thư rule', () => {
  it('previews each cell secretary as secretary of the cell, under a numbered user name', async () => {
    const res = await t.request(staff, { method: 'POST', url: '/api/accounts/preview', payload: { unitIds: [c3, c4], rules: [secretaries] } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { personId: string; username: string; role: string; unitName: string }) => [i.personId, i.username, i.role, i.unitName])).toEqual([
      [people.a1, 'nguyenvanan2', 'secretary', 'Chi bộ Kế toán'],
      [people.a3, 'nguyenvanan3', 'secretary', 'Chi bộ Ngân sách'],
    ]);
    expect(body.skippedCount).toEqual({ hasAccount: 0, noMembership: 0 });
    expect(body.canEmail).toBe(true);
    const page = await t.request(staff, { method: 'POST', url: '/api/accounts/preview', payload: { unitIds: [c3, c4], rules: [secretaries], limit: 1, offset: 1 } });
    expect(page.json().items.map((i: { username: string }) => i.username)).toEqual(['nguyenvanan3']);
    expect(page.json().total).toBe(2);
  });

  let slipsId = '';
  it('creates them in one go with progress, and answers the slips once as .xlsx, one sheet per unit', async () => {
    const res = await t.request(staff, {
      method: 'POST', url: '/api/accounts', headers: { accept: 'application/x-ndjson' }, payload: { unitIds: [c3, c4], rules: [secretaries], format: 'xlsx' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const steps = lines.filter((l) => 'progress' in l).map((l) => l.progress.step);
    expect(steps[0]).toBe('passwords');
    expect(steps).toContain('accounts');
    expect(steps.lastIndexOf('passwords')).toBeLessThan(steps.indexOf('accounts'));
    const result = lines.at(-1).result;
    expect(result).toMatchObject({ created: 2, emailed: 0, emailFailed: 0, printed: 2 });
    slipsId = result.slips.id;
    expect(result.slips.filename).toMatch(/\.xlsx$/);

    const file = await t.request(staff, { method: 'GET', url: `/api/accounts/slips/${slipsId}` });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    const sheets = await xlsxRows(file.rawPayload);
    expect(Object.keys(sheets)).toEqual(['Chi bộ Kế toán', 'Chi bộ Ngân sách']);
    expect(sheets['Chi bộ Kế toán']![0]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Tên đăng nhập', 'Mật khẩu dùng một lần', 'Dùng được đến']);
    const [, an] = sheets['Chi bộ Kế toán']!;
    const [, an3] = sheets['Chi bộ Ngân sách']!;
    expect(an!.slice(0, 4)).toEqual(['1', 'Nguyễn Văn An', 'Chi bộ Kế toán', 'nguyenvanan2']);
    expect(an3!.slice(1, 4)).toEqual(['Nguyễn Văn Ấn', 'Chi bộ Ngân sách', 'nguyenvanan3']);
    expect(an![4]).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
    expect(an![5]).toBe('29/03/2022 10:00');
    seen.push(an![4]!, an3![4]!);

    // Produced once: the second fetch finds nothing.
    const again = await t.request(staff, { method: 'GET', url: `/api/accounts/slips/${slipsId}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/một lần/);

    const rows = await t.database.db.execute<{ username: string; must_change_password: boolean; person_id: string; role: string; unit_id: string }>(sql`
      SELECT au.username, au.must_change_password, au.person_id, g.role, g.unit_id FROM app_user au JOIN user_grant g ON g.user_id = au.id
      WHERE au.username IN ('nguyenvanan2', 'nguyenvanan3') ORDER BY au.username`);
    expect(rows.rows).toEqual([
      { username: 'nguyenvanan2', must_change_password: true, person_id: people.a1, role: 'secretary', unit_id: c3 },
      { username: 'nguyenvanan3', must_change_password: true, person_id: people.a3, role: 'secretary', unit_id: c4 },
    ]);
  });

  it('records who produced them, without the passwords', async () => {
    const r = await t.database.db.execute<{ actor_name: string; entity_id: string; after: { created: number; format: string } }>(sql`
      SELECT actor_name, entity_id, after FROM audit_log WHERE action = 'accounts.create' ORDER BY id`);
    expect(r.rows.map((x) => [x.actor_name, x.entity_id, x.after.created, x.after.format])).toEqual([['staff', c3, 1, 'xlsx'], ['staff', c4, 1, 'xlsx']]);
  });

  it('refuses to create them again: everyone chosen now has an account', async () => {
    const res = await t.request(staff, { method: 'POST', url: '/api/accounts', payload: { unitIds: [c3, c4], rules: [secretaries], format: 'xlsx' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('NO_ACCOUNTS_TO_CREATE');
  });
});

describe('the member rule, with e-mail', () => {
  it('skips who has an account or no active membership, and numbers the next Nguyễn Văn An', async () => {
    const res = await t.request(staff, { method: 'POST', url: '/api/accounts/preview', payload: { unitIds: [c3, c4], rules: [secretaries, everyone] } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Unit by unit (Chi bộ Kế toán, then Chi bộ Ngân sách).
    const items = body.items.map((i: { personId: string; username: string; role: string; hasEmail: boolean }) => [i.personId, i.username, i.role, i.hasEmail]);
    expect(items[0]).toEqual([people.a2, 'nguyenvanan4', 'member', false]);
    expect(items.slice(1)).toEqual(expect.arrayContaining([[people.a4, 'dangthidao', 'member', true], [people.a6, 'tranthihong', 'member', true]]));
    expect(items).toHaveLength(3);
    expect(body.skippedCount).toEqual({ hasAccount: 2, noMembership: 1 });
    expect(body.skipped.map((s: { personId: string; reason: string }) => [s.personId, s.reason])).toEqual(
      expect.arrayContaining([[people.a1, 'has_account'], [people.a3, 'has_account'], [people.a5, 'no_membership']]),
    );
  });

  it('e-mails the password where an address is known, prints the others and any e-mail that failed, as .docx slips', async () => {
    const res = await t.request(staff, { method: 'POST', url: '/api/accounts', payload: { unitIds: [c3, c4], rules: [secretaries, everyone], format: 'docx', email: true } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: 3, emailed: 1, emailFailed: 1, printed: 2 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('dao@example.vn');
    expect(sent[0]!.text).toContain('Tên đăng nhập: dangthidao');
    const mailed = /Mật khẩu dùng một lần: (\S+)/.exec(sent[0]!.text)![1]!;
    seen.push(mailed);
    expect((await login('dangthidao', mailed)).json().mustChangePassword).toBe(true);

    const file = await t.request(staff, { method: 'GET', url: `/api/accounts/slips/${res.json().slips.id}` });
    expect(file.statusCode).toBe(200);
    const doc = await readDocx(file.rawPayload);
    const text = doc.text.join('\n');
    expect(text).toContain('nguyenvanan4');
    expect(text).toContain('tranthihong');
    expect(text).not.toContain('dangthidao');
    expect(text).toContain('Đổi mật khẩu ở lần đăng nhập đầu');
    expect(text).toContain('http://localhost');
    const passwords = [...text.matchAll(/Mật khẩu: ([2-9a-hjkmnp-z]{10})/g)].map((m) => m[1]!);
    expect(passwords).toHaveLength(2);
    seen.push(...passwords);
    const audit = await t.database.db.execute<{ after: { emailed: number; failed: number } }>(sql`SELECT after FROM audit_log WHERE action = 'accounts.email'`);
    expect(audit.rows.map((r) => r.after)).toEqual([{ emailed: 1, failed: 1 }]);
  });
});

describe('the first sign-in with a one-time password', () => {
  it('says the password must be changed, refuses everything else with PASSWORD_CHANGE_REQUIRED until it is, then works', async () => {
    const password = seen[0]!;
    const res = await login('nguyenvanan2', password);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    const cookie = cookieOf(res);
    const me = await t.request(cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({ username: 'nguyenvanan2', mustChangePassword: true });
    for (const url of ['/api/units', `/api/units/${c3}`, '/api/notifications']) {
      const refused = await t.request(cookie, { method: 'GET', url });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refused.json().error.message).toMatch(/đổi mật khẩu/);
    }
    const same = await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: password, newPassword: password } });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('SAME_PASSWORD');
    const changed = await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: password, newPassword: 'mat-khau-rieng-1' } });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await t.request(cookie, { method: 'GET', url: `/api/units/${c3}` })).statusCode).toBe(200);
    expect((await t.request(cookie, { method: 'GET', url: '/api/auth/me' })).json().mustChangePassword).toBe(false);
    expect((await login('nguyenvanan2', 'mat-khau-rieng-1')).json().mustChangePassword).toBe(false);
    expect((await login('nguyenvanan2', password)).statusCode).toBe(401);
  });
});

describe("an administrator's reset", () => {
  it('gives a one-time password once, that must be changed, recorded without the password', async () => {
    const member = await t.login('member1', PASSWORD);
    const res = await t.request(staff, { method: 'POST', url: `/api/users/${tree.users.member1}/one-time-password` });
    expect(res.statusCode, res.body).toBe(200);
    const { username, password, validUntil } = res.json();
    seen.push(password);
    expect(username).toBe('member1');
    expect(password).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
    expect(validUntil).toBe('2022-03-29T03:00:00.000Z');
    expect((await t.request(member, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('member1', PASSWORD)).statusCode).toBe(401);
    const signed = await login('member1', password);
    expect(signed.json().mustChangePassword).toBe(true);
    const audit = await t.database.db.execute<{ actor_name: string; entity_id: string }>(sql`SELECT actor_name, entity_id FROM audit_log WHERE action = 'user.one_time_password'`);
    expect(audit.rows).toEqual([{ actor_name: 'staff', entity_id: tree.users.member1 }]);
  });

  it('makes a password set through the user editor one to change at the next sign-in', async () => {
    const admin = await t.login('admin', PASSWORD);
    const res = await t.request(admin, { method: 'PATCH', url: `/api/users/${tree.users.sec2}`, payload: { password: 'mat-khau-tam-thoi' } });
    expect(res.statusCode, res.body).toBe(204);
    const signed = await login('sec2', 'mat-khau-tam-thoi');
    expect(signed.json().mustChangePassword).toBe(true);
    expect((await t.request(cookieOf(signed), { method: 'GET', url: '/api/units' })).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it("refuses one's own account, a system administrator's, and an account above the actor's own role", async () => {
    const own = await t.request(staff, { method: 'POST', url: `/api/users/${tree.users.staff}/one-time-password` });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('CURRENT_PASSWORD_REQUIRED');
    const admin = await t.login('admin', PASSWORD);
    const other = await buildUser(t.database.db, 'admin2', [], { superuser: true });
    const sup = await t.request(admin, { method: 'POST', url: `/api/users/${other}/one-time-password` });
    expect(sup.statusCode).toBe(403);
    expect(sup.json().error.code).toBe('SUPERUSER_PASSWORD');
    const cellAdmin = await buildUser(t.database.db, 'qtchibo', [{ unitId: tree.units.c1, role: 'admin' }]);
    const sec1 = await t.login('sec1', PASSWORD);
    const above = await t.request(sec1, { method: 'POST', url: `/api/users/${cellAdmin}/one-time-password` });
    expect(above.statusCode).toBe(403);
    expect((await login('qtchibo', PASSWORD)).statusCode).toBe(200);
  });
});

describe('expiry', () => {
  it('refuses a one-time password past its date, telling to ask the administrator', async () => {
    const password = seen[1]!; // nguyenvanan3's, never changed
    t.clock.now = new Date('2022-03-29T03:00:01Z');
    const res = await login('nguyenvanan3', password);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('PASSWORD_EXPIRED');
    expect(res.json().error.message).toMatch(/quản trị/);
    // A wrong password still says only that the credentials are wrong.
    expect((await login('nguyenvanan3', 'khong-dung-1')).json().error.code).toBe('BAD_CREDENTIALS');
    t.clock.now = new Date('2022-03-15T03:00:00Z');
  });
});

describe('no password in clear anywhere', () => {
  it('is in no table the server writes: audit log, jobs, notifications, users, sessions', async () => {
    expect(seen.length).toBeGreaterThanOrEqual(6);
    for (const table of ['audit_log', 'job', 'notification', 'app_user', 'session', 'login_failure']) {
      const r = await t.database.db.execute<{ row: string }>(sql`SELECT t::text AS row FROM ${sql.identifier(table)} t`);
      const all = r.rows.map((x) => x.row).join('\n');
      for (const p of seen) expect(all.includes(p), `${table} holds a password`).toBe(false);
    }
  });
});

describe('refusals', () => {
  it('refuses a rule without units, an unknown position, and a role the actor may not grant', async () => {
    const none = await t.request(staff, { method: 'POST', url: '/api/accounts/preview', payload: { unitIds: [], rules: [everyone] } });
    expect(none.statusCode).toBe(400);
    const bad = await t.request(staff, { method: 'POST', url: '/api/accounts/preview', payload: { unitIds: [c3], rules: [{ position: 'chu_tich', role: 'member' }] } });
    expect(bad.statusCode).toBe(400);
    const admins = await t.request(staff, { method: 'POST', url: '/api/accounts', payload: { unitIds: [c3], rules: [{ position: null, role: 'admin' }], format: 'xlsx' } });
    expect(admins.statusCode).toBe(403);
    expect(admins.json().error.message).toContain('Quản trị');
  });
});
