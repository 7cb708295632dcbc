/**
 * Restructuring keeps the plan roll-up right: after a cell moves to another grassroots
 * organisation, or two cells merge, the progress of every unit equals a recount of the
 * instances now in its subtree.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreePath } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { CountedInstance } from '#core/rollup/counters.ts';
import { progressByRecount } from '#core/rollup/counters.ts';
import { buildTree, buildUnit, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let planId: string;
let other: string;
const today = '2022-04-15' as IsoDate;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-15T03:00:00Z') });
  tree = await buildTree(t.database.db);
  other = await buildUnit(t.database.db, { parentId: tree.units.bloc, kind: 'grassroots', name: 'Đảng bộ Sở Y tế' });
  await buildUnit(t.database.db, { parentId: other, kind: 'cell', name: 'Chi bộ Bệnh viện' });
  staff = await t.login('staff', PASSWORD);
  const created = await t.request(staff, {
    method: 'POST', url: '/api/plans',
    payload: {
      unitId: tree.units.bloc, title: 'Kế hoạch học tập Kết luận 21-KL/TW',
      tasks: [
        { text: 'Tổ chức học tập, quán triệt', due: { type: 'date', value: '2022-03-31' } },
        { text: 'Xây dựng kế hoạch thực hiện', kind: 'own_plan', due: { type: 'month', value: '2022-04' } },
      ],
      obligations: [{ title: 'Báo cáo kết quả học tập', due: [{ type: 'date', value: '2022-03-31' }] }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  planId = created.json().id;
  const pub = await t.request(staff, { method: 'POST', url: `/api/plans/${planId}/publish` });
  expect(pub.statusCode, pub.body).toBe(200);
  // Some work done, so done and overdue both have something to count.
  await t.database.db.execute(sql`UPDATE task_instance SET status = 'done', done_on = '2022-03-20' WHERE unit_id = ${tree.units.c1}`);
  await t.database.db.transaction(async (tx) => {
    const { rebuildCounters } = await import('#server/db/queries/progress.ts');
    await rebuildCounters(tx, planId);
  });
  t.clock.now = new Date(`${today}T03:00:00Z`);
  staff = await t.login('staff', PASSWORD); // a month on, the first session has expired
});
afterAll(() => t.close());

async function instances(): Promise<CountedInstance[]> {
  const r = await t.database.db.execute<{ item: 'task' | 'report'; path: string; due: IsoDate | null; done: IsoDate | null; cancelled: boolean }>(sql`
    SELECT 'task' AS item, u.path::text AS path, ti.due_date::text AS due, ti.done_on::text AS done, ti.status = 'cancelled' AS cancelled
    FROM task_instance ti JOIN unit u ON u.id = ti.unit_id WHERE ti.plan_id = ${planId}
    UNION ALL
    SELECT 'report', u.path::text, oi.due_date::text, oi.first_submitted_on::text, oi.status = 'cancelled'
    FROM obligation_instance oi JOIN unit u ON u.id = oi.unit_id WHERE oi.plan_id = ${planId}`);
  return r.rows.map((x) => ({ item: x.item, unitPath: x.path as TreePath, due: x.due, doneOn: x.done, cancelled: x.cancelled }));
}

async function expectRollupEqualsRecount(): Promise<void> {
  const all = await instances();
  for (const unitId of [tree.units.bloc, tree.units.grassroots, other]) {
    const res = await t.request(staff, { method: 'GET', url: `/api/plans/${planId}/progress?unit=${unitId}` });
    expect(res.statusCode, res.body).toBe(200);
    for (const row of res.json() as { unitId: string; tasks: unknown; reports: unknown }[]) {
      const path = (await t.database.db.execute<{ path: string }>(sql`SELECT path::text AS path FROM unit WHERE id = ${row.unitId}`)).rows[0]!.path as TreePath;
      const expected = progressByRecount(all, path, today);
      expect({ tasks: row.tasks, reports: row.reports }, `unit ${row.unitId}`).toEqual(expected);
    }
  }
}

describe('roll-up after restructuring', () => {
  it('matches a recount before any change', async () => {
    await expectRollupEqualsRecount();
  });

  it('follows a cell that moves to another grassroots organisation', async () => {
    const res = await t.request(staff, { method: 'POST', url: `/api/units/${tree.units.c1}/move`, payload: { parentId: other, on: '2022-04-10' } });
    expect(res.statusCode, res.body).toBe(204);
    await expectRollupEqualsRecount();
    const moved = await t.request(staff, { method: 'GET', url: `/api/plans/${planId}/progress?unit=${other}` });
    expect(moved.json().map((r: { unitId: string }) => r.unitId)).toContain(tree.units.c1);
  });

  it('follows two cells merged into one', async () => {
    const res = await t.request(staff, { method: 'POST', url: '/api/units/merge', payload: { sourceIds: [tree.units.c2], targetId: tree.units.c1, on: '2022-04-12' } });
    expect(res.statusCode, res.body).toBe(201);
    await expectRollupEqualsRecount();
  });
});
