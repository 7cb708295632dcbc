/**
 * Acceptance 2 of issue 17: the task-results figures of a unit over a period, counted in SQL by
 * GET /api/units/:id/task-results, equal core's `taskResults` recount of the unit's task instances
 * read back from the database, on random instances (due dates or none, done or open, cancelled,
 * "vượt mức"), random periods and random days the figures are taken on. And marking a task done
 * beyond requirements: only on a task done, cleared when it is reopened, audited; a sibling cell
 * never reads another's figures.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import type { TaskInstanceFact } from '#core/reviews/task-results.ts';
import { taskResults } from '#core/reviews/task-results.ts';
import type { TaskInstanceView } from '#shared/plans.ts';
import type { TaskResultsView } from '#shared/reviews.ts';
import { buildTree, buildUnit, PASSWORD } from '../support/factories.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const TODAY = '2025-12-10';
const d = (s: string) => s as IsoDate;
const get = (who: string, url: string) => t.request(cookies[who]!, { method: 'GET', url });
const send = (who: string, method: 'PATCH' | 'POST', url: string, payload: Record<string, unknown>) => t.request(cookies[who]!, { method, url, payload });
const db = () => t.database.db;

/** `n` task instances of a fresh plan of the bloc for `unitId`, one per period, all open and due on 31/12/2025 until changed. */
async function instancesFor(unitId: string, n: number): Promise<string[]> {
  const periods = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, label: `Kỳ ${i + 1}`, due: '2025-12-31' }));
  const plan = await publishPlanFixture(db(), { issuerId: tree.units.bloc, audience: [unitId], number: null, task: { text: 'Thực hiện nhiệm vụ được giao', periods } });
  return periods.map((p) => plan.task(unitId, p.key));
}

/** Sets the instances' due dates, states, done dates and marks in one statement. */
async function setInstances(ids: string[], facts: readonly TaskInstanceFact[]): Promise<void> {
  const rows = JSON.stringify(facts.map((f, i) => ({ id: ids[i], due: f.due, status: f.status, done_on: f.doneOn, beyond: f.beyond })));
  await db().execute(sql`
    UPDATE task_instance ti SET due_date = x.due, status = x.status, done_on = x.done_on, beyond = x.beyond
    FROM jsonb_to_recordset(${rows}::jsonb) AS x(id uuid, due date, status text, done_on date, beyond boolean)
    WHERE ti.id = x.id`);
}

/** The unit's task instances as core reads them, straight from the table. */
async function factsOf(unitId: string): Promise<TaskInstanceFact[]> {
  const r = await db().execute<TaskInstanceFact & Record<string, unknown>>(sql`
    SELECT due_date::text AS due, status, done_on::text AS "doneOn", beyond FROM task_instance WHERE unit_id = ${unitId}`);
  return r.rows;
}

async function instanceRow(id: string) {
  const r = await db().execute<{ status: string; doneOn: string | null; beyond: boolean; updatedAt: string }>(sql`
    SELECT status, done_on::text AS "doneOn", beyond, updated_at::text AS "updatedAt" FROM task_instance WHERE id = ${id}`);
  return r.rows[0]!;
}

const auditCount = async () => (await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ now: new Date(`${TODAY}T03:00:00Z`) });
  tree = await buildTree(db());
  for (const who of ['admin', 'sec1', 'sec2']) cookies[who] = await t.login(who, PASSWORD);
});
afterAll(() => t.close());

describe('the task-results figures of a unit', () => {
  const day = fc.integer({ min: -60, max: 430 }).map((n) => addDays(d('2025-01-01'), n));
  // The table never holds an open instance marked "vượt mức" (task_instance_beyond_done); a done
  // status without a date and a done date on an open instance are kept: both read as not done.
  const instance = fc
    .record({
      due: fc.option(day, { nil: null }),
      doneOn: fc.option(day, { nil: null }),
      status: fc.constantFrom<TaskInstanceFact['status']>('open', 'done', 'done', 'cancelled'),
      beyond: fc.boolean(),
    })
    .map((i) => ({ ...i, beyond: i.beyond && i.status !== 'open' }));
  const period = fc.tuple(day, fc.integer({ min: 0, max: 370 })).map(([from, len]) => ({ from, to: addDays(from, len) }));

  it('equal core\'s recount of the unit\'s own instances read back, for random instances, periods and days taken', async () => {
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(instance, { minLength: 1, maxLength: 24 }), fc.array(period, { minLength: 1, maxLength: 3 }), day, async (facts, periods, on) => {
          n += 1;
          const unit = await buildUnit(db(), { parentId: tree.units.grassroots, kind: 'sub_grassroots', name: `Đảng bộ bộ phận ${n}` });
          // A task of the cell below: the subtree's instances are not the unit's own.
          const below = await buildUnit(db(), { parentId: unit, kind: 'cell', name: `Chi bộ ${n}` });
          await setInstances(await instancesFor(below, 1), [{ due: periods[0]!.from, status: 'done', doneOn: periods[0]!.from, beyond: true }]);
          await setInstances(await instancesFor(unit, facts.length), facts);
          const stored = await factsOf(unit);
          expect(stored).toHaveLength(facts.length);
          // The figures are taken today: the day moves, and a session of that day reads them.
          t.clock.now = new Date(`${on}T03:00:00Z`);
          const admin = await t.login('admin', PASSWORD);
          for (const p of periods) {
            const res = await t.request(admin, { method: 'GET', url: `/api/units/${unit}/task-results?from=${p.from}&to=${p.to}` });
            expect(res.statusCode, res.body).toBe(200);
            const { figures } = res.json() as TaskResultsView;
            const { shares, ...counts } = taskResults(stored, p, on);
            expect(figures).toEqual({ from: p.from, to: p.to, on, ...counts, shares });
          }
        }),
        { numRuns: 40 },
      );
    } finally {
      t.clock.now = new Date(`${TODAY}T03:00:00Z`);
    }
  });

  it('propose the grade the figures allow under 366 for the year 2025, with the reasons a higher grade is refused', async () => {
    const unit = await buildUnit(db(), { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kế hoạch' });
    const ids = await instancesFor(unit, 4);
    // Four tasks due in 2025 done on time, two of them beyond requirements (50%); one due after today is pending.
    await setInstances(ids, [
      { due: d('2025-03-31'), status: 'done', doneOn: d('2025-03-30'), beyond: true },
      { due: d('2025-06-30'), status: 'done', doneOn: d('2025-06-30'), beyond: true },
      { due: d('2025-09-30'), status: 'done', doneOn: d('2025-09-01'), beyond: false },
      { due: d('2025-12-31'), status: 'open', doneOn: null, beyond: false },
    ]);
    const year = `/api/units/${unit}/task-results?from=2025-01-01&to=2025-12-31`;
    const scored = (await get('admin', `${year}&points=91`)).json() as TaskResultsView;
    expect(scored.figures).toMatchObject({ on: TODAY, counted: 3, onTime: 3, late: 0, notDone: 0, exceeding: 2, pending: 1 });
    expect(scored.proposal).toMatchObject({ ruleSetId: 'qd-366-2025', ruleSetLabel: 'Quy định 366-QĐ/TW', grade: 'htxsnv', refused: [], lines: [] });

    const unscored = (await get('admin', year)).json() as TaskResultsView;
    expect(unscored.points).toBeNull();
    expect(unscored.proposal!.grade).toBe('khtnv');
    expect(unscored.proposal!.refused[0]).toEqual({ grade: 'htxsnv', reasons: ['Chưa chấm điểm'] });

    // One task of three late: no longer HTXSNV nor HTTNV whatever the points, and a third late is over HTNV's 20%.
    await setInstances([ids[2]!], [{ due: d('2025-09-30'), status: 'done', doneOn: d('2025-10-02'), beyond: false }]);
    const late = (await get('admin', `${year}&points=91`)).json() as TaskResultsView;
    expect(late.figures).toMatchObject({ counted: 3, onTime: 2, late: 1, exceeding: 2 });
    expect(late.proposal!.grade).toBe('khtnv');
    expect(late.proposal!.lines).toEqual([
      'Không đủ điều kiện Hoàn thành xuất sắc nhiệm vụ (HTXSNV): Còn 1 nhiệm vụ hoàn thành chậm.',
      'Không đủ điều kiện Hoàn thành tốt nhiệm vụ (HTTNV): Còn 1 nhiệm vụ hoàn thành chậm.',
      'Không đủ điều kiện Hoàn thành nhiệm vụ (HTNV): Tỷ lệ nhiệm vụ hoàn thành chậm 33,33% (cần ≤ 20%).',
    ]);
  });

  it('still give the figures where no rule set applies, saying why nothing is proposed', async () => {
    const res = await get('sec1', `/api/units/${tree.units.c1}/task-results?from=2024-07-01&to=2024-09-30&kind=quarter`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as TaskResultsView;
    expect(body.proposal).toBeNull();
    expect(body.noProposal).toMatch(/^Quy định 124-QĐ\/TW không có kỳ kiểm điểm "hằng quý"/);
    expect(body.figures).toMatchObject({ from: '2024-07-01', to: '2024-09-30', counted: 0, shares: null });
  });

  it('count a task of the superior\'s plan carried out by a task of the unit\'s own plan once, as the unit lists it', async () => {
    const unit = await buildUnit(db(), { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Tổ chức' });
    const [superior] = await instancesFor(unit, 1);
    const [own] = await instancesFor(unit, 1);
    await setInstances([superior!, own!], [
      { due: d('2025-06-30'), status: 'done', doneOn: d('2025-06-20'), beyond: false },
      { due: d('2025-06-15'), status: 'done', doneOn: d('2025-06-20'), beyond: true },
    ]);
    await db().execute(sql`UPDATE task_instance SET carries_out_id = ${superior} WHERE id = ${own}`);
    const body = (await get('admin', `/api/units/${unit}/task-results?from=2025-01-01&to=2025-12-31`)).json() as TaskResultsView;
    expect(body.figures).toMatchObject({ counted: 1, onTime: 0, late: 1, exceeding: 1 });
  });

  it('refuse a period that ends before it begins, in Vietnamese', async () => {
    const res = await get('sec1', `/api/units/${tree.units.c1}/task-results?from=2025-12-31&to=2025-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('"Đến ngày" phải từ "Từ ngày" trở về sau');
    const points = await get('sec1', `/api/units/${tree.units.c1}/task-results?from=2025-01-01&to=2025-12-31&points=90.3`);
    expect(points.statusCode).toBe(400);
    expect(points.json().error.message).toContain('bước 0,5 điểm');
  });

  it('are read by the cell and the levels above it, never by a sibling cell', async () => {
    const url = `/api/units/${tree.units.c1}/task-results?from=2025-01-01&to=2025-12-31`;
    expect((await get('sec1', url)).statusCode).toBe(200);
    const sibling = await get('sec2', url);
    expect(sibling.statusCode).toBe(404);
    expect(sibling.body).not.toContain(tree.units.c1);
    expect((await get('sec1', `/api/units/${tree.units.c2}/task-results?from=2025-01-01&to=2025-12-31`)).statusCode).toBe(404);
  });
});

describe('marking a task done beyond requirements ("vượt mức")', () => {
  it('is refused on a task that is not done, changing nothing', async () => {
    const [id] = await instancesFor(tree.units.c1, 1);
    const before = await instanceRow(id!);
    const audits = await auditCount();
    for (const payload of [{ beyond: true }, { beyond: true, progressNote: 'Đã làm vượt chỉ tiêu' }, { done: false, beyond: true }]) {
      const res = await send('sec1', 'PATCH', `/api/task-instances/${id}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toContain('Chỉ đánh dấu "vượt mức yêu cầu" cho nhiệm vụ đã hoàn thành');
    }
    const bulk = await send('sec1', 'POST', '/api/task-instances/bulk', { ids: [id], done: false, beyond: true });
    expect(bulk.statusCode).toBe(400);
    expect(await instanceRow(id!)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('is set with "done", shown on the task, audited, kept by later updates and cleared when the task is reopened', async () => {
    const [id] = await instancesFor(tree.units.c1, 1);
    const done = await send('sec1', 'PATCH', `/api/task-instances/${id}`, { done: true, doneOn: '2025-12-01', beyond: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', doneOn: '2025-12-01', beyond: true });
    const audit = await db().execute<{ before: unknown; after: { beyond: boolean; doneOn: string } }>(sql`
      SELECT before, after FROM audit_log WHERE action = 'task_instance.update' AND entity_id = ${id} ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toMatchObject({ before: { doneOn: null, beyond: false }, after: { doneOn: '2025-12-01', beyond: true } });

    const noted = await send('sec1', 'PATCH', `/api/task-instances/${id}`, { progressNote: 'Hoàn thành trước hạn, vượt chỉ tiêu' });
    expect((noted.json() as TaskInstanceView).beyond).toBe(true);
    // Already done: "vượt mức" may be set alone, and taken back.
    expect((await send('sec1', 'PATCH', `/api/task-instances/${id}`, { beyond: false })).json()).toMatchObject({ state: 'done', beyond: false });
    expect((await send('sec1', 'PATCH', `/api/task-instances/${id}`, { beyond: true })).json()).toMatchObject({ state: 'done', beyond: true });

    const reopened = await send('sec1', 'PATCH', `/api/task-instances/${id}`, { done: false });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'open', doneOn: null, beyond: false });
    expect(await instanceRow(id!)).toMatchObject({ status: 'open', beyond: false });
    const list = (await get('sec1', `/api/units/${tree.units.c1}/task-instances?limit=200`)).json() as { items: TaskInstanceView[] };
    expect(list.items.find((x) => x.id === id)).toMatchObject({ beyond: false });
  });

  it('is set on every task of a bulk action, kept when left out, and cleared when they are reopened', async () => {
    const ids = await instancesFor(tree.units.c1, 3);
    expect((await send('sec1', 'POST', '/api/task-instances/bulk', { ids: ids.slice(0, 2), done: true, beyond: true })).statusCode).toBe(200);
    expect((await send('sec1', 'POST', '/api/task-instances/bulk', { ids: ids.slice(1), done: true })).statusCode).toBe(200);
    expect((await Promise.all(ids.map(instanceRow))).map((r) => [r.status, r.beyond])).toEqual([['done', true], ['done', true], ['done', false]]);
    const audit = await db().execute<{ after: { beyond: boolean | null } }>(sql`
      SELECT after FROM audit_log WHERE action = 'task_instance.bulk_update' ORDER BY id DESC LIMIT 2`);
    expect(audit.rows.map((r) => r.after.beyond)).toEqual([null, true]);
    expect((await send('sec1', 'POST', '/api/task-instances/bulk', { ids, done: false })).statusCode).toBe(200);
    expect((await Promise.all(ids.map(instanceRow))).map((r) => [r.status, r.beyond])).toEqual([['open', false], ['open', false], ['open', false]]);
  });

  it('counts in the figures of the period', async () => {
    const unit = await buildUnit(db(), { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kiểm tra' });
    const ids = await instancesFor(unit, 2);
    await send('admin', 'PATCH', `/api/task-instances/${ids[0]}`, { done: true, doneOn: '2025-12-01', beyond: true });
    await send('admin', 'PATCH', `/api/task-instances/${ids[1]}`, { done: true, doneOn: '2025-12-02' });
    const body = (await get('admin', `/api/units/${unit}/task-results?from=2025-01-01&to=2025-12-31`)).json() as TaskResultsView;
    expect(body.figures).toMatchObject({ counted: 2, onTime: 2, exceeding: 1, shares: { onTime: 1, late: 0, notDone: 0, exceeding: 0.5 } });
  });
});
