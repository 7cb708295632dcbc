/**
 * Acceptance 2 of issue 16: the coverage of a round rolled up the tree equals a brute-force recount,
 * on random trees, with random submissions, returns, confirmations, amendments, pledges signed,
 * members transferred and subtrees moved while the round runs.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreePath } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import { isWithin } from '#core/access/scope.ts';
import type { CountedPlan, RoundFigures } from '#core/personal-plans/coverage.ts';
import { addFigures, NO_FIGURES, planFigures, pledgeFigures } from '#core/personal-plans/coverage.ts';
import type { MemberCategory, Position, UnitKind } from '#core/org-tree/kinds.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import { RoundCreateSchema } from '#shared/personal-plans.ts';
import type { Database } from '#server/db/client.ts';
import { transferMember } from '#server/services/members/transfer-member.ts';
import { amendPlan, confirmPlan, returnPlan, submitPlan } from '#server/services/personal-plans/change-plan.ts';
import { getRoundCoverage } from '#server/services/personal-plans/get-round-coverage.ts';
import { launchRound } from '#server/services/personal-plans/launch-round.ts';
import { signPledge } from '#server/services/personal-plans/sign-pledge.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { moveUnit } from '#server/services/units/restructure-units.ts';
import { buildPerson, buildUnit, SYSTEM } from '../support/factories.ts';
import { freshDatabase } from '../support/test-db.ts';
import { allRecords } from '../support/round-records.ts';

let database: Database;
const now = new Date('2026-02-10T03:00:00Z');
const s = () => ({ actor: SYSTEM, now });
const tx = <T>(fn: (c: ReturnType<typeof s> & { tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0] }) => Promise<T>) => database.db.transaction((t) => fn({ ...s(), tx: t }));

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const KINDS: UnitKind[] = ['grassroots', 'cell'];
const CATEGORIES: MemberCategory[] = ['party_full', 'party_full', 'party_probationary', 'youth', 'masses'];

/** A tree as parent indices (node i > 0 hangs under an earlier node), members per node, and steps to take. */
const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 7 }).chain((parents) => fc.record({
  parents: fc.constant(parents.map((p, i) => (i === 0 ? 0 : p % i))),
  members: fc.array(fc.record({ node: fc.nat(), category: fc.constantFrom(...CATEGORIES), leader: fc.boolean() }), { minLength: 1, maxLength: 14 }),
  steps: fc.array(fc.record({
    kind: fc.constantFrom('submit', 'submit', 'confirm', 'return', 'amend', 'sign', 'transfer', 'move'),
    who: fc.nat(), to: fc.nat(), late: fc.boolean(),
  }), { maxLength: 25 }),
  within: fc.array(fc.nat(), { maxLength: 2 }),
}));

async function paths(ids: string[]): Promise<Map<string, TreePath>> {
  const r = await database.db.execute<{ id: string; path: TreePath }>(sql`SELECT id, path::text AS path FROM unit WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(r.rows.map((x) => [x.id, x.path]));
}

/** Every unit's figures for a round, recounted from its records one by one with core's rules, each member where they are managed now. */
async function recount(roundId: string, kind: 'personal_plan' | 'pledge', units: string[]): Promise<Map<string, RoundFigures>> {
  const at = await paths(units);
  const rows = kind === 'pledge'
    ? (await database.db.execute<{ path: TreePath; signedOn: string | null; late: boolean }>(sql`
        SELECT u.path::text AS path, x.signed_on::text AS "signedOn", x.late FROM (${allRecords('pledge', roundId)}) x JOIN person p ON p.id = x.person_id JOIN unit u ON u.id = p.unit_id`)).rows.map((r) => ({ path: r.path, f: pledgeFigures(r) }))
    : (await database.db.execute<CountedPlan & { path: TreePath }>(sql`
        SELECT u.path::text AS path, x.state, x.confirmed_on::text AS "confirmedOn", x.late, x.leader FROM (${allRecords('personal_plan', roundId)}) x JOIN person p ON p.id = x.person_id JOIN unit u ON u.id = p.unit_id`)).rows.map((r) => ({ path: r.path, f: planFigures(r) }));
  return new Map(units.map((u) => [u, rows.filter((r) => isWithin(r.path, at.get(u)!)).reduce((a, r) => addFigures(a, r.f), NO_FIGURES)]));
}

describe('coverage of a round rolled up the tree', () => {
  it('equals a recount on random trees, with random work, transfers and moves during the round', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(treeArb, async ({ parents, members, steps, within }) => {
      n += 1;
      const root = await buildUnit(database.db, { kind: 'district_committee', name: `Huyện ủy ${n}` });
      const units: string[] = [];
      for (const [i, p] of parents.entries()) {
        units.push(await buildUnit(database.db, { parentId: i === 0 ? root : units[p]!, kind: i === 0 ? 'grassroots' : KINDS[i % 2]!, name: `Đơn vị ${n}.${i}` }));
      }
      const people: string[] = [];
      for (const [i, m] of members.entries()) {
        const positions: Position[] = m.leader ? ['secretary'] : [];
        people.push(await buildPerson(database.db, units[m.node % units.length]!, { fullName: `Thành viên ${n}.${i}`, category: m.category, positions }));
      }
      const { id: planId } = await tx((c) => createPlan(PlanDraftSchema.parse({
        unitId: root, title: `Kế hoạch ${n}`, tasks: [{ text: 'Xây dựng kế hoạch cá nhân', audience: { scope: 'grassroots' } }],
      }), c));
      await tx((c) => publishPlan({ planId }, c));
      const taskId = (await database.db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${planId}`)).rows[0]!.id;
      const forms = new Map((await database.db.execute<{ id: string; code: string }>(sql`SELECT id, code FROM plan_form WHERE unit_id IS NULL`)).rows.map((f) => [f.code, f.id] as const));
      const base = { unitId: root, planId, taskId, title: 'Đợt', submitBy: '2026-02-05' };
      const rounds: { id: string; kind: 'personal_plan' | 'pledge' }[] = [];
      for (const input of [
        RoundCreateSchema.parse({ ...base, kind: 'personal_plan', scope: 'year', year: 2026, assignments: [
          { formId: forms.get('mau-04'), categories: ['party_full', 'party_probationary'], unitIds: within.map((w) => units[w % units.length]!) },
          { formId: forms.get('mau-02'), categories: ['party_full', 'party_probationary', 'youth'] },
        ] }),
        RoundCreateSchema.parse({ ...base, kind: 'pledge', pledgeText: 'Cam kết', categories: ['party_full'] }),
      ]) {
        try {
          rounds.push({ id: (await tx((c) => launchRound(input, c))).id, kind: input.kind });
        } catch (e) {
          // A tree with nobody the round asks: refused, nothing to count.
          expect((e as { code?: string }).code, (e as Error).message).toBe('ROUND_NOBODY_ASKED');
        }
      }
      const [plan, pledge] = [rounds.find((r) => r.kind === 'personal_plan'), rounds.find((r) => r.kind === 'pledge')];
      for (const step of steps) {
        const person = people[step.who % people.length]!;
        const target = units[step.to % units.length]!;
        // Refusals (a plan not in the state a step needs, a move into one's own subtree) change nothing: the recount says so.
        const attempt = (fn: () => Promise<unknown>) => fn().catch((e: unknown) => {
          if (!(e as { code?: string }).code) throw e;
        });
        const item = { text: 'Gương mẫu thực hiện nhiệm vụ', area: 'work_responsibility' as const };
        const sections = { items: [item], example: [{ text: 'Giải quyết việc tồn đọng', group: 'long_standing' as const }] };
        const body = { sections: (await database.db.execute(sql`SELECT 1 FROM membership WHERE person_id = ${person} AND 'secretary' = ANY(positions) AND valid_to IS NULL`)).rows.length > 0 ? sections : { items: [item] } };
        switch (step.kind) {
          case 'submit': if (plan) await attempt(() => tx((c) => submitPlan(plan.id, person, { ...body, submittedOn: (step.late ? '2026-02-08' : '2026-02-01') as IsoDate }, c))); break;
          case 'confirm': if (plan) await attempt(() => tx((c) => confirmPlan(plan.id, person, c))); break;
          case 'return': if (plan) await attempt(() => tx((c) => returnPlan(plan.id, person, { comment: 'Bổ sung' }, c))); break;
          case 'amend': if (plan) await attempt(() => tx((c) => amendPlan(plan.id, person, c))); break;
          case 'sign': if (pledge) await attempt(() => tx((c) => signPledge(pledge.id, person, { signedOn: (step.late ? '2026-02-08' : '2026-02-01') as IsoDate }, c))); break;
          case 'transfer': await attempt(() => tx((c) => transferMember(person, { toUnitId: target, on: '2026-02-10' as IsoDate }, c))); break;
          case 'move': {
            const moved = units[step.who % units.length]!;
            if (moved !== units[0]) await attempt(() => tx((c) => moveUnit(moved, { parentId: target, on: '2026-02-10' as IsoDate }, c)));
            break;
          }
        }
      }
      for (const r of rounds) {
        const expected = await recount(r.id, r.kind, [root, ...units]);
        for (const unit of [root, ...units]) {
          const cov = await getRoundCoverage(r.id, { unit }, { ...s(), tx: database.db });
          const { unitId: _u, name: _n, overdue: _o, percentSubmitted: _p, percentConfirmed: _c, ...figures } = cov.total;
          expect(figures, `${r.kind} at ${unit}`).toEqual(expected.get(unit));
          // The unit's own members and its sub-units add up to its total.
          const parts = [...(cov.own ? [cov.own] : []), ...cov.children].reduce((a, row) => addFigures(a, {
            must: row.must, submitted: row.submitted, confirmed: row.confirmed, late: row.late, leaders: row.leaders, leadersRegistered: row.leadersRegistered,
          }), NO_FIGURES);
          expect(parts).toEqual(figures);
        }
      }
    }), { numRuns: 12, endOnFailure: true });
  });
});
