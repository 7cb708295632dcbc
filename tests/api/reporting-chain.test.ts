/**
 * The loop of the seeds (docs/decisions/014-reporting-chain.md): the Khối addresses a plan to its
 * grassroots đảng bộ and its cells; the đảng bộ makes its own plan for its cells; a cell makes its
 * own plan carrying out the đảng bộ's. The cell sees each task once; doing it in its own plan does
 * the đảng bộ's and the Khối's instance of the same task, and the Khối's counters count it; the
 * implementing-plan check sees every level; a unit's own plan is never offered to it to carry out.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressByRecount } from '#core/rollup/counters.ts';
import { buildTree, buildUser, PASSWORD } from '../support/factories.ts';
import { countedInstances, pathOf, progressFromDb } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const TASK = 'Tổ chức học tập, quán triệt Kết luận cho cán bộ, đảng viên';
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const as = (who: string) => cookies[who]!;
const post = (who: string, url: string, payload: unknown = {}) => t.request(as(who), { method: 'POST', url, payload: payload as Record<string, unknown> });
const patch = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'PATCH', url, payload: payload as Record<string, unknown> });
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });

let khoiPlan: string;
let grPlan: string;
let cellPlan: string;

async function publishOwnPlan(who: string, parentId: string, unitId: string): Promise<string> {
  const made = await post(who, `/api/plans/${parentId}/implementing`, { unitId });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  const published = await post(who, `/api/plans/${id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

/** The unit's instances of the task text, of every plan, as stored. */
async function instancesOf(unitId: string) {
  const r = await t.database.db.execute<{ id: string; plan_id: string; status: string; carries_out_id: string | null }>(sql`
    SELECT ti.id, ti.plan_id, ti.status, ti.carries_out_id FROM task_instance ti JOIN task tk ON tk.id = ti.task_id
    WHERE ti.unit_id = ${unitId} AND tk.text = ${TASK}`);
  return r.rows;
}

async function expectCountersEqualRecount(planId: string, today: string) {
  const instances = await countedInstances(t.database.db, planId);
  for (const unitId of [tree.units.bloc, tree.units.grassroots, tree.units.c1, tree.units.c2]) {
    const expected = progressByRecount(instances, await pathOf(t.database.db, unitId), today as never);
    expect(await progressFromDb(t.database.db, planId, unitId, today), `counters of ${unitId}`).toEqual(expected);
  }
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-15T03:00:00Z') });
  tree = await buildTree(t.database.db);
  await buildUser(t.database.db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  for (const who of ['staff', 'secgr', 'sec1', 'sec2']) cookies[who] = await t.login(who, PASSWORD);
  const created = await post('staff', '/api/plans', {
    unitId: tree.units.bloc,
    number: '48-KH/ĐUK',
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận',
    tasks: [{ text: TASK, due: { type: 'date', value: '2022-03-31' }, audience: { scope: 'grassroots' } }],
  });
  expect(created.statusCode, created.body).toBe(201);
  khoiPlan = created.json().id;
  expect((await post('staff', `/api/plans/${khoiPlan}/publish`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a plan carried out level by level', () => {
  it('lets the đảng bộ make its plan for its cells, and a cell its own plan carrying out the đảng bộ’s', async () => {
    grPlan = await publishOwnPlan('secgr', khoiPlan, tree.units.grassroots);
    cellPlan = await publishOwnPlan('sec1', grPlan, tree.units.c1);
    // c1 has the Khối's instance, the đảng bộ's and its own, each carrying out the one above.
    const rows = await instancesOf(tree.units.c1);
    const byPlan = Object.fromEntries(rows.map((r) => [r.plan_id, r]));
    expect(Object.keys(byPlan).sort()).toEqual([khoiPlan, grPlan, cellPlan].sort());
    expect(byPlan[cellPlan]!.carries_out_id).toBe(byPlan[grPlan]!.id);
    expect(byPlan[grPlan]!.carries_out_id).toBe(byPlan[khoiPlan]!.id);
    expect(byPlan[khoiPlan]!.carries_out_id).toBeNull();
  });

  it('never offers a unit its own plan to carry out, nor announces it to the unit', async () => {
    const toCarry = (await get('sec1', `/api/plans?unitId=${tree.units.c1}&view=to_carry_out`)).json();
    const ids = (toCarry.items as { id: string }[]).map((p) => p.id);
    expect(ids).not.toContain(cellPlan);
    expect(ids).toEqual(expect.arrayContaining([khoiPlan, grPlan]));
    const announced = await t.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM notification WHERE kind = 'plan_published' AND link = ${`/plans/${cellPlan}`}`);
    expect(announced.rows[0]!.n).toBe(0);
  });

  it('shows the cell each task once, in its own plan', async () => {
    const work = (await get('sec1', `/api/units/${tree.units.c1}/task-instances`)).json();
    const mine = (work.items as { planId: string; taskText: string }[]).filter((i) => i.taskText === TASK);
    expect(mine.map((i) => i.planId)).toEqual([cellPlan]);
    // The other cell, without a plan of its own, sees the đảng bộ's instance only.
    const other = (await get('sec2', `/api/units/${tree.units.c2}/task-instances`)).json();
    expect((other.items as { planId: string; taskText: string }[]).filter((i) => i.taskText === TASK).map((i) => i.planId)).toEqual([grPlan]);
  });

  it('does the Khối’s and the đảng bộ’s instance when the cell does its own, counted upward, and undoes them together', async () => {
    const own = (await instancesOf(tree.units.c1)).find((r) => r.plan_id === cellPlan)!;
    const done = await patch('sec1', `/api/task-instances/${own.id}`, { done: true });
    expect(done.statusCode, done.body).toBe(200);
    const after = Object.fromEntries((await instancesOf(tree.units.c1)).map((r) => [r.plan_id, r.status]));
    expect(after).toEqual({ [khoiPlan]: 'done', [grPlan]: 'done', [cellPlan]: 'done' });
    // The Khối's dashboard counts the cell: the counters of every plan equal a recount.
    expect((await progressFromDb(t.database.db, khoiPlan, tree.units.c1, '2022-03-15')).tasks.done).toBe(1);
    for (const p of [khoiPlan, grPlan, cellPlan]) await expectCountersEqualRecount(p, '2022-03-15');
    // Nothing of the other cell changed.
    expect((await instancesOf(tree.units.c2)).every((r) => r.status === 'open')).toBe(true);

    const reopened = await patch('sec1', `/api/task-instances/${own.id}`, { done: false });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await instancesOf(tree.units.c1)).every((r) => r.status === 'open')).toBe(true);
    for (const p of [khoiPlan, grPlan, cellPlan]) await expectCountersEqualRecount(p, '2022-03-15');
  });

  it('checks the implementing plans at every level: the cell covered through its own plan, the other cell named', async () => {
    const coverage = (await get('staff', `/api/plans/${khoiPlan}/coverage`)).json();
    const task = coverage.find((c: { text: string }) => c.text === TASK);
    // Addressed to the đảng bộ and its two cells; the đảng bộ and c1 have plans carrying the task out.
    expect(task.addressed).toBe(3);
    expect(task.covered).toBe(2);
    expect(task.uncovered).toEqual([{ unitId: tree.units.c2, name: 'Chi bộ Thanh tra Sở', parentName: 'Đảng bộ Sở Tài chính', hasPlan: false }]);
  });
});

describe('the reports a unit receives, across its plans', () => {
  it('lists what awaits the đảng bộ’s acceptance and who is late, and the Khối sees only the đảng bộ', async () => {
    const created = await post('staff', '/api/plans', {
      unitId: tree.units.bloc, number: '49-KH/ĐUK', title: 'Báo cáo quý',
      obligations: [{ title: 'Báo cáo kết quả quý I', due: [{ type: 'date', value: '2022-03-20' }], form: { figures: [], sections: [] } }],
    });
    const planId = created.json().id as string;
    expect((await post('staff', `/api/plans/${planId}/publish`)).statusCode).toBe(200);
    const instance = async (unitId: string) =>
      (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM obligation_instance WHERE plan_id = ${planId} AND unit_id = ${unitId}`)).rows[0]!.id;
    const sent = await post('sec1', `/api/obligations/${await instance(tree.units.c1)}/submissions`, { figures: {}, narrative: { content: 'Đã thực hiện.' }, submit: true });
    expect(sent.statusCode, sent.body).toBe(201);
    t.clock.now = new Date('2022-03-25T03:00:00Z');
    for (const who of ['staff', 'secgr']) cookies[who] = await t.login(who, PASSWORD);

    const awaiting = (await get('secgr', `/api/units/${tree.units.grassroots}/received-reports`)).json();
    expect(awaiting.items.map((i: { unitId: string; title: string }) => [i.unitId, i.title])).toEqual([[tree.units.c1, 'Báo cáo kết quả quý I']]);
    expect(awaiting.summary).toEqual({ awaiting: 1, late: 1, dueThisWeek: 0, dueThisMonth: 0 });
    const late = (await get('secgr', `/api/units/${tree.units.grassroots}/received-reports?state=late`)).json();
    expect(late.items.map((i: { unitId: string; daysLate: number }) => [i.unitId, i.daysLate])).toEqual([[tree.units.c2, 5]]);
    // The Khối receives the đảng bộ's report only: late, not its cells'.
    const khoi = (await get('staff', `/api/units/${tree.units.bloc}/received-reports?state=late`)).json();
    expect(khoi.items.map((i: { unitId: string }) => i.unitId)).toEqual([tree.units.grassroots]);
    expect(khoi.summary.awaiting).toBe(0);
    // A cell receives nothing and may not look at the đảng bộ's.
    expect((await get('sec1', `/api/units/${tree.units.c1}/received-reports`)).json().total).toBe(0);
    expect((await get('sec1', `/api/units/${tree.units.grassroots}/received-reports`)).statusCode).toBe(404);
  });
});
