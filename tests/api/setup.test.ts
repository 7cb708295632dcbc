import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

// An installation with nothing but its administrator, as `TRIENKHAI_DEMO=false npm start` leaves it.
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.database.db, 'admin', [], { superuser: true });
  admin = await t.login('admin', PASSWORD);
});
afterAll(() => t.close());

const status = async () => {
  const res = await t.request(admin, { method: 'GET', url: '/api/setup' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const count = async (table: string) => (await t.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n;

describe('the first-run guide', () => {
  it('starts with every step to do', async () => {
    expect(await status()).toEqual({ topUnits: [], units: 0, members: 0, accounts: 0, secretariesWithoutAccount: 0 });
  });

  it('refuses a top unit with a wrong date or kind, with a Vietnamese message, storing nothing', async () => {
    const bad = await t.request(admin, { method: 'POST', url: '/api/top-units', payload: { kind: 'bloc_committee', name: 'Đảng ủy Khối', validFrom: '2022-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/ngày/i);
    const kind = await t.request(admin, { method: 'POST', url: '/api/top-units', payload: { kind: 'planet', name: 'Đảng ủy Khối', validFrom: '2022-01-01' } });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toContain('Loại đơn vị không hợp lệ');
    expect(await count('unit')).toBe(0);
  });

  it('creates the top unit with its event, and counts each later step from the data', async () => {
    const res = await t.request(admin, {
      method: 'POST', url: '/api/top-units',
      payload: { kind: 'bloc_committee', name: 'Đảng ủy Khối các cơ quan tỉnh', shortName: 'ĐUK', code: 'DUK', validFrom: '2020-10-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const top = res.json().id as string;
    const events = await t.database.db.execute<{ kind: string }>(sql`SELECT kind FROM unit_event WHERE ${top} = ANY (units_after)`);
    expect(events.rows.map((e) => e.kind)).toEqual(['create']);
    const revisions = await t.database.db.execute(sql`SELECT 1 FROM unit_revision WHERE unit_id = ${top} AND valid_from = '2020-10-01' AND valid_to IS NULL`);
    expect(revisions.rows).toHaveLength(1);
    expect(await status()).toEqual({ topUnits: [{ id: top, name: 'Đảng ủy Khối các cơ quan tỉnh' }], units: 1, members: 0, accounts: 0, secretariesWithoutAccount: 0 });

    const again = await t.request(admin, { method: 'POST', url: '/api/top-units', payload: { kind: 'bloc_committee', name: 'Khối khác', code: 'duk', validFrom: '2020-10-01' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Mã đơn vị "duk" đã được dùng');

    const cell = (await t.request(admin, { method: 'POST', url: '/api/units', payload: { parentId: top, kind: 'cell', name: 'Chi bộ Văn phòng', validFrom: '2021-01-01' } })).json().id as string;
    const secretary = await buildPerson(t.database.db, cell, { fullName: 'Nguyễn Văn An', positions: ['secretary'] });
    await buildPerson(t.database.db, cell, { fullName: 'Trần Thị Bích' });
    expect(await status()).toMatchObject({ units: 2, members: 2, accounts: 0, secretariesWithoutAccount: 1 });
    await buildUser(t.database.db, 'nguyenvanan', [{ unitId: cell, role: 'secretary' }], { personId: secretary });
    expect(await status()).toMatchObject({ accounts: 1, secretariesWithoutAccount: 0 });
  });

  it('is for the system administrator only', async () => {
    const top = (await status()).topUnits[0].id as string;
    await buildUser(t.database.db, 'khoi.admin', [{ unitId: top, role: 'admin' }]);
    const unitAdmin = await t.login('khoi.admin', PASSWORD);
    expect((await t.request(unitAdmin, { method: 'GET', url: '/api/setup' })).statusCode).toBe(403);
    const before = await count('unit');
    const res = await t.request(unitAdmin, { method: 'POST', url: '/api/top-units', payload: { kind: 'bloc_committee', name: 'Khối mới', validFrom: '2021-01-01' } });
    expect(res.statusCode).toBe(403);
    expect(await count('unit')).toBe(before);
    expect((await t.request(null, { method: 'GET', url: '/api/setup' })).statusCode).toBe(401);
  });
});
