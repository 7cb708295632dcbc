/** Bad input gets a 400 with a Vietnamese message, and the database stays as it was. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
  cookie = await t.login('staff', PASSWORD);
});
afterAll(() => t.close());

async function counts(): Promise<string> {
  const r = await t.database.db.execute<{ c: string }>(sql`SELECT concat_ws(',', (SELECT count(*) FROM unit), (SELECT count(*) FROM person),
    (SELECT count(*) FROM membership), (SELECT count(*) FROM app_user), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM unit_revision)) AS c`);
  return r.rows[0]!.c;
}

const VIETNAMESE = /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i;

describe('bad input', () => {
  const cases: { name: string; body: string | Record<string, unknown>; contentType?: string; field?: string }[] = [
    { name: 'malformed JSON', body: '{"parentId": "x", ', contentType: 'application/json' },
    { name: 'an unknown field', body: { parentId: '', kind: 'cell', name: 'Chi bộ A', validFrom: '2022-01-01', extra: 1 } },
    { name: 'a wrong type', body: { parentId: 42, kind: 'cell', name: 'Chi bộ A', validFrom: '2022-01-01' }, field: 'parentId' },
    { name: 'an over-long name', body: { parentId: '', kind: 'cell', name: 'x'.repeat(301), validFrom: '2022-01-01' }, field: 'name' },
    { name: 'a date that does not exist', body: { parentId: '', kind: 'cell', name: 'Chi bộ A', validFrom: '2022-02-30' }, field: 'validFrom' },
    { name: 'an unknown unit kind', body: { parentId: '', kind: 'galaxy', name: 'Chi bộ A', validFrom: '2022-01-01' }, field: 'kind' },
  ];
  for (const c of cases) {
    it(`answers 400 in Vietnamese to ${c.name}, changing nothing`, async () => {
      const body = typeof c.body === 'string' ? c.body : { ...c.body, parentId: c.body.parentId === '' ? tree.units.grassroots : c.body.parentId };
      const before = await counts();
      const res = await t.request(cookie, {
        method: 'POST',
        url: '/api/units',
        ...(typeof body === 'string' ? { payload: body, headers: { 'content-type': c.contentType ?? 'application/json' } } : { payload: body }),
      });
      expect(res.statusCode, res.body).toBe(400);
      const err = res.json().error;
      expect(err.message).toMatch(VIETNAMESE);
      if (c.field) expect(err.fields.map((f: { path: string }) => f.path).join(' ')).toContain(c.field);
      expect(await counts()).toBe(before);
    });
  }

  it('refuses an unknown query parameter and an id that is not a uuid', async () => {
    expect((await t.request(cookie, { method: 'GET', url: `/api/units/${tree.units.c1}/children?foo=1` })).statusCode).toBe(400);
    const res = await t.request(cookie, { method: 'GET', url: '/api/units/not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Mã định danh không hợp lệ/);
  });

  it('rolls back a failing change as a whole: a duplicate user name adds no user and no grant', async () => {
    const before = await counts();
    const res = await t.request(cookie, { method: 'POST', url: '/api/users', payload: { username: 'sec1', password: 'mat-khau-789', grants: [{ unitId: tree.units.c1, role: 'member' }] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/đã có người dùng/);
    expect(await counts()).toBe(before);
  });

  it('refuses a request from another site and a browser request without the CSRF token', async () => {
    const payload = { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ CSRF', validFrom: '2022-01-01' };
    const cross = await t.request(cookie, { method: 'POST', url: '/api/units', payload, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
    const noToken = await t.request(cookie, { method: 'POST', url: '/api/units', payload, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
  });

  it('accepts a browser request carrying the CSRF token from /api/auth/me', async () => {
    const me = await t.request(cookie, { method: 'GET', url: '/api/auth/me' });
    const csrfCookie = me.cookies.find((c) => c.name === '_csrf');
    const token = me.json().csrfToken as string;
    const res = await t.request(`${cookie}; _csrf=${csrfCookie?.value}`, {
      method: 'POST', url: '/api/units',
      payload: { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Có mã', validFrom: '2022-01-01' },
      headers: { 'sec-fetch-site': 'same-origin', 'x-csrf-token': token },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('login rate limit', () => {
  it('slows down repeated guessing with 429 and a Vietnamese message', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ai-do', password: `doan-${i}` } });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.message).toMatch(/Quá nhiều lần thử/);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
