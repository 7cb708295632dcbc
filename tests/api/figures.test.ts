/**
 * Every figure a dashboard shows equals a recount of the instances it stands for: the dashboard's
 * headline beside its overdue list (a returned report is overdue again), a drill-down whose rows
 * add up to its total (the unit's own row included), rates over what is due so far, the status
 * page's summary and the Excel export.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let c3: string;
let plan: PlanFixture;
const TODAY = '2022-04-10';
const cookies: Record<string, string> = {};
const as = (who: string) => cookies[who]!;
const post = (who: string, url: string, payload: unknown = {}) => t.request(as(who), { method: 'POST', url, payload: payload as Record<string, unknown> });
const patch = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'PATCH', url, payload: payload as Record<string, unknown> });
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });

/** Twelve monthly periods of 2022, due on the last day of each month. */
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const m = String(i + 1).padStart(2, '0');
  const last = new Date(Date.UTC(2022, i + 1, 0)).getUTCDate();
  return { key: `2022-${m}`, label: `Tháng ${i + 1}/2022`, due: `2022-${m}-${last}` };
});
const FIGURES = { figures: { total: 10, studied: 9 }, narrative: {}, submit: true };

interface Counts { total: number; dueSoFar: number; done: number; overdue: number }
interface ReportCounts { expected: number; dueSoFar: number; submitted: number; late: number; missing: number }
interface Row { unitId: string; name: string; tasks: Counts; reports: ReportCounts; rates: Record<string, number> }

/** The instances of the plan under a unit (its subtree, or the unit alone), counted straight from the tables. */
async function recount(unitId: string, only: 'subtree' | 'self') {
  const where = only === 'self' ? sql`x.unit_id = ${unitId}` : sql`x.unit_path <@ (SELECT path FROM unit WHERE id = ${unitId})`;
  const r = await t.database.db.execute<{ item: string; total: number; due: number; done: number; overdue: number }>(sql`
    SELECT item, count(*)::int AS total,
           count(*) FILTER (WHERE due_date IS NULL OR due_date <= ${TODAY}::date OR done)::int AS due,
           count(*) FILTER (WHERE done)::int AS done,
           count(*) FILTER (WHERE NOT done AND due_date < ${TODAY}::date)::int AS overdue
    FROM (
      SELECT 'task' AS item, unit_id, unit_path, due_date, status = 'done' AS done FROM task_instance WHERE plan_id = ${plan.planId} AND status <> 'cancelled'
      UNION ALL
      SELECT 'report', unit_id, unit_path, due_date, status IN ('submitted', 'accepted') FROM obligation_instance WHERE plan_id = ${plan.planId} AND status <> 'cancelled'
    ) x WHERE ${where} GROUP BY item`);
  const of = (item: string) => r.rows.find((x) => x.item === item) ?? { total: 0, due: 0, done: 0, overdue: 0 };
  return {
    tasks: { total: of('task').total, dueSoFar: of('task').due, done: of('task').done, overdue: of('task').overdue },
    reports: { expected: of('report').total, dueSoFar: of('report').due, submitted: of('report').done, missing: of('report').overdue },
  };
}

const sum = (rows: Row[], pick: (r: Row) => number) => rows.reduce((s, r) => s + pick(r), 0);

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-01-20T03:00:00Z') });
  tree = await buildTree(t.database.db);
  c3 = await buildUnit(t.database.db, { parentId: tree.units.bloc, kind: 'cell', name: 'Chi bộ Sở Tư pháp' });
  await buildUser(t.database.db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  await buildUser(t.database.db, 'sec3', [{ unitId: c3, role: 'secretary' }]);
  for (const who of ['staff', 'secgr', 'sec1', 'sec2', 'sec3']) cookies[who] = await t.login(who, PASSWORD);
  // The Khối's plan: a monthly report and a monthly task for the đảng bộ, its two cells and a cell directly under the Khối.
  plan = await publishPlanFixture(t.database.db, {
    issuerId: tree.units.bloc,
    audience: [tree.units.grassroots, tree.units.c1, tree.units.c2, c3],
    periods: MONTHS,
    task: { text: 'Sinh hoạt chi bộ thường kỳ' },
    publishedAt: new Date('2022-01-05T03:00:00Z'),
  });
  // January: c1 and c2 report to their đảng bộ, which accepts c1's and returns c2's; c1 holds its meeting; c3 reports to the Khối.
  const v1 = await post('sec1', `/api/obligations/${plan.instance(tree.units.c1, '2022-01')}/submissions`, FIGURES);
  const v2 = await post('sec2', `/api/obligations/${plan.instance(tree.units.c2, '2022-01')}/submissions`, FIGURES);
  const v3 = await post('sec3', `/api/obligations/${plan.instance(c3, '2022-01')}/submissions`, FIGURES);
  for (const v of [v1, v2, v3]) expect(v.statusCode, v.body).toBe(201);
  expect((await post('secgr', `/api/submissions/${v1.json().submissionId}/accept`)).statusCode).toBe(200);
  expect((await post('secgr', `/api/submissions/${v2.json().submissionId}/return`, { comment: 'Bổ sung số liệu.' })).statusCode).toBe(200);
  expect((await patch('sec1', `/api/task-instances/${plan.task(tree.units.c1, '2022-01')}`, { done: true })).statusCode).toBe(200);
  // The đảng bộ itself does its June task ahead of time, in January.
  expect((await patch('secgr', `/api/task-instances/${plan.task(tree.units.grassroots, '2022-06')}`, { done: true })).statusCode).toBe(200);
  t.clock.now = new Date(`${TODAY}T03:00:00Z`);
  for (const who of ['staff', 'secgr']) cookies[who] = await t.login(who, PASSWORD);
});
afterAll(() => t.close());

describe('the dashboard counts what it lists', () => {
  it('shows as many missing reports and overdue tasks as its overdue list holds, a returned report among them', async () => {
    for (const unit of [tree.units.bloc, tree.units.grassroots]) {
      const summary = (await get('staff', `/api/plans/${plan.planId}/summary?unit=${unit}`)).json();
      const overdue = (await get('staff', `/api/plans/${plan.planId}/overdue?unit=${unit}&limit=100`)).json();
      expect(overdue.reports, unit).toBe(summary.unit.reports.missing);
      expect(overdue.tasks, unit).toBe(summary.unit.tasks.overdue);
      expect(overdue.total).toBe(overdue.items.length);
      expect(overdue.items.filter((i: { item: string }) => i.item === 'report')).toHaveLength(overdue.reports);
      const recounted = await recount(unit, 'subtree');
      expect(summary.unit.reports.missing).toBe(recounted.reports.missing);
      expect(summary.unit.tasks.overdue).toBe(recounted.tasks.overdue);
    }
    const overdue = (await get('staff', `/api/plans/${plan.planId}/overdue?unit=${tree.units.grassroots}&limit=100`)).json();
    const returned = overdue.items.find((i: { instanceId: string }) => i.instanceId === plan.instance(tree.units.c2, '2022-01'));
    expect(returned).toMatchObject({ item: 'report', returned: true, periodLabel: 'Tháng 1/2022' });
    // January to March are past due for four units: 12 reports, of which c1's and c3's January stand sent.
    expect(overdue.reports).toBe(8);
    expect((await get('staff', `/api/plans/${plan.planId}/overdue?unit=${tree.units.bloc}`)).json().reports).toBe(10);
  });

  it('adds the unit’s own row to its children so the rows make the total', async () => {
    const summary = (await get('secgr', `/api/plans/${plan.planId}/summary?unit=${tree.units.grassroots}`)).json();
    expect(summary.children.map((c: Row) => c.name)).toEqual(['Chi bộ Thanh tra Sở', 'Chi bộ Văn phòng Sở']);
    expect(summary.own).toMatchObject({ unitId: tree.units.grassroots, name: 'Đảng bộ Sở Tài chính' });
    const rows: Row[] = [...summary.children, summary.own];
    for (const [label, pick] of Object.entries({
      tasks: (r: Row) => r.tasks.total, tasksDue: (r: Row) => r.tasks.dueSoFar, tasksDone: (r: Row) => r.tasks.done, tasksOverdue: (r: Row) => r.tasks.overdue,
      reports: (r: Row) => r.reports.expected, reportsDue: (r: Row) => r.reports.dueSoFar, sent: (r: Row) => r.reports.submitted, missing: (r: Row) => r.reports.missing,
    })) expect(sum(rows, pick), label).toBe(pick(summary.unit));
    const own = await recount(tree.units.grassroots, 'self');
    expect(summary.own.tasks).toEqual(own.tasks);
    expect({ ...summary.own.reports, late: undefined }).toEqual({ ...own.reports, late: undefined });
    // A unit with nothing of its own shows no such row: the Khối is not in its plan's audience.
    const bloc = (await get('staff', `/api/plans/${plan.planId}/summary?unit=${tree.units.bloc}`)).json();
    expect(bloc.own).toBeNull();
    expect(sum(bloc.children, (r: Row) => r.reports.expected)).toBe(bloc.unit.reports.expected);
  });

  it('divides the rates by what is due so far, not by the whole year', async () => {
    const summary = (await get('staff', `/api/plans/${plan.planId}/summary?unit=${tree.units.bloc}`)).json();
    const recounted = await recount(tree.units.bloc, 'subtree');
    expect(summary.unit.tasks).toEqual(recounted.tasks);
    // Four units × twelve months; due so far: January–March for each (12) and the đảng bộ's June, done ahead of time.
    expect(summary.unit.tasks).toEqual({ total: 48, dueSoFar: 13, done: 2, overdue: 11 });
    expect(summary.rates.taskCompletion).toBeCloseTo(2 / 13);
    expect(summary.unit.reports).toMatchObject({ expected: 48, dueSoFar: 12, submitted: 2, missing: 10 });
    expect(summary.rates.reportSubmission).toBeCloseTo(2 / 12);
    expect(summary.explanation.join(' ')).toContain('số đã đến hạn');
  });

  it('exports to Excel the same rows, the unit’s own included, adding up to the total', async () => {
    const res = await get('secgr', `/api/plans/${plan.planId}/progress.xlsx?unit=${tree.units.grassroots}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(['Chi bộ Thanh tra Sở', 'Chi bộ Văn phòng Sở', 'Chính đơn vị (Đảng bộ Sở Tài chính)', 'Tổng cộng (Đảng bộ Sở Tài chính)']);
    const summary = (await get('secgr', `/api/plans/${plan.planId}/summary?unit=${tree.units.grassroots}`)).json();
    const total = rows.at(-1)!;
    expect([3, 4, 5, 6, 8, 9, 10, 12].map((c) => total.getCell(c).value)).toEqual([
      summary.unit.tasks.total, summary.unit.tasks.dueSoFar, summary.unit.tasks.done, summary.unit.tasks.overdue,
      summary.unit.reports.expected, summary.unit.reports.dueSoFar, summary.unit.reports.submitted, summary.unit.reports.missing,
    ]);
    for (const col of [3, 4, 5, 6, 8, 9, 10, 11, 12]) {
      expect(rows.slice(0, -1).reduce((s, r) => s + Number(r.getCell(col).value ?? 0), 0), `column ${col}`).toBe(Number(total.getCell(col).value ?? 0));
    }
  });

  it('counts on the status page what the instances hold, for what the unit receives and for its whole subtree', async () => {
    for (const reach of ['received', 'subtree'] as const) {
      const status = (await get('staff', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.bloc}&reach=${reach}&period=2022-01`)).json();
      const r = await t.database.db.execute<{ expected: number; submitted: number; returned: number; missing: number; awaiting: number }>(sql`
        SELECT count(*)::int AS expected,
               count(*) FILTER (WHERE status IN ('submitted', 'accepted'))::int AS submitted,
               count(*) FILTER (WHERE status = 'returned')::int AS returned,
               count(*) FILTER (WHERE status IN ('pending', 'draft', 'returned'))::int AS missing,
               count(*) FILTER (WHERE status = 'submitted')::int AS awaiting
        FROM obligation_instance WHERE obligation_id = ${plan.obligationId} AND period_key = '2022-01' AND status <> 'cancelled'
          AND (${reach === 'subtree'} OR receiver_unit_id = ${tree.units.bloc})`);
      expect(status.summary, reach).toMatchObject(r.rows[0]!);
    }
  });
});
