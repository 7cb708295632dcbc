/**
 * Plans: a committee drafts a plan and publishes it down the tree; every addressed unit active on
 * the day gets its task and report instances per period; a unit added later gets its share; an
 * implementing plan fulfils the parent's "make your plan" task and the parent sees which tasks
 * are not carried on; statuses follow the clock; a bulk update is all or nothing; the roll-up and
 * the instances themselves are checked against brute-force references on random trees.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreePath } from '#core/access/scope.ts';
import type { Due } from '#core/deadline/types.ts';
import type { IsoDate } from '#core/ids.ts';
import type { Audience, AudienceUnit } from '#core/plans/audience.ts';
import { selectAudience } from '#core/plans/audience.ts';
import { periodsForUnit } from '#core/plans/periods.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import type { CountedInstance } from '#core/rollup/counters.ts';
import { progressByRecount, progressFromCounters } from '#core/rollup/counters.ts';
import { rebuildCounters } from '#server/db/queries/progress.ts';
import { buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let btg: string;
const cookies: Record<string, string> = {};
const USERS = ['admin', 'staff', 'sec1', 'sec2', 'secgr', 'inspector'];

const as = (who: string) => cookies[who]!;
const post = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'POST', url, payload: payload as Record<string, unknown> });
const put = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'PUT', url, payload: payload as Record<string, unknown> });
const patch = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'PATCH', url, payload: payload as Record<string, unknown> });
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });
const db = () => t.database.db;

/** Moves the clock (Vietnam is UTC+7: 03:00Z is 10:00 there) and signs in again (sessions follow the clock). */
async function at(day: string, who: readonly string[] = USERS) {
  t.clock.now = new Date(`${day}T03:00:00Z`);
  for (const u of who) cookies[u] = await t.login(u, PASSWORD);
}

async function created(res: { statusCode: number; body: string; json: () => { id: string } }): Promise<string> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function instancesOf(planId: string) {
  const r = await db().execute<{ item: string; item_id: string; unit_id: string; period_key: string; due: string | null; status: string; done_on: string | null }>(sql`
    SELECT 'task' AS item, task_id AS item_id, unit_id, period_key, due_date::text AS due, status, done_on::text AS done_on FROM task_instance WHERE plan_id = ${planId}
    UNION ALL
    SELECT 'report', obligation_id, unit_id, period_key, due_date::text, status, first_submitted_on::text FROM obligation_instance WHERE plan_id = ${planId}`);
  return r.rows;
}

async function taskInstance(planId: string, unitId: string, ord: number): Promise<string> {
  const r = await db().execute<{ id: string }>(sql`
    SELECT ti.id FROM task_instance ti JOIN task t ON t.id = ti.task_id WHERE ti.plan_id = ${planId} AND ti.unit_id = ${unitId} AND t.ord = ${ord}`);
  expect(r.rows, `task ${ord} of ${unitId}`).toHaveLength(1);
  return r.rows[0]!.id;
}

async function countedInstances(planId: string): Promise<CountedInstance[]> {
  const r = await db().execute<{ item: 'task' | 'report'; path: string; due: string | null; done_on: string | null; cancelled: boolean }>(sql`
    SELECT 'task' AS item, unit_path::text AS path, due_date::text AS due, CASE WHEN status = 'done' THEN done_on::text END AS done_on, status = 'cancelled' AS cancelled
    FROM task_instance WHERE plan_id = ${planId}
    UNION ALL
    SELECT 'report', unit_path::text, due_date::text, first_submitted_on::text, status = 'cancelled' FROM obligation_instance WHERE plan_id = ${planId}`);
  return r.rows.map((x) => ({ item: x.item, unitPath: x.path as TreePath, due: x.due as IsoDate | null, doneOn: x.done_on as IsoDate | null, cancelled: x.cancelled }));
}

const pathOf = async (unitId: string) =>
  (await db().execute<{ path: string }>(sql`SELECT path::text AS path FROM unit WHERE id = ${unitId}`)).rows[0]!.path as TreePath;

/** Plan 48-KH/ĐUK of seed 001, as the bloc's staff would enter it (with one quarterly report added). */
function seed001(bloc: string, btgId: string) {
  return {
    unitId: bloc,
    number: '48-KH/ĐUK',
    title: 'Tổ chức nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận, Quy định của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII',
    issuedOn: '2022-03-11',
    recipients: ['Thường trực Tỉnh ủy (báo cáo)', 'Các chi, đảng bộ cơ sở'],
    tasks: [
      {
        text: 'Tổ chức Hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định của Hội nghị Trung ương 4 (khóa XIII) cho toàn thể cán bộ, đảng viên',
        kind: 'study',
        due: { type: 'month', value: '2022-03' },
        dueText: 'Hoàn thành trong tháng 3 năm 2022',
        audience: { scope: 'grassroots' },
        responsible: 'Đồng chí bí thư cấp ủy',
        output: '100% cán bộ, đảng viên được học tập',
      },
      {
        text: 'Xây dựng kế hoạch thực hiện Kết luận số 21-KL/TW',
        kind: 'own_plan',
        due: { type: 'date', value: '2022-03-31' },
        audience: { scope: 'grassroots' },
      },
      {
        text: 'Tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
        due: { type: 'continuous', value: null },
        dueText: 'thường xuyên',
        audience: { scope: 'grassroots' },
      },
      {
        text: 'Hướng dẫn đội ngũ báo cáo viên phổ biến, quán triệt, tuyên truyền về Kết luận, Quy định',
        due: { type: 'date', value: '2022-03-20' },
        leadUnitIds: [btgId],
        audience: { scope: 'units', unitIds: [btgId] },
      },
    ],
    obligations: [
      {
        title: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
        fromText: 'Các chi, đảng bộ cơ sở',
        toText: 'Ban Thường vụ Đảng ủy Khối',
        viaText: 'Ban Tuyên giáo Đảng ủy Khối',
        toUnitId: bloc,
        viaUnitId: btgId,
        due: [{ type: 'date', value: '2022-03-31' }],
        form: {
          figures: [
            { key: 'tong_so', label: 'Tổng số đảng viên', unit: 'người' },
            { key: 'duoc_hoc_tap', label: 'Số đảng viên được học tập', unit: 'người', of: 'tong_so' },
          ],
          sections: [{ key: 'ket_qua', title: 'Kết quả học tập, quán triệt' }],
        },
      },
      {
        title: 'Báo cáo kết quả đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
        due: [{ type: 'date', value: '2022-05-30' }, { type: 'date', value: '2022-11-30' }],
      },
      {
        title: 'Báo cáo định kỳ hằng quý kết quả tổ chức đợt sinh hoạt chính trị',
        due: [{ type: 'recurring', value: { every: 'quarter', from: null } }],
        cutoffDay: 15,
      },
    ],
  };
}

let planId: string;
let dissolved: string;
let later: string;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-11T03:00:00Z') });
  tree = await buildTree(db());
  btg = await buildUnit(db(), { parentId: tree.units.bloc, kind: 'department', name: 'Ban Tuyên giáo Đảng ủy Khối' });
  dissolved = await buildUnit(db(), { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kho bạc (đã giải thể)' });
  await db().execute(sql`UPDATE unit SET valid_to = '2022-03-01' WHERE id = ${dissolved}`);
  later = await buildUnit(db(), { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Phòng Tin học', validFrom: '2022-06-01' as IsoDate });
  // c1's committee was elected for 2020 - 2023: its quarterly reports run to the end of that term.
  await db().execute(sql`UPDATE unit SET term_start = '2020-07-01', term_end = '2023-06-30' WHERE id = ${tree.units.c1}`);
  await buildUser(db(), 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  await at('2022-03-11');
});
afterAll(() => t.close());

describe('a plan drafted by hand and published to the tree', () => {
  it('saves a draft, edits it keeping its tasks, and publishes it in one transaction', async () => {
    const draft = seed001(tree.units.bloc, btg);
    planId = await created(await post('staff', '/api/plans', draft));
    const first = (await get('staff', `/api/plans/${planId}`)).json();
    expect(first.status).toBe('draft');
    expect(first.tasks.map((x: { kind: string }) => x.kind)).toEqual(['study', 'own_plan', 'task', 'task']);
    expect(first.obligations[0].form.figures[1]).toEqual({ key: 'duoc_hoc_tap', label: 'Số đảng viên được học tập', unit: 'người', of: 'tong_so' });
    expect(first.permissions).toEqual({ edit: true, publish: true, delete: true, cancel: false });

    // Editing keeps the ids of the tasks sent back and the documents it carries out.
    const edited = { ...draft, title: `${draft.title}; tổ chức đợt sinh hoạt chính trị`, tasks: first.tasks.map((x: Record<string, unknown>) => ({ ...draft.tasks[(x.ord as number) - 1], id: x.id })), obligations: first.obligations.map((o: Record<string, unknown>) => ({ ...draft.obligations[(o.ord as number) - 1], id: o.id })) };
    expect((await put('staff', `/api/plans/${planId}`, edited)).statusCode).toBe(204);
    const second = (await get('staff', `/api/plans/${planId}`)).json();
    expect(second.tasks.map((x: { id: string }) => x.id)).toEqual(first.tasks.map((x: { id: string }) => x.id));
    expect(second.title).toContain('sinh hoạt chính trị');
    // A field left out keeps its value.
    expect((await put('staff', `/api/plans/${planId}`, { reminderDays: [10, 3, 1] })).statusCode).toBe(204);
    const third = (await get('staff', `/api/plans/${planId}`)).json();
    expect(third.reminderDays).toEqual([10, 3, 1]);
    expect(third.recipients).toEqual(draft.recipients);
    expect(third.tasks.map((x: { id: string }) => x.id)).toEqual(first.tasks.map((x: { id: string }) => x.id));
    expect(third.obligations[0].form).toEqual(first.obligations[0].form);

    const res = await post('staff', `/api/plans/${planId}/publish`, {});
    expect(res.statusCode, res.body).toBe(200);
    // Tasks: 3 × (grassroots organisation + 2 active cells) + 1 for the Ban Tuyên giáo = 10.
    // Reports: 3 + 3 × 2 dates + quarterly (2022-Q1 … 2023-Q1 = 5 for two units, … 2023-Q2 = 6 for c1) = 25.
    expect(res.json()).toEqual({ instances: 35 });
    expect((await instancesOf(planId)).length).toBe(35);
  });

  it('addresses only the units active on the day of publication, each once per period', async () => {
    const rows = await instancesOf(planId);
    const units = new Set(rows.map((r) => r.unit_id));
    expect([...units].sort()).toEqual([tree.units.grassroots, tree.units.c1, tree.units.c2, btg].sort());
    expect(units.has(dissolved)).toBe(false);
    expect(units.has(later)).toBe(false);
    const keys = rows.map((r) => `${r.item_id}|${r.unit_id}|${r.period_key}`);
    expect(new Set(keys).size).toBe(keys.length);
    const quarterly = (u: string) => rows.filter((r) => r.unit_id === u && r.period_key.includes('-Q')).map((r) => [r.period_key, r.due]);
    expect(quarterly(tree.units.c1).at(-1)).toEqual(['2023-Q2', '2023-06-30']);
    expect(quarterly(tree.units.c2).map((x) => x[0])).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1']);
    const continuous = rows.filter((r) => r.period_key === 'continuous');
    expect(continuous.every((r) => r.due === null)).toBe(true);
    const audience = await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM plan_audience WHERE plan_id = ${planId}`);
    expect(audience.rows[0]!.n).toBe(4);
  });

  it('notifies the leaders of the addressed units once, and not the issuing staff', async () => {
    const notes = await db().execute<{ username: string; unit_id: string; title: string }>(sql`
      SELECT a.username, n.unit_id, n.title FROM notification n JOIN app_user a ON a.id = n.user_id WHERE n.kind = 'plan_published' ORDER BY a.username`);
    expect(notes.rows.map((n) => n.username)).toEqual(['sec1', 'sec2', 'secgr']);
    expect(notes.rows[0]!.title).toContain('48-KH/ĐUK');
  });

  it('refuses to edit or publish a published plan (409)', async () => {
    const again = await post('staff', `/api/plans/${planId}/publish`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLAN_NOT_DRAFT');
    const edit = await put('staff', `/api/plans/${planId}`, seed001(tree.units.bloc, btg));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('PLAN_NOT_DRAFT');
  });

  it('refuses audience units outside the plan unit and invalid deadlines', async () => {
    const outside = await post('admin', '/api/plans', { unitId: tree.units.grassroots, title: 'Kế hoạch thử', tasks: [{ text: 'Việc', audience: { scope: 'units', unitIds: [btg] } }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('AUDIENCE_OUT_OF_SCOPE');
    const badDue = await post('staff', '/api/plans', { unitId: tree.units.bloc, title: 'Kế hoạch thử', tasks: [{ text: 'Việc', due: { type: 'month', value: '2022-13' } }] });
    expect(badDue.statusCode).toBe(400);
    expect(badDue.json().error.code).toBe('VALIDATION');
    const cellWritesBloc = await post('sec1', '/api/plans', { unitId: tree.units.bloc, title: 'Kế hoạch thử' });
    expect([403, 404]).toContain(cellWritesBloc.statusCode);
  });
});

describe('what a cell sees', () => {
  it('lists the plan among the plans to carry out, with its own progress', async () => {
    const res = await get('sec1', `/api/plans?unitId=${tree.units.c1}&view=to_carry_out`);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((p: { id: string }) => p.id === planId);
    // On 25/3 only the continuous task is due so far; the two due on 31/3 are not yet.
    expect(item.progress.tasks).toEqual({ total: 3, dueSoFar: 1, done: 0, overdue: 0 });
    expect(item.implementingPlan).toBeNull();
    expect((await get('sec1', `/api/plans/${planId}`)).statusCode).toBe(200);
    // Search ignores diacritics.
    const found = await get('sec1', `/api/plans?unitId=${tree.units.c1}&view=to_carry_out&q=quan%20triet`);
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(planId);
    const none = await get('sec1', `/api/plans?unitId=${tree.units.c1}&view=to_carry_out&q=khong%20co%20gi`);
    expect(none.json().total).toBe(0);
  });

  it('sees its own task instances only; its parent sees them, its sibling does not', async () => {
    const own = (await get('sec1', `/api/units/${tree.units.c1}/task-instances?planId=${planId}`)).json();
    expect(own.total).toBe(3);
    expect(own.items.every((i: { unitId: string }) => i.unitId === tree.units.c1)).toBe(true);
    expect((await get('sec2', `/api/units/${tree.units.c1}/task-instances`)).statusCode).toBe(404);
    expect((await get('secgr', `/api/units/${tree.units.c1}/task-instances`)).json().total).toBe(3);
    const id = await taskInstance(planId, tree.units.c1, 1);
    expect((await patch('sec2', `/api/task-instances/${id}`, { done: true })).statusCode).toBe(404);
    expect((await patch('inspector', `/api/task-instances/${id}`, { done: true })).statusCode).toBe(403);
  });

  it('does not see a draft of the bloc, nor a secret plan addressed to another cell unless granted on it', async () => {
    const draft = await created(await post('staff', '/api/plans', { unitId: tree.units.bloc, title: 'Dự thảo chưa ban hành', tasks: [{ text: 'Việc' }] }));
    expect((await get('sec1', `/api/plans/${draft}`)).statusCode).toBe(404);

    const secret = await created(await post('staff', '/api/plans', {
      unitId: tree.units.bloc, title: 'Kế hoạch mật', confidentiality: 'secret',
      tasks: [{ text: 'Việc mật', due: { type: 'date', value: '2022-04-30' }, audience: { scope: 'units', unitIds: [tree.units.c2] } }],
    }));
    expect((await post('staff', `/api/plans/${secret}/publish`, {})).json()).toEqual({ instances: 1 });
    expect((await get('sec2', `/api/plans/${secret}`)).statusCode).toBe(200);
    expect((await get('secgr', `/api/plans/${secret}`)).statusCode).toBe(200);
    expect((await get('sec1', `/api/plans/${secret}`)).statusCode).toBe(404);
    const sec1 = (await db().execute<{ id: string }>(sql`SELECT id FROM app_user WHERE username = 'sec1'`)).rows[0]!.id;
    expect((await put('staff', `/api/plans/${secret}/access`, { userIds: [sec1] })).statusCode).toBe(204);
    expect((await get('sec1', `/api/plans/${secret}`)).statusCode).toBe(200);

    // A normal plan addressed to the grassroots organisation is shown to its cells; a secret one is not.
    const toParent = await created(await post('staff', '/api/plans', { unitId: tree.units.bloc, title: 'Kế hoạch gửi đảng bộ cơ sở', tasks: [{ text: 'Việc', audience: { scope: 'children', kinds: ['grassroots'] } }] }));
    await post('staff', `/api/plans/${toParent}/publish`, {});
    expect((await get('sec1', `/api/plans/${toParent}`)).statusCode).toBe(200);
    const secretToParent = await created(await post('staff', '/api/plans', { unitId: tree.units.bloc, title: 'Kế hoạch mật gửi đảng bộ cơ sở', confidentiality: 'secret', tasks: [{ text: 'Việc', audience: { scope: 'children', kinds: ['grassroots'] } }] }));
    await post('staff', `/api/plans/${secretToParent}/publish`, {});
    expect((await get('sec1', `/api/plans/${secretToParent}`)).statusCode).toBe(404);
  });
});

describe('deadlines over time', () => {
  it('moves a task from not yet due to due soon to overdue, and counts a late completion as late', async () => {
    const c1Study = await taskInstance(planId, tree.units.c1, 1);
    const c2Study = await taskInstance(planId, tree.units.c2, 1);
    const status = async (id: string, who = 'secgr') => {
      const own = (await get(who, `/api/units/${id === c1Study ? tree.units.c1 : tree.units.c2}/task-instances?planId=${planId}`)).json();
      return own.items.find((i: { id: string }) => i.id === id);
    };
    expect((await status(c1Study)).status).toBe('not_due');
    await at('2022-03-25');
    expect((await status(c1Study)).statusLabel).toBe('Sắp đến hạn');
    const upcoming = (await get('sec1', `/api/units/${tree.units.c1}/upcoming?days=10`)).json();
    expect(upcoming.items.map((i: { item: string; dueDate: string; daysLeft: number }) => [i.item, i.dueDate, i.daysLeft])).toEqual([
      ['task', '2022-03-31', 6], ['task', '2022-03-31', 6], ['report', '2022-03-31', 6], ['report', '2022-03-31', 6],
    ]);

    // c2 finishes on 30/3, on time.
    const onTime = await patch('sec2', `/api/task-instances/${c2Study}`, { done: true, doneOn: '2022-03-30', progressNote: 'Đã tổ chức hội nghị', evidence: [{ title: 'Biên bản hội nghị', url: 'https://example.org/bien-ban.pdf' }] });
    expect(onTime.statusCode).toBe(400); // 30/3 is after today (25/3)
    await at('2022-03-30');
    const done = await patch('sec2', `/api/task-instances/${c2Study}`, { done: true, progressNote: 'Đã tổ chức hội nghị', evidence: [{ title: 'Biên bản hội nghị', url: 'https://example.org/bien-ban.pdf' }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', doneOn: '2022-03-30', status: 'done_on_time', statusLabel: 'Hoàn thành đúng hạn', evidence: [{ title: 'Biên bản hội nghị' }] });

    await at('2022-04-02');
    const late = await status(c1Study);
    expect(late).toMatchObject({ status: 'overdue', statusLabel: 'Quá hạn', daysLate: 2 });
    const overdue = (await get('staff', `/api/plans/${planId}/overdue?unit=${tree.units.grassroots}`)).json();
    const mine = overdue.items.find((i: { instanceId: string }) => i.instanceId === c1Study);
    expect(mine).toMatchObject({ item: 'task', unitName: 'Chi bộ Văn phòng Sở', dueDate: '2022-03-31', daysLate: 2 });
    expect(overdue.items.map((i: { daysLate: number }) => i.daysLate)).toEqual([...overdue.items.map((i: { daysLate: number }) => i.daysLate)].sort((a, b) => b - a));
    expect(overdue.items.some((i: { instanceId: string }) => i.instanceId === c2Study)).toBe(false);

    const fixed = await patch('sec1', `/api/task-instances/${c1Study}`, { done: true });
    expect(fixed.json()).toMatchObject({ status: 'done_late', statusLabel: 'Hoàn thành trễ hạn', daysLate: 2 });
    // Reopening takes it back out of the done count.
    const rows = (await get('staff', `/api/plans/${planId}/progress?unit=${tree.units.grassroots}`)).json();
    expect(rows.map((r: { name: string; tasks: unknown }) => [r.name, r.tasks])).toEqual([
      ['Chi bộ Thanh tra Sở', { total: 3, dueSoFar: 3, done: 1, overdue: 1 }],
      ['Chi bộ Văn phòng Sở', { total: 3, dueSoFar: 3, done: 1, overdue: 1 }],
    ]);
    const summary = (await get('staff', `/api/plans/${planId}/summary?unit=${tree.units.grassroots}`)).json();
    const c1Rates = summary.children.find((c: { unitId: string }) => c.unitId === tree.units.c1).rates;
    expect(c1Rates.taskOnTime).toBe(0);
    expect(summary.children.find((c: { unitId: string }) => c.unitId === tree.units.c2).rates.taskOnTime).toBe(0.5);
    expect(summary.explanation.join(' ')).toContain('không bao giờ bị tính quá hạn');
    await patch('sec1', `/api/task-instances/${c1Study}`, { done: false });
    const after = (await get('staff', `/api/plans/${planId}/progress?unit=${tree.units.grassroots}`)).json();
    expect(after.find((r: { unitId: string }) => r.unitId === tree.units.c1).tasks).toEqual({ total: 3, dueSoFar: 3, done: 0, overdue: 2 });
  });

  it('flags units that have changed nothing for a long time', async () => {
    await at('2022-04-20');
    const stale = (await get('staff', `/api/plans/${planId}/stale?days=30`)).json();
    // Published on 11/3: 40 days without a change, except c1 and c2 which updated their tasks.
    const names = stale.items.map((s: { name: string }) => s.name);
    expect(names).toContain('Ban Tuyên giáo Đảng ủy Khối');
    expect(names).toContain('Đảng bộ Sở Tài chính');
    expect(names).not.toContain('Chi bộ Văn phòng Sở');
    expect(stale.items.find((s: { name: string }) => s.name === 'Đảng bộ Sở Tài chính').daysSinceUpdate).toBe(40);
  });

  it('draws the heat map of children × tasks', async () => {
    const map = (await get('staff', `/api/plans/${planId}/heatmap?unit=${tree.units.grassroots}`)).json();
    expect(map.units.map((u: { name: string }) => u.name)).toEqual(['Chi bộ Thanh tra Sở', 'Chi bộ Văn phòng Sở']);
    expect(map.tasks.map((x: { ord: number }) => x.ord)).toEqual([1, 2, 3]);
    const study = map.tasks[0].taskId;
    expect(map.cells.find((c: { unitId: string; taskId: string }) => c.unitId === tree.units.c2 && c.taskId === study)).toMatchObject({ total: 1, done: 1, overdue: 0 });
    expect(map.cells.find((c: { unitId: string; taskId: string }) => c.unitId === tree.units.c1 && c.taskId === study)).toMatchObject({ total: 1, done: 0, overdue: 1 });
  });
});

describe('bulk updates', () => {
  it('is all or nothing: one instance out of reach refuses the whole action', async () => {
    const mine = await taskInstance(planId, tree.units.c1, 3);
    const sibling = await taskInstance(planId, tree.units.c2, 3);
    const before = await instancesOf(planId);
    const counters = await db().execute(sql`SELECT * FROM progress_counter WHERE plan_id = ${planId} ORDER BY unit_id, item, due_date`);
    const res = await post('sec1', '/api/task-instances/bulk', { ids: [mine, sibling], done: true });
    expect(res.statusCode).toBe(404);
    expect(await instancesOf(planId)).toEqual(before);
    expect((await db().execute(sql`SELECT * FROM progress_counter WHERE plan_id = ${planId} ORDER BY unit_id, item, due_date`)).rows).toEqual(counters.rows);
  });

  it('marks several tasks done with one evidence file in one action', async () => {
    const ids = [await taskInstance(planId, tree.units.c1, 1), await taskInstance(planId, tree.units.c1, 3)];
    const res = await post('sec1', '/api/task-instances/bulk', { ids, done: true, evidence: [{ title: 'Nghị quyết chi bộ tháng 4' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    const r = await db().execute<{ status: string; evidence: { title: string }[] }>(sql`SELECT status, evidence FROM task_instance WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
    expect(r.rows.every((x) => x.status === 'done' && x.evidence.at(-1)!.title === 'Nghị quyết chi bộ tháng 4')).toBe(true);
    const audit = await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task_instance.bulk_update'`);
    expect(audit.rows[0]!.n).toBe(1);
    const row = (await get('secgr', `/api/plans/${planId}/progress?unit=${tree.units.grassroots}`)).json().find((x: { unitId: string }) => x.unitId === tree.units.c1);
    expect(row.tasks).toEqual({ total: 3, dueSoFar: 3, done: 2, overdue: 1 });
  });
});

describe('implementing plans', () => {
  let child: string;
  it('makes the grassroots organisation\'s plan pre-filled with what was addressed to it', async () => {
    await at('2022-04-25');
    const res = await post('secgr', `/api/plans/${planId}/implementing`, { unitId: tree.units.grassroots });
    child = await created(res);
    const view = (await get('secgr', `/api/plans/${child}`)).json();
    expect(view.parentPlan).toMatchObject({ id: planId, number: '48-KH/ĐUK' });
    expect(view.implements.map((d: { id: string }) => d.id)).toContain(planId);
    expect(view.title).toMatch(/^Thực hiện Kế hoạch số 48-KH\/ĐUK của /);
    const parent = (await get('secgr', `/api/plans/${planId}`)).json();
    // The study task and the political-activity task; not "make your plan", not the Ban Tuyên giáo's task.
    expect(view.tasks.map((x: { parentTaskId: string }) => x.parentTaskId)).toEqual([parent.tasks[0].id, parent.tasks[2].id]);
    expect(view.tasks.every((x: { audience: { scope: string } }) => x.audience.scope === 'grassroots')).toBe(true);
    // The Khối's plan asks the cells for its reports too: they send them to the đảng bộ under the
    // Khối's plan (ADR 014), so the đảng bộ's plan does not ask them a second time.
    expect(view.obligations).toEqual([]);
    // Addressed to the đảng bộ alone, the report is one the đảng bộ collects from its cells.
    const toParentOnly = await created(await post('staff', '/api/plans', {
      unitId: tree.units.bloc, title: 'Báo cáo chỉ giao đảng bộ cơ sở',
      obligations: [{ title: 'Báo cáo sơ kết', due: [{ type: 'date', value: '2022-06-30' }], audience: { scope: 'children', kinds: ['grassroots'] } }],
    }));
    expect((await post('staff', `/api/plans/${toParentOnly}/publish`, {})).statusCode).toBe(200);
    const collect = (await get('secgr', `/api/plans/${await created(await post('secgr', `/api/plans/${toParentOnly}/implementing`, { unitId: tree.units.grassroots }))}`)).json();
    expect(collect.obligations.map((o: { title: string; toUnitId: string }) => [o.title, o.toUnitId])).toEqual([['Báo cáo sơ kết', tree.units.grassroots]]);
    const twice = await post('secgr', `/api/plans/${planId}/implementing`, { unitId: tree.units.grassroots });
    expect(twice.statusCode).toBe(409);
    // A cell of another unit's plan cannot be made by a sibling.
    expect((await post('sec2', `/api/plans/${planId}/implementing`, { unitId: tree.units.c1 })).statusCode).toBe(404);
  });

  it('shows the parent which tasks are not carried on, and publishing fulfils the "make your plan" task', async () => {
    const coverageBefore = (await get('staff', `/api/plans/${planId}/coverage`)).json();
    const study = coverageBefore.find((c: { ord: number }) => c.ord === 1);
    // Every level of the subtree is checked: the đảng bộ and the cells it was also given to (ADR 014).
    const cells = [
      { unitId: tree.units.c2, name: 'Chi bộ Thanh tra Sở', parentName: 'Đảng bộ Sở Tài chính', hasPlan: false },
      { unitId: tree.units.c1, name: 'Chi bộ Văn phòng Sở', parentName: 'Đảng bộ Sở Tài chính', hasPlan: false },
    ];
    expect(study.uncovered).toEqual([...cells, { unitId: tree.units.grassroots, name: 'Đảng bộ Sở Tài chính', parentName: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', hasPlan: false }]);
    expect(coverageBefore.some((c: { ord: number }) => c.ord === 2)).toBe(false);

    // The grassroots organisation drops the political-activity task from its plan and publishes.
    const view = (await get('secgr', `/api/plans/${child}`)).json();
    const strip = ({ ord: _o, ...rest }: Record<string, unknown>) => rest;
    // Left out, the parent plan and the documents carried out stay as they are.
    const body = { title: view.title, tasks: [strip(view.tasks[0])], obligations: view.obligations.map(strip) };
    const saved = await put('secgr', `/api/plans/${child}`, body);
    expect(saved.statusCode, saved.body).toBe(204);
    const kept = (await get('secgr', `/api/plans/${child}`)).json();
    expect(kept.parentPlanId).toBe(planId);
    expect(kept.implements.map((d: { id: string }) => d.id)).toEqual([planId]);
    expect(kept.tasks).toHaveLength(1);
    const published = await post('secgr', `/api/plans/${child}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);

    const own = await db().execute<{ status: string; done_on: string; fulfilled_by_plan_id: string }>(sql`
      SELECT ti.status, ti.done_on::text, ti.fulfilled_by_plan_id FROM task_instance ti JOIN task t ON t.id = ti.task_id
      WHERE ti.plan_id = ${planId} AND ti.unit_id = ${tree.units.grassroots} AND t.kind = 'own_plan'`);
    expect(own.rows).toEqual([{ status: 'done', done_on: '2022-04-25', fulfilled_by_plan_id: child }]);
    const rows = (await get('staff', `/api/plans/${planId}/progress`)).json();
    const gr = rows.find((r: { unitId: string }) => r.unitId === tree.units.grassroots);
    expect(gr.tasks.done).toBeGreaterThanOrEqual(1);

    const coverage = (await get('staff', `/api/plans/${planId}/coverage`)).json();
    // The đảng bộ's plan carries the study task out; its cells have no plan of their own yet.
    expect(coverage.find((c: { ord: number }) => c.ord === 1).uncovered).toEqual(cells);
    expect(coverage.find((c: { ord: number }) => c.ord === 3).uncovered).toEqual([...cells, { unitId: tree.units.grassroots, name: 'Đảng bộ Sở Tài chính', parentName: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', hasPlan: true }]);

    const treeRows = (await get('staff', `/api/plans/${planId}/tree`)).json();
    expect(treeRows.map((p: { id: string; depth: number }) => [p.id, p.depth])).toEqual([[planId, 0], [child, 1]]);
    // The cells see their grassroots organisation's plan among the plans to carry out.
    const carry = (await get('sec1', `/api/plans?unitId=${tree.units.c1}&view=to_carry_out`)).json();
    expect(carry.items.map((p: { id: string }) => p.id)).toContain(child);
  });
});

describe('a unit created later', () => {
  it('gets the plan\'s work from the day it is added, once however often it is added', async () => {
    await at('2022-06-15');
    const res = await post('staff', `/api/plans/${planId}/audience`, { unitIds: [later] });
    expect(res.statusCode, res.body).toBe(200);
    // 3 grassroots tasks + 1 + 2 dated reports + quarterly from 2022-Q2 to 2023-Q2 (5) = 11.
    expect(res.json()).toEqual({ units: 1, instances: 11 });
    expect((await post('staff', `/api/plans/${planId}/audience`, { unitIds: [later] })).json()).toEqual({ units: 0, instances: 0 });
    const instances = await countedInstances(planId);
    for (const unit of [tree.units.bloc, tree.units.grassroots, later]) {
      const path = await pathOf(unit);
      const counters = await db().execute<{ item: 'task' | 'report'; dueDate: IsoDate; total: number; done: number; doneLate: number }>(sql`
        SELECT item, due_date::text AS "dueDate", total, done, done_late AS "doneLate" FROM progress_counter WHERE plan_id = ${planId} AND unit_id = ${unit}`);
      expect(progressFromCounters(counters.rows, '2022-06-15' as IsoDate)).toEqual(progressByRecount(instances, path, '2022-06-15' as IsoDate));
    }
    const outside = await buildUnit(db(), { parentId: tree.units.province, kind: 'grassroots', name: 'Đảng bộ ngoài Khối' });
    const refused = await post('admin', `/api/plans/${planId}/audience`, { unitIds: [outside] });
    expect(refused.json().error.code).toBe('AUDIENCE_OUT_OF_SCOPE');
  });
});

// ——— Random trees ———

const KINDS: UnitKind[] = ['grassroots', 'cell', 'cell', 'grassroots_cell', 'sub_grassroots', 'department', 'mass_org', 'youth_cell'];
const PUBLISHED = '2022-03-11' as IsoDate;

interface RandomUnit {
  parent: number;
  kind: UnitKind;
  life: 'active' | 'dissolved' | 'future';
  term: { start: string; end: string } | null;
}

const unitArb: fc.Arbitrary<RandomUnit> = fc.record({
  parent: fc.nat(),
  kind: fc.constantFrom(...KINDS),
  life: fc.constantFrom('active', 'active', 'active', 'dissolved', 'future'),
  term: fc.option(fc.constantFrom({ start: '2020-07-01', end: '2023-06-30' }, { start: '2020-10-15', end: '2025-10-14' }, { start: '2021-01-05', end: '2022-12-31' }), { nil: null }),
});

const dueArb: fc.Arbitrary<Due | null> = fc.constantFrom<Due | null>(
  null,
  { type: 'date', value: '2022-03-31' as IsoDate },
  { type: 'month', value: '2022-04' },
  { type: 'quarter', value: '2022-Q2' },
  { type: 'continuous', value: null },
  { type: 'recurring', value: { every: 'quarter', from: null } },
  { type: 'recurring', value: { every: 'half-year', from: { type: 'year', value: '2022' } } },
  { type: 'term-years', value: { years: [2, 3] } },
);

const audienceArb = (ids: string[]): fc.Arbitrary<Audience> =>
  fc.oneof(
    fc.constant<Audience>({ scope: 'grassroots' }),
    fc.constant<Audience>({ scope: 'children' }),
    fc.constant<Audience>({ scope: 'self' }),
    fc.constant<Audience>({ scope: 'kinds', kinds: ['department', 'mass_org'] }),
    fc.constant<Audience>({ scope: 'grassroots', kinds: ['cell'] }),
    fc.subarray(ids, { minLength: 1 }).map((unitIds): Audience => ({ scope: 'units', unitIds })),
  );

/** Builds a random tree of up to 20 units under a new bloc committee; returns the units as the audience rules see them. */
async function randomTree(spec: RandomUnit[]): Promise<{ root: string; units: (AudienceUnit & { term: RandomUnit['term'] })[] }> {
  const root = await buildUnit(db(), { parentId: tree.units.province, kind: 'bloc_committee', name: `Đảng ủy Khối ${Math.random().toString(36).slice(2, 7)}` });
  const ids = [root];
  for (const [i, u] of spec.entries()) {
    const parentId = ids[u.parent % ids.length]!;
    const id = await buildUnit(db(), { parentId, kind: u.kind, name: `Đơn vị ${i + 1}`, validFrom: (u.life === 'future' ? '2022-09-01' : '2021-01-01') as IsoDate });
    if (u.life === 'dissolved') await db().execute(sql`UPDATE unit SET valid_to = '2022-02-01' WHERE id = ${id}`);
    if (u.term) await db().execute(sql`UPDATE unit SET term_start = ${u.term.start}, term_end = ${u.term.end} WHERE id = ${id}`);
    ids.push(id);
  }
  const r = await db().execute<AudienceUnit & Record<string, unknown> & { termStart: string | null; termEnd: string | null }>(sql`
    SELECT id, parent_id AS "parentId", path::text AS path, kind, valid_from::text AS "validFrom", valid_to::text AS "validTo",
           term_start::text AS "termStart", term_end::text AS "termEnd"
    FROM unit WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  return {
    root,
    units: r.rows.map(({ termStart, termEnd, ...u }) => ({ ...u, term: termStart && termEnd ? { start: termStart, end: termEnd } : null })),
  };
}

describe('publishing to random trees', () => {
  it('never loses or duplicates an instance: each unit of each audience gets exactly its periods', async () => {
    await at(PUBLISHED, ['admin']);
    await fc.assert(
      fc.asyncProperty(
        fc.array(unitArb, { minLength: 3, maxLength: 19 }),
        fc.array(fc.record({ due: dueArb, pick: fc.nat(), report: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        async (spec, items, seed) => {
          const { root, units } = await randomTree(spec);
          const rootUnit = units.find((u) => u.id === root)!;
          const ids = units.map((u) => u.id);
          const audiences = fc.sample(audienceArb(ids), { numRuns: items.length, seed });
          const tasks = items.filter((i) => !i.report).map((i, k) => ({ text: `Nhiệm vụ ${k + 1}`, due: i.due, audience: audiences[items.indexOf(i)] }));
          const obligations = items.filter((i) => i.report).map((i, k) => ({ title: `Báo cáo ${k + 1}`, due: i.due ? [i.due] : [], audience: audiences[items.indexOf(i)] }));
          const id = await created(await post('admin', '/api/plans', { unitId: root, title: 'Kế hoạch ngẫu nhiên', tasks, obligations }));
          const res = await post('admin', `/api/plans/${id}/publish`, {});
          expect(res.statusCode, res.body).toBe(200);

          const view = (await get('admin', `/api/plans/${id}`)).json();
          const expected: string[] = [];
          for (const [kind, list] of [['task', view.tasks], ['report', view.obligations]] as const) {
            for (const item of list as { id: string; due: unknown; audience: Audience }[]) {
              const dues = kind === 'task' ? (item.due as Due | null) : (item.due as Due[]);
              for (const u of selectAudience(item.audience, { id: root, path: rootUnit.path, kind: rootUnit.kind }, units, PUBLISHED)) {
                const term = u.term ? { start: u.term.start as IsoDate, end: u.term.end as IsoDate } : null;
                for (const p of periodsForUnit(dues, PUBLISHED, term)) expected.push(`${item.id}|${u.id}|${p.key}|${p.due}`);
              }
            }
          }
          const actual = (await instancesOf(id)).map((r) => `${r.item_id}|${r.unit_id}|${r.period_key}|${r.due}`);
          expect(res.json().instances).toBe(expected.length);
          expect(actual.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 10 },
    );
  });

  it('rolls up to the same figures as a brute-force recount, at the root and at a middle unit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(unitArb, { minLength: 5, maxLength: 19 }),
        fc.array(dueArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 120 })), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 300 }),
        async (spec, dues, marks, lookAt) => {
          await at(PUBLISHED, ['admin']);
          const { root, units } = await randomTree(spec);
          const id = await created(await post('admin', '/api/plans', {
            unitId: root,
            title: 'Kế hoạch kiểm tra số liệu',
            tasks: dues.map((due, k) => ({ text: `Nhiệm vụ ${k + 1}`, due, audience: { scope: k % 2 === 0 ? 'grassroots' : 'children' } })),
            obligations: [{ title: 'Báo cáo định kỳ', due: [{ type: 'recurring', value: { every: 'quarter', from: null } }], audience: { scope: 'grassroots' } }],
          }));
          expect((await post('admin', `/api/plans/${id}/publish`, {})).statusCode).toBe(200);

          // Some reports are submitted (as the reports module records it), some late.
          const reports = await db().execute<{ id: string; due: string | null }>(sql`SELECT id, due_date::text AS due FROM obligation_instance WHERE plan_id = ${id} ORDER BY id`);
          for (const [k, r] of reports.rows.entries()) {
            const [submit, offset] = marks[k % marks.length]!;
            if (!submit || !r.due) continue;
            const day = new Date(Date.parse(`${r.due}T00:00:00Z`) + (offset - 60) * 86_400_000).toISOString().slice(0, 10);
            await db().execute(sql`UPDATE obligation_instance SET status = 'submitted', current_version = 1, first_submitted_on = ${day} WHERE id = ${r.id}`);
          }
          await db().transaction((tx) => rebuildCounters(tx, id));

          // Tasks are done through the API, some on time, some late, over several days.
          const tasks = await db().execute<{ id: string }>(sql`SELECT id FROM task_instance WHERE plan_id = ${id} ORDER BY id`);
          await at('2022-07-15', ['admin']);
          const done = tasks.rows.filter((_, k) => marks[(k + 7) % marks.length]![0]).slice(0, 25);
          for (const [k, row] of done.entries()) {
            const doneOn = new Date(Date.parse('2022-03-11T00:00:00Z') + (marks[k % marks.length]![1]) * 86_400_000).toISOString().slice(0, 10);
            const res = k % 3 === 0
              ? await post('admin', '/api/task-instances/bulk', { ids: [row.id], done: true, doneOn })
              : await patch('admin', `/api/task-instances/${row.id}`, { done: true, doneOn });
            expect(res.statusCode, res.body).toBe(200);
          }
          if (done[0]) await patch('admin', `/api/task-instances/${done[0].id}`, { done: false });

          const today = new Date(Date.parse('2022-03-11T00:00:00Z') + lookAt * 86_400_000).toISOString().slice(0, 10) as IsoDate;
          await at(today, ['admin']);
          const instances = await countedInstances(id);
          const middle = units.filter((u) => u.id !== root && units.some((c) => c.parentId === u.id)).map((u) => u.id);
          for (const unit of [root, ...middle.slice(0, 1)]) {
            const rows = (await get('admin', `/api/plans/${id}/progress?unit=${unit}`)).json() as { unitId: string; tasks: unknown; reports: unknown }[];
            const children = units.filter((u) => u.parentId === unit);
            const expected = children
              .map((c) => ({ unitId: c.id, has: instances.some((i) => i.unitPath === c.path || i.unitPath.startsWith(`${c.path}.`)), p: progressByRecount(instances, c.path, today) }))
              .filter((c) => c.has);
            expect(rows.map((r) => r.unitId).sort()).toEqual(expected.map((c) => c.unitId).sort());
            for (const c of expected) {
              const row = rows.find((r) => r.unitId === c.unitId)!;
              expect({ tasks: row.tasks, reports: row.reports }).toEqual(c.p);
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
