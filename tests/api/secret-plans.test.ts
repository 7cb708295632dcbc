/**
 * The rules of secret ("mật") plans one by one (docs/decisions/012-secret-plans.md): a plan is
 * never less secret than what it carries out, and the database is left as it was when that is
 * refused; a plan's superior plan and documents carried out are named only to those who may read
 * them; notifications and e-mails never name a secret plan; Word and Excel files name it only to
 * those who may read it — an urging letter only when every unit it goes to may. The whole app
 * walked by users outside the audience is tests/api/secrets.test.ts.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '#server/db/client.ts';
import { listMigrations } from '#server/db/migrate.ts';
import { createOverdueDigest, createReminders } from '#server/services/notifications/create-reminders.ts';
import { deliverEmails } from '#server/services/notifications/deliver-emails.ts';
import type { Mailer } from '#server/services/notifications/mailer.ts';
import { readDocx } from '../support/docx-read.ts';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const NUMBER = '901-KH/ĐUK';
const TITLE = 'Bảo vệ phương án KESTREL';
/** What says what the secret plan is about, compared in lower case. */
const NEEDLES = ['kestrel', '901-kh'];
const leaks = (text: string) => NEEDLES.filter((n) => text.toLowerCase().includes(n));

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.request(cookies[who]!, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const db = () => t.database.db;
const task = { text: 'Tổ chức thực hiện', audience: { scope: 'self' } };

/** The bloc's secret plan, addressed to the grassroots organisation; the organisation's plan carrying it out, addressed to its cells. */
let secret: string;
let own: string;

async function onDay(day: string): Promise<void> {
  t.clock.now = new Date(`${day}T03:00:00Z`);
  for (const u of ['staff', 'secg', 'sec1']) cookies[u] = await t.login(u, PASSWORD);
}

function created(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function one<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().execute<T>(query)).rows[0]! as T;
}

async function sheet(res: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
/** The workbook's title and every cell of its sheet. */
const cellsOf = (ws: ExcelJS.Worksheet) => [ws.workbook.title, ...ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : []))];

async function wordText(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode, res.body).toBe(200);
  return (await readDocx(res.rawPayload)).text.join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(db());
  const pG = await buildPerson(db(), tree.units.grassroots, { fullName: 'Vũ Thị Giang', positions: ['secretary'] });
  await buildPerson(db(), tree.units.bloc, { fullName: 'Nguyễn Văn Minh', positions: ['secretary'] });
  await buildUser(db(), 'secg', [{ unitId: tree.units.grassroots, role: 'secretary' }], { personId: pG });
  await db().execute(sql`UPDATE person SET email = lower(translate(full_name, ' ', '.')) || '@example.vn'`);
  await db().execute(sql`UPDATE unit SET term_label = '2020 - 2025', term_start = '2020-10-01', term_end = '2025-09-30'`);
  await db().execute(sql`UPDATE app_user SET person_id = ${tree.people.pBloc} WHERE username = 'staff'`);
  await onDay('2022-03-15');

  secret = created(await call('staff', 'POST', '/api/plans', {
    unitId: tree.units.bloc, number: NUMBER, title: TITLE, issuedOn: '2022-03-15', confidentiality: 'secret',
    tasks: [{ text: 'Phổ biến phương án KESTREL', kind: 'study', due: { type: 'date', value: '2022-03-20' }, audience: { scope: 'units', unitIds: [tree.units.grassroots] } }],
    obligations: [{
      title: 'Báo cáo kết quả phương án KESTREL', due: [{ type: 'date', value: '2022-03-25' }],
      form: { figures: [{ key: 'total', label: 'Số cán bộ được phổ biến' }], sections: [] }, audience: { scope: 'units', unitIds: [tree.units.grassroots] },
    }],
  }));
  expect((await call('staff', 'POST', `/api/plans/${secret}/publish`)).statusCode).toBe(200);
  own = created(await call('secg', 'POST', `/api/plans/${secret}/implementing`, { unitId: tree.units.grassroots }));
  expect((await call('secg', 'POST', `/api/plans/${own}/publish`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a plan carrying out a secret plan', () => {
  /** What a refused change must leave as it was. */
  const state = (id: string) => one<Record<string, unknown>>(sql`
    SELECT d.confidentiality, d.number, d.title, d.updated_at::text AS "updatedAt", p.parent_plan_id AS "parentPlanId", p.secret_inherited AS "secretInherited",
           p.status, (SELECT array_agg(to_id::text ORDER BY to_id) FROM document_link WHERE from_id = p.id) AS links,
           (SELECT count(*)::int FROM task WHERE plan_id = p.id) AS tasks,
           (SELECT count(*)::int FROM audit_log WHERE entity_id = p.id::text) AS audited
    FROM plan p JOIN document d ON d.id = p.id WHERE p.id = ${id}`);

  it('is refused a downgrade with a message in Vietnamese, and the database keeps the plan as it was', async () => {
    const draft = created(await call('secg', 'POST', '/api/plans', {
      unitId: tree.units.grassroots, title: 'Kế hoạch tuyên truyền phương án', parentPlanId: secret, confidentiality: 'secret', tasks: [task],
    }));
    const before = await state(draft);
    expect(before).toMatchObject({ confidentiality: 'secret', secretInherited: true, links: [secret] });
    for (const change of [{ confidentiality: 'normal' }, { confidentiality: 'normal', title: 'Kế hoạch thường' }]) {
      const res = await call('secg', 'PUT', `/api/plans/${draft}`, change);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toEqual({ error: { code: 'SECRET_PLAN_DOWNGRADE', message: 'Kế hoạch thực hiện văn bản mật phải là kế hoạch mật; không để ở độ mật "Thường" được.' } });
      expect(await state(draft)).toEqual(before);
    }
  });

  it('stays secret once the link to the secret plan is taken away: its tasks were copied from it', async () => {
    const draft = created(await call('secg', 'POST', '/api/plans', {
      unitId: tree.units.grassroots, title: 'Kế hoạch kiểm tra phương án', parentPlanId: secret, confidentiality: 'secret', tasks: [task],
    }));
    const unlinkAndDowngrade = await call('secg', 'PUT', `/api/plans/${draft}`, { parentPlanId: null, implementsDocumentIds: [], confidentiality: 'normal' });
    expect(unlinkAndDowngrade.statusCode).toBe(409);
    expect(unlinkAndDowngrade.json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE' } });

    expect((await call('secg', 'PUT', `/api/plans/${draft}`, { parentPlanId: null, implementsDocumentIds: [] })).statusCode).toBe(204);
    const before = await state(draft);
    expect(before).toMatchObject({ confidentiality: 'secret', secretInherited: true, parentPlanId: null, links: null });
    const downgrade = await call('secg', 'PUT', `/api/plans/${draft}`, { confidentiality: 'normal' });
    expect(downgrade.statusCode).toBe(409);
    expect(downgrade.json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE', message: expect.stringMatching(/đã thực hiện văn bản mật/) } });
    expect(await state(draft)).toEqual(before);
  });

  it('is not published normal when an imported document linked it to the secret plan', async () => {
    const draft = created(await call('secg', 'POST', '/api/plans', { unitId: tree.units.grassroots, title: 'Kế hoạch từ văn bản nhập', tasks: [{ text: 'Việc', audience: { scope: 'grassroots' } }] }));
    // As the import of a document citing "Kế hoạch số 901-KH/ĐUK" links it.
    await db().execute(sql`INSERT INTO document_link (from_id, to_id, relation) VALUES (${draft}, ${secret}, 'implements')`);
    const before = await state(draft);
    const res = await call('secg', 'POST', `/api/plans/${draft}/publish`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'SECRET_PLAN_DOWNGRADE' } });
    expect(await state(draft)).toEqual(before);
    expect(await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM plan_audience WHERE plan_id = ${draft}`)).toEqual({ n: 0 });
    expect(await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE link = ${`/plans/${draft}`}`)).toEqual({ n: 0 });
  });
});

describe('a superior plan and documents carried out, in a plan the reader may read', () => {
  it('are named to those who may read them and masked to the others, in the view and the Word file', async () => {
    const legacy = created(await call('secg', 'POST', '/api/plans', {
      unitId: tree.units.grassroots, title: 'Kế hoạch tuyên truyền', tasks: [{ text: 'Tuyên truyền', audience: { scope: 'grassroots' } }],
    }));
    expect((await call('secg', 'POST', `/api/plans/${legacy}/publish`)).statusCode).toBe(200);
    // As an earlier version let it be: normal, published to the cells, carrying out the secret plan.
    await db().execute(sql`UPDATE plan SET parent_plan_id = ${secret} WHERE id = ${legacy}`);
    await db().execute(sql`INSERT INTO document_link (from_id, to_id, relation) VALUES (${legacy}, ${secret}, 'implements')`);

    const reader = (await call('secg', 'GET', `/api/plans/${legacy}`)).json() as { parentPlan: unknown; implements: unknown[] };
    expect(reader.parentPlan).toMatchObject({ id: secret, number: NUMBER, title: TITLE });
    expect(reader.implements).toMatchObject([{ id: secret, number: NUMBER, title: TITLE }]);
    const cell = await call('sec1', 'GET', `/api/plans/${legacy}`);
    expect(cell.json()).toMatchObject({
      parentPlan: { id: secret, number: null, title: 'Kế hoạch mật', unitId: tree.units.bloc },
      implements: [{ id: secret, kind: 'KH', number: null, title: 'Văn bản mật' }],
    });
    expect(leaks(cell.body)).toEqual([]);

    expect(await wordText(await call('secg', 'GET', `/api/plans/${legacy}/export.docx`))).toContain(`Thực hiện Kế hoạch số ${NUMBER}`);
    const word = await wordText(await call('sec1', 'GET', `/api/plans/${legacy}/export.docx`));
    expect(word).toContain('Thực hiện văn bản mật của Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh,');
    expect(leaks(word)).toEqual([]);

    await db().execute(sql`UPDATE plan SET parent_plan_id = NULL WHERE id = ${legacy}`);
    await db().execute(sql`DELETE FROM document_link WHERE from_id = ${legacy}`);
  });
});

describe('a cell carrying out the plan of a secret plan it may not read', () => {
  it('does not read the plan, and sees its work and reports without the plan\'s words, in Excel too', async () => {
    expect((await call('sec1', 'GET', `/api/plans/${own}`)).statusCode).toBe(404);

    const mine = await sheet(await call('sec1', 'GET', `/api/units/${tree.units.c1}/task-instances.xlsx?planId=${own}`));
    expect(mine.rowCount).toBe(2);
    expect([2, 3, 4].map((c) => mine.getRow(2).getCell(c).value)).toEqual([null, 'Kế hoạch mật', 'Nhiệm vụ của kế hoạch mật']);
    expect(leaks(cellsOf(mine).join('\n'))).toEqual([]);
    const theirs = await sheet(await call('secg', 'GET', `/api/units/${tree.units.c1}/task-instances.xlsx?planId=${own}`));
    expect(String(theirs.getRow(2).getCell(3).value)).toContain(`Thực hiện Kế hoạch số ${NUMBER}`);
    expect(theirs.getRow(2).getCell(4).value).toBe('Phổ biến phương án KESTREL');

    const report = await one<{ id: string; obligationId: string }>(sql`
      SELECT id, obligation_id AS "obligationId" FROM obligation_instance WHERE plan_id = ${own} AND unit_id = ${tree.units.c1}`);
    const view = await call('sec1', 'GET', `/api/obligation-instances/${report.id}`);
    expect(view.json()).toMatchObject({
      plan: { id: own, number: null, title: 'Kế hoạch mật' },
      obligation: { title: 'Báo cáo của kế hoạch mật', form: { figures: [{ key: 'total', label: 'Số cán bộ được phổ biến' }] } },
    });
    expect(leaks(view.body)).toEqual([]);
    const status = await call('sec1', 'GET', `/api/obligations/${report.obligationId}/status?unit=${tree.units.c1}&reach=subtree`);
    expect(status.json()).toMatchObject({ obligation: { title: 'Báo cáo của kế hoạch mật' }, items: [{ unitId: tree.units.c1 }] });
    const statusSheet = await sheet(await call('sec1', 'GET', `/api/obligations/${report.obligationId}/status.xlsx?unit=${tree.units.c1}&reach=subtree`));
    expect(statusSheet.workbook.title).toBe('Báo cáo của kế hoạch mật - Chi bộ Văn phòng Sở');
    expect(leaks(cellsOf(statusSheet).join('\n'))).toEqual([]);
  });
});

describe('what leaves the system', () => {
  it('names a secret plan only as secret in every notification and e-mail, to readers too', async () => {
    const published = (await db().execute<{ title: string; body: string; username: string }>(sql`
      SELECT n.title, n.body, au.username FROM notification n JOIN app_user au ON au.id = n.user_id
      WHERE n.kind = 'plan_published' AND n.link IN (${`/plans/${secret}`}, ${`/plans/${own}`}) ORDER BY au.username`)).rows;
    expect(published).toEqual([
      { username: 'sec1', title: 'Kế hoạch mới cần triển khai: Kế hoạch mật', body: 'Đảng bộ Sở Tài chính ban hành kế hoạch mật. Đơn vị có nhiệm vụ, báo cáo cần thực hiện theo kế hoạch.' },
      { username: 'sec2', title: 'Kế hoạch mới cần triển khai: Kế hoạch mật', body: 'Đảng bộ Sở Tài chính ban hành kế hoạch mật. Đơn vị có nhiệm vụ, báo cáo cần thực hiện theo kế hoạch.' },
      { username: 'secg', title: 'Kế hoạch mới cần triển khai: Kế hoạch mật', body: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh ban hành kế hoạch mật. Đơn vị có nhiệm vụ, báo cáo cần thực hiện theo kế hoạch.' },
    ]);

    await onDay('2022-03-18');
    await db().transaction((tx) => createReminders(tx, t.clock.now));
    const obligation = (await one<{ id: string }>(sql`SELECT id FROM report_obligation WHERE plan_id = ${secret}`)).id;
    const urged = await call('staff', 'POST', `/api/obligations/${obligation}/urge`, { unit: tree.units.bloc, period: '2022-03-25', scope: 'not_submitted', message: 'Đề nghị gửi báo cáo đúng hạn.' });
    expect(urged.json()).toMatchObject({ units: 1 });
    const c1Report = (await one<{ id: string }>(sql`SELECT id FROM obligation_instance WHERE plan_id = ${own} AND unit_id = ${tree.units.c1}`)).id;
    const sent = await call('sec1', 'POST', `/api/obligations/${c1Report}/submissions`, { figures: { total: 4 }, narrative: {}, submit: true });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    const submission = (sent.json() as { submissionId: string }).submissionId;
    expect((await call('secg', 'POST', `/api/submissions/${submission}/return`, { comment: 'Bổ sung số liệu.' })).statusCode).toBe(200);
    await onDay('2022-04-02');
    await db().transaction((tx) => createOverdueDigest(tx, t.clock.now));

    const titles = async (kind: string) => (await db().execute<{ title: string }>(sql`SELECT DISTINCT title FROM notification WHERE kind = ${kind} ORDER BY title`)).rows.map((r) => r.title);
    expect(await titles('reminder')).toEqual(['Còn 2 ngày đến hạn: nhiệm vụ của kế hoạch mật', 'Còn 7 ngày đến hạn: báo cáo của kế hoạch mật']);
    expect(await titles('urge')).toEqual(['Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh đôn đốc gửi báo cáo của kế hoạch mật (25/03/2022)']);
    expect(await titles('submission_returned')).toEqual(['Cấp trên trả lại báo cáo của kế hoạch mật (25/03/2022, lần 1): cần bổ sung và gửi lại']);
    expect(await titles('digest')).toEqual(['Đơn vị quá hạn — Kế hoạch mật']);

    const all = (await db().execute<{ title: string; body: string | null }>(sql`SELECT title, body FROM notification`)).rows;
    expect(all.flatMap((n) => leaks(`${n.title}\n${n.body ?? ''}`))).toEqual([]);
    const mails: { subject: string; text: string }[] = [];
    const mailer: Mailer = { send: async (m) => void mails.push(m) };
    await deliverEmails(db(), mailer, new Date('2022-04-02T04:00:00Z'), 100);
    expect(mails.map((m) => m.subject)).toContain('Đơn vị quá hạn — Kế hoạch mật');
    expect(mails.flatMap((m) => leaks(`${m.subject}\n${m.text}`))).toEqual([]);
  });

  it('names the secret plan in an urging letter only when every late unit may read it', async () => {
    await onDay('2022-04-02');
    const toGrassroots = (await one<{ id: string }>(sql`SELECT id FROM report_obligation WHERE plan_id = ${secret}`)).id;
    const fromBloc = await wordText(await call('staff', 'GET', `/api/obligations/${toGrassroots}/urging-letter.docx?unit=${tree.units.bloc}&period=2022-03-25`));
    expect(fromBloc).toContain(`Thực hiện Kế hoạch số ${NUMBER}`);
    expect(fromBloc).toContain('báo cáo kết quả phương án KESTREL');

    const toCells = (await one<{ id: string }>(sql`SELECT id FROM report_obligation WHERE plan_id = ${own}`)).id;
    const fromGrassroots = await wordText(await call('secg', 'GET', `/api/obligations/${toCells}/urging-letter.docx?unit=${tree.units.grassroots}&period=2022-03-25`));
    expect(fromGrassroots).toContain('Chi bộ Văn phòng Sở');
    expect(fromGrassroots).toContain('báo cáo của kế hoạch mật');
    expect(leaks(fromGrassroots)).toEqual([]);
  });
});

describe('migration 0015', () => {
  it('makes secret every plan an earlier version left normal while it carried out a secret document, at any depth', async () => {
    const database = await openPglite(null);
    try {
      const migrations = listMigrations();
      // As the migrator leaves it: 0013 hands the migrations' own table to the schema's owner.
      await database.execScript('CREATE TABLE schema_migration (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const m of migrations.filter((x) => x.version < '0015')) await database.execScript(readFileSync(m.file, 'utf8'));
      const d = database.db;
      const bloc = await buildUnit(d, { kind: 'bloc_committee', name: 'Đảng ủy Khối' });
      const grassroots = await buildUnit(d, { parentId: bloc, kind: 'grassroots', name: 'Đảng bộ cơ sở' });
      const cell = await buildUnit(d, { parentId: grassroots, kind: 'cell', name: 'Chi bộ' });
      const plan = async (unitId: string, confidentiality: string, parent: string | null = null) => {
        const r = await d.execute<{ id: string }>(sql`
          INSERT INTO document (kind, title, confidentiality, owner_unit_id, owner_path)
          SELECT 'KH', 'Kế hoạch', ${confidentiality}, id, path FROM unit WHERE id = ${unitId} RETURNING id`);
        const id = r.rows[0]!.id;
        await d.execute(sql`INSERT INTO plan (id, unit_id, unit_path, status, parent_plan_id) SELECT ${id}, id, path, 'published', ${parent} FROM unit WHERE id = ${unitId}`);
        return id;
      };
      const secretOne = await plan(bloc, 'secret');
      const byParent = await plan(grassroots, 'normal', secretOne);
      const below = await plan(cell, 'normal');
      await d.execute(sql`INSERT INTO document_link (from_id, to_id, relation) VALUES (${below}, ${byParent}, 'implements')`);
      const unrelated = await plan(grassroots, 'normal');
      const ownChoice = await plan(grassroots, 'secret');

      await database.execScript(readFileSync(migrations.find((x) => x.version === '0015')!.file, 'utf8'));
      const rows = await d.execute<{ id: string; confidentiality: string; inherited: boolean }>(sql`
        SELECT p.id, d.confidentiality, p.secret_inherited AS inherited FROM plan p JOIN document d ON d.id = p.id`);
      const state = Object.fromEntries(rows.rows.map((r) => [r.id, [r.confidentiality, r.inherited]]));
      expect(state).toEqual({
        [secretOne]: ['secret', false],
        [byParent]: ['secret', true],
        [below]: ['secret', true],
        [unrelated]: ['normal', false],
        [ownChoice]: ['secret', false],
      });
    } finally {
      await database.close();
    }
  });
});
