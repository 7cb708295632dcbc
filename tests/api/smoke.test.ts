import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
});
afterAll(() => t.close());

describe('health and login', () => {
  it('reports the database in use', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDbKind() });
  });

  it('signs in with the right password and refuses a wrong one', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sec1', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'tk_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sec1', password: 'sai-mat-khau' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toMatch(/không đúng/);
  });

  it('publishes the OpenAPI description and its readable docs', async () => {
    const json = await t.request(null, { method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/units/{id}', '/api/users']));
    const page = await t.request(null, { method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers 404 in Vietnamese to an API address that does not exist', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/khong-ton-tai' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Không tìm thấy.');
  });

  it('answers 401 without a session', async () => {
    const res = await t.request(null, { method: 'GET', url: `/api/units/${tree.units.c1}` });
    expect(res.statusCode).toBe(401);
  });

  it('shows a cell its own unit and hides the sibling', async () => {
    const cookie = await t.login('sec1', PASSWORD);
    const own = await t.request(cookie, { method: 'GET', url: `/api/units/${tree.units.c1}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().name).toBe('Chi bộ Văn phòng Sở');
    const sibling = await t.request(cookie, { method: 'GET', url: `/api/units/${tree.units.c2}` });
    expect(sibling.statusCode).toBe(404);
    expect(sibling.body).not.toContain('Thanh tra');
  });

  it('finds units without diacritics', async () => {
    const cookie = await t.login('viewer', PASSWORD);
    const res = await t.request(cookie, { method: 'GET', url: '/api/units?q=dang%20uy%20khoi' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { name: string }) => u.name)).toContain('Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh');
  });
});
