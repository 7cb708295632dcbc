/**
 * Reports: a cell fills and submits its report, the receiving level returns it with a comment and
 * accepts the next version, every version stays readable, figures are checked against the form,
 * a sibling cell sees nothing, the receiving level lists late and missing units and urges them,
 * and the progress counters always equal a recount.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressByRecount } from '#core/rollup/counters.ts';
import { buildPerson, buildTree, buildUser, PASSWORD } from '../support/factories.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { countedInstances, notificationsOf, pathOf, progressFromDb, publishPlanViaApi } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let plan: PlanFixture;
let twice: PlanFixture;
let secGr: string;
const cookies: Record<string, string> = {};

const as = (who: string) => cookies[who]!;
const post = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });
const USERS = ['sec1', 'sec2', 'staff', 'inspector', 'member1', 'secgr'];
/** Moves the clock and signs everyone in again (sessions last 14 days of that clock). */
async function at(iso: string) {
  t.clock.now = new Date(iso);
  for (const who of USERS) cookies[who] = await t.login(who, PASSWORD);
}
/** A user's notifications about reports (publishing's own "new plan" notices left aside). */
const reportNotes = async (userId: string) => (await notificationsOf(t.database.db, userId)).filter((n) => n.kind !== 'plan_published');
const good = { figures: { total: 25, studied: 24 }, narrative: { results: 'Chi bộ đã tổ chức học tập, quán triệt cho 24/25 đảng viên.' } };

/** The plan's progress row of a direct child of `unit`, as the dashboard reads it. */
async function progressRow(unit: string, child: string) {
  const res = await get('staff', `/api/plans/${plan.planId}/progress?unit=${unit}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { unitId: string; reports: { expected: number; submitted: number; late: number; missing: number } }[]).find((r) => r.unitId === child);
}

async function expectCountersEqualRecount(today: string) {
  const instances = await countedInstances(t.database.db, plan.planId);
  for (const unitId of [tree.units.bloc, tree.units.grassroots, tree.units.c1, tree.units.c2]) {
    const expected = progressByRecount(instances, await pathOf(t.database.db, unitId), today as never);
    expect(await progressFromDb(t.database.db, plan.planId, unitId, today), `counters of ${unitId}`).toEqual(expected);
  }
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-15T03:00:00Z') });
  tree = await buildTree(t.database.db);
  secGr = await buildUser(t.database.db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  for (const who of USERS) cookies[who] = await t.login(who, PASSWORD);
  // The bloc publishes two plans (seed 001), addressed by default to the grassroots organisation
  // and both cells: one report due 31/3/2022, one due 30/5/2022 and 30/11/2022.
  plan = await publishPlanViaApi(t, as('staff'), {
    unitId: tree.units.bloc,
    number: '48-KH/ĐUK',
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4',
    obligationTitle: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
    dues: ['2022-03-31'],
  });
  twice = await publishPlanViaApi(t, as('staff'), {
    unitId: tree.units.bloc,
    number: '49-KH/ĐUK',
    title: 'Tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng',
    obligationTitle: 'Báo cáo kết quả đợt sinh hoạt chính trị',
    dues: ['2022-05-30', '2022-11-30'],
    form: { figures: [], sections: [] },
  });
});
afterAll(() => t.close());

describe('a cell fills, submits, is returned, resubmits, is accepted', () => {
  let v1: string;

  it('lists what the cell must report, with the deadline status', async () => {
    const res = await get('sec1', `/api/units/${tree.units.c1}/obligations`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    const row = body.items.find((i: { id: string }) => i.id === plan.instance(tree.units.c1));
    expect(row).toMatchObject({
      title: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
      planNumber: '48-KH/ĐUK',
      toText: 'Ban Thường vụ Đảng ủy Khối',
      viaText: 'Ban Tuyên giáo Đảng ủy Khối',
      periodLabel: '31/03/2022',
      dueDate: '2022-03-31',
      status: 'pending',
      deadlineStatus: 'not_due',
      deadlineLabel: 'Chưa đến hạn',
      currentVersion: 0,
    });
    // The open ones come first, by due date: the March report before May and November.
    expect(body.items.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2022-03-31', '2022-05-30', '2022-11-30']);
  });

  it('saves a draft, then updates the same draft in place', async () => {
    const id = plan.instance(tree.units.c1);
    const first = await post('sec1', `/api/obligations/${id}/submissions`, { figures: { total: 25, studied: null }, narrative: {}, submit: false });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, status: 'draft' });
    const second = await post('sec1', `/api/obligations/${id}/submissions`, { figures: { total: 25, studied: 20 }, narrative: { results: 'Đang tổng hợp' }, submit: false });
    expect(second.json()).toMatchObject({ version: 1, status: 'draft', submissionId: first.json().submissionId });
    const detail = (await get('sec1', `/api/obligation-instances/${id}`)).json();
    expect(detail.status).toBe('draft');
    expect(detail.versions).toHaveLength(1);
    expect(detail.versions[0]).toMatchObject({ version: 1, status: 'draft', figures: { total: 25, studied: 20 }, submittedAt: null });
    expect(detail.can).toEqual({ submit: true, enterOnBehalf: false, review: false });
    // The cell reports to its đảng bộ cơ sở, which receives it (docs/decisions/014).
    expect(detail.receiver).toEqual({ id: tree.units.grassroots, name: 'Đảng bộ Sở Tài chính' });
    // A draft is not a submitted report.
    expect((await progressFromDb(t.database.db, plan.planId, tree.units.bloc, '2022-03-15')).reports.submitted).toBe(0);
  });

  it('submits version 1: recorded with the day, counted, and no longer editable', async () => {
    const id = plan.instance(tree.units.c1);
    const res = await post('sec1', `/api/obligations/${id}/submissions`, { ...good, submit: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, status: 'submitted' });
    v1 = res.json().submissionId;
    const detail = (await get('sec1', `/api/obligation-instances/${id}`)).json();
    expect(detail).toMatchObject({ status: 'submitted', firstSubmittedOn: '2022-03-15', deadlineStatus: 'done_on_time', currentVersion: 1 });
    expect(detail.versions[0].submittedBy.id).toBe(tree.users.sec1);
    expect(detail.versions[0].submittedBy.name).toBe('Nguyễn Thị Hoa');
    const progress = await progressFromDb(t.database.db, plan.planId, tree.units.bloc, '2022-03-15');
    expect(progress.reports).toMatchObject({ submitted: 1, late: 0 });
    expect((await progressRow(tree.units.grassroots, tree.units.c1))?.reports).toEqual({ expected: 1, dueSoFar: 1, submitted: 1, late: 0, missing: 0 });
    const again = await post('sec1', `/api/obligations/${id}/submissions`, { ...good, submit: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SUBMISSION_LOCKED');
    await expectCountersEqualRecount('2022-03-15');
    // The receiving đảng bộ's secretary is told it awaits acceptance; the Khối is not.
    const received = (await reportNotes(secGr)).filter((n) => n.kind === 'submission_received');
    expect(received.map((n) => n.title)).toEqual(['Chi bộ Văn phòng Sở đã gửi báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định" (31/03/2022): chờ tiếp nhận']);
    expect((await reportNotes(tree.users.staff)).filter((n) => n.kind === 'submission_received')).toEqual([]);
  });

  it('does not let the cell review its own report, nor the inspection commission, nor the Khối above the receiving đảng bộ', async () => {
    const own = await post('sec1', `/api/submissions/${v1}/accept`, {});
    expect(own.statusCode).toBe(403);
    const inspector = await post('inspector', `/api/submissions/${v1}/accept`, {});
    expect(inspector.statusCode).toBe(403);
    const above = await post('staff', `/api/submissions/${v1}/accept`, {});
    expect(above.statusCode, above.body).toBe(403);
    expect((await get('inspector', `/api/obligation-instances/${plan.instance(tree.units.c1)}`)).statusCode).toBe(200);
  });

  it('lets the receiving level return it with a comment, and tells the cell', async () => {
    const noComment = await post('secgr', `/api/submissions/${v1}/return`, { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    const res = await post('secgr', `/api/submissions/${v1}/return`, { comment: 'Đề nghị bổ sung số đảng viên vắng mặt và lý do.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ submissionId: v1, version: 1, status: 'returned' });
    const detail = (await get('sec1', `/api/obligation-instances/${plan.instance(tree.units.c1)}`)).json();
    expect(detail.status).toBe('returned');
    expect(detail.versions[0]).toMatchObject({ status: 'returned', reviewComment: 'Đề nghị bổ sung số đảng viên vắng mặt và lý do.' });
    expect(detail.versions[0].reviewedBy.id).toBe(secGr);
    const notes = await reportNotes(tree.users.sec1);
    expect(notes.map((n) => n.kind)).toEqual(['submission_returned']);
    expect(notes[0]!.title).toBe('Cấp trên trả lại báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định" (31/03/2022, lần 1): cần bổ sung và gửi lại');
    expect(notes[0]!.body).toBe('Đề nghị bổ sung số đảng viên vắng mặt và lý do.');
    expect(await reportNotes(tree.users.sec2)).toEqual([]);
    // A returned report counts as not submitted until the next version; its first day is kept.
    expect((await progressFromDb(t.database.db, plan.planId, tree.units.bloc, '2022-03-15')).reports.submitted).toBe(0);
    expect((await progressRow(tree.units.grassroots, tree.units.c1))?.reports.submitted).toBe(0);
    expect(detail.firstSubmittedOn).toBe('2022-03-15');
    await expectCountersEqualRecount('2022-03-15');
    const twiceReturned = await post('secgr', `/api/submissions/${v1}/return`, { comment: 'Lần nữa' });
    expect(twiceReturned.statusCode).toBe(409);
  });

  it('makes the resubmission version 2, keeping version 1 readable', async () => {
    await at('2022-04-02T03:00:00Z');
    const id = plan.instance(tree.units.c1);
    const draft = await post('sec1', `/api/obligations/${id}/submissions`, { figures: { total: 25, studied: 24 }, narrative: { results: 'Bổ sung' }, submit: false });
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft' });
    // While version 2 is drafted, the report stays returned (not counted).
    expect((await get('sec1', `/api/obligation-instances/${id}`)).json().status).toBe('returned');
    const res = await post('sec1', `/api/obligations/${id}/submissions`, {
      figures: { total: 25, studied: 25 },
      narrative: { results: 'Đã tổ chức học bù cho 01 đảng viên vắng mặt.', proposals: 'Không' },
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, status: 'submitted', submissionId: draft.json().submissionId });
    const detail = (await get('secgr', `/api/obligation-instances/${id}`)).json();
    expect(detail.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'returned'], [2, 'submitted']]);
    expect(detail.versions[0].figures).toEqual({ total: 25, studied: 24 });
    expect(detail.versions[1].figures).toEqual({ total: 25, studied: 25 });
    expect(detail.versions[1].narrative.proposals).toBe('Không');
    // Lateness is judged on the first submission (15/3), before the due date.
    expect(detail).toMatchObject({ firstSubmittedOn: '2022-03-15', deadlineStatus: 'done_on_time', daysLate: null });
    expect(detail.can).toEqual({ submit: false, enterOnBehalf: false, review: true });
    await expectCountersEqualRecount('2022-04-02');
  });

  it('accepts version 2 once, and tells the cell', async () => {
    const v2 = (await get('staff', `/api/obligation-instances/${plan.instance(tree.units.c1)}`)).json().versions[1].id;
    // No body at all is fine: the comment of an acceptance is optional.
    const res = await post('secgr', `/api/submissions/${v2}/accept`, undefined);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('accepted');
    expect((await post('secgr', `/api/submissions/${v2}/accept`, {})).statusCode).toBe(409);
    expect((await reportNotes(tree.users.sec1)).map((n) => n.kind)).toEqual(['submission_returned', 'submission_accepted']);
    const locked = await post('sec1', `/api/obligations/${plan.instance(tree.units.c1)}/submissions`, { ...good, submit: true });
    expect(locked.json().error.code).toBe('SUBMISSION_LOCKED');
    await expectCountersEqualRecount('2022-04-02');
  });
});

describe('figures are checked against the form', () => {
  const url = () => `/api/obligations/${plan.instance(tree.units.c2)}/submissions`;

  it('names an unknown figure', async () => {
    const res = await post('sec2', url(), { figures: { total: 10, members: 3 }, narrative: {}, submit: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FIGURE_UNKNOWN');
    expect(res.json().error.message).toContain('"members"');
  });

  it('refuses negative and fractional figures, naming the field', async () => {
    const res = await post('sec2', url(), { figures: { total: -1 }, narrative: {}, submit: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.fields[0].path).toContain('figures');
    expect((await post('sec2', url(), { figures: { total: 2.5 }, narrative: {}, submit: false })).statusCode).toBe(400);
  });

  it('refuses a part larger than its whole', async () => {
    const res = await post('sec2', url(), { figures: { total: 10, studied: 11 }, narrative: {}, submit: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'FIGURE_EXCEEDS_WHOLE', message: 'Chỉ tiêu "Số đảng viên được học tập" không được lớn hơn "Tổng số đảng viên".' });
  });

  it('requires every figure to submit, not to save a draft', async () => {
    const res = await post('sec2', url(), { figures: { total: 10 }, narrative: {}, submit: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FIGURES_MISSING');
    expect(res.json().error.message).toContain('Số đảng viên được học tập');
  });

  it('refuses an unknown section and a narrative over 20,000 characters', async () => {
    expect((await post('sec2', url(), { figures: {}, narrative: { other: 'x' }, submit: false })).json().error.code).toBe('SECTION_UNKNOWN');
    expect((await post('sec2', url(), { figures: {}, narrative: { results: 'x'.repeat(20_001) }, submit: false })).statusCode).toBe(400);
  });

  it('changed nothing by refusing', async () => {
    const r = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM submission WHERE obligation_instance_id = ${plan.instance(tree.units.c2)}`);
    expect(r.rows[0]!.n).toBe(0);
  });
});

describe('a sibling cell', () => {
  it('can neither read nor submit the other cell\'s report', async () => {
    const id = plan.instance(tree.units.c1);
    expect((await get('sec2', `/api/obligation-instances/${id}`)).statusCode).toBe(404);
    expect((await get('sec2', `/api/units/${tree.units.c1}/obligations`)).statusCode).toBe(404);
    const own = plan.instance(tree.units.c2);
    const viaInstance = await post('sec2', `/api/obligations/${id}/submissions`, { ...good, submit: false });
    expect(viaInstance.statusCode).toBe(404);
    expect(viaInstance.body).not.toContain(tree.units.c1);
    const viaObligation = await post('sec2', `/api/obligations/${plan.obligationId}/submissions`, { ...good, submit: false, unitId: tree.units.c1 });
    expect(viaObligation.statusCode).toBe(404);
    const r = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM submission s JOIN obligation_instance oi ON oi.id = s.obligation_instance_id WHERE oi.unit_id = ${tree.units.c1}`);
    expect(r.rows[0]!.n).toBe(2);
    expect(own).not.toBe(id);
  });

  it('cannot review the other cell\'s report, and a member cannot submit', async () => {
    const v2 = (await get('staff', `/api/obligation-instances/${plan.instance(tree.units.c1)}`)).json().versions[1].id;
    expect((await post('sec2', `/api/submissions/${v2}/return`, { comment: 'x' })).statusCode).toBe(404);
    const member = await post('member1', `/api/obligations/${plan.instance(tree.units.c1)}/submissions`, { ...good, submit: false });
    expect(member.statusCode).toBe(403);
  });
});

describe('submitting by obligation, unit and period', () => {
  it('resolves the unit\'s only instance, and asks for the period when there are several', async () => {
    await at('2022-04-02T03:00:00Z');
    const res = await post('sec2', `/api/obligations/${plan.obligationId}/submissions`, { ...good, submit: true, unitId: tree.units.c2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, status: 'submitted' });
    const many = await post('sec2', `/api/obligations/${twice.obligationId}/submissions`, { figures: {}, narrative: { content: 'Báo cáo' }, submit: false, unitId: tree.units.c2 });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.code).toBe('PERIOD_REQUIRED');
    const chosen = await post('sec2', `/api/obligations/${twice.obligationId}/submissions`, { figures: {}, narrative: { content: 'Báo cáo' }, submit: false, unitId: tree.units.c2, period: '2022-11-30' });
    expect(chosen.statusCode, chosen.body).toBe(201);
    const detail = (await get('sec2', `/api/obligation-instances/${twice.instance(tree.units.c2, '2022-11-30')}`)).json();
    expect(detail.versions[0].narrative).toEqual({ content: 'Báo cáo' });
    expect(detail.obligation.form.sections).toEqual([{ key: 'content', title: 'Nội dung báo cáo' }]);
    const unknown = await post('sec2', `/api/obligations/${twice.obligationId}/submissions`, { figures: {}, narrative: {}, submit: false, unitId: tree.units.c2, period: '2023-01-01' });
    expect(unknown.statusCode).toBe(404);
  });

  it('counts a report first submitted after its due date as late', async () => {
    const detail = (await get('sec2', `/api/obligation-instances/${plan.instance(tree.units.c2)}`)).json();
    expect(detail).toMatchObject({ firstSubmittedOn: '2022-04-02', deadlineStatus: 'done_late', deadlineLabel: 'Hoàn thành trễ hạn', daysLate: 2 });
    await expectCountersEqualRecount('2022-04-02');
  });
});

describe('the receiving level sees who is late and missing, and urges them', () => {
  it('lists the reports the unit receives, each receiving unit with how far its own units are', async () => {
    await at('2022-04-05T03:00:00Z');
    const res = await get('staff', `/api/obligations/${plan.obligationId}/status`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // The Khối receives the đảng bộ's report; the đảng bộ receives its cells' (docs/decisions/014).
    expect(body.summary).toEqual({ expected: 1, submitted: 0, late: 0, missing: 1, returned: 0, awaiting: 0 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ unitId: tree.units.grassroots, state: 'missing', receives: { expected: 2, submitted: 2, awaiting: 1 } });
    const gr = (await get('secgr', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.grassroots}`)).json();
    expect(gr.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual([tree.units.c1, tree.units.c2].sort());
    expect(gr.summary).toMatchObject({ expected: 2, submitted: 2, awaiting: 1 });
    const awaiting = (await get('secgr', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.grassroots}&state=awaiting`)).json();
    expect(awaiting.items.map((i: { unitId: string }) => i.unitId)).toEqual([tree.units.c2]);
  });

  it('lists every unit of the subtree with its state, missing first, when asked', async () => {
    const res = await get('staff', `/api/obligations/${plan.obligationId}/status?reach=subtree`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unit.id).toBe(tree.units.bloc);
    expect(body.summary).toEqual({ expected: 3, submitted: 2, late: 1, missing: 1, returned: 0, awaiting: 1 });
    expect(body.items.map((i: { unitId: string; state: string; daysLate: number | null }) => [i.unitId, i.state, i.daysLate])).toEqual([
      [tree.units.grassroots, 'missing', 5],
      [tree.units.c2, 'late', 2],
      [tree.units.c1, 'submitted', null],
    ]);
    expect(body.items[2]).toMatchObject({ version: 2, status: 'accepted', submittedOn: '2022-03-15' });
    const late = (await get('staff', `/api/obligations/${plan.obligationId}/status?state=late&reach=subtree`)).json();
    expect(late.items.map((i: { unitId: string }) => i.unitId)).toEqual([tree.units.c2]);
    expect(late.total).toBe(1);
    const missing = (await get('staff', `/api/obligations/${plan.obligationId}/status?state=missing&reach=subtree`)).json();
    expect(missing.items.map((i: { unitId: string }) => i.unitId)).toEqual([tree.units.grassroots]);
    const page = (await get('staff', `/api/obligations/${plan.obligationId}/status?state=submitted&limit=1&offset=1&reach=subtree`)).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
  });

  it('lets a lower level follow its own subtree, and nothing outside it', async () => {
    const own = await get('sec1', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.c1}&reach=subtree`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((i: { unitId: string }) => i.unitId)).toEqual([tree.units.c1]);
    // A cell receives no one's report.
    expect((await get('sec1', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.c1}`)).json().items).toEqual([]);
    expect((await get('sec1', `/api/obligations/${plan.obligationId}/status`)).statusCode).toBe(404);
    expect((await get('sec1', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.c2}`)).statusCode).toBe(404);
    const gr = (await get('secgr', `/api/obligations/${plan.obligationId}/status?unit=${tree.units.grassroots}&period=2022-03-31&reach=subtree`)).json();
    expect(gr.items).toHaveLength(3);
  });

  it('urges the leaders of the units that are late, only them, once per message and day', async () => {
    const before = await reportNotes(tree.users.sec1);
    const res = await post('staff', `/api/obligations/${plan.obligationId}/urge`, { period: '2022-03-31', message: 'Đề nghị các đồng chí khẩn trương gửi báo cáo.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 1, notifications: 1, unreached: [] });
    const urged = (await reportNotes(secGr)).filter((n) => n.kind === 'urge');
    expect(urged).toHaveLength(1);
    expect(urged[0]).toMatchObject({ kind: 'urge', unit_id: tree.units.grassroots, link: `/obligation-instances/${plan.instance(tree.units.grassroots)}` });
    expect(urged[0]!.title).toBe('Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh đôn đốc gửi báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định" (31/03/2022)');
    expect(urged[0]!.body).toBe('Đề nghị các đồng chí khẩn trương gửi báo cáo.\nHạn báo cáo: 31/03/2022.');
    expect(await reportNotes(tree.users.sec1)).toEqual(before);
    expect(await reportNotes(tree.users.sec2)).toHaveLength(0);
    const again = await post('staff', `/api/obligations/${plan.obligationId}/urge`, { period: '2022-03-31', message: 'Đề nghị các đồng chí khẩn trương gửi báo cáo.' });
    expect(again.json()).toEqual({ units: 1, notifications: 0, unreached: [] });
    const audit = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.urge' AND entity_id = ${plan.obligationId}`);
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('urges every unit not yet submitted before the due date when asked, the whole subtree when asked', async () => {
    const received = await post('staff', `/api/obligations/${twice.obligationId}/urge`, { period: '2022-05-30', message: 'Chỉ đảng bộ', scope: 'not_submitted' });
    expect(received.json()).toEqual({ units: 1, notifications: 1, unreached: [] });
    const res = await post('staff', `/api/obligations/${twice.obligationId}/urge`, { period: '2022-05-30', message: 'Nhắc gửi báo cáo đúng hạn.', scope: 'not_submitted', reach: 'subtree' });
    expect(res.json()).toEqual({ units: 3, notifications: 3, unreached: [] });
    const overdueOnly = await post('staff', `/api/obligations/${twice.obligationId}/urge`, { period: '2022-05-30', message: 'Khác', reach: 'subtree' });
    expect(overdueOnly.json()).toMatchObject({ units: 0, notifications: 0 });
    expect((await post('staff', `/api/obligations/${twice.obligationId}/urge`, { period: '2030-01-01', message: 'x' })).statusCode).toBe(400);
  });

  it('refuses urging outside one\'s subtree', async () => {
    const res = await post('sec1', `/api/obligations/${plan.obligationId}/urge`, { period: '2022-03-31', unit: tree.units.grassroots, message: 'x' });
    expect(res.statusCode).toBe(404);
    expect((await post('sec1', `/api/obligations/${plan.obligationId}/urge`, { period: '2022-03-31', message: 'x' })).statusCode).toBe(404);
    expect((await post('inspector', `/api/obligations/${plan.obligationId}/urge`, { period: '2022-03-31', message: 'x' })).statusCode).toBe(403);
  });

  it('keeps the counters equal to a recount', async () => {
    await expectCountersEqualRecount('2022-04-05');
  });

  it('reads a counter split over slots (as concurrent writers leave the upper levels) as one', async () => {
    const views = [`/api/plans/${plan.planId}/progress?unit=${tree.units.bloc}`, `/api/plans/${plan.planId}/summary?unit=${tree.units.bloc}`];
    const before = await Promise.all(views.map(async (v) => (await get('staff', v)).json()));
    // One expected report and its submission move to slot 7 of the bloc and of the grassroots organisation.
    await t.database.db.execute(sql`
      WITH moved AS (
        UPDATE progress_counter SET total = total - 1, done = done - 1
        WHERE plan_id = ${plan.planId} AND unit_id IN (${tree.units.bloc}, ${tree.units.grassroots}) AND item = 'report' AND slot <> 7 AND done > 0
        RETURNING plan_id, unit_id, item, due_date)
      INSERT INTO progress_counter (plan_id, unit_id, item, due_date, slot, total, done, done_late)
      SELECT plan_id, unit_id, item, due_date, 7, 1, 1, 0 FROM moved`);
    const slots = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM progress_counter WHERE plan_id = ${plan.planId} AND slot = 7`);
    expect(slots.rows[0]!.n).toBeGreaterThanOrEqual(2);
    expect(await Promise.all(views.map(async (v) => (await get('staff', v)).json()))).toEqual(before);
    await expectCountersEqualRecount('2022-04-05');
  });
});

describe('notifications', () => {
  it('lists my own, counts the unread, marks read', async () => {
    const list = (await get('sec1', '/api/notifications')).json();
    const kinds = (l: { items: { kind: string }[] }) => l.items.map((n) => n.kind).filter((k) => k !== 'plan_published');
    // Newest first: the urging of the May report, the acceptance, the return (and the two new plans).
    expect(kinds(list)).toEqual(['urge', 'submission_accepted', 'submission_returned']);
    expect(list).toMatchObject({ total: 5, unread: 5 });
    expect(list.items[0].unitName).toBe('Chi bộ Văn phòng Sở');
    expect((await get('sec1', '/api/notifications/count')).json()).toEqual({ unread: 5 });
    const read = await post('sec1', `/api/notifications/${list.items[0].id}/read`, undefined);
    expect(read.statusCode, read.body).toBe(204);
    expect((await get('sec1', '/api/notifications/count')).json()).toEqual({ unread: 4 });
    const unread = (await get('sec1', '/api/notifications?unread=true')).json();
    expect(unread.total).toBe(4);
    expect(kinds(unread)).toEqual(['submission_accepted', 'submission_returned']);
    expect((await post('sec1', '/api/notifications/read-all', undefined)).json()).toEqual({ updated: 4 });
    expect((await get('sec1', '/api/notifications/count')).json()).toEqual({ unread: 0 });
  });

  it('never shows or marks someone else\'s', async () => {
    const theirs = (await get('secgr', '/api/notifications')).json().items[0].id;
    expect((await post('sec1', `/api/notifications/${theirs}/read`, undefined)).statusCode).toBe(404);
    expect((await get('secgr', '/api/notifications/count')).json().unread).toBeGreaterThan(0);
    const mine = (await get('sec1', '/api/notifications')).json();
    expect(mine.items.some((n: { id: string }) => n.id === theirs)).toBe(false);
  });
});

describe('a report entered on a unit’s behalf ("nhập thay")', () => {
  it('is refused to the level above unless asked for, then kept marked with who entered it', async () => {
    const id = twice.instance(tree.units.c2, '2022-11-30');
    const plain = await post('secgr', `/api/obligations/${id}/submissions`, { figures: {}, narrative: { content: 'Từ báo cáo giấy' }, submit: true });
    expect(plain.statusCode).toBe(403);
    expect(plain.json().error.message).toContain('Nhập thay');
    const before = (await get('secgr', `/api/obligation-instances/${id}`)).json();
    expect(before.can).toMatchObject({ submit: false, enterOnBehalf: true });
    const entered = await post('secgr', `/api/obligations/${id}/submissions`, { figures: {}, narrative: { content: 'Từ báo cáo giấy' }, submit: true, onBehalf: true });
    expect(entered.statusCode, entered.body).toBe(201);
    const detail = (await get('sec2', `/api/obligation-instances/${id}`)).json();
    const last = detail.versions.at(-1);
    expect(last).toMatchObject({ status: 'submitted', enteredOnBehalf: true });
    expect(last.submittedBy.id).toBe(secGr);
    const row = (await get('secgr', `/api/obligations/${twice.obligationId}/status?unit=${tree.units.grassroots}&period=2022-11-30`)).json().items
      .find((i: { unitId: string }) => i.unitId === tree.units.c2);
    expect(row.enteredOnBehalf).toBe(true);
    // A cell may not enter its sibling's or its superior's report on their behalf.
    const sibling = await post('sec1', `/api/obligations/${twice.instance(tree.units.grassroots, '2022-11-30')}/submissions`, { figures: {}, narrative: {}, submit: false, onBehalf: true });
    expect([403, 404]).toContain(sibling.statusCode);
  });
});

describe('figures the system knows', () => {
  it('gives the unit’s party members on the report’s date for the form to fill, its subtree’s for a đảng bộ', async () => {
    // Not counted: a youth member, and a party member who joins after the report's date.
    await buildPerson(t.database.db, tree.units.c1, { fullName: 'Đỗ Văn Giang', category: 'youth' });
    await buildPerson(t.database.db, tree.units.c1, { fullName: 'Vũ Thị Hạnh', validFrom: '2099-01-01' as never });
    const cell = (await get('sec1', `/api/obligation-instances/${plan.instance(tree.units.c1)}`)).json();
    // The report is due 31/3/2022: its members are counted on that day (the clock is later by now).
    expect(cell.known).toEqual({ total: { value: 2, source: 'party_members', asOf: '2022-03-31' } });
    const grassroots = (await get('secgr', `/api/obligation-instances/${plan.instance(tree.units.grassroots)}`)).json();
    expect(grassroots.known).toEqual({ total: { value: 4, source: 'party_members', asOf: '2022-03-31' } });
    // A form without a member figure knows nothing.
    expect((await get('sec1', `/api/obligation-instances/${twice.instance(tree.units.c1, '2022-11-30')}`)).json().known).toEqual({});
  });
});
