/**
 * Personal plans and pledges (issue 16, docs/decisions/020): the seed's forms as rows, a round
 * launched from a task, every bound and state transition of a member's plan, late submissions
 * accepted and marked, who may read and act on whose plan, coverage equal to a recount after each
 * step, a transfer mid-round, the year-end look back, pledges, and sending the plans up.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '#core/ids.ts';
import type { RoundFigures } from '#core/personal-plans/coverage.ts';
import { addFigures, NO_FIGURES, planFigures, pledgeFigures } from '#core/personal-plans/coverage.ts';
import { SEED_FORMS } from '#core/personal-plans/forms.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import type { MyRounds, PersonalPlanView, PlanFormList, PlanSaved, RoundCoverage, RoundList, RoundMembers } from '#shared/personal-plans.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { buildPerson, buildTree, buildUser, PASSWORD, SYSTEM } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { allRecords } from '../support/round-records.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
let planId: string;
let taskId: string;
let forms: Record<string, string>;
let round: string;
/** A leader of the bloc committee itself, and the user of that person. */
let blocLeader: string;

const at = (day: string) => new Date(`${day}T03:00:00Z`);
const USERS = ['admin', 'sec1', 'sec2', 'staff', 'inspector', 'viewer', 'member1', 'leader'];
async function onDay(day: string): Promise<void> {
  t.clock.now = at(day);
  for (const u of USERS) cookies[u] = await t.login(u, PASSWORD);
}
async function call<T = unknown>(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const res = await t.request(cookies[who]!, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as T };
}
type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
const item = (text: string) => ({ text, area: 'work_responsibility' });
const planUrl = (personId: string, tail = '') => `/api/rounds/${round}/plans/${personId}${tail}`;

/** Every unit's figures recounted from the records with core's rules, to compare with the counters. */
async function recount(roundId: string): Promise<Map<string, RoundFigures>> {
  const plans = await t.database.db.execute<{ path: string; state: 'pending'; confirmedOn: string | null; late: boolean; leader: boolean }>(sql`
    SELECT u.path::text AS path, x.state, x.confirmed_on::text AS "confirmedOn", x.late, x.leader FROM (${allRecords('personal_plan', roundId)}) x JOIN unit u ON u.id = x.unit_id`);
  const pledges = await t.database.db.execute<{ path: string; signedOn: string | null; late: boolean }>(sql`
    SELECT u.path::text AS path, x.signed_on::text AS "signedOn", x.late FROM (${allRecords('pledge', roundId)}) x JOIN unit u ON u.id = x.unit_id`);
  const out = new Map<string, RoundFigures>();
  const add = (path: string, f: RoundFigures) => {
    for (const label of path.split('.')) {
      const id = label.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
      out.set(id, addFigures(out.get(id) ?? NO_FIGURES, f));
    }
  };
  for (const p of plans.rows) add(p.path, planFigures(p));
  for (const p of pledges.rows) add(p.path, pledgeFigures(p));
  return out;
}

async function counters(roundId: string): Promise<Map<string, RoundFigures>> {
  const r = await t.database.db.execute<RoundFigures & { unitId: string }>(sql`
    SELECT unit_id AS "unitId", sum(must)::int AS must, sum(submitted)::int AS submitted, sum(confirmed)::int AS confirmed, sum(late)::int AS late,
           sum(leaders)::int AS leaders, sum(leaders_registered)::int AS "leadersRegistered"
    FROM round_counter WHERE round_id = ${roundId} GROUP BY unit_id`);
  const out = new Map<string, RoundFigures>();
  for (const { unitId, ...f } of r.rows) if (Object.values(f).some((v) => v !== 0)) out.set(unitId, f);
  return out;
}

/** The records of a round written so far (a member pending in the roster has none). */
async function writtenRecords(roundId: string): Promise<{ personId: string; unitId: string; reached: string; state: string }[]> {
  return (await t.database.db.execute<{ personId: string; unitId: string; reached: string; state: string }>(sql`
    SELECT person_id AS "personId", unit_id AS "unitId", reached_unit_id AS reached, state FROM personal_plan WHERE round_id = ${roundId} ORDER BY person_id`)).rows;
}

async function expectCountersExact(roundId: string): Promise<void> {
  expect(await counters(roundId)).toEqual(await recount(roundId));
}

beforeAll(async () => {
  t = await createTestApp({ now: at('2026-01-05') });
  tree = await buildTree(t.database.db);
  blocLeader = await buildPerson(t.database.db, tree.units.bloc, { fullName: 'Đỗ Văn Giang', positions: ['deputy_secretary'] });
  await buildUser(t.database.db, 'leader', [{ unitId: tree.units.bloc, role: 'deputy_secretary' }], { personId: blocLeader });
  await onDay('2026-01-05');
  const s = { actor: SYSTEM, now: t.clock.now };
  ({ id: planId } = await t.database.db.transaction((tx) => createPlan(PlanDraftSchema.parse({
    unitId: tree.units.bloc, number: '05-KH/ĐUK', title: 'Thực hiện chủ đề năm 2026', issuedOn: '2026-01-05',
    tasks: [{ text: 'Cán bộ, đảng viên xây dựng kế hoạch cá nhân thực hiện chủ đề năm 2026', due: { type: 'date', value: '2026-02-28' }, audience: { scope: 'grassroots' } }],
    obligations: [{
      title: 'Báo cáo kết quả xây dựng kế hoạch cá nhân', due: [{ type: 'date', value: '2026-02-28' }], audience: { scope: 'grassroots' },
      form: {
        figures: [
          { key: 'tong', label: 'Tổng số đảng viên', unit: 'người' },
          { key: 'lap', label: 'Số đảng viên đã xây dựng kế hoạch cá nhân', unit: 'người', of: 'tong' },
          { key: 'xac_nhan', label: 'Số kế hoạch được chi bộ xác nhận', unit: 'người' },
          { key: 'mo_hinh', label: 'Số mô hình làm theo Bác', unit: 'mô hình' },
        ],
        sections: [{ key: 'ket_qua', title: 'Kết quả' }],
      },
    }],
  }), { ...s, tx })));
  await t.database.db.transaction((tx) => publishPlan({ planId }, { ...s, tx }));
  taskId = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${planId}`)).rows[0]!.id;
  const list = await call<PlanFormList>('staff', 'GET', `/api/plan-forms?unit=${tree.units.bloc}`);
  forms = Object.fromEntries(list.body.items.map((f) => [f.code, f.id]));
});
afterAll(() => t.close());

describe('the forms', () => {
  it('are seed 003 Mẫu 01–04 as rows, equal to the forms core checks against', async () => {
    const list = await call<PlanFormList>('sec1', 'GET', `/api/plan-forms?unit=${tree.units.c1}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map(({ code, label, title, scope, sections }) => ({ code, label, title, scope, sections }))).toEqual(SEED_FORMS.map((f) => ({ ...f, sections: f.sections.map((x) => ({ ...x })) })));
  });

  it('can be added by a committee as data; its code must be new; a cell cannot add one', async () => {
    const form = {
      unitId: tree.units.bloc, code: 'doan-01', label: 'Mẫu ĐTN', title: 'Kế hoạch cá nhân của đoàn viên', scope: 'year',
      sections: [{ key: 'items', title: 'Nội dung', minItems: 2, maxItems: 3, areas: [], requiredAreas: [], grouped: false, forPositions: [] }],
    };
    expect((await call('staff', 'POST', '/api/plan-forms', form)).status).toBe(201);
    const again = await call<Err>('staff', 'POST', '/api/plan-forms', form);
    expect([again.status, again.body.error.code]).toEqual([409, 'FORM_CODE_TAKEN']);
    const bad = await call<Err>('staff', 'POST', '/api/plan-forms', { ...form, code: 'doan-02', sections: [{ ...form.sections[0], minItems: 4 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('tối thiểu không được lớn hơn tối đa');
    expect((await call('member1', 'POST', '/api/plan-forms', { ...form, unitId: tree.units.c1, code: 'x' })).status).toBe(403);
    expect((await call('sec2', 'POST', '/api/plan-forms', { ...form, unitId: tree.units.c1, code: 'x' })).status).toBe(404);
    // A cell sees the forms of the committees above it, a unit elsewhere does not.
    expect((await call<PlanFormList>('sec1', 'GET', `/api/plan-forms?unit=${tree.units.c1}`)).body.items.map((f) => f.code)).toContain('doan-01');
    expect((await call<PlanFormList>('viewer', 'GET', `/api/plan-forms?unit=${tree.units.province}`)).body.items.map((f) => f.code)).not.toContain('doan-01');
  });
});

describe('launching a round', () => {
  const base = () => ({
    kind: 'personal_plan', unitId: tree.units.bloc, planId, taskId, title: 'Đăng ký kế hoạch cá nhân năm 2026', scope: 'year', year: 2026,
    assignments: [{ formId: forms['mau-02'], categories: ['party_full', 'party_probationary'] }], submitBy: '2026-01-31', confirmBy: '2026-02-15',
  });

  it('refuses what does not hold, with nothing written', async () => {
    const before = (await t.database.db.execute<{ n: number }>(sql`SELECT (SELECT count(*) FROM round) + (SELECT count(*) FROM personal_plan) AS n`)).rows[0]!.n;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ assignments: [{ formId: forms['mau-01'], categories: ['party_full'] }] }, 400, 'FORM_SCOPE_MISMATCH'],
      [{ assignments: [{ formId: taskId, categories: ['party_full'] }] }, 400, 'FORM_NOT_FOUND'],
      [{ assignments: [{ formId: forms['mau-02'], categories: ['masses'] }] }, 400, 'ROUND_NOBODY_ASKED'],
      [{ assignments: [{ formId: forms['mau-02'], categories: ['party_full'], unitIds: [tree.units.province] }] }, 404, 'UNIT_NOT_FOUND'],
      [{ taskId: planId }, 400, 'TASK_NOT_IN_PLAN'],
      [{ confirmBy: '2026-01-01' }, 400, 'VALIDATION'],
      [{ submitBy: '2026-02-30' }, 400, 'VALIDATION'],
      [{ assignments: [] }, 400, 'VALIDATION'],
    ];
    for (const [patch, status, code] of cases) {
      const r = await call<Err>('staff', 'POST', '/api/rounds', { ...base(), ...patch });
      expect([r.status, r.body.error.code], JSON.stringify(patch)).toEqual([status, code]);
      expect(r.body.error.message).toMatch(/[ạảãáàăâđêôơư]/);
    }
    expect((await call('sec1', 'POST', '/api/rounds', { ...base(), unitId: tree.units.c1 })).status).toBe(400);
    expect((await call('member1', 'POST', '/api/rounds', base())).status).toBe(404);
    const after = (await t.database.db.execute<{ n: number }>(sql`SELECT (SELECT count(*) FROM round) + (SELECT count(*) FROM personal_plan) AS n`)).rows[0]!.n;
    expect(after).toBe(before);
  });

  it('asks every member of the subtree the rules take, with their form and leaders apart', async () => {
    const r = await call<{ id: string; asked: number }>('staff', 'POST', '/api/rounds', base());
    expect(r.status).toBe(201);
    round = r.body.id;
    // p1, p1b (c1), p2, p2b (c2), pBloc and the bloc's deputy secretary.
    expect(r.body.asked).toBe(6);
    const cov = await call<RoundCoverage>('staff', 'GET', `/api/rounds/${round}`);
    expect(cov.body.total).toMatchObject({ must: 6, submitted: 0, confirmed: 0, leaders: 3, leadersRegistered: 0, overdue: 0 });
    expect(cov.body.children.map((c) => [c.name, c.must])).toEqual([['Đảng bộ Sở Tài chính', 4]]);
    expect(cov.body.own).toMatchObject({ must: 2, leaders: 1 });
    await expectCountersExact(round);
    // The launch lists them in the round's roster, per unit; nobody's own record is written yet (ADR 021).
    expect(await writtenRecords(round)).toEqual([]);
    const roster = await t.database.db.execute<{ unitId: string; n: number; leaders: number }>(sql`
      SELECT unit_id AS "unitId", cardinality(person_ids) AS n, cardinality(leader_ids) AS leaders FROM round_roster WHERE round_id = ${round} ORDER BY 2, 1`);
    expect(new Map(roster.rows.map((x) => [x.unitId, [x.n, x.leaders]]))).toEqual(new Map([
      [tree.units.c1, [2, 1]], [tree.units.c2, [2, 1]], [tree.units.bloc, [2, 1]],
    ]));
  });

  it('is listed at every unit it reached, with that unit\'s figures', async () => {
    const list = await call<RoundList>('member1', 'GET', `/api/rounds?unit=${tree.units.c1}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x) => [x.title, x.coverage.must])).toEqual([['Đăng ký kế hoạch cá nhân năm 2026', 2]]);
    expect(list.body.items[0]!.assignments[0]).toMatchObject({ formLabel: 'Mẫu 02', categories: ['party_full', 'party_probationary'] });
    const mine = await call<MyRounds>('member1', 'GET', '/api/my/rounds');
    expect(mine.body.items.map((x) => [x.round.id, x.state, x.formLabel])).toEqual([[round, 'pending', 'Mẫu 02']]);
    expect((await call<MyRounds>('staff', 'GET', '/api/my/rounds')).body).toEqual({ personId: null, items: [] });
  });

  it('writes nothing when a pending plan is read or listed', async () => {
    const list = await call<RoundMembers>('sec1', 'GET', `/api/rounds/${round}/members?unit=${tree.units.c1}`);
    expect(list.body.items.map((m) => m.state)).toEqual(['pending', 'pending']);
    expect((await call<PersonalPlanView>('member1', 'GET', planUrl(tree.people.p1b))).body).toMatchObject({ state: 'pending', versions: [], can: { edit: true } });
    expect(await writtenRecords(round)).toEqual([]);
  });
});

describe("a member's plan from draft to confirmed", () => {
  it('checks the bounds on submission, in Vietnamese, and keeps a draft that breaks them', async () => {
    const p = tree.people.p1b;
    const empty = await call<Err>('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [] } });
    expect([empty.status, empty.body.error.code, empty.body.error.message]).toEqual([400, 'PERSONAL_PLAN_INVALID', 'Kế hoạch năm cần từ 1 đến 2 nội dung']);
    expect(empty.body.error.fields).toEqual([{ path: 'sections.items', message: 'Kế hoạch năm cần từ 1 đến 2 nội dung' }]);
    const three = await call<Err>('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('a'), item('b'), item('c')] } });
    expect(three.body.error.message).toBe('Kế hoạch năm cần từ 1 đến 2 nội dung');
    const blank = await call<Err>('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [{ text: '  ' }] } });
    expect(blank.body.error.message).toBe('Nội dung 1 còn trống');
    const leaderPart = await call<Err>('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('a')], example: [{ text: 'x', group: 'breakthrough' }] } });
    expect(leaderPart.body.error.message).toBe('Phần này chỉ dành cho lãnh đạo chủ chốt, người đứng đầu');
    const tooLong = await call<Err>('member1', 'PUT', planUrl(p), { sections: { items: [{ text: 'x'.repeat(2_001) }] } });
    expect(tooLong.status).toBe(400);
    expect((await t.database.db.execute(sql`SELECT 1 FROM personal_plan_version WHERE person_id = ${p}`)).rows).toHaveLength(0);
    expect(await writtenRecords(round)).toEqual([]);

    const before = await counters(round);
    const draft = await call<PlanSaved>('member1', 'PUT', planUrl(p), { sections: { items: [item('a'), item('b'), item('c')] } });
    expect(draft.body).toEqual({ state: 'draft', version: 1, late: false });
    // The first act writes the member's record where the round reached them; no counter moves (ADR 021).
    expect(await writtenRecords(round)).toEqual([{ personId: p, unitId: tree.units.c1, reached: tree.units.c1, state: 'draft' }]);
    expect(await counters(round)).toEqual(before);
    const view = await call<PersonalPlanView>('member1', 'GET', planUrl(p));
    expect(view.body.issues.map((i) => i.message)).toEqual(['Kế hoạch năm cần từ 1 đến 2 nội dung']);
    expect(view.body).toMatchObject({ filled: ['items'], leader: false, state: 'draft', can: { edit: true, review: false, amend: false }, onBehalf: false });
  });

  it('moves draft → submitted → returned → submitted (a new version) → confirmed, refusing every other step', async () => {
    const p = tree.people.p1b;
    await onDay('2026-01-20');
    const sub = await call<PlanSaved>('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('Gương mẫu chấp hành kỷ luật, kỷ cương hành chính')] } });
    expect(sub.body).toEqual({ state: 'submitted', version: 1, late: false });
    await expectCountersExact(round);
    const refusals: [string, 'POST' | 'PUT', string, unknown, number, string][] = [
      ['member1', 'PUT', '', { sections: { items: [item('x')] } }, 409, 'PERSONAL_PLAN_STATE'],
      ['member1', 'POST', '/submit', {}, 409, 'PERSONAL_PLAN_STATE'],
      ['member1', 'POST', '/confirm', {}, 403, 'FORBIDDEN'],
      ['member1', 'POST', '/amend', {}, 409, 'PERSONAL_PLAN_STATE'],
      ['sec1', 'POST', '/return', { comment: '   ' }, 400, 'VALIDATION'],
      ['viewer', 'POST', '/confirm', {}, 403, 'FORBIDDEN'],
      ['sec2', 'POST', '/confirm', {}, 404, 'PERSONAL_PLAN_NOT_FOUND'],
      ['sec1', 'PUT', '/look-back', { items: [{ section: 'items', item: 1, result: 'done' }] }, 409, 'LOOK_BACK_TOO_EARLY'],
    ];
    for (const [who, method, tail, body, status, code] of refusals) {
      const r = await call<Err>(who, method, planUrl(p, tail), body);
      expect([r.status, r.body.error.code], `${who} ${tail}`).toEqual([status, code]);
    }
    const ret = await call<PlanSaved>('sec1', 'POST', planUrl(p, '/return'), { comment: 'Hãy nêu cụ thể việc làm, thời gian hoàn thành.' });
    expect(ret.body.state).toBe('returned');
    expect((await counters(round)).get(tree.units.c1)).toMatchObject({ submitted: 0 });
    expect((await call<Err>('sec1', 'POST', planUrl(p, '/confirm'), {})).body.error.code).toBe('PERSONAL_PLAN_STATE');
    const seen = await call<PersonalPlanView>('member1', 'GET', planUrl(p));
    expect(seen.body.versions.at(-1)).toMatchObject({ version: 1, returnComment: 'Hãy nêu cụ thể việc làm, thời gian hoàn thành.' });
    const again = await call<PlanSaved>('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('Gương mẫu chấp hành kỷ luật; hoàn thành trước 30/6/2026')] } });
    expect(again.body).toEqual({ state: 'submitted', version: 2, late: false });
    const conf = await call<PlanSaved>('sec1', 'POST', planUrl(p, '/confirm'), {});
    expect(conf.body.state).toBe('confirmed');
    const v = await call<PersonalPlanView>('member1', 'GET', planUrl(p));
    expect(v.body.versions.map((x) => [x.version, x.submittedOn, x.returnComment !== null, x.confirmedOn])).toEqual([[1, '2026-01-20', true, null], [2, '2026-01-20', false, '2026-01-20']]);
    expect(v.body.versions[1]!.confirmedBy).toBe('Nguyễn Thị Hoa');
    expect(v.body.can).toMatchObject({ edit: false, amend: true, lookBack: true, comment: false });
    expect((await call<Err>('member1', 'PUT', planUrl(p), { sections: { items: [item('x')] } })).body.error.code).toBe('PERSONAL_PLAN_STATE');
    await expectCountersExact(round);
  });

  it('amends a confirmed plan as a new version, the confirmed one kept and still counted', async () => {
    const p = tree.people.p1b;
    const am = await call<PlanSaved>('member1', 'POST', planUrl(p, '/amend'), {});
    expect(am.body).toEqual({ state: 'draft', version: 3, late: false });
    const v = await call<PersonalPlanView>('member1', 'GET', planUrl(p));
    expect(v.body.versions.map((x) => x.version)).toEqual([1, 2, 3]);
    expect(v.body.versions[2]!.sections).toEqual(v.body.versions[1]!.sections);
    expect(v.body.confirmedOn).toBe('2026-01-20');
    expect((await counters(round)).get(tree.units.c1)).toMatchObject({ submitted: 1, confirmed: 1 });
    await call('member1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('Bổ sung: tham gia sinh hoạt đầy đủ')] } });
    await call('sec1', 'POST', planUrl(p, '/confirm'), {});
    const stored = await t.database.db.execute<{ version: number; confirmed: string | null }>(sql`
      SELECT version, confirmed_on::text AS confirmed FROM personal_plan_version WHERE person_id = ${p} ORDER BY version`);
    expect(stored.rows).toEqual([{ version: 1, confirmed: null }, { version: 2, confirmed: '2026-01-20' }, { version: 3, confirmed: '2026-01-20' }]);
    await expectCountersExact(round);
  });

  it('accepts a submission after the deadline and marks it late', async () => {
    await onDay('2026-02-03');
    const r = await call<PlanSaved>('sec2', 'POST', planUrl(tree.people.p2b, '/submit'), { sections: { items: [item('Học tập nâng cao trình độ lý luận')] }, submittedOn: '2026-02-02' });
    expect(r.body).toEqual({ state: 'submitted', version: 1, late: true });
    const v = await call<PersonalPlanView>('sec2', 'GET', planUrl(tree.people.p2b));
    expect(v.body.versions[0]).toMatchObject({ onBehalf: true, writtenBy: 'Lê Văn Cường', submittedOn: '2026-02-02', late: true });
    const future = await call<Err>('sec2', 'POST', planUrl(tree.people.p2, '/submit'), { sections: {}, submittedOn: '2026-02-04' });
    expect(future.status).toBe(400);
    const cov = await call<RoundCoverage>('staff', 'GET', `/api/rounds/${round}?unit=${tree.units.c2}`);
    expect(cov.body.total).toMatchObject({ must: 2, submitted: 1, late: 1, overdue: 1 });
    await expectCountersExact(round);
  });

  it("asks a leader's example-setting items, which another level confirms", async () => {
    const p = tree.people.p1;
    const noExample = await call<Err>('sec1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('a')] } });
    expect(noExample.body.error.message).toBe('Nội dung đăng ký nêu gương cần từ 1 đến 2 việc cụ thể');
    const noGroup = await call<Err>('sec1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('a')], example: [{ text: 'Giải quyết dứt điểm hồ sơ tồn đọng' }] } });
    expect(noGroup.body.error.message).toBe('Việc nêu gương 1: hãy chọn nhóm công việc');
    const ok = await call<PlanSaved>('sec1', 'POST', planUrl(p, '/submit'), { sections: { items: [item('a')], example: [{ text: 'Giải quyết dứt điểm hồ sơ tồn đọng', group: 'long_standing' }] } });
    expect(ok.body.state).toBe('submitted');
    expect((await call<Err>('sec1', 'POST', planUrl(p, '/confirm'), {})).status).toBe(403);
    expect((await call<PlanSaved>('staff', 'POST', planUrl(p, '/confirm'), {})).body.state).toBe('confirmed');
    const cov = await call<RoundCoverage>('staff', 'GET', `/api/rounds/${round}`);
    expect(cov.body.total).toMatchObject({ leaders: 3, leadersRegistered: 1 });
    await expectCountersExact(round);
  });
});

describe('who reads whose plan', () => {
  it('lets the member, the managing secretary and the levels above read it; never another member or a sibling', async () => {
    const url = planUrl(tree.people.p1b);
    for (const who of ['member1', 'sec1', 'staff', 'inspector', 'viewer', 'admin']) expect((await call('sec1' === who ? who : who, 'GET', url)).status, who).toBe(200);
    expect((await call<Err>('sec2', 'GET', url)).status).toBe(404);
    expect((await call<Err>('member1', 'GET', planUrl(tree.people.p1))).body.error.code).toBe('PERSONAL_PLAN_NOT_FOUND');
    expect((await call('member1', 'GET', `/api/rounds/${round}/members?unit=${tree.units.c1}`)).status).toBe(404);
    expect((await call('sec2', 'GET', `/api/rounds/${round}/members?unit=${tree.units.c1}`)).status).toBe(404);
    expect((await call('leader', 'GET', planUrl(tree.people.p2b))).status).toBe(200);
    // An id that is not a member of the round, or not a round, is as unknown as one out of sight.
    expect((await call('staff', 'GET', planUrl(randomUUID()))).status).toBe(404);
    expect((await call('staff', 'GET', `/api/rounds/${planId}`)).status).toBe(404);
  });

  it("lists a cell's members with where each stands, filtered and searched without diacritics", async () => {
    const all = await call<RoundMembers>('sec1', 'GET', `/api/rounds/${round}/members?unit=${tree.units.c1}`);
    expect(all.body.items.map((m) => [m.fullName, m.state, m.formLabel, m.leader])).toEqual([
      ['Trần Văn Bình', 'confirmed', 'Mẫu 02', false],
      ['Nguyễn Thị Hoa', 'confirmed', 'Mẫu 02', true],
    ]);
    expect((await call<RoundMembers>('sec1', 'GET', `/api/rounds/${round}/members?unit=${tree.units.c1}&q=binh`)).body.items.map((m) => m.fullName)).toEqual(['Trần Văn Bình']);
    const late = await call<RoundMembers>('staff', 'GET', `/api/rounds/${round}/members?unit=${tree.units.bloc}&subtree=true&filter=late`);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body.items.map((m) => m.fullName)).toEqual(['Phạm Thị Dung', 'Nguyễn Thị Hoa']);
    const missing = await call<RoundMembers>('staff', 'GET', `/api/rounds/${round}/members?unit=${tree.units.bloc}&subtree=true&filter=not_submitted&limit=1`);
    expect([missing.body.total, missing.body.items.length]).toEqual([3, 1]);
  });
});

describe('a transfer mid-round', () => {
  it('takes the plan to the new cell; the old one keeps reading only what it confirmed', async () => {
    const p = tree.people.p1b;
    const before = await recount(round);
    const moved = await call('staff', 'POST', `/api/people/${p}/transfer`, { toUnitId: tree.units.c2, on: '2026-02-03' });
    expect(moved.status).toBeLessThan(300);
    await expectCountersExact(round);
    expect((await counters(round)).get(tree.units.c1)!.must).toBe(before.get(tree.units.c1)!.must - 1);
    expect((await counters(round)).get(tree.units.c2)!.confirmed).toBe(before.get(tree.units.c2)!.confirmed + 1);
    expect((await counters(round)).get(tree.units.bloc)).toEqual(before.get(tree.units.bloc));
    // The new cell reads it all and acts on it; the old one reads the two versions it confirmed.
    expect((await call<PersonalPlanView>('sec2', 'GET', planUrl(p))).body.versions).toHaveLength(3);
    await call('sec2', 'POST', planUrl(p, '/amend'), {});
    const old = await call<PersonalPlanView>('sec1', 'GET', planUrl(p));
    expect(old.body.versions.map((v) => v.version)).toEqual([2, 3]);
    expect(old.body.can).toMatchObject({ edit: false, review: false, amend: false });
    expect((await call('sec1', 'POST', planUrl(p, '/submit'), {})).status).toBe(403);
    expect((await call<RoundMembers>('sec2', 'GET', `/api/rounds/${round}/members?unit=${tree.units.c2}`)).body.items.map((m) => m.fullName)).toContain('Trần Văn Bình');
    await expectCountersExact(round);
  });
});

describe('the year-end look back', () => {
  it("takes the member's self-assessment and the secretary's comment on the confirmed items", async () => {
    const p = tree.people.p2b;
    await call('sec2', 'POST', planUrl(p, '/confirm'), {});
    expect((await call('sec2', 'PUT', planUrl(p, '/look-back'), { items: [{ section: 'items', item: 2, result: 'done' }] })).status).toBe(400);
    expect((await call('sec2', 'PUT', planUrl(p, '/look-back'), { items: [{ section: 'items', item: 1, result: 'partly', account: 'Đã học xong 2/3 chuyên đề' }] })).status).toBe(200);
    expect((await call('sec2', 'PUT', planUrl(p, '/look-back/comments'), { items: [{ section: 'items', item: 1, comment: 'Cần cố gắng hơn' }] })).status).toBe(200);
    const v = await call<PersonalPlanView>('sec2', 'GET', planUrl(p));
    expect(v.body.lookBack).toEqual([{ section: 'items', item: 1, result: 'partly', account: 'Đã học xong 2/3 chuyên đề', comment: 'Cần cố gắng hơn' }]);
    expect(v.body.state).toBe('confirmed');
  });
});

describe('sending the plans up and the meeting that discussed them', () => {
  it("fulfils the unit's task instance with the figures, once something is confirmed", async () => {
    const c1 = await call<{ confirmed: number; must: number }>('sec1', 'POST', `/api/rounds/${round}/units/${tree.units.c1}/send-up`, {});
    expect([c1.status, c1.body.confirmed, c1.body.must]).toEqual([200, 1, 1]);
    const up = await call<{ confirmed: number; must: number; taskInstanceId: string }>('sec2', 'POST', `/api/rounds/${round}/units/${tree.units.c2}/send-up`, {});
    expect(up.status).toBe(200);
    expect([up.body.confirmed, up.body.must]).toEqual([2, 3]);
    const ti = await t.database.db.execute<{ status: string; evidence: { title: string }[] }>(sql`SELECT status, evidence FROM task_instance WHERE id = ${up.body.taskInstanceId}`);
    expect(ti.rows[0]!.status).toBe('done');
    expect(ti.rows[0]!.evidence.map((e) => e.title)).toEqual(['Đăng ký kế hoạch cá nhân năm 2026: 2/3 kế hoạch cá nhân đã xác nhận']);
    expect((await call('sec1', 'POST', `/api/rounds/${round}/units/${tree.units.c2}/send-up`, {})).status).toBe(404);
    // member1 moved to c2 with their person: a member there, who may not send for the cell.
    expect((await call('member1', 'POST', `/api/rounds/${round}/units/${tree.units.c2}/send-up`, {})).status).toBe(403);
  });

  it('links a thematic meeting to the round and shows it with the cell', async () => {
    const m = await call<{ id: string }>('sec2', 'POST', '/api/meetings', { unitId: tree.units.c2, kind: 'thematic', title: 'Sinh hoạt chuyên đề thảo luận kế hoạch cá nhân', date: '2026-02-05', roundId: round });
    expect(m.status).toBe(201);
    const cov = await call<RoundCoverage>('sec2', 'GET', `/api/rounds/${round}?unit=${tree.units.c2}`);
    expect(cov.body.meetings.map((x) => x.title)).toEqual(['Sinh hoạt chuyên đề thảo luận kế hoạch cá nhân']);
    expect(cov.body.readsPlans).toBe(true);
    expect((await call('sec2', 'POST', '/api/meetings', { unitId: tree.units.c2, title: 'x', date: '2026-02-05', roundId: planId })).status).toBe(404);
  });
});

describe('urging the late', () => {
  it("notifies the leaders of each unit still waited for, with the number missing, and each such member with an account; once a day", async () => {
    const before = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE kind = 'urge'`);
    const r = await call<{ units: number; members: number; notifications: number }>('staff', 'POST', `/api/rounds/${round}/urge`, { unit: tree.units.bloc, message: 'Đề nghị khẩn trương nộp kế hoạch cá nhân.' });
    expect(r.status).toBe(200);
    const waiting = await call<RoundMembers>('staff', 'GET', `/api/rounds/${round}/members?unit=${tree.units.bloc}&subtree=true&filter=not_submitted`);
    expect(r.body.members).toBe(waiting.body.total);
    expect(r.body.units).toBe(new Set(waiting.body.items.map((m) => m.unitId)).size);
    const sent = await t.database.db.execute<{ username: string; body: string; link: string }>(sql`
      SELECT a.username, n.body, n.link FROM notification n JOIN app_user a ON a.id = n.user_id WHERE n.kind = 'urge' ORDER BY a.username, n.link`);
    expect(sent.rows.length - before.rows[0]!.n).toBe(r.body.notifications);
    expect(sent.rows.filter((x) => x.username === 'sec2').map((x) => x.body)).toEqual([expect.stringMatching(/^Đề nghị khẩn trương nộp kế hoạch cá nhân.\nCòn 1 người chưa nộp kế hoạch cá nhân.\nHạn: 31\/01\/2026.$/)]);
    expect(sent.rows.filter((x) => x.username === 'sec1')).toEqual([]);
    const again = await call<{ notifications: number }>('staff', 'POST', `/api/rounds/${round}/urge`, { unit: tree.units.bloc, message: 'Đề nghị khẩn trương nộp kế hoạch cá nhân.' });
    expect(again.body.notifications).toBe(0);
    expect((await call('sec1', 'POST', `/api/rounds/${round}/urge`, { unit: tree.units.c2, message: 'x' })).status).toBe(404);
  });
});

describe("a report's figures prefilled from the round", () => {
  it('fills what the form names from the counters of the reporting unit, as a draft the unit can still correct', async () => {
    const [oi] = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM obligation_instance WHERE plan_id = ${planId} AND unit_id = ${tree.units.c2}`)).rows;
    const r = await call<{ figures: Record<string, number>; sources: Record<string, string> }>('sec2', 'POST', `/api/obligation-instances/${oi!.id}/round-figures`, { roundId: round });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const cov = await call<RoundCoverage>('sec2', 'GET', `/api/rounds/${round}?unit=${tree.units.c2}`);
    expect(r.body.figures).toEqual({ tong: cov.body.total.must, lap: cov.body.total.submitted, xac_nhan: cov.body.total.confirmed });
    expect(r.body.sources).toEqual({ tong: 'must', lap: 'submitted', xac_nhan: 'confirmed' });
    const draft = await t.database.db.execute<{ status: string; narrative: Record<string, string> }>(sql`
      SELECT s.status, s.narrative FROM submission s JOIN obligation_instance oi ON oi.id = s.obligation_instance_id AND s.version = oi.current_version WHERE oi.id = ${oi!.id}`);
    expect(draft.rows[0]!.narrative.ket_qua).toMatch(/^\d+\/3 cán bộ, đảng viên đã xây dựng kế hoạch cá nhân/);
    expect((await call('sec1', 'POST', `/api/obligation-instances/${oi!.id}/round-figures`, { roundId: round })).status).toBe(404);
  });
});

describe('a pledge round', () => {
  let pledge: string;
  it('asks the categories it names to sign; signing is recorded once, late after the deadline, never in the future', async () => {
    await onDay('2026-02-10');
    const r = await call<{ id: string; asked: number }>('staff', 'POST', '/api/rounds', {
      kind: 'pledge', unitId: tree.units.bloc, planId, taskId, title: 'Ký cam kết thực hiện Kế hoạch 70-KH/TU', submitBy: '2026-02-28',
      pledgeText: 'Tôi cam kết gương mẫu thực hiện ...', categories: ['party_full'],
    });
    expect(r.body.asked).toBe(5);
    pledge = r.body.id;
    const url = (p: string) => `/api/rounds/${pledge}/pledges/${p}/sign`;
    expect((await call<{ late: boolean }>('member1', 'POST', url(tree.people.p1b), {})).body).toEqual({ signedOn: '2026-02-10', late: false });
    expect((await call<Err>('member1', 'POST', url(tree.people.p1b), {})).body.error.code).toBe('PLEDGE_SIGNED');
    expect((await call('member1', 'POST', url(tree.people.p1), {})).status).toBe(404);
    expect((await call('staff', 'POST', url(tree.people.pBloc), { signedOn: '2026-03-01' })).status).toBe(400);
    expect((await call('sec2', 'POST', url(tree.people.p2b), {})).status).toBe(404);
    const none = await call<Err>('sec1', 'POST', `/api/rounds/${pledge}/units/${tree.units.c1}/send-up`, {});
    expect([none.status, none.body.error.code]).toEqual([400, 'NOTHING_CONFIRMED']);
    await onDay('2026-03-02');
    expect((await call<{ late: boolean }>('staff', 'POST', url(tree.people.p2), { signedOn: '2026-03-01' })).body).toEqual({ signedOn: '2026-03-01', late: true });
    const cov = await call<RoundCoverage>('staff', 'GET', `/api/rounds/${pledge}`);
    expect(cov.body.total).toMatchObject({ must: 5, submitted: 2, late: 1, overdue: 3, confirmed: 0 });
    await expectCountersExact(pledge);
    expect((await call('member1', 'GET', `/api/rounds/${pledge}/plans/${tree.people.p1b}`)).status).toBe(404);
  });
});

describe('a person who belongs to no round', () => {
  it('has nothing asked of them and cannot be written for', async () => {
    const late = await buildPerson(t.database.db, tree.units.c1, { fullName: 'Vũ Thị Hạnh', validFrom: '2026-03-01' as IsoDate });
    expect((await call('sec1', 'PUT', planUrl(late), { sections: {} })).status).toBe(404);
  });
});
