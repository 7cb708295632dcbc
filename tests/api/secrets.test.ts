/**
 * Secrets stay inside their audience (docs/decisions/012-secret-plans.md). The bloc issues a
 * secret ("mật") plan to one grassroots organisation of its two; that organisation carries it out
 * by a plan of its own, which its cells carry out in turn. The implementing plan is secret and
 * stays so, and only those who may read the secret plan read it. Then the whole life of the two
 * plans runs — publication, urging, submissions returned and accepted, meetings and a campaign
 * citing them, reminders, the overdue digest, e-mail — and two users walk every GET route of the
 * app with the ids of everything the plans made: the secretary of the other grassroots
 * organisation (outside the audience) and a cell secretary below the addressed organisation
 * (inside the tree, not named on the plan). Neither finds the plan's number or title anywhere, in
 * JSON, in Word and Excel files, in file names or in their notifications; no notification or
 * e-mail to anyone carries them.
 */
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceType } from '#server/plugins/access.ts';
import { createOverdueDigest, createReminders } from '#server/services/notifications/create-reminders.ts';
import { deliverEmails } from '#server/services/notifications/deliver-emails.ts';
import type { Mailer } from '#server/services/notifications/mailer.ts';
import { addTaskAttachment } from '#server/services/attachments/add-attachment.ts';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD, SYSTEM } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

/** What must never reach anyone outside the audience, compared in lower case. */
const NUMBER = '777-KH/ĐUK';
const NEEDLES = ['zebra', '777-kh'];
const TITLE = 'Triển khai phương án ZEBRA-42 bảo vệ chính trị nội bộ';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const as = (who: string) => cookies[who]!;
const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  t.request(as(who), { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const db = () => t.database.db;

/** The other grassroots organisation, outside the secret plan's audience, and its cell. */
let g2: string;
let c3: string;
/** The secret plan of the bloc, its report obligation, and the grassroots organisation's instance of it. */
let secretPlan: string;
let secretObligation: string;
/** The grassroots organisation's plan carrying the secret plan out, its obligation to the cells, c1's instance of it. */
let ownPlan: string;
let ownObligation: string;
let c1Report: string;

async function onDay(day: string): Promise<void> {
  t.clock.now = new Date(`${day}T03:00:00Z`);
  for (const u of ['vp', 'secg', 'secg2', 'sec1', 'sec2']) cookies[u] = await t.login(u, PASSWORD);
}

function created(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function idsOf(query: ReturnType<typeof sql>): Promise<string[]> {
  return (await db().execute<{ id: string }>(query)).rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(db());
  g2 = await buildUnit(db(), { parentId: tree.units.bloc, kind: 'grassroots', name: 'Đảng bộ Sở Xây dựng' });
  c3 = await buildUnit(db(), { parentId: g2, kind: 'cell', name: 'Chi bộ Quy hoạch' });
  const pG = await buildPerson(db(), tree.units.grassroots, { fullName: 'Vũ Thị Giang', positions: ['secretary'] });
  const pG2 = await buildPerson(db(), g2, { fullName: 'Đặng Văn Hải', positions: ['secretary'] });
  await buildUser(db(), 'vp', [{ unitId: tree.units.bloc, role: 'staff' }], { personId: tree.people.pBloc });
  await buildUser(db(), 'secg', [{ unitId: tree.units.grassroots, role: 'secretary' }], { personId: pG });
  await buildUser(db(), 'secg2', [{ unitId: g2, role: 'secretary' }], { personId: pG2 });
  await db().execute(sql`UPDATE person SET email = lower(translate(full_name, ' ', '.')) || '@example.vn'`);
  await onDay('2022-03-15');

  secretPlan = created(await call('vp', 'POST', '/api/plans', {
    unitId: tree.units.bloc, number: NUMBER, title: TITLE, issuedOn: '2022-03-15', confidentiality: 'secret',
    tasks: [
      { text: 'Xây dựng kế hoạch thực hiện phương án ZEBRA-42', kind: 'own_plan', due: { type: 'date', value: '2022-03-31' }, audience: { scope: 'units', unitIds: [tree.units.grassroots] } },
      { text: 'Phổ biến phương án ZEBRA-42 đến cán bộ chủ chốt', kind: 'study', due: { type: 'date', value: '2022-03-20' }, audience: { scope: 'units', unitIds: [tree.units.grassroots] } },
    ],
    obligations: [{
      title: 'Báo cáo kết quả thực hiện phương án ZEBRA-42', due: [{ type: 'date', value: '2022-03-25' }],
      form: { figures: [{ key: 'total', label: 'Số cán bộ được phổ biến' }], sections: [] }, audience: { scope: 'units', unitIds: [tree.units.grassroots] },
    }],
  }));
  expect((await call('vp', 'POST', `/api/plans/${secretPlan}/publish`)).statusCode).toBe(200);
  secretObligation = (await idsOf(sql`SELECT id FROM report_obligation WHERE plan_id = ${secretPlan}`))[0]!;
});
afterAll(() => t.close());

describe('a plan carrying out a secret plan', () => {
  it('is secret, and is never made less secret than what it carries out', async () => {
    ownPlan = created(await call('secg', 'POST', `/api/plans/${secretPlan}/implementing`, { unitId: tree.units.grassroots }));
    expect((await call('secg', 'GET', `/api/plans/${ownPlan}`)).json()).toMatchObject({ confidentiality: 'secret', parentPlan: { number: NUMBER } });

    const downgrade = await call('secg', 'PUT', `/api/plans/${ownPlan}`, { confidentiality: 'normal' });
    expect(downgrade.statusCode, downgrade.body).toBe(409);
    expect(downgrade.json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE', message: expect.stringMatching(/mật/) } });
    expect((await call('secg', 'GET', `/api/plans/${ownPlan}`)).json()).toMatchObject({ confidentiality: 'secret' });

    // Neither by naming the secret plan as the superior's, nor as a document carried out.
    const task = { text: 'Tổ chức thực hiện', audience: { scope: 'self' } };
    const byParent = await call('secg', 'POST', '/api/plans', { unitId: tree.units.grassroots, title: 'Kế hoạch thường', parentPlanId: secretPlan, tasks: [task] });
    expect(byParent.json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE' } });
    const byLink = await call('secg', 'POST', '/api/plans', { unitId: tree.units.grassroots, title: 'Kế hoạch thường', implementsDocumentIds: [secretPlan], tasks: [task] });
    expect(byLink.json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE' } });
    const normal = created(await call('secg', 'POST', '/api/plans', { unitId: tree.units.grassroots, title: 'Kế hoạch thường', tasks: [task] }));
    expect((await call('secg', 'PUT', `/api/plans/${normal}`, { implementsDocumentIds: [secretPlan] })).json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE' } });
    expect((await call('secg', 'PUT', `/api/plans/${normal}`, { implementsDocumentIds: [secretPlan], confidentiality: 'secret' })).statusCode).toBe(204);
  });

  it('refuses to make a draft secret while a plan that is not carries it out', async () => {
    const task = { text: 'Tổ chức thực hiện', audience: { scope: 'self' } };
    const draft = created(await call('secg', 'POST', '/api/plans', { unitId: tree.units.grassroots, title: 'Dự thảo kế hoạch', tasks: [task] }));
    created(await call('secg', 'POST', '/api/plans', { unitId: tree.units.grassroots, title: 'Kế hoạch thực hiện dự thảo', implementsDocumentIds: [draft], tasks: [task] }));
    const upgrade = await call('secg', 'PUT', `/api/plans/${draft}`, { confidentiality: 'secret' });
    expect(upgrade.statusCode, upgrade.body).toBe(409);
    expect(upgrade.json()).toMatchObject({ error: { code: 'SECRET_PLAN_OPEN_IMPLEMENTER', message: expect.stringMatching(/mật/) } });
  });

  it('is read only by those who may read the secret plan, its cells included only when named on it', async () => {
    expect((await call('secg', 'POST', `/api/plans/${ownPlan}/publish`)).statusCode).toBe(200);
    ownObligation = (await idsOf(sql`SELECT id FROM report_obligation WHERE plan_id = ${ownPlan}`))[0]!;
    c1Report = (await idsOf(sql`SELECT id FROM obligation_instance WHERE plan_id = ${ownPlan} AND unit_id = ${tree.units.c1}`))[0]!;
    expect(ownObligation && c1Report).toBeTruthy();

    // The cells carry the plan out but may not read the secret plan: the plan is not theirs to read.
    for (const url of [`/api/plans/${ownPlan}`, `/api/plans/${ownPlan}/export.docx`, `/api/plans/${secretPlan}`]) {
      expect((await call('sec1', 'GET', url)).statusCode, url).toBe(404);
    }
    // What they owe is listed, masked.
    const work = (await call('sec1', 'GET', `/api/units/${tree.units.c1}/task-instances`)).json() as { items: { planId: string; planNumber: string | null; planTitle: string; taskText: string }[] };
    const mine = work.items.filter((i) => i.planId === ownPlan);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.planNumber === null && i.planTitle === 'Kế hoạch mật' && i.taskText === 'Nhiệm vụ của kế hoạch mật')).toBe(true);

    // Named on the secret plan, a cell secretary reads both, the superior's plan cited in full.
    const sec2 = (await idsOf(sql`SELECT id FROM app_user WHERE username = 'sec2'`))[0]!;
    expect((await call('vp', 'PUT', `/api/plans/${secretPlan}/access`, { userIds: [sec2] })).statusCode).toBe(204);
    const view = await call('sec2', 'GET', `/api/plans/${ownPlan}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ parentPlan: { id: secretPlan, number: NUMBER, title: TITLE } });
  });

  it('masks the secret superior plan in the view and the Word file of a plan left normal by an earlier version', async () => {
    const legacy = created(await call('secg', 'POST', '/api/plans', {
      unitId: tree.units.grassroots, title: 'Kế hoạch tuyên truyền', tasks: [{ text: 'Tuyên truyền', audience: { scope: 'grassroots' } }],
    }));
    // As an earlier version let it be: normal, published to the cells, carrying out the secret plan.
    expect((await call('secg', 'POST', `/api/plans/${legacy}/publish`)).statusCode).toBe(200);
    await db().execute(sql`UPDATE plan SET parent_plan_id = ${secretPlan} WHERE id = ${legacy}`);
    await db().execute(sql`INSERT INTO document_link (from_id, to_id, relation) VALUES (${legacy}, ${secretPlan}, 'implements')`);
    const view = await call('sec1', 'GET', `/api/plans/${legacy}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ parentPlan: { id: secretPlan, number: null, title: 'Kế hoạch mật' }, implements: [{ id: secretPlan, number: null, title: 'Văn bản mật' }] });
    expect(leaks(view.body)).toEqual([]);
    const word = await call('sec1', 'GET', `/api/plans/${legacy}/export.docx`);
    expect(word.statusCode, word.body).toBe(200);
    expect(await leaksIn(word)).toEqual([]);
    await db().execute(sql`UPDATE plan SET parent_plan_id = NULL WHERE id = ${legacy}`);
    await db().execute(sql`DELETE FROM document_link WHERE from_id = ${legacy}`);
  });
});

/** The needles found in a text. */
function leaks(text: string): string[] {
  const low = text.toLowerCase();
  return NEEDLES.filter((n) => low.includes(n));
}

/** The text of a response as a reader gets it: JSON, or the XML of a Word or Excel file without its tags; and the file name. */
async function readable(res: LightMyRequestResponse): Promise<string> {
  const name = decodeURIComponent(String(res.headers['content-disposition'] ?? ''));
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('openxmlformats')) return `${name}\n${res.body}`;
  const zip = await JSZip.loadAsync(res.rawPayload);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return `${name}\n${parts.join('\n').replace(/<[^>]+>/g, '')}`;
}

async function leaksIn(res: LightMyRequestResponse): Promise<string[]> {
  return leaks(await readable(res));
}

describe('everything the two plans send out', () => {
  it('urges, returns and accepts reports, and names the plans in meetings and a campaign', async () => {
    await onDay('2022-03-20');
    const urge = { period: '2022-03-25', scope: 'not_submitted', message: 'Đề nghị khẩn trương gửi báo cáo.' };
    expect((await call('vp', 'POST', `/api/obligations/${secretObligation}/urge`, { ...urge, unit: tree.units.bloc })).json()).toMatchObject({ units: 1 });
    expect((await call('secg', 'POST', `/api/obligations/${ownObligation}/urge`, { ...urge, unit: tree.units.grassroots })).json()).toMatchObject({ units: 2 });

    const sent = await call('sec1', 'POST', `/api/obligations/${c1Report}/submissions`, { figures: { total: 9 }, narrative: {}, submit: true });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    const submission = (sent.json() as { submissionId: string }).submissionId;
    expect((await call('secg', 'POST', `/api/submissions/${submission}/return`, { comment: 'Đề nghị bổ sung số liệu.' })).statusCode).toBe(200);

    const [gReport] = await idsOf(sql`SELECT id FROM obligation_instance WHERE plan_id = ${secretPlan} AND unit_id = ${tree.units.grassroots}`);
    const up = await call('secg', 'POST', `/api/obligations/${gReport}/submissions`, { figures: { total: 30 }, narrative: {}, submit: true });
    expect(up.statusCode, up.body).toBeLessThan(300);
    expect((await call('vp', 'POST', `/api/submissions/${(up.json() as { submissionId: string }).submissionId}/accept`, {})).statusCode).toBe(200);

    // A session of c1 that carries out the grassroots plan's task and cites the secret plan, sent up.
    const [c1Task] = await idsOf(sql`SELECT id FROM task_instance WHERE plan_id = ${ownPlan} AND unit_id = ${tree.units.c1} ORDER BY due_date LIMIT 1`);
    const meeting = created(await call('secg', 'POST', '/api/meetings', {
      unitId: tree.units.c1, title: 'Hội nghị phổ biến', date: '2022-03-28', taskInstanceId: c1Task, documentIds: [secretPlan, ownPlan],
    }));
    expect((await call('secg', 'POST', `/api/meetings/${meeting}/send`)).statusCode).toBe(200);
    created(await call('secg', 'POST', '/api/meetings', { unitId: tree.units.grassroots, title: 'Hội nghị cán bộ chủ chốt', date: '2022-03-29', documentIds: [secretPlan] }));
    const [ownTask] = await idsOf(sql`SELECT id FROM task WHERE plan_id = ${ownPlan} ORDER BY ord LIMIT 1`);
    created(await call('secg', 'POST', '/api/campaigns', {
      unitId: tree.units.grassroots, title: 'Đợt sinh hoạt chuyên đề', planId: ownPlan, taskId: ownTask,
      months: [{ month: '2022-04', topics: ['Bảo vệ chính trị nội bộ'], documents: [{ documentId: secretPlan }, { documentId: ownPlan }] }],
    }));
    // Rounds of personal plans and pledges launched from a task of each plan: they reach every member below.
    const forms = (await call('vp', 'GET', `/api/plan-forms?unit=${tree.units.bloc}`)).json() as { items: { id: string; code: string }[] };
    const [secretTask] = await idsOf(sql`SELECT id FROM task WHERE plan_id = ${secretPlan} ORDER BY ord LIMIT 1`);
    created(await call('vp', 'POST', '/api/rounds', {
      kind: 'personal_plan', unitId: tree.units.bloc, planId: secretPlan, taskId: secretTask, title: 'Đăng ký kế hoạch cá nhân', submitBy: '2022-03-31',
      scope: 'year', year: 2022, assignments: [{ formId: forms.items.find((f) => f.code === 'mau-02')!.id, categories: ['party_full', 'party_probationary'] }],
    }));
    created(await call('secg', 'POST', '/api/rounds', {
      kind: 'pledge', unitId: tree.units.grassroots, planId: ownPlan, taskId: ownTask, title: 'Ký cam kết', submitBy: '2022-03-31', pledgeText: 'Tôi cam kết', categories: ['party_full'],
    }));
  });

  it('reminds before and after the due dates and sends the overdue digest and e-mail', async () => {
    for (const day of ['2022-03-18', '2022-03-20', '2022-03-24', '2022-03-25', '2022-03-27', '2022-03-31', '2022-04-02']) {
      const now = new Date(`${day}T01:00:00Z`);
      await db().transaction(async (tx) => {
        await createReminders(tx, now);
        await createOverdueDigest(tx, now);
      });
    }
    const mails: { subject: string; text: string }[] = [];
    const mailer: Mailer = { send: async (m) => void mails.push(m) };
    // Everything created since two days before the first notification goes out now.
    await deliverEmails(db(), mailer, new Date('2022-03-16T00:00:00Z'), 100);
    expect(mails.length).toBeGreaterThan(5);
    expect(mails.flatMap((m) => leaks(`${m.subject}\n${m.text}`).map((n) => `${m.subject}: ${n}`))).toEqual([]);

    const all = await db().execute<{ kind: string; title: string; body: string | null }>(sql`SELECT kind, title, body FROM notification ORDER BY created_at`);
    expect([...new Set(all.rows.map((n) => n.kind))]).toEqual(expect.arrayContaining(['plan_published', 'urge', 'submission_returned', 'submission_accepted', 'meeting_planned', 'reminder', 'overdue', 'digest']));
    expect(all.rows.filter((n) => leaks(`${n.title}\n${n.body ?? ''}`).length > 0).map((n) => `${n.kind}: ${n.title}`)).toEqual([]);
  });
});

describe('a user outside the audience', () => {
  /** Ids of everything the two plans made, by the kind of resource a route's access rule names. */
  let pool: Record<ResourceType | 'obligation', string[]>;
  /** Query strings some routes also take, beyond the ids their rules name. */
  let extra: Record<string, string[]>;

  beforeAll(async () => {
    await onDay('2022-04-01');
    const plans = [secretPlan, ownPlan];
    const inPlans = (table: string) => idsOf(sql`SELECT id FROM ${sql.raw(table)} WHERE plan_id IN (${secretPlan}, ${ownPlan})`);
    const meetings = await idsOf(sql`SELECT m.id FROM meeting m WHERE EXISTS (SELECT 1 FROM meeting_document md WHERE md.meeting_id = m.id)`);
    pool = {
      unit: [tree.units.province, tree.units.bloc, tree.units.grassroots, tree.units.c1, tree.units.c2, g2, c3],
      plan: plans,
      document: plans,
      obligation: await inPlans('report_obligation'),
      obligation_instance: await inPlans('obligation_instance'),
      task_instance: await inPlans('task_instance'),
      submission: await idsOf(sql`SELECT s.id FROM submission s JOIN obligation_instance oi ON oi.id = s.obligation_instance_id WHERE oi.plan_id IN (${secretPlan}, ${ownPlan})`),
      meeting: meetings,
      campaign: await idsOf(sql`SELECT id FROM campaign WHERE plan_id = ${ownPlan}`),
      round: await idsOf(sql`SELECT id FROM round WHERE plan_id IN (${secretPlan}, ${ownPlan})`),
      person: [tree.people.p1, tree.people.p2],
      membership: [],
      user: [],
      attachment: [],
    };
    // Evidence attached to a task of each plan: a file of a unit that carries out the secret plan.
    for (const planId of plans) {
      const [task] = await idsOf(sql`SELECT id FROM task_instance WHERE plan_id = ${planId} AND status <> 'cancelled' ORDER BY id LIMIT 1`);
      const file = { filename: 'Biên bản hội nghị.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') };
      pool.attachment.push((await db().transaction((tx) => addTaskAttachment(task!, file, { maxBytes: 1 << 20, maxCount: 20 }, { actor: SYSTEM, tx, now: t.clock.now }))).id);
    }
    const tasks = await inPlans('task');
    extra = {
      'GET /api/plans': ['view=issued', 'view=to_carry_out', 'view=to_carry_out&q=zebra', 'q=777'],
      'GET /api/documents': ['', 'q=zebra', 'q=777', 'kind=KH'],
      'GET /api/units/:id/task-instances': ['', ...plans.map((p) => `planId=${p}`)],
      'GET /api/units/:id/task-instances.xlsx': ['', ...plans.map((p) => `planId=${p}`)],
      'GET /api/meetings/coverage': ['', ...tasks.map((x) => `taskId=${x}`)],
      'GET /api/units/:id/due-below': ['from=2022-03-01&to=2022-04-11'],
      'GET /api/units/:id/task-results': ['from=2022-01-01&to=2022-12-31'],
      'GET /api/units/:id/due-below/items': ['date=2022-03-20', 'date=2022-03-25', 'date=2022-03-31'],
      'GET /api/obligations/:id/status': ['', 'period=2022-03-25'],
      'GET /api/obligations/:id/status.xlsx': ['', 'period=2022-03-25'],
      'GET /api/obligations/:id/consolidation': ['', 'period=2022-03-25'],
      'GET /api/obligations/:id/consolidation.xlsx': ['', 'period=2022-03-25'],
      'GET /api/obligations/:id/urging-letter.docx': ['period=2022-03-25'],
      'GET /api/audit': ['', 'entity=plan', 'entity=submission', 'entity=meeting'],
      'GET /api/notifications': ['', 'unread=true'],
    };
  });

  /** Every URL of a route: its path ids and query ids taken from the pool, with the route's extra queries. */
  function urlsOf(route: (typeof t.app.routeTable)[number]): string[] {
    const rules = route.access?.kind === 'scoped' ? route.access.rules : [];
    let paths = [route.url];
    for (const param of route.url.match(/:[A-Za-z]+/g) ?? []) {
      const rule = rules.find((r) => r.from === 'params' && `:${r.key}` === param);
      // The report obligation in /api/obligations/:id is checked by its service, not by a rule; slips
      // of accounts are held for whoever produced them, none here.
      // A member's record in a round is named by the person, checked by its service.
      const ids = rule ? pool[rule.resource] : route.url.startsWith('/api/obligations/') ? pool.obligation : route.url === '/api/accounts/slips/:id' ? ['00000000-0000-4000-8000-000000000000']
        : param === ':personId' ? pool.person : [];
      paths = paths.flatMap((p) => ids.map((id) => p.replace(param, id)));
    }
    let queries = [''];
    for (const rule of rules.filter((r) => r.from === 'query')) {
      const values = pool[rule.resource].map((id) => `${rule.key}=${id}`);
      queries = queries.flatMap((q) => [...(rule.optional ? [q] : []), ...values.map((v) => (q ? `${q}&${v}` : v))]);
    }
    const more = extra[`${route.method} ${route.url}`] ?? [''];
    return paths.flatMap((p) => queries.flatMap((q) => more.map((m) => {
      const query = [q, m].filter(Boolean).join('&');
      return query ? `${p}?${query}` : p;
    })));
  }

  for (const who of ['secg2', 'sec1'] as const) {
    it(`finds the secret plan nowhere: ${who === 'secg2' ? 'the other grassroots organisation' : 'a cell below the addressed organisation, not named on the plan'}`, async () => {
      const found: string[] = [];
      const walked = new Set<string>();
      for (const route of t.app.routeTable) {
        if (route.method !== 'GET' || route.access?.kind === 'public') continue;
        for (const url of urlsOf(route)) {
          walked.add(`${route.method} ${route.url}`);
          const res = await t.request(as(who), { method: 'GET', url });
          expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).not.toBe(400);
          for (const n of await leaksIn(res)) found.push(`${url} (${res.statusCode}): ${n}`);
        }
      }
      const routes = t.app.routeTable.filter((r) => r.method === 'GET' && r.access?.kind !== 'public').map((r) => `${r.method} ${r.url}`);
      expect(routes.filter((r) => !walked.has(r)), 'routes not walked').toEqual([]);
      expect(found).toEqual([]);
    }, 180_000);
  }
});
