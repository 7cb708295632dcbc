/**
 * A plan's end of life (docs/decisions/016-plan-lifecycle.md): a draft never published is deleted
 * (its row kept, hidden, the audit log says so); a published plan is cancelled ("thu hồi") with a
 * reason — its instances kept and marked cancelled, the counters equal to a recount, the work gone
 * from every list, the units told why; one unit's task or report of one period is cancelled the
 * same way; and the plan page's Word file opens as a KẾ HOẠCH.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressByRecount } from '#core/rollup/counters.ts';
import { createReminders } from '#server/services/notifications/create-reminders.ts';
import { readDocx } from '../support/docx-read.ts';
import { buildPerson, buildTree, buildUser, PASSWORD } from '../support/factories.ts';
import { countedInstances, notificationsOf, pathOf, progressFromDb } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const TODAY = '2022-03-15';
const TASK = 'Tổ chức hội nghị nghiên cứu, học tập, quán triệt Kết luận cho cán bộ, đảng viên';
const LATER_TASK = 'Sơ kết việc học tập, quán triệt Kết luận';
const REPORT = 'Báo cáo kết quả học tập, quán triệt';
const REASON = 'Ban hành nhầm đối tượng, sẽ ban hành kế hoạch thay thế';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const as = (who: string) => cookies[who]!;
const req = (who: string, method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, payload?: unknown) =>
  t.request(as(who), { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const get = (who: string, url: string) => req(who, 'GET', url);
const post = (who: string, url: string, payload: unknown = {}) => req(who, 'POST', url, payload);
const db = () => t.database.db;

let planNo = 0;
/** A plan of the bloc for its grassroots organisations and cells: a task overdue on TODAY, one due later, a report of two periods. */
async function blocPlan(publish = true): Promise<string> {
  const created = await post('staff', '/api/plans', {
    unitId: tree.units.bloc,
    number: `${40 + planNo++}-KH/ĐUK`,
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận',
    tasks: [
      { text: TASK, due: { type: 'date', value: '2022-03-10' }, audience: { scope: 'grassroots' } },
      { text: LATER_TASK, due: { type: 'date', value: '2022-03-25' }, audience: { scope: 'grassroots' } },
    ],
    obligations: [{ title: REPORT, due: [{ type: 'date', value: '2022-03-12' }, { type: 'date', value: '2022-03-30' }] }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  if (publish) expect((await post('staff', `/api/plans/${id}/publish`)).statusCode).toBe(200);
  return id;
}

/** A plan's task instance of `text` for a unit. */
async function taskInstance(planId: string, unitId: string, text = TASK): Promise<string> {
  const r = await db().execute<{ id: string }>(sql`
    SELECT ti.id FROM task_instance ti JOIN task tk ON tk.id = ti.task_id WHERE ti.plan_id = ${planId} AND ti.unit_id = ${unitId} AND tk.text = ${text}`);
  return r.rows[0]!.id;
}

/** A plan's report instance of a unit for the period due on `due`. */
async function reportInstance(planId: string, unitId: string, due = '2022-03-12'): Promise<string> {
  const r = await db().execute<{ id: string }>(sql`SELECT id FROM obligation_instance WHERE plan_id = ${planId} AND unit_id = ${unitId} AND due_date = ${due}`);
  return r.rows[0]!.id;
}

/** The counters of every unit of the tree equal a recount of the plan's instances. */
async function expectCountersEqualRecount(planId: string) {
  const instances = await countedInstances(db(), planId);
  for (const unitId of Object.values(tree.units)) {
    const expected = progressByRecount(instances, await pathOf(db(), unitId), TODAY as never);
    expect(await progressFromDb(db(), planId, unitId, TODAY), `counters of ${unitId}`).toEqual(expected);
  }
}

async function auditOf(action: string, entityId: string) {
  const r = await db().execute<{ actor_name: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(sql`
    SELECT actor_name, before, after FROM audit_log WHERE action = ${action} AND entity_id = ${entityId}`);
  return r.rows;
}

const ids = (body: { items: { id?: string; instanceId?: string }[] }) => body.items.map((x) => x.id ?? x.instanceId);

beforeAll(async () => {
  t = await createTestApp({ now: new Date(`${TODAY}T03:00:00Z`) });
  tree = await buildTree(db());
  await buildUser(db(), 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  await buildUser(db(), 'viewer-bloc', [{ unitId: tree.units.bloc, role: 'viewer' }]);
  // The bloc's secretary signs the plan's Word file.
  await buildPerson(db(), tree.units.bloc, { fullName: 'Nguyễn Văn Minh', positions: ['secretary'] });
  for (const who of ['staff', 'secgr', 'sec1', 'sec2', 'inspector', 'viewer-bloc']) cookies[who] = await t.login(who, PASSWORD);
});
afterAll(() => t.close());

describe('deleting a draft plan', () => {
  it('hides a draft never published, keeps its row and says so in the audit log', async () => {
    const draft = await blocPlan(false);
    const res = await req('staff', 'DELETE', `/api/plans/${draft}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await get('staff', `/api/plans/${draft}`)).statusCode).toBe(404);
    const list = await get('staff', `/api/plans?unitId=${tree.units.bloc}&view=issued`);
    expect(ids(list.json())).not.toContain(draft);
    // Plans are never deleted as rows: the document is marked deleted, by whom.
    const row = await db().execute<{ status: string; deleted: boolean; by: string | null }>(sql`
      SELECT p.status, d.deleted_at IS NOT NULL AS deleted, d.deleted_by::text AS by FROM plan p JOIN document d ON d.id = p.id WHERE p.id = ${draft}`);
    expect(row.rows).toEqual([{ status: 'draft', deleted: true, by: tree.users.staff }]);
    const audit = await auditOf('plan.delete', draft);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('staff');
    expect(audit[0]!.before).toMatchObject({ status: 'draft', title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận' });
    // Gone is gone: a second delete finds nothing.
    expect((await req('staff', 'DELETE', `/api/plans/${draft}`)).statusCode).toBe(404);
  });

  it('refuses to delete a published plan, in Vietnamese, and changes nothing', async () => {
    const plan = await blocPlan();
    const res = await req('staff', 'DELETE', `/api/plans/${plan}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PLAN_NOT_DRAFT');
    expect(res.json().error.message).toContain('thu hồi');
    expect((await get('staff', `/api/plans/${plan}`)).json().status).toBe('published');
  });

  it('lets only a writer of the plan’s unit delete its draft', async () => {
    const draft = await blocPlan(false);
    // A cell does not see the bloc's draft; the bloc's inspector and viewer see it and may not delete it.
    expect((await req('sec1', 'DELETE', `/api/plans/${draft}`)).statusCode).toBe(404);
    expect((await req('inspector', 'DELETE', `/api/plans/${draft}`)).statusCode).toBe(403);
    expect((await req('viewer-bloc', 'DELETE', `/api/plans/${draft}`)).statusCode).toBe(403);
    expect((await get('staff', `/api/plans/${draft}`)).json()).toMatchObject({ status: 'draft', permissions: { delete: true, cancel: false } });
    expect(await auditOf('plan.delete', draft)).toEqual([]);
  });

  it('lets a unit make its implementing plan again once it deleted the draft of it', async () => {
    const parent = await blocPlan();
    const first = await post('secgr', `/api/plans/${parent}/implementing`, { unitId: tree.units.grassroots });
    expect(first.statusCode, first.body).toBe(201);
    expect((await req('secgr', 'DELETE', `/api/plans/${first.json().id}`)).statusCode).toBe(204);
    const carry = await get('secgr', `/api/plans?unitId=${tree.units.grassroots}&view=to_carry_out`);
    expect(carry.json().items.find((p: { id: string }) => p.id === parent).implementingPlan).toBeNull();
    const again = await post('secgr', `/api/plans/${parent}/implementing`, { unitId: tree.units.grassroots });
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe('cancelling a published plan', () => {
  let plan: string;
  let grPlan: string;
  let out: { tasks: number; reports: number };

  beforeAll(async () => {
    plan = await blocPlan();
    // c2 has done its task; the đảng bộ carries the plan out with a plan of its own.
    expect((await req('sec2', 'PATCH', `/api/task-instances/${await taskInstance(plan, tree.units.c2)}`, { done: true })).statusCode).toBe(200);
    const made = await post('secgr', `/api/plans/${plan}/implementing`, { unitId: tree.units.grassroots });
    grPlan = made.json().id;
    expect((await post('secgr', `/api/plans/${grPlan}/publish`)).statusCode).toBe(200);
  });

  it('asks for the reason, in Vietnamese, before anything changes', async () => {
    for (const payload of [{}, { reason: '   ' }]) {
      const res = await post('staff', `/api/plans/${plan}/cancel`, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('Hãy nhập lý do thu hồi');
    }
    expect((await get('staff', `/api/plans/${plan}`)).json().status).toBe('published');
  });

  it('lets only a writer of the plan’s unit cancel it', async () => {
    // The cell and the đảng bộ read the plan addressed to them; the bloc's inspector and viewer read it: none may cancel it.
    for (const who of ['sec1', 'secgr', 'inspector', 'viewer-bloc']) {
      const res = await post(who, `/api/plans/${plan}/cancel`, { reason: REASON });
      expect(res.statusCode, who).toBe(403);
    }
    const n = await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM task_instance WHERE plan_id = ${plan} AND status = 'cancelled'`);
    expect(n.rows[0]!.n).toBe(0);
    expect((await get('sec1', `/api/plans/${plan}`)).json().permissions.cancel).toBe(false);
    expect((await get('staff', `/api/plans/${plan}`)).json().permissions.cancel).toBe(true);
  });

  it('refuses to cancel a draft: a draft is deleted', async () => {
    const draft = await blocPlan(false);
    const res = await post('staff', `/api/plans/${draft}/cancel`, { reason: REASON });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('xóa dự thảo');
  });

  it('keeps every instance, marked cancelled with who, when and why', async () => {
    const before = await db().execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM task_instance WHERE plan_id = ${plan})::int + (SELECT count(*) FROM obligation_instance WHERE plan_id = ${plan})::int AS n`);
    const res = await post('staff', `/api/plans/${plan}/cancel`, { reason: `  ${REASON} ` });
    expect(res.statusCode, res.body).toBe(200);
    out = res.json();
    // Three units (the đảng bộ and its two cells), two tasks and two report periods each.
    expect(out).toEqual({ tasks: 6, reports: 6 });
    expect(out.tasks + out.reports).toBe(before.rows[0]!.n);
    const rows = await db().execute<{ status: string; reason: string; by: string; at: boolean }>(sql`
      SELECT status, cancel_reason AS reason, cancelled_by::text AS by, cancelled_at IS NOT NULL AS at FROM task_instance WHERE plan_id = ${plan}
      UNION ALL SELECT status, cancel_reason, cancelled_by::text, cancelled_at IS NOT NULL FROM obligation_instance WHERE plan_id = ${plan}`);
    expect(rows.rows).toHaveLength(12);
    expect(new Set(rows.rows.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ status: 'cancelled', reason: REASON, by: tree.users.staff, at: true })]));
    const view = (await get('sec1', `/api/plans/${plan}`)).json();
    expect(view.status).toBe('cancelled');
    expect(view.cancellation).toMatchObject({ reason: REASON, byName: 'staff', at: `${TODAY}T03:00:00.000Z` });
    expect(view.permissions).toMatchObject({ edit: false, delete: false, cancel: false });
    expect(await auditOf('plan.cancel', plan)).toEqual([expect.objectContaining({ actor_name: 'staff', after: { reason: REASON, tasks: 6, reports: 6 } })]);
  });

  it('leaves counters equal to a recount, with nothing left to do', async () => {
    await expectCountersEqualRecount(plan);
    expect(await progressFromDb(db(), plan, tree.units.bloc, TODAY)).toEqual({
      tasks: { total: 0, dueSoFar: 0, done: 0, overdue: 0 },
      reports: { expected: 0, dueSoFar: 0, submitted: 0, late: 0, missing: 0 },
    });
    const summary = await get('staff', `/api/plans/${plan}/summary`);
    expect(summary.statusCode).toBe(200);
    const overdue = await get('staff', `/api/plans/${plan}/overdue`);
    expect(overdue.json().total).toBe(0);
  });

  it('takes the plan’s work out of every list: tasks, calendar, reports owed and received, reminders', async () => {
    const tasks = await get('sec1', `/api/units/${tree.units.c1}/task-instances?limit=200`);
    expect(tasks.json().items.filter((x: { planId: string }) => x.planId === plan)).toEqual([]);
    // The đảng bộ's own plan is still its cells' work: the task it carries out is shown once, as the đảng bộ's.
    expect(tasks.json().items.filter((x: { planId: string; taskText: string }) => x.planId === grPlan && x.taskText === TASK)).toHaveLength(1);
    const upcoming = await get('sec1', `/api/units/${tree.units.c1}/upcoming?days=60`);
    expect(upcoming.json().items.filter((x: { planId: string }) => x.planId === plan)).toEqual([]);
    const owed = await get('sec1', `/api/units/${tree.units.c1}/obligations?limit=200`);
    expect(owed.json().items.filter((x: { planId: string }) => x.planId === plan)).toEqual([]);
    for (const unit of [tree.units.bloc, tree.units.grassroots]) {
      const late = await get(unit === tree.units.bloc ? 'staff' : 'secgr', `/api/units/${unit}/received-reports?state=late`);
      expect(late.json().items.filter((x: { planId: string }) => x.planId === plan)).toEqual([]);
    }
    const reminders = await db().transaction((tx) => createReminders(tx, new Date(`${TODAY}T02:00:00Z`)));
    expect(reminders).toBeDefined();
    const reminded = await db().execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM notification n
      WHERE n.kind IN ('reminder', 'overdue') AND (n.link IN (SELECT '/task-instances/' || id FROM task_instance WHERE plan_id = ${plan})
                                                   OR n.link IN (SELECT '/obligation-instances/' || id FROM obligation_instance WHERE plan_id = ${plan}))`);
    expect(reminded.rows[0]!.n).toBe(0);
    // A cancelled instance is not updated any more.
    const patch = await req('sec1', 'PATCH', `/api/task-instances/${await taskInstance(plan, tree.units.c1)}`, { done: true });
    expect(patch.statusCode).toBe(409);
  });

  it('tells the units the plan was addressed to, with the reason', async () => {
    for (const who of [tree.users.sec1, tree.users.sec2]) {
      const notes = (await notificationsOf(db(), who)).filter((n) => n.kind === 'plan_cancelled');
      expect(notes, who).toHaveLength(1);
      expect(notes[0]!.title).toBe(`Kế hoạch ${(await get('staff', `/api/plans/${plan}`)).json().number} Tổ chức nghiên cứu, học tập, quán triệt Kết luận đã bị thu hồi: ${REASON}`);
      expect(notes[0]!.body).toContain(`Lý do: ${REASON}`);
      expect(notes[0]!.link).toBe(`/plans/${plan}`);
    }
    expect((await notificationsOf(db(), tree.users.staff)).filter((n) => n.kind === 'plan_cancelled')).toEqual([]);
  });

  it('lists the cancelled plan only under its filter, and refuses to cancel it twice', async () => {
    expect(ids((await get('staff', `/api/plans?unitId=${tree.units.bloc}&view=issued&limit=100`)).json())).not.toContain(plan);
    expect(ids((await get('staff', `/api/plans?unitId=${tree.units.bloc}&view=issued&status=cancelled`)).json())).toEqual([plan]);
    expect(ids((await get('secgr', `/api/plans?unitId=${tree.units.grassroots}&view=to_carry_out&limit=100`)).json())).not.toContain(plan);
    const again = await post('staff', `/api/plans/${plan}/cancel`, { reason: REASON });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã bị thu hồi');
  });

  it('gives a cell the superior’s task back when the plan that carried it out is cancelled', async () => {
    const parent = await blocPlan();
    const made = await post('secgr', `/api/plans/${parent}/implementing`, { unitId: tree.units.grassroots });
    const own = made.json().id as string;
    expect((await post('secgr', `/api/plans/${own}/publish`)).statusCode).toBe(200);
    // c1 does the task in the đảng bộ's plan: the bloc's instance is done with it.
    expect((await req('sec1', 'PATCH', `/api/task-instances/${await taskInstance(own, tree.units.c1)}`, { done: true })).statusCode).toBe(200);
    const status = async () => (await db().execute<{ status: string }>(sql`SELECT status FROM task_instance WHERE id = ${await taskInstance(parent, tree.units.c1)}`)).rows[0]!.status;
    expect(await status()).toBe('done');
    expect((await post('secgr', `/api/plans/${own}/cancel`, { reason: 'Lập nhầm kế hoạch' })).statusCode).toBe(200);
    // What was done stays done; the bloc's task is the cell's own again, in its list.
    expect(await status()).toBe('done');
    const list = await get('sec1', `/api/units/${tree.units.c1}/task-instances?planId=${parent}`);
    expect(list.json().items.map((x: { taskText: string }) => x.taskText).sort()).toEqual([LATER_TASK, TASK].sort());
    await expectCountersEqualRecount(parent);
    await expectCountersEqualRecount(own);
    // The đảng bộ may make a new plan carrying out the bloc's.
    const carry = await get('secgr', `/api/plans?unitId=${tree.units.grassroots}&view=to_carry_out&limit=100`);
    expect(carry.json().items.find((p: { id: string }) => p.id === parent).implementingPlan).toBeNull();
    expect((await post('secgr', `/api/plans/${parent}/implementing`, { unitId: tree.units.grassroots })).statusCode).toBe(201);
  });
});

describe('cancelling one unit’s task or report', () => {
  let plan: string;
  beforeAll(async () => {
    plan = await blocPlan();
  });

  it('asks for the reason and lets only a writer of the plan’s unit cancel', async () => {
    const c1Task = await taskInstance(plan, tree.units.c1);
    const missing = await post('staff', `/api/task-instances/${c1Task}/cancel`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('Hãy nhập lý do thu hồi');
    // The cell itself may not cancel what it was given; a sibling does not even see it; read-only roles may not.
    expect((await post('sec1', `/api/task-instances/${c1Task}/cancel`, { reason: REASON })).statusCode).toBe(403);
    expect((await post('sec2', `/api/task-instances/${c1Task}/cancel`, { reason: REASON })).statusCode).toBe(404);
    expect((await post('inspector', `/api/task-instances/${c1Task}/cancel`, { reason: REASON })).statusCode).toBe(403);
    const c1Report = await reportInstance(plan, tree.units.c1);
    expect((await post('sec1', `/api/obligation-instances/${c1Report}/cancel`, { reason: REASON })).statusCode).toBe(403);
    expect((await post('sec2', `/api/obligation-instances/${c1Report}/cancel`, { reason: REASON })).statusCode).toBe(404);
    expect((await post('viewer-bloc', `/api/obligation-instances/${c1Report}/cancel`, { reason: REASON })).statusCode).toBe(403);
    const cancelled = await db().execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM task_instance WHERE plan_id = ${plan} AND status = 'cancelled')::int
           + (SELECT count(*) FROM obligation_instance WHERE plan_id = ${plan} AND status = 'cancelled')::int AS n`);
    expect(cancelled.rows[0]!.n).toBe(0);
  });

  it('cancels one task of one unit: kept, out of its list and the counters, the unit told why', async () => {
    const c1Task = await taskInstance(plan, tree.units.c1);
    const before = await progressFromDb(db(), plan, tree.units.bloc, TODAY);
    const res = await post('staff', `/api/task-instances/${c1Task}/cancel`, { reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ tasks: 1, reports: 0 });
    const row = await db().execute<{ status: string; reason: string }>(sql`SELECT status, cancel_reason AS reason FROM task_instance WHERE id = ${c1Task}`);
    expect(row.rows[0]).toEqual({ status: 'cancelled', reason: REASON });
    // The overdue task of c1 no longer counts, c2's still does.
    const after = await progressFromDb(db(), plan, tree.units.bloc, TODAY);
    expect(after.tasks).toEqual({ total: before.tasks.total - 1, dueSoFar: before.tasks.dueSoFar - 1, done: before.tasks.done, overdue: before.tasks.overdue - 1 });
    await expectCountersEqualRecount(plan);
    const list = await get('sec1', `/api/units/${tree.units.c1}/task-instances?planId=${plan}`);
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(c1Task);
    expect((await get('sec2', `/api/units/${tree.units.c2}/task-instances?planId=${plan}`)).json().total).toBe(2);
    const notes = (await notificationsOf(db(), tree.users.sec1)).filter((n) => n.kind === 'instance_cancelled');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toContain(`Nhiệm vụ "${TASK}"`);
    expect(notes[0]!.title).toContain(`đã bị thu hồi: ${REASON}`);
    expect((await notificationsOf(db(), tree.users.sec2)).filter((n) => n.kind === 'instance_cancelled')).toEqual([]);
    expect(await auditOf('task_instance.cancel', c1Task)).toHaveLength(1);
    expect((await post('staff', `/api/task-instances/${c1Task}/cancel`, { reason: REASON })).statusCode).toBe(409);
  });

  it('cancels the đảng bộ’s report of one period: its cells then report to the bloc', async () => {
    const grReport = await reportInstance(plan, tree.units.grassroots);
    const c1Report = await reportInstance(plan, tree.units.c1);
    const receiver = async () => (await db().execute<{ r: string }>(sql`SELECT receiver_unit_id::text AS r FROM obligation_instance WHERE id = ${c1Report}`)).rows[0]!.r;
    expect(await receiver()).toBe(tree.units.grassroots);
    const before = await progressFromDb(db(), plan, tree.units.bloc, TODAY);
    const res = await post('staff', `/api/obligation-instances/${grReport}/cancel`, { reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ tasks: 0, reports: 1 });
    expect(await receiver()).toBe(tree.units.bloc);
    const after = await progressFromDb(db(), plan, tree.units.bloc, TODAY);
    expect(after.reports).toEqual({ ...before.reports, expected: before.reports.expected - 1, dueSoFar: before.reports.dueSoFar - 1, missing: before.reports.missing - 1 });
    await expectCountersEqualRecount(plan);
    const owed = await get('secgr', `/api/units/${tree.units.grassroots}/obligations?limit=200`);
    expect(owed.json().items.map((x: { id: string }) => x.id)).not.toContain(grReport);
    // The bloc now follows c1's late report itself; the đảng bộ's own is not expected any more.
    const late = (await get('staff', `/api/units/${tree.units.bloc}/received-reports?state=late&limit=100`)).json();
    expect(ids(late)).toContain(c1Report);
    expect(ids(late)).not.toContain(grReport);
    // A cancelled report is out of sight: cancelling it again finds nothing.
    expect((await post('staff', `/api/obligation-instances/${grReport}/cancel`, { reason: REASON })).statusCode).toBe(404);
    expect(await auditOf('obligation_instance.cancel', grReport)).toHaveLength(1);
  });
});

describe('the plan’s Word file from the plan page', () => {
  it('downloads the plan as a KẾ HOẠCH with its tasks, for whoever reads the plan', async () => {
    const plan = await blocPlan();
    for (const who of ['staff', 'sec1']) {
      const res = await get(who, `/api/plans/${plan}/export.docx`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const d = await readDocx(res.rawPayload);
      expect(d.text).toContain('KẾ HOẠCH');
      expect(d.text.join('\n')).toContain(TASK);
    }
    // A sibling's reader never gets a plan it may not read.
    const draft = await blocPlan(false);
    expect((await get('sec1', `/api/plans/${draft}/export.docx`)).statusCode).toBe(404);
  });
});
