/**
 * The month calendar of a committee's staff shows what falls due below them: the reports the unit
 * receives, by state, and the tasks of the units below it, day by day, each count equal to a
 * recount of the instances; a day lists them, not sent and not done first; a cell never reads
 * another unit's calendar.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueBelow, DueBelowItems } from '#shared/reports.ts';
import { buildTree, buildUser, PASSWORD } from '../support/factories.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let plan: PlanFixture;
const cookies: Record<string, string> = {};
const get = <T>(who: string, url: string) => t.request(cookies[who]!, { method: 'GET', url }).then((r) => ({ status: r.statusCode, body: JSON.parse(r.body) as T }));
const MARCH = 'from=2022-03-01&to=2022-03-31';

/** The recount: per day of March, the reports `unitId` receives by state and the tasks of the units below it. */
async function recount(unitId: string): Promise<DueBelow['days']> {
  const r = await t.database.db.execute<{ date: string; notSent: number; submitted: number; accepted: number; open: number; done: number }>(sql`
    WITH x AS (
      SELECT oi.due_date AS d, oi.status AS s, 'report' AS item FROM obligation_instance oi
      WHERE oi.receiver_unit_id = ${unitId} AND oi.status <> 'cancelled'
      UNION ALL
      SELECT ti.due_date, ti.status, 'task' FROM task_instance ti JOIN unit u ON u.id = ti.unit_id
      WHERE u.path <@ (SELECT path FROM unit WHERE id = ${unitId}) AND u.id <> ${unitId} AND ti.status <> 'cancelled'
    )
    SELECT d::text AS date,
           (count(*) FILTER (WHERE item = 'report' AND s IN ('pending', 'draft', 'returned')))::int AS "notSent",
           (count(*) FILTER (WHERE item = 'report' AND s = 'submitted'))::int AS submitted,
           (count(*) FILTER (WHERE item = 'report' AND s = 'accepted'))::int AS accepted,
           (count(*) FILTER (WHERE item = 'task' AND s = 'open'))::int AS open,
           (count(*) FILTER (WHERE item = 'task' AND s = 'done'))::int AS done
    FROM x WHERE d BETWEEN '2022-03-01' AND '2022-03-31' GROUP BY d ORDER BY d`);
  return r.rows.map((x) => ({ date: x.date, reports: { notSent: x.notSent, submitted: x.submitted, accepted: x.accepted }, tasks: { open: x.open, done: x.done } }));
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-15T03:00:00Z') });
  const db = t.database.db;
  tree = await buildTree(db);
  await buildUser(db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  // The Khối asks its đảng bộ and the đảng bộ's two cells for a report and a task on 10/3, 25/3 and 10/4:
  // the cells report to the đảng bộ, the đảng bộ to the Khối.
  plan = await publishPlanFixture(db, {
    issuerId: tree.units.bloc,
    audience: [tree.units.grassroots, tree.units.c1, tree.units.c2],
    periods: [
      { key: '2022-03-10', label: '10/03/2022', due: '2022-03-10' },
      { key: '2022-03-25', label: '25/03/2022', due: '2022-03-25' },
      { key: '2022-04-10', label: '10/04/2022', due: '2022-04-10' },
    ],
    task: { text: 'Tổ chức học tập, quán triệt cho cán bộ, đảng viên' },
  });
  // On 10/3: c1 has sent its report, the đảng bộ's was accepted, c2 has sent nothing; c1 has done its task.
  await db.execute(sql`UPDATE obligation_instance SET status = 'submitted' WHERE id = ${plan.instance(tree.units.c1, '2022-03-10')}`);
  await db.execute(sql`UPDATE obligation_instance SET status = 'accepted' WHERE id = ${plan.instance(tree.units.grassroots, '2022-03-10')}`);
  await db.execute(sql`UPDATE task_instance SET status = 'done', done_on = '2022-03-09' WHERE id = ${plan.task(tree.units.c1, '2022-03-10')}`);
  // A cancelled instance counts for nothing.
  await db.execute(sql`UPDATE task_instance SET status = 'cancelled' WHERE id = ${plan.task(tree.units.c2, '2022-03-25')}`);
  for (const who of ['staff', 'secgr', 'sec1', 'sec2']) cookies[who] = await t.login(who, PASSWORD);
});
afterAll(() => t.close());

describe('what falls due below, day by day', () => {
  it('shows the đảng bộ the reports of its cells and their tasks, equal to a recount', async () => {
    const r = await get<DueBelow>('secgr', `/api/units/${tree.units.grassroots}/due-below?${MARCH}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2022-03-01', to: '2022-03-31', today: '2022-03-15' });
    expect(r.body.days).toEqual([
      { date: '2022-03-10', reports: { notSent: 1, submitted: 1, accepted: 0 }, tasks: { open: 1, done: 1 } },
      { date: '2022-03-25', reports: { notSent: 2, submitted: 0, accepted: 0 }, tasks: { open: 1, done: 0 } },
    ]);
    expect(r.body.days).toEqual(await recount(tree.units.grassroots));
  });

  it('shows the Khối the đảng bộ’s report, not the cells’, and the tasks of its whole subtree', async () => {
    const r = await get<DueBelow>('staff', `/api/units/${tree.units.bloc}/due-below?${MARCH}`);
    expect(r.body.days).toEqual([
      { date: '2022-03-10', reports: { notSent: 0, submitted: 0, accepted: 1 }, tasks: { open: 2, done: 1 } },
      { date: '2022-03-25', reports: { notSent: 1, submitted: 0, accepted: 0 }, tasks: { open: 2, done: 0 } },
    ]);
    expect(r.body.days).toEqual(await recount(tree.units.bloc));
  });

  it('stays within the window asked', async () => {
    const april = await get<DueBelow>('secgr', `/api/units/${tree.units.grassroots}/due-below?from=2022-03-28&to=2022-05-08`);
    expect(april.body.days.map((d) => d.date)).toEqual(['2022-04-10']);
    const none = await get<DueBelow>('secgr', `/api/units/${tree.units.grassroots}/due-below?from=2022-03-11&to=2022-03-24`);
    expect(none.body.days).toEqual([]);
  });

  it('lists a day, not sent and not done first, reports before tasks, a page at a time', async () => {
    const r = await get<DueBelowItems>('secgr', `/api/units/${tree.units.grassroots}/due-below/items?date=2022-03-10`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.total).toBe(4);
    expect(r.body.items.map((x) => [x.item, x.unitName, x.state, x.open])).toEqual([
      ['report', 'Chi bộ Thanh tra Sở', 'pending', true],
      ['task', 'Chi bộ Thanh tra Sở', 'open', true],
      ['report', 'Chi bộ Văn phòng Sở', 'submitted', false],
      ['task', 'Chi bộ Văn phòng Sở', 'done', false],
    ]);
    expect(r.body.items[0]).toMatchObject({
      instanceId: plan.instance(tree.units.c2, '2022-03-10'), itemId: plan.obligationId, planId: plan.planId, planNumber: '48-KH/ĐUK', periodKey: '2022-03-10',
    });
    const second = await get<DueBelowItems>('secgr', `/api/units/${tree.units.grassroots}/due-below/items?date=2022-03-10&limit=1&offset=1`);
    expect([second.body.total, second.body.items.map((x) => x.instanceId)]).toEqual([4, [plan.task(tree.units.c2, '2022-03-10')]]);
  });

  it('gives a cell nothing of its own below it, and nothing of another unit', async () => {
    const own = await get<DueBelow>('sec1', `/api/units/${tree.units.c1}/due-below?${MARCH}`);
    expect([own.status, own.body.days]).toEqual([200, []]);
    expect((await get('sec1', `/api/units/${tree.units.grassroots}/due-below?${MARCH}`)).status).toBe(404);
    expect((await get('sec1', `/api/units/${tree.units.c2}/due-below/items?date=2022-03-10`)).status).toBe(404);
    expect((await get('sec2', `/api/units/${tree.units.bloc}/due-below/items?date=2022-03-10`)).status).toBe(404);
  });

  it('refuses a window that is not one, in Vietnamese', async () => {
    for (const q of ['from=2022-03-31&to=2022-03-01', 'from=2022-01-01&to=2022-03-31', 'from=2022-02-30&to=2022-03-31', 'from=2022-03-01']) {
      const r = await get<{ error: { code: string; message: string } }>('secgr', `/api/units/${tree.units.grassroots}/due-below?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message, q).toMatch(/[ăâđêôơư]/i);
    }
  });
});
