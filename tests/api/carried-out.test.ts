/**
 * Completing a lower plan's task completes exactly the superior instances it carries out
 * (docs/decisions/014-reporting-chain.md), on random sequences of completions and reopenings:
 * after each change through the API, every instance of the three plans of the chain is what the
 * rule of src/core/plans/carried-out.ts gives from the lowest instances, and every plan's counters
 * equal a recount.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '#core/ids.ts';
import { followChain } from '#core/plans/carried-out.ts';
import type { ChainInstance } from '#core/plans/carried-out.ts';
import { progressByRecount } from '#core/rollup/counters.ts';
import { buildTree, buildUser, PASSWORD } from '../support/factories.ts';
import { countedInstances, pathOf, progressFromDb } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const TODAY = '2022-03-15';
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
const post = (who: string, url: string, payload: unknown = {}) => t.request(cookies[who]!, { method: 'POST', url, payload: payload as Record<string, unknown> });
const patch = (who: string, url: string, payload: unknown) => t.request(cookies[who]!, { method: 'PATCH', url, payload: payload as Record<string, unknown> });
let plans: string[] = [];

interface Row extends ChainInstance { unitId: string; planId: string; status: string }

async function instances(): Promise<Row[]> {
  const r = await t.database.db.execute<{ id: string; carriesOutId: string | null; doneOn: IsoDate | null; status: string; unitId: string; planId: string }>(sql`
    SELECT id, carries_out_id AS "carriesOutId", done_on::text AS "doneOn", status, unit_id AS "unitId", plan_id AS "planId"
    FROM task_instance WHERE plan_id = ANY(${`{${plans.join(',')}}`}::uuid[]) ORDER BY id`);
  return r.rows.map((x) => ({ ...x, cancelled: x.status === 'cancelled' }));
}

async function publishOwnPlan(who: string, parentId: string, unitId: string): Promise<string> {
  const made = await post(who, `/api/plans/${parentId}/implementing`, { unitId });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  expect((await post(who, `/api/plans/${id}/publish`)).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date(`${TODAY}T03:00:00Z`) });
  tree = await buildTree(t.database.db);
  await buildUser(t.database.db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  for (const who of ['staff', 'secgr', 'sec1', 'sec2']) cookies[who] = await t.login(who, PASSWORD);
  const created = await post('staff', '/api/plans', {
    unitId: tree.units.bloc,
    number: '48-KH/ĐUK',
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận',
    tasks: [
      { text: 'Tổ chức học tập, quán triệt Kết luận cho cán bộ, đảng viên', due: { type: 'date', value: '2022-03-31' }, audience: { scope: 'grassroots' } },
      { text: 'Tuyên truyền Kết luận trên bản tin', due: { type: 'month', value: '2022-03' }, audience: { scope: 'grassroots' } },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const khoi = created.json().id as string;
  expect((await post('staff', `/api/plans/${khoi}/publish`)).statusCode).toBe(200);
  // The đảng bộ makes its plan for its cells; one cell makes its own, the other carries out the đảng bộ's directly.
  const dangBo = await publishOwnPlan('secgr', khoi, tree.units.grassroots);
  const cell = await publishOwnPlan('sec1', dangBo, tree.units.c1);
  plans = [khoi, dangBo, cell];
});
afterAll(() => t.close());

describe('a chain of plans follows its lowest instances', () => {
  it('has a three-level chain to follow', async () => {
    const rows = await instances();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const depth = (r: Row): number => (r.carriesOutId ? 1 + depth(byId.get(r.carriesOutId)!) : 0);
    expect(Math.max(...rows.map(depth))).toBe(2);
  });

  it('completes and reopens exactly the instances carried out, whatever the order, with counters equal to a recount', async () => {
    const who = (unitId: string) => (unitId === tree.units.c1 ? 'sec1' : unitId === tree.units.c2 ? 'sec2' : 'secgr');
    const step = fc.record({ pick: fc.nat(), done: fc.boolean(), day: fc.integer({ min: 1, max: 15 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const s of steps) {
          const rows = await instances();
          // The lowest instances: what units do themselves, nothing carrying them out.
          const leaves = rows.filter((r) => !rows.some((c) => c.carriesOutId === r.id && !c.cancelled));
          const leaf = leaves[s.pick % leaves.length]!;
          const body = s.done ? { done: true, doneOn: `2022-03-${String(s.day).padStart(2, '0')}` } : { done: false };
          const res = await patch(who(leaf.unitId), `/api/task-instances/${leaf.id}`, body);
          expect(res.statusCode, res.body).toBe(200);
          const after = await instances();
          // What the rule gives from the lowest instances alone (what is above them recorded nothing of its own).
          const isLeaf = new Set(leaves.map((l) => l.id));
          const expected = followChain(after.map((r) => (isLeaf.has(r.id) ? r : { ...r, doneOn: null })));
          expect(Object.fromEntries(after.map((r) => [r.id, r.doneOn]))).toEqual(Object.fromEntries(expected));
          expect(after.every((r) => (r.doneOn === null) === (r.status === 'open'))).toBe(true);
        }
        for (const planId of plans) {
          const counted = await countedInstances(t.database.db, planId);
          for (const unitId of [tree.units.bloc, tree.units.grassroots, tree.units.c1, tree.units.c2]) {
            expect(await progressFromDb(t.database.db, planId, unitId, TODAY)).toEqual(progressByRecount(counted, await pathOf(t.database.db, unitId), TODAY as IsoDate));
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});
