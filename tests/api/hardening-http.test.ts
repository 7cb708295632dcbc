/**
 * The HTTP layer under attack (issue 13): signing in cannot be guessed past its limits nor be used
 * to lock an office out; a percent-encoded path gets the same answer as the plain one; a password
 * changes only with the current one; a GET changes nothing; hostile text, dates, nesting and URLs
 * get a 4xx in Vietnamese, never a 500.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { startFileReaders } from '#server/readers/file-readers.ts';
import { importDocument } from '#server/services/documents/import-document.ts';
import { createCampaign } from '#server/services/meetings/create-campaign.ts';
import { createMeeting } from '#server/services/meetings/create-meeting.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { saveSubmission } from '#server/services/reports/save-submission.ts';
import { CampaignCreateSchema, MeetingCreateSchema } from '#shared/meetings.ts';
import { RoundCreateSchema } from '#shared/personal-plans.ts';
import { launchRound } from '#server/services/personal-plans/launch-round.ts';
import { addTaskAttachment } from '#server/services/attachments/add-attachment.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import { buildPerson, buildTree, PASSWORD, SYSTEM } from '../support/factories.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const VIETNAMESE = /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i;
const SOME_ID = '7d1f6a8e-4c2b-4f0e-9a3d-2b8c5e6f1a90';

/** A route pattern as a request path: every `:param` an id that names nothing. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, SOME_ID);

function login(t: TestApp, username: string, password: string, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...extra });
}

function expectVietnameseError(res: LightMyRequestResponse | { statusCode: number; body: string }, status?: number): void {
  if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  const body = JSON.parse(res.body) as { error: { code: string; message: string } };
  expect(typeof body.error.code, res.body).toBe('string');
  expect(body.error.message, res.body).toMatch(VIETNAMESE);
}

describe('finding 4: signing in', () => {
  it('keeps counting when every attempt claims another X-Forwarded-For', async () => {
    const t = await createTestApp({ loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await login(t, 'ai-do', `doan-${i}`, { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('limits one user name at one address: the rest of the office still signs in', async () => {
    const t = await createTestApp({ loginRateLimit: 3 });
    try {
      await buildTree(t.database.db);
      for (let i = 0; i < 4; i++) await login(t, 'khong-co-ai', `doan-${i}`);
      expect((await login(t, 'khong-co-ai', 'doan-x')).statusCode).toBe(429);
      expect((await login(t, 'sec1', PASSWORD)).statusCode).toBe(200);
      expect((await login(t, 'sec2', PASSWORD)).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('counts failures only: signing in again and again is never limited', async () => {
    const t = await createTestApp({ loginRateLimit: 3 });
    try {
      await buildTree(t.database.db);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(t, 'sec1', PASSWORD)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      await t.close();
    }
  });

  it('delays an account after repeated failures from any address, longer each time, in every server process', async () => {
    const t = await createTestApp();
    try {
      await buildTree(t.database.db);
      const from = (n: number) => ({ remoteAddress: `198.51.100.${n}` });
      const failures: number[] = [];
      let n = 0;
      // Guesses from ever new addresses: the account is delayed all the same.
      for (;;) {
        const res = await login(t, 'sec1', `sai-${n}`, from(++n));
        failures.push(res.statusCode);
        if (res.statusCode !== 401) break;
        expect(n, 'no delay after 50 failures').toBeLessThan(50);
      }
      expect(failures.at(-1)).toBe(429);
      expect(failures.length).toBeGreaterThan(3); // a few typing slips are free
      // Delayed: even the right password waits, from an address never seen.
      const delayed = await login(t, 'sec1', PASSWORD, from(200));
      expectVietnameseError(delayed, 429);
      const first = Number(delayed.headers['retry-after']);
      expect(first).toBeGreaterThan(0);
      // A second server process on the same database sees the same delay.
      const other = await buildApp({ config: otherConfig(), database: t.database, clock: () => t.clock.now });
      try {
        expect((await other.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sec1', password: PASSWORD } })).statusCode).toBe(429);
      } finally {
        await other.close();
      }
      // After the delay one guess is allowed; it fails, and the next delay is longer.
      t.clock.now = new Date(t.clock.now.getTime() + first * 1000);
      expect((await login(t, 'sec1', 'sai-nua', from(201))).statusCode).toBe(401);
      const again = await login(t, 'sec1', PASSWORD, from(202));
      expect(again.statusCode).toBe(429);
      const second = Number(again.headers['retry-after']);
      expect(second).toBeGreaterThan(first);
      // Once it has passed, the right password signs in and the count starts again.
      t.clock.now = new Date(t.clock.now.getTime() + second * 1000);
      expect((await login(t, 'sec1', PASSWORD, from(203))).statusCode).toBe(200);
      expect((await login(t, 'sec1', 'sai-lan-nua', from(204))).statusCode).toBe(401);
      expect((await login(t, 'sec1', PASSWORD, from(205))).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('treats an unknown user name as it treats a real one, so delays do not tell which accounts exist', async () => {
    const t = await createTestApp();
    try {
      await buildTree(t.database.db);
      const answers = async (username: string) => {
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await login(t, username, `sai-${i}`, { remoteAddress: `192.0.2.${i + 1}` })).statusCode);
        return out;
      };
      expect(await answers('nobody-here')).toEqual(await answers('sec2'));
    } finally {
      await t.close();
    }
  });

  it('marks the session cookie Secure only for HTTPS it can trust', async () => {
    const direct = await createTestApp();
    const proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      await buildTree(direct.database.db);
      await buildTree(proxied.database.db);
      const secure = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'tk_session')?.secure === true;
      const https = { headers: { 'x-forwarded-proto': 'https' } };
      // No proxy is trusted by default: the header of a client proves nothing.
      expect(secure(await login(direct, 'sec1', PASSWORD, https))).toBe(false);
      // The proxy named in TRUST_PROXY is believed, and only it.
      expect(secure(await login(proxied, 'sec1', PASSWORD, https))).toBe(true);
      expect(secure(await login(proxied, 'sec1', PASSWORD, { ...https, remoteAddress: '203.0.113.9' }))).toBe(false);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });

  it('behind a trusted proxy, tells clients apart by the address the proxy saw, not by what they claim', async () => {
    const t = await createTestApp({ loginRateLimit: 3, env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const statuses: number[] = [];
      // The proxy appends the address it saw; whatever the client wrote before it changes nothing.
      for (let i = 0; i < 5; i++) statuses.push((await login(t, 'ai-do', `doan-${i}`, { headers: { 'x-forwarded-for': `10.9.9.${i}, 198.51.100.77` } })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Another client behind the same proxy is not limited by the first one's failures.
      expect((await login(t, 'ai-do', 'doan-khac', { headers: { 'x-forwarded-for': '198.51.100.78' } })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

/** The configuration of a second server process in the test above. */
function otherConfig() {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000' }), webDist: '/nonexistent' };
}

describe('finding 7: a percent-encoded path', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    await buildTree(t.database.db);
    admin = await t.login('admin', PASSWORD);
  });
  afterAll(() => t.close());

  /** The first letter of `/api` written as `%61`: the router decodes it, a test of the raw URL does not. */
  const encoded = (url: string) => url.replace(/^\/api\//, '/%61pi/');
  const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

  const answer = async (cookie: string | null, method: string, url: string, headers: Record<string, string> = {}) => {
    const res = await t.request(cookie, { method: method as InjectOptions['method'], url, headers });
    return `${res.statusCode} ${res.statusCode >= 400 ? (JSON.parse(res.body) as { error: { code: string } }).error.code : ''}`;
  };

  it('gets the answer of the plain path on every route, anonymous or signed in, same-site or cross-site', async () => {
    const differences: string[] = [];
    for (const route of t.app.routeTable) {
      const plain = concrete(route.url);
      const variants: { who: string; cookie: string | null; headers: Record<string, string> }[] = [
        { who: 'anonymous', cookie: null, headers: {} },
        { who: 'anonymous cross-site', cookie: null, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
      ];
      // Signed in, only what cannot change anything: reads, and writes from another site (refused).
      if (UNSAFE.has(route.method)) variants.push({ who: 'signed in cross-site', cookie: admin, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
      else variants.push({ who: 'signed in', cookie: admin, headers: {} });
      for (const v of variants) {
        const a = await answer(v.cookie, route.method, plain, v.headers);
        const b = await answer(v.cookie, route.method, encoded(plain), v.headers);
        if (a !== b) differences.push(`${route.method} ${route.url} (${v.who}): ${a} plain, ${b} encoded`);
      }
    }
    expect(differences).toEqual([]);
    // The admin's session survived the walk: no cross-site sign-out went through.
    expect((await t.request(admin, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('refuses the two requests of the report: a cross-site sign-out and the template without a session', async () => {
    const signOut = await t.request(admin, { method: 'POST', url: '/%61pi/auth/logout', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expectVietnameseError(signOut, 403);
    expectVietnameseError(await t.request(null, { method: 'GET', url: '/%61pi/members/import-template.xlsx' }), 401);
    expectVietnameseError(await t.request(null, { method: 'GET', url: '/api/%6dembers/import-template.csv' }), 401);
  });
});

describe('finding 9: a password changes only with the current one', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildTree(t.database.db);
  });
  afterAll(() => t.close());

  it('refuses a new password for one\'s own account through the user editor, for a secretary and for the administrator', async () => {
    for (const [username, id] of [['sec1', tree.users.sec1], ['admin', tree.users.admin]] as const) {
      const cookie = await t.login(username, PASSWORD);
      const res = await t.request(cookie, { method: 'PATCH', url: `/api/users/${id}`, payload: { password: 'mat-khau-cua-ke-gian' } });
      expectVietnameseError(res, 403);
      expect(res.json().error.code).toBe('CURRENT_PASSWORD_REQUIRED');
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'mat-khau-cua-ke-gian' } })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } })).statusCode).toBe(200);
    }
  });

  it('lets an administrator reset someone else\'s password, ends their sessions and records it', async () => {
    const admin = await t.login('admin', PASSWORD);
    const victim = await t.login('member1', PASSWORD);
    const res = await t.request(admin, { method: 'PATCH', url: `/api/users/${tree.users.member1}`, payload: { password: 'mat-khau-moi-1' } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await t.request(victim, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member1', password: 'mat-khau-moi-1' } })).statusCode).toBe(200);
    const audit = await t.database.db.execute<{ actor_name: string; action: string; entity_id: string; after: unknown }>(
      sql`SELECT actor_name, action, entity_id, after FROM audit_log WHERE action = 'user.reset_password'`,
    );
    expect(audit.rows).toEqual([{ actor_name: 'admin', action: 'user.reset_password', entity_id: tree.users.member1, after: null }]);
  });

  it('still changes one\'s own password with the current one', async () => {
    const cookie = await t.login('sec2', PASSWORD);
    const wrong = await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-2' } });
    expectVietnameseError(wrong, 400);
    const right = await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-2' } });
    expect(right.statusCode, right.body).toBe(204);
  });
});

describe('finding 12: hostile input gets a 4xx in Vietnamese', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let staff: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildTree(t.database.db);
    staff = await t.login('staff', PASSWORD);
    admin = await t.login('admin', PASSWORD);
  });
  afterAll(() => t.close());

  const counts = async () =>
    (await t.database.db.execute<{ c: string }>(sql`SELECT concat_ws(',', (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan),
      (SELECT count(*) FROM meeting), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM document)) AS c`)).rows[0]!.c;

  /**
   * `text` percent-encoded as a client would send it. encodeURIComponent refuses a lone surrogate;
   * a hand-made request writes it as the three bytes UTF-8 would give it (%ED%A0%80), which no
   * UTF-8 decoder accepts.
   */
  const q = (text: string) =>
    [...text]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (ch.length > 1 || c < 0xd800 || c > 0xdfff) return encodeURIComponent(ch);
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      })
      .join('');

  /** Requests carrying `bad` in a text or a search, one per kind of endpoint. */
  const textCases = (bad: string): { name: string; request: InjectOptions }[] => [
    { name: 'unit search', request: { method: 'GET', url: `/api/units?q=${q(bad)}` } },
    { name: 'document search', request: { method: 'GET', url: `/api/documents?q=${q(bad)}` } },
    { name: 'member search', request: { method: 'GET', url: `/api/units/${tree.units.c1}/members?q=${q(bad)}` } },
    { name: 'user search', request: { method: 'GET', url: `/api/users?q=${q(bad)}` } },
    { name: 'plan search', request: { method: 'GET', url: `/api/plans?unitId=${tree.units.bloc}&q=${q(bad)}` } },
    { name: 'unit name', request: { method: 'POST', url: '/api/units', payload: { parentId: tree.units.grassroots, kind: 'cell', name: `Chi bộ ${bad}`, validFrom: '2022-01-01' } } },
    { name: 'member name', request: { method: 'POST', url: `/api/units/${tree.units.c1}/members`, payload: { fullName: `Đỗ ${bad} Lan`, category: 'party_full', validFrom: '2022-01-01' } } },
    { name: 'plan title', request: { method: 'POST', url: '/api/plans', payload: { unitId: tree.units.bloc, title: `Kế hoạch ${bad}`, tasks: [{ text: 'Việc', audience: { scope: 'self' } }] } } },
    { name: 'meeting title', request: { method: 'POST', url: '/api/meetings', payload: { unitId: tree.units.c1, title: `Hội nghị ${bad}`, date: '2022-03-20' } } },
    { name: 'a key of an object', request: { method: 'POST', url: '/api/plans', payload: { unitId: tree.units.bloc, title: 'Kế hoạch', tasks: [{ text: 'Việc', audience: { scope: 'self' } }], [`x${bad}`]: 1 } } },
  ];

  for (const [what, bad] of [['a NUL character', 'a\u0000b'], ['a lone surrogate', 'a\ud800b'], ['a lone low surrogate', 'a\udc00b']] as const) {
    it(`refuses ${what} in every text and search, changing nothing`, async () => {
      for (const c of textCases(bad)) {
        const before = await counts();
        const res = await t.request(staff, c.request);
        expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
        expectVietnameseError(res);
        expect(await counts(), c.name).toBe(before);
      }
    });
  }

  it('keeps a valid pair of surrogates (an emoji) as text', async () => {
    const res = await t.request(staff, { method: 'GET', url: `/api/units?q=${encodeURIComponent('chi bộ 🙂')}` });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses dates in implausible years', async () => {
    const cases: InjectOptions[] = [
      { method: 'GET', url: `/api/units/${tree.units.grassroots}/children?on=0000-01-01` },
      { method: 'POST', url: `/api/units/${tree.units.c1}/members`, payload: { fullName: 'Đỗ Thị Lan', category: 'party_full', validFrom: '2022-01-01', birthDate: '0000-02-29' } },
      { method: 'POST', url: '/api/meetings', payload: { unitId: tree.units.c1, title: 'Hội nghị', date: '9999-12-31' } },
      { method: 'POST', url: '/api/plans', payload: { unitId: tree.units.bloc, title: 'Kế hoạch', tasks: [{ text: 'Việc', due: { type: 'date', value: '0001-01-01' }, audience: { scope: 'self' } }] } },
      { method: 'POST', url: '/api/plans', payload: { unitId: tree.units.bloc, title: 'Kế hoạch', tasks: [{ text: 'Việc', due: { type: 'month', value: '0000-01' }, audience: { scope: 'self' } }] } },
      { method: 'POST', url: '/api/plans', payload: { unitId: tree.units.bloc, title: 'Kế hoạch', tasks: [{ text: 'Việc', due: { type: 'year', value: '0000' }, audience: { scope: 'self' } }] } },
    ];
    for (const c of cases) {
      const before = await counts();
      const res = await t.request(staff, c);
      expect(res.statusCode, `${c.method} ${c.url}: ${res.body}`).toBe(400);
      expectVietnameseError(res);
      expect(await counts()).toBe(before);
    }
  });

  it('refuses a deadline nested 5,000 deep, and any body nested past reason', async () => {
    const deep = `${'{"type":"from","value":'.repeat(5000)}{"type":"date","value":"2022-03-31"}${'}'.repeat(5000)}`;
    const plan = `{"unitId":"${tree.units.bloc}","title":"Kế hoạch","tasks":[{"text":"Việc","audience":{"scope":"self"},"due":${deep}}]}`;
    const res = await t.request(staff, { method: 'POST', url: '/api/plans', payload: plan, headers: { 'content-type': 'application/json' } });
    expectVietnameseError(res, 400);
    // A few levels of "from" are a real deadline ("from the 1st quarter"): still accepted.
    const shallow = `${'{"type":"from","value":'.repeat(3)}{"type":"date","value":"2022-03-31"}${'}'.repeat(3)}`;
    const ok = await t.request(staff, { method: 'POST', url: '/api/plans', payload: `{"unitId":"${tree.units.bloc}","title":"Kế hoạch","tasks":[{"text":"Việc","audience":{"scope":"self"},"due":${shallow}}]}`, headers: { 'content-type': 'application/json' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const arrays = `{"figures":{"total":${'['.repeat(5000)}1${']'.repeat(5000)}},"narrative":{},"submit":false}`;
    const deepFigures = await t.request(admin, { method: 'POST', url: `/api/obligations/${SOME_ID}/submissions`, payload: arrays, headers: { 'content-type': 'application/json' } });
    expectVietnameseError(deepFigures, 400);
  });

  it('answers every refusal of the framework in Vietnamese: a bad URL, an over-long id, an unknown path or method', async () => {
    expectVietnameseError(await t.request(staff, { method: 'GET', url: '/api/units/%E0%A4%A' }), 400);
    expectVietnameseError(await t.request(staff, { method: 'GET', url: `/api/units/${'a'.repeat(150)}` }));
    expectVietnameseError(await t.request(staff, { method: 'GET', url: '/api/khong-co' }), 404);
    expectVietnameseError(await t.request(staff, { method: 'PUT', url: '/api/units' }));
    expectVietnameseError(await t.request(staff, { method: 'OPTIONS', url: '/api/units' }));
    expectVietnameseError(await t.request(staff, { method: 'POST', url: '/api/units', payload: '{"a":', headers: { 'content-type': 'application/json' } }), 400);
    expectVietnameseError(await t.request(staff, { method: 'POST', url: '/api/units', payload: 'x', headers: { 'content-type': 'text/x-unknown' } }), 415);
  });

  it('answers a 60 KB URL and a malformed request in Vietnamese from the HTTP parser itself', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (d) => (out += d.toString('utf8')));
        socket.on('end', () => resolve(out));
        socket.on('close', () => resolve(out));
        socket.on('error', reject);
      });
    const parse = (response: string) => {
      const [head, ...rest] = response.split('\r\n\r\n');
      return { statusCode: Number(head!.split(' ')[1]), body: rest.join('\r\n\r\n') };
    };
    const long = parse(await raw(`GET /api/units?q=${'a'.repeat(60 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
    expectVietnameseError(long, 431);
    const malformed = parse(await raw('GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\n\r\n'));
    expectVietnameseError(malformed, 400);
  });
});

describe('finding 10: a GET changes nothing', () => {
  let t: TestApp;
  let admin: string;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  const ids = { obligation: '', obligationInstance: '', plan: '', blocPlan: '', document: '', meeting: '', campaign: '', round: '', urging: '', taskInstance: '', attachment: '', slips: '' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    tree = await buildTree(db);
    const s = () => ({ actor: SYSTEM, now: t.clock.now });
    const reports = await publishPlanFixture(db, { issuerId: tree.units.bloc, audience: [tree.units.grassroots, tree.units.c1, tree.units.c2] });
    ids.obligation = reports.obligationId;
    ids.obligationInstance = reports.instance(tree.units.c1);
    await db.transaction((tx) => saveSubmission(reports.instance(tree.units.c1), { figures: { total: 5, studied: 5 }, narrative: {}, submit: true }, { ...s(), tx }));
    const draft = PlanDraftSchema.parse({ unitId: tree.units.c1, title: 'Kế hoạch của chi bộ', tasks: [{ text: 'Tổ chức học tập', audience: { scope: 'self' } }] });
    ids.plan = (await db.transaction((tx) => createPlan(draft, { ...s(), tx }))).id;
    const bloc = PlanDraftSchema.parse({
      unitId: tree.units.bloc, title: 'Kế hoạch của Khối',
      tasks: [{ text: 'Xây dựng kế hoạch thực hiện', kind: 'own_plan', due: { type: 'date', value: '2022-03-31' }, audience: { scope: 'grassroots' } }],
    });
    ids.blocPlan = (await db.transaction((tx) => createPlan(bloc, { ...s(), tx }))).id;
    await db.transaction((tx) => publishPlan({ planId: ids.blocPlan }, { ...s(), tx }));
    ids.taskInstance = (await db.execute<{ id: string }>(sql`SELECT id FROM task_instance WHERE plan_id = ${ids.blocPlan} AND unit_id = ${tree.units.c1}`)).rows[0]!.id;
    const minutes = { filename: 'bien-ban.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') };
    ids.attachment = (await db.transaction((tx) => addTaskAttachment(ids.taskInstance, minutes, { maxBytes: 1_000_000, maxCount: 5 }, { ...s(), tx }))).id;
    const readers = startFileReaders(otherConfig().fileReaders);
    try {
      ids.document = (await importDocument({ unitId: tree.units.c1, file: { filename: 'ke-hoach.txt', data: Buffer.from('ĐẢNG BỘ SỞ TÀI CHÍNH\nKẾ HOẠCH\nTổ chức học tập, quán triệt') } }, { ...s(), tx: db }, readers)).documentId;
    } finally {
      await readers.close();
    }
    ids.meeting = (await db.transaction((tx) => createMeeting(MeetingCreateSchema.parse({ unitId: tree.units.c1, title: 'Hội nghị học tập', date: '2022-03-15' }), { ...s(), tx }))).id;
    const blocTask = (await db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${ids.blocPlan}`)).rows[0]!.id;
    const form = (await db.execute<{ id: string }>(sql`SELECT id FROM plan_form WHERE code = 'mau-02' AND unit_id IS NULL`)).rows[0]!.id;
    ids.round = (await db.transaction((tx) => launchRound(RoundCreateSchema.parse({
      kind: 'personal_plan', unitId: tree.units.bloc, planId: ids.blocPlan, taskId: blocTask, title: 'Kế hoạch cá nhân năm 2022', submitBy: '2022-03-31',
      scope: 'year', year: 2022, assignments: [{ formId: form, categories: ['party_full'] }],
    }), { ...s(), tx }))).id;
    ids.campaign = (await db.transaction((tx) => createCampaign(CampaignCreateSchema.parse({ unitId: tree.units.c1, title: 'Đợt sinh hoạt chính trị', months: [{ month: '2022-04' }] }), { ...s(), tx }))).id;
    // The urging letter is signed by the grassroots unit's secretary.
    await buildPerson(db, tree.units.grassroots, { fullName: 'Vũ Văn Giang', positions: ['secretary'] });
    const late = await publishPlanFixture(db, { issuerId: tree.units.grassroots, audience: [tree.units.c1, tree.units.c2], number: null, periods: [{ key: '2022-03-10', label: '10/03/2022', due: '2022-03-10' }] });
    ids.urging = late.obligationId;
    await db.execute(sql`INSERT INTO notification (user_id, kind, title) VALUES (${tree.users.admin}, 'urge', 'Đôn đốc báo cáo')`);
    admin = await t.login('admin', PASSWORD);
    // Slips of accounts just created, waiting to be fetched (once).
    const made = await t.request(admin, { method: 'POST', url: '/api/accounts', payload: { unitIds: [tree.units.c2], rules: [{ position: null, role: 'member' }], format: 'xlsx' } });
    ids.slips = made.json().slips.id;
  });
  afterAll(() => t.close());

  /** A request to every GET route that reaches real data, as the administrator. */
  const GETS = (): Record<string, string> => {
    const { c1, grassroots, bloc } = tree.units;
    const consolidation = (rest: string) => `/api/obligations/${ids.obligation}/${rest}?unit=${c1}&period=2022-03-31`;
    return {
      '/api/health': '/api/health',
      '/api/auth/me': '/api/auth/me',
      '/api/units': '/api/units?q=chi%20bo',
      '/api/units/:id': `/api/units/${c1}`,
      '/api/units/:id/children': `/api/units/${grassroots}/children`,
      '/api/users': '/api/users',
      '/api/audit': '/api/audit',
      '/api/units/:id/members': `/api/units/${c1}/members`,
      '/api/units/:id/members.xlsx': `/api/units/${c1}/members.xlsx`,
      '/api/members/import-template.xlsx': '/api/members/import-template.xlsx',
      '/api/members/import-template.csv': '/api/members/import-template.csv',
      '/api/people/:id': `/api/people/${tree.people.p1}`,
      '/api/units/:id/obligations': `/api/units/${c1}/obligations`,
      '/api/units/:id/received-reports': `/api/units/${grassroots}/received-reports?state=late`,
      '/api/units/:id/due-below': `/api/units/${grassroots}/due-below?from=2022-03-01&to=2022-04-11`,
      '/api/units/:id/due-below/items': `/api/units/${grassroots}/due-below/items?date=2022-03-10`,
      '/api/obligation-instances/:id': `/api/obligation-instances/${ids.obligationInstance}`,
      '/api/obligations/:id/status': `/api/obligations/${ids.obligation}/status?unit=${grassroots}`,
      '/api/notifications': '/api/notifications',
      '/api/notifications/count': '/api/notifications/count',
      '/api/plans': `/api/plans?unitId=${bloc}`,
      '/api/plans/:id': `/api/plans/${ids.blocPlan}`,
      '/api/plans/:id/tree': `/api/plans/${ids.blocPlan}/tree`,
      '/api/plans/:id/coverage': `/api/plans/${ids.blocPlan}/coverage?unit=${bloc}`,
      '/api/plans/:id/progress': `/api/plans/${ids.blocPlan}/progress?unit=${bloc}`,
      '/api/plans/:id/summary': `/api/plans/${ids.blocPlan}/summary?unit=${bloc}`,
      '/api/plans/:id/heatmap': `/api/plans/${ids.blocPlan}/heatmap?unit=${bloc}`,
      '/api/plans/:id/overdue': `/api/plans/${ids.blocPlan}/overdue?unit=${bloc}`,
      '/api/plans/:id/stale': `/api/plans/${ids.blocPlan}/stale?unit=${bloc}&days=1`,
      '/api/units/:id/task-instances': `/api/units/${c1}/task-instances`,
      '/api/units/:id/upcoming': `/api/units/${c1}/upcoming?days=60`,
      '/api/units/:id/task-results': `/api/units/${c1}/task-results?from=2022-01-01&to=2022-12-31&points=85.5`,
      '/api/documents': '/api/documents',
      '/api/documents/issuing-units': '/api/documents/issuing-units',
      '/api/documents/:id': `/api/documents/${ids.document}`,
      '/api/documents/:id/file': `/api/documents/${ids.document}/file`,
      '/api/units/:id/meetings': `/api/units/${c1}/meetings`,
      '/api/units/:id/rapporteurs': `/api/units/${c1}/rapporteurs`,
      '/api/meetings/upcoming': `/api/meetings/upcoming?unit=${c1}`,
      '/api/meetings/coverage': `/api/meetings/coverage?unit=${c1}`,
      '/api/meetings/quality': `/api/meetings/quality?unit=${c1}`,
      '/api/meetings/:id': `/api/meetings/${ids.meeting}`,
      '/api/meetings/:id/attendance': `/api/meetings/${ids.meeting}/attendance`,
      '/api/meeting-rules': `/api/meeting-rules?unit=${c1}`,
      '/api/campaigns': `/api/campaigns?unit=${c1}`,
      '/api/campaigns/:id': `/api/campaigns/${ids.campaign}`,
      '/api/campaigns/:id/coverage': `/api/campaigns/${ids.campaign}/coverage?unit=${c1}`,
      '/api/obligations/:id/consolidation': consolidation('consolidation'),
      '/api/obligations/:id/consolidated.docx': consolidation('consolidated.docx'),
      '/api/obligations/:id/consolidation.xlsx': consolidation('consolidation.xlsx'),
      '/api/plans/:id/export.docx': `/api/plans/${ids.plan}/export.docx`,
      '/api/plans/:id/tasks.docx': `/api/plans/${ids.plan}/tasks.docx`,
      '/api/obligations/:id/urging-letter.docx': `/api/obligations/${ids.urging}/urging-letter.docx?unit=${grassroots}&period=2022-03-10`,
      '/api/units/:id/children.xlsx': `/api/units/${grassroots}/children.xlsx`,
      '/api/units/:id/task-instances.xlsx': `/api/units/${c1}/task-instances.xlsx`,
      '/api/obligations/:id/status.xlsx': `/api/obligations/${ids.obligation}/status.xlsx?unit=${grassroots}`,
      '/api/plans/:id/progress.xlsx': `/api/plans/${ids.blocPlan}/progress.xlsx?unit=${bloc}`,
      '/api/plans/:id/unit-proposals': `/api/plans/${ids.plan}/unit-proposals`,
      '/api/task-instances/:id/attachments': `/api/task-instances/${ids.taskInstance}/attachments`,
      '/api/attachments/:id': `/api/attachments/${ids.attachment}`,
      '/api/accounts/slips/:id': `/api/accounts/slips/${ids.slips}`,
      '/api/units/:id/tree.xlsx': `/api/units/${grassroots}/tree.xlsx`,
      '/api/units/:id/tree.csv': `/api/units/${grassroots}/tree.csv`,
      '/api/units/tree-template.xlsx': '/api/units/tree-template.xlsx',
      '/api/units/tree-template.csv': '/api/units/tree-template.csv',
      '/api/setup': '/api/setup',
      '/api/plan-forms': `/api/plan-forms?unit=${c1}`,
      '/api/rounds': `/api/rounds?unit=${c1}`,
      '/api/my/rounds': '/api/my/rounds',
      '/api/rounds/:id': `/api/rounds/${ids.round}?unit=${grassroots}`,
      '/api/rounds/:id/members': `/api/rounds/${ids.round}/members?unit=${c1}&q=hoa`,
      '/api/rounds/:id/plans/:personId': `/api/rounds/${ids.round}/plans/${tree.people.p1}`,
      '/api/rounds/:id/plans/:personId/plan.docx': `/api/rounds/${ids.round}/plans/${tree.people.p1}/plan.docx`,
      '/api/rounds/:id/members.xlsx': `/api/rounds/${ids.round}/members.xlsx?unit=${c1}&filter=all`,
    };
  };

  /** Every table's rows, and where the audit log and every identity stand. */
  async function fingerprint(): Promise<Record<string, string>> {
    const db = t.database.db;
    const tables = await db.execute<{ name: string }>(sql`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const r = await db.execute<{ n: string; h: string }>(sql`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${sql.identifier(name)} t`);
      out[name] = `${r.rows[0]!.n} ${r.rows[0]!.h}`;
    }
    out['audit_log max id'] = (await db.execute<{ m: string | null }>(sql`SELECT max(id)::text AS m FROM audit_log`)).rows[0]!.m ?? '';
    return out;
  }

  it('has a request for every GET route', () => {
    const gets = t.app.routeTable.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(gets.filter((url) => !(url in GETS())), 'GET routes without a request here').toEqual([]);
  });

  it('walks every GET route as the administrator and finds the database unchanged', async () => {
    const before = await fingerprint();
    const failed: string[] = [];
    for (const [route, url] of Object.entries(GETS())) {
      if (!t.app.routeTable.some((r) => r.method === 'GET' && r.url === route)) continue;
      const res = await t.request(admin, { method: 'GET', url });
      if (res.statusCode !== 200) failed.push(`${route} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failed, 'every GET reaches real data').toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('exports the consolidated report by POST, recording the version it sent', async () => {
    const url = `/api/obligations/${ids.obligation}/consolidated.docx?unit=${tree.units.c1}&period=2022-03-31`;
    const versions = async () => Number((await t.database.db.execute<{ n: string }>(sql`SELECT count(*)::text AS n FROM consolidation_version WHERE kind = 'export'`)).rows[0]!.n);
    const before = await versions();
    const res = await t.request(admin, { method: 'POST', url });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await versions()).toBe(before + 1);
    // From a page of another site, the browser's POST is refused (no CSRF token).
    const cross = await t.request(admin, { method: 'POST', url, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expectVietnameseError(cross, 403);
    expect(await versions()).toBe(before + 1);
  });
});
