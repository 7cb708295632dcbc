/**
 * The access-control suite, generated from the route table: for every API route, a user
 * granted on one cell (sec1, secretary of c1) can read and write their own cell, gets 404/403
 * for the sibling cell c2 and for the parent's private data, and the database is unchanged by
 * every refused request; an anonymous request gets 401. A route without a case here fails the
 * suite, so a new route cannot escape it.
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTree, buildUnit, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

type Target = 'own' | 'sibling' | 'parent';
type Tree = Awaited<ReturnType<typeof buildTree>>;

interface Fixture {
  tree: Tree;
  t: TestApp;
  /** A unit, person, membership and user for each target. */
  unit: Record<Target, string>;
  person: Record<Target, string>;
  membership: Record<Target, string>;
  user: Record<Target, string>;
}

interface Case {
  /** The request aimed at the target's data. */
  request: (target: Target, fx: Fixture) => Promise<InjectOptions> | InjectOptions;
  /**
   * For routes open to every signed-in user that filter what they return: a check that the
   * answer holds nothing of the sibling or the parent.
   */
  leaks?: (body: string, fx: Fixture) => boolean;
  /** Routes that act only on the caller's own session or account: there is no other target. */
  selfOnly?: boolean;
}

const today = '2022-03-15';
let csvFile = 0;
function multipartCsv(rows: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tk${csvFile++}`;
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ds.csv"\r\nContent-Type: text/csv\r\n\r\n${rows}\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A fresh sub-unit of the target's unit, for writes that consume their target (dissolve, split, merge). */
async function freshUnitUnder(fx: Fixture, target: Target): Promise<string> {
  return buildUnit(fx.t.database.db, { parentId: fx.unit[target], kind: 'cell', name: `Tổ ${Math.random().toString(36).slice(2, 7)}` });
}

function itemIds(body: string): string[] {
  const parsed = JSON.parse(body) as { items?: { id: string }[] };
  return (parsed.items ?? []).map((i) => i.id);
}

const CASES: Record<string, Case> = {
  'POST /api/auth/logout': { selfOnly: true, request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/me': {
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
    leaks: (body, fx) => body.includes(fx.unit.sibling) || body.includes(fx.tree.units.grassroots),
  },
  'POST /api/auth/password': {
    selfOnly: true,
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  },
  'GET /api/units': {
    request: () => ({ method: 'GET', url: '/api/units?q=chi%20bo' }),
    // A unit's own record names its parent's id; what must not appear is another unit as a result.
    leaks: (body, fx) => itemIds(body).some((id) => id === fx.unit.sibling || id === fx.unit.parent),
  },
  'GET /api/units/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}` }) },
  'GET /api/units/:id/children': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/children?on=${today}` }) },
  'POST /api/units': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/units', payload: { parentId: fx.unit[tg], kind: 'cell', name: 'Tổ đảng mới', validFrom: today } }),
  },
  'PATCH /api/units/:id': {
    request: async (tg, fx) => ({ method: 'PATCH', url: `/api/units/${await freshUnitUnder(fx, tg)}`, payload: { name: 'Tên mới', on: today } }),
  },
  'POST /api/units/:id/move': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/units/${await freshUnitUnder(fx, tg)}/move`, payload: { parentId: await freshUnitUnder(fx, tg), on: today } }),
  },
  'POST /api/units/merge': {
    request: async (tg, fx) => ({ method: 'POST', url: '/api/units/merge', payload: { sourceIds: [await freshUnitUnder(fx, tg)], targetId: await freshUnitUnder(fx, tg), on: today } }),
  },
  'POST /api/units/:id/split': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/units/${await freshUnitUnder(fx, tg)}/split`, payload: { parts: [{ name: 'Tổ A' }, { name: 'Tổ B' }], on: today } }),
  },
  'POST /api/units/:id/dissolve': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/units/${await freshUnitUnder(fx, tg)}/dissolve`, payload: { on: today } }),
  },
  'GET /api/users': {
    request: () => ({ method: 'GET', url: '/api/users' }),
    leaks: (body, fx) => itemIds(body).some((id) => id === fx.user.sibling || id === fx.user.parent),
  },
  'POST /api/users': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/users', payload: { username: `u${Math.random().toString(36).slice(2, 8)}`, password: 'mat-khau-456', grants: [{ unitId: fx.unit[tg], role: 'member' }] } }),
  },
  'PATCH /api/users/:id': {
    request: (tg, fx) => ({ method: 'PATCH', url: `/api/users/${fx.user[tg]}`, payload: { grants: [{ unitId: fx.unit[tg], role: 'member' }] } }),
  },
  'GET /api/audit': {
    request: (tg, fx) => ({ method: 'GET', url: `/api/audit?unitId=${fx.unit[tg]}` }),
  },
  // members
  'GET /api/units/:id/members': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/members` }) },
  'POST /api/units/:id/members': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/units/${fx.unit[tg]}/members`, payload: { fullName: 'Đỗ Thị Lan', category: 'party_full', validFrom: today } }),
  },
  'GET /api/units/:id/members.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/members.xlsx` }) },
  'POST /api/units/:id/members/import': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/units/${fx.unit[tg]}/members/import?mode=all`, ...multipartCsv('Họ và tên,Loại thành viên,Ngày vào đơn vị\nVũ Văn Hùng,Đảng viên chính thức,01/03/2022\n') }),
  },
  // The import templates are the same blank form for every signed-in user: no unit's data.
  'GET /api/members/import-template.xlsx': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/members/import-template.xlsx' }) },
  'GET /api/members/import-template.csv': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/members/import-template.csv' }) },
  'GET /api/people/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/people/${fx.person[tg]}` }) },
  'PATCH /api/people/:id': { request: (tg, fx) => ({ method: 'PATCH', url: `/api/people/${fx.person[tg]}`, payload: { phone: '0912345678' } }) },
  'POST /api/people/:id/transfer': {
    request: async (tg, fx) => {
      const from = await freshUnitUnder(fx, tg);
      const person = await buildPerson(fx.t.database.db, from, { validFrom: '2021-01-01' as never });
      return { method: 'POST', url: `/api/people/${person}/transfer`, payload: { toUnitId: fx.unit[tg], on: today } };
    },
  },
  'PATCH /api/memberships/:id': { request: (tg, fx) => ({ method: 'PATCH', url: `/api/memberships/${fx.membership[tg]}`, payload: { positions: ['rapporteur'] } }) },
  'POST /api/memberships/:id/end': {
    request: async (tg, fx) => {
      const person = await buildPerson(fx.t.database.db, fx.unit[tg], { validFrom: '2021-01-01' as never });
      const r = await fx.t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${person}`);
      return { method: 'POST', url: `/api/memberships/${r.rows[0]!.id}/end`, payload: { on: today, reason: 'left' } };
    },
  },
};

let fx: Fixture;
let cookie: string;

/** A fingerprint of every table a request could change. */
async function fingerprint(t: TestApp): Promise<string> {
  const r = await t.database.db.execute<{ f: string }>(sql`SELECT concat_ws('|',
    (SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY id), '')) FROM unit u),
    (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY id), '')) FROM person p),
    (SELECT md5(coalesce(string_agg(m::text, ',' ORDER BY id), '')) FROM membership m),
    (SELECT md5(coalesce(string_agg(g::text, ',' ORDER BY id), '')) FROM user_grant g),
    (SELECT md5(coalesce(string_agg(a.id::text || a.username, ',' ORDER BY id), '')) FROM app_user a),
    (SELECT count(*) FROM audit_log)) AS f`);
  return r.rows[0]!.f;
}

beforeAll(async () => {
  const t = await createTestApp();
  const tree = await buildTree(t.database.db);
  const membershipOf = async (personId: string) =>
    (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${personId}`)).rows[0]!.id;
  const pParent = await buildPerson(t.database.db, tree.units.grassroots, { fullName: 'Đinh Văn Giang' });
  fx = {
    tree,
    t,
    unit: { own: tree.units.c1, sibling: tree.units.c2, parent: tree.units.grassroots },
    person: { own: tree.people.p1b, sibling: tree.people.p2b, parent: pParent },
    membership: { own: await membershipOf(tree.people.p1b), sibling: await membershipOf(tree.people.p2b), parent: await membershipOf(pParent) },
    user: { own: tree.users.member1, sibling: tree.users.sec2, parent: tree.users.staff },
  };
  cookie = await t.login('sec1', PASSWORD);
});
afterAll(() => fx.t.close());

describe('access control, route by route', () => {
  it('has a case for every API route', () => {
    const routes = fx.t.app.routeTable.filter((r) => r.access?.kind !== 'public').map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !CASES[r]);
    expect(missing, 'routes without an access-control case').toEqual([]);
    expect(fx.t.app.routeTable.every((r) => r.access !== undefined), 'every route declares access').toBe(true);
  });

  it('answers 401 to anonymous requests on every non-public route', async () => {
    for (const route of fx.t.app.routeTable) {
      if (route.access?.kind === 'public') continue;
      const c = CASES[`${route.method} ${route.url}`];
      if (!c) continue;
      const res = await fx.t.request(null, await c.request('own', fx));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  for (const target of ['sibling', 'parent'] as const) {
    it(`refuses the ${target}'s data on every route, changing nothing`, async () => {
      for (const route of fx.t.app.routeTable) {
        if (route.access?.kind === 'public') continue;
        const key = `${route.method} ${route.url}`;
        const c = CASES[key];
        if (!c || c.selfOnly) continue;
        const request = await c.request(target, fx);
        const before = await fingerprint(fx.t);
        const res = await fx.t.request(cookie, request);
        if (c.leaks) {
          expect(res.statusCode, key).toBeLessThan(500);
          expect(c.leaks(res.body, fx), `${key} leaks ${target} data`).toBe(false);
          continue;
        }
        expect([403, 404], `${key} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        if (res.statusCode === 404) expect(res.body, key).not.toContain(fx.unit[target]);
        expect(await fingerprint(fx.t), `${key} changed the database`).toBe(before);
      }
    });
  }

  it('lets the cell read and write its own data on every route', async () => {
    for (const route of fx.t.app.routeTable) {
      if (route.access?.kind === 'public') continue;
      const key = `${route.method} ${route.url}`;
      const c = CASES[key];
      if (!c) continue;
      // Signing out ends the session it is given: it gets a session of its own.
      const as = route.url === '/api/auth/logout' ? await fx.t.login('sec1', PASSWORD) : cookie;
      const res = await fx.t.request(as, await c.request('own', fx));
      expect(res.statusCode >= 200 && res.statusCode < 300, `${key} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBe(true);
    }
  });
});
