/**
 * Meetings: study sessions planned against the superior's plan (advance notice with a fixed
 * clock), attendance and make-up sessions, coverage counted once per member with membership dates,
 * the task fulfilled and the report prefilled, coverage rolled up the tree, the dated quality rule
 * sets, higher levels registering to attend, and the campaign of seed 004 as data.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '#core/ids.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import type { AttendanceRoster, CampaignCoverage, CampaignView, CoverageRollup, MeetingDetail, MeetingSaved, QualityReport } from '#shared/meetings.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { CAMPAIGN_TASK, CAMPAIGN_TITLE, SEED_004_MONTHS } from '../fixtures/meetings/campaign-60-kh-duk.ts';
import { buildPerson, buildTree, PASSWORD, SYSTEM } from '../support/factories.ts';
import { STUDY_FORM } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
const cookies: Record<string, string> = {};
let planId: string;
let taskId: string;
let c1Task: string;
let c1Report: string;

const at = (day: string) => new Date(`${day}T03:00:00Z`);
const as = (who: string) => cookies[who]!;
const USERS = ['admin', 'sec1', 'sec2', 'staff', 'inspector', 'viewer'];
/** Stands on a day (10:00 in Vietnam), signed in afresh: sessions expire as the clock moves on. */
async function onDay(day: string): Promise<void> {
  t.clock.now = at(day);
  for (const u of USERS) cookies[u] = await t.login(u, PASSWORD);
}
async function call<T = unknown>(who: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const res = await t.request(who ? as(who) : null, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as T };
}

/** A person with a membership of a unit between two dates (validTo exclusive). */
async function memberBetween(unitId: string, fullName: string, validFrom: string, validTo: string | null = null): Promise<string> {
  const id = await buildPerson(t.database.db, unitId, { fullName, validFrom: validFrom as IsoDate });
  if (validTo) await t.database.db.execute(sql`UPDATE membership SET valid_to = ${validTo}, end_reason = 'left' WHERE person_id = ${id}`);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ now: at('2022-03-11') });
  tree = await buildTree(t.database.db);
  await onDay('2022-03-11');
  // Kế hoạch 48-KH/ĐUK (seed 001): every grassroots organisation and cell holds a study session in March,
  // sends its session plan to the Đảng ủy Khối 5 days ahead, and reports how many studied.
  const db = t.database.db;
  const s = { actor: SYSTEM, now: t.clock.now };
  ({ id: planId } = await db.transaction((tx) => createPlan(PlanDraftSchema.parse({
    unitId: tree.units.bloc, number: '48-KH/ĐUK', title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 (khóa XIII)',
    issuedOn: '2022-03-11', sessionNoticeDays: 5,
    tasks: [{ text: 'Tổ chức Hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định', kind: 'study', due: { type: 'month', value: '2022-03' }, audience: { scope: 'grassroots' } }],
    obligations: [{ title: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định', due: [{ type: 'date', value: '2022-03-31' }], form: STUDY_FORM, audience: { scope: 'grassroots' } }],
  }), { ...s, tx })));
  await db.transaction((tx) => publishPlan({ planId }, { ...s, tx }));
  const r = await db.execute<{ taskId: string; ti: string; oi: string }>(sql`
    SELECT ti.task_id AS "taskId", ti.id AS ti, oi.id AS oi FROM task_instance ti JOIN obligation_instance oi ON oi.unit_id = ti.unit_id AND oi.plan_id = ti.plan_id
    WHERE ti.plan_id = ${planId} AND ti.unit_id = ${tree.units.c1}`);
  ({ taskId, ti: c1Task, oi: c1Report } = r.rows[0]!);
});
afterAll(() => t.close());

describe('planning a study session against the superior plan (5-day notice)', () => {
  it('warns when fewer days remain than the plan requires, with a fixed clock', async () => {
    await onDay('2022-03-15');
    const late = await call<MeetingSaved>('sec1', 'POST', '/api/meetings', {
      unitId: tree.units.c1, title: 'Hội nghị học tập, quán triệt Kết luận số 21-KL/TW', date: '2022-03-18', sessionLength: 'half_day', taskInstanceId: c1Task,
    });
    expect(late.status).toBe(201);
    expect(late.body.notice).toMatchObject({ state: 'late', requiredDays: 5, deadline: '2022-03-13', daysLeft: 3, warning: true });
    expect(late.body.notice.message).toBe('Kế hoạch tổ chức học tập phải gửi cấp trên trước 5 ngày (chậm nhất ngày 13/03/2022); đến buổi học tập chỉ còn 3 ngày.');

    const onTime = await call<MeetingSaved>('sec2', 'POST', '/api/meetings', {
      unitId: tree.units.c2, title: 'Hội nghị học tập, quán triệt', date: '2022-03-25',
      taskInstanceId: (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM task_instance WHERE plan_id = ${planId} AND unit_id = ${tree.units.c2}`)).rows[0]!.id,
    });
    expect(onTime.body.notice).toMatchObject({ state: 'open', deadline: '2022-03-20', warning: false });

    // Sending upward: in time for c2, late for c1; the Đảng ủy Khối's staff are told either way.
    const sent = await call<MeetingSaved>('sec2', 'POST', `/api/meetings/${onTime.body.id}/send`);
    expect(sent.body.notice.state).toBe('sent');
    const sentLate = await call<MeetingSaved>('sec1', 'POST', `/api/meetings/${late.body.id}/send`);
    expect(sentLate.body.notice).toMatchObject({ state: 'sent_late', warning: true });
    const n = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE user_id = ${tree.users.staff} AND kind = 'meeting_planned'`);
    expect(n.rows[0]!.n).toBe(2);

    // A meeting without a superior plan asks no notice.
    const free = await call<MeetingSaved>('sec1', 'POST', '/api/meetings', { unitId: tree.units.c1, kind: 'regular', title: 'Sinh hoạt chi bộ tháng 3', date: '2022-03-16' });
    expect(free.body.notice.state).toBe('not_required');
  });

  it('refuses links that are not the unit’s own', async () => {
    const c2Task = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM task_instance WHERE plan_id = ${planId} AND unit_id = ${tree.units.c2}`)).rows[0]!.id;
    const wrong = await call<{ error: { code: string } }>('sec1', 'POST', '/api/meetings', { unitId: tree.units.c1, title: 'Hội nghị', date: '2022-03-20', taskInstanceId: c2Task });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'TASK_INSTANCE_MISMATCH']);
    const sibling = await call('sec1', 'POST', '/api/meetings', { unitId: tree.units.c2, title: 'Hội nghị', date: '2022-03-20' });
    expect(sibling.status).toBe(404);
  });
});

describe('attendance, make-up sessions and coverage', () => {
  let mainId: string;
  let makeupId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    // c1 already has Nguyễn Thị Hoa and Trần Văn Bình (since 2020). Around the session of 20/3 and the make-up of 27/3:
    people.left = await memberBetween(tree.units.c1, 'Vũ Thị Lan', '2020-10-01', '2022-03-18');
    people.joined = await memberBetween(tree.units.c1, 'Đặng Văn Minh', '2022-03-22');
    people.late = await memberBetween(tree.units.c1, 'Bùi Thị Ngọc', '2022-03-29');
    people.missed = await memberBetween(tree.units.c1, 'Hồ Văn Phúc', '2022-03-23');
    people.youth = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM person WHERE full_name = 'Phạm Thị Dung'`)).rows[0]!.id;
    await onDay('2022-03-15');
    const created = await call<MeetingSaved>('sec1', 'POST', '/api/meetings', {
      unitId: tree.units.c1, title: 'Hội nghị học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4', date: '2022-03-20', taskInstanceId: c1Task,
      place: 'Hội trường Sở Tài chính', sessionLength: 'half_day', chairPersonId: tree.people.p1,
    });
    mainId = created.body.id;
  });

  it('takes no attendance before the day of the session', async () => {
    const early = await call<{ error: { code: string } }>('sec1', 'PUT', `/api/meetings/${mainId}/attendance`, { entries: [{ personId: tree.people.p1, status: 'present' }] });
    expect([early.status, early.body.error.code]).toEqual([400, 'MEETING_IN_FUTURE']);
  });

  it('lists the members due on the day and checks the marks', async () => {
    await onDay('2022-03-20');
    const roster = await call<AttendanceRoster>('sec1', 'GET', `/api/meetings/${mainId}/attendance`);
    expect(roster.body.items.map((i) => i.fullName)).toEqual(['Trần Văn Bình', 'Nguyễn Thị Hoa']);
    const noReason = await call('sec1', 'PUT', `/api/meetings/${mainId}/attendance`, { entries: [{ personId: tree.people.p1b, status: 'excused' }] });
    expect(noReason.status).toBe(400);
    const notDue = await call<{ error: { code: string } }>('sec1', 'PUT', `/api/meetings/${mainId}/attendance`, { entries: [{ personId: people.joined, status: 'present' }] });
    expect(notDue.body.error.code).toBe('PERSON_NOT_DUE');
    const selfStudy = await call<{ error: { code: string } }>('sec1', 'PUT', `/api/meetings/${mainId}/attendance`, { entries: [{ personId: tree.people.p1b, status: 'self_study' }] });
    expect(selfStudy.body.error.code).toBe('SELF_STUDY_NOT_ALLOWED');
  });

  it('counts each member once over the session and its make-up, following membership dates', async () => {
    const saved = await call<AttendanceRoster>('sec1', 'PUT', `/api/meetings/${mainId}/attendance`, {
      entries: [{ personId: tree.people.p1, status: 'present' }, { personId: tree.people.p1b, status: 'excused', reason: 'Đi công tác' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.coverage).toMatchObject({ mustStudy: 2, studied: 1, percent: 50 });
    const held = await call<MeetingDetail>('sec1', 'GET', `/api/meetings/${mainId}`);
    expect(held.body.status).toBe('held');

    const makeup = await call<MeetingSaved>('sec1', 'POST', `/api/meetings/${mainId}/makeup`, { date: '2022-03-27' });
    expect(makeup.status).toBe(201);
    makeupId = makeup.body.id;
    await onDay('2022-03-27');
    const list = await call<AttendanceRoster>('sec1', 'GET', `/api/meetings/${makeupId}/attendance`);
    // The make-up list: who has not studied yet and was a member on a session day (not Vũ Thị Lan, who left on 18/3,
    // nor Bùi Thị Ngọc, who joins on 29/3).
    expect(list.body.items.map((i) => i.fullName)).toEqual(['Trần Văn Bình', 'Đặng Văn Minh', 'Hồ Văn Phúc']);
    const after = await call<AttendanceRoster>('sec1', 'PUT', `/api/meetings/${makeupId}/attendance`, {
      entries: [{ personId: tree.people.p1b, status: 'present' }, { personId: people.joined, status: 'present' }, { personId: people.missed, status: 'absent' }],
    });
    expect(after.body.coverage).toMatchObject({ mustStudy: 4, studied: 3, percent: 75 });
    // Attending the main session and the make-up counts once.
    const again = await call<AttendanceRoster>('sec1', 'PUT', `/api/meetings/${makeupId}/attendance`, { entries: [{ personId: tree.people.p1b, status: 'present' }] });
    expect(again.body.coverage.studied).toBe(3);
    const detail = await call<MeetingDetail>('sec1', 'GET', `/api/meetings/${mainId}`);
    expect(detail.body.coverage).toMatchObject({ mustStudy: 4, studied: 3 });
    expect(detail.body.makeups).toEqual([expect.objectContaining({ id: makeupId, status: 'held', present: 2 })]);
    expect(people.youth).toBeTruthy();
  });

  it('fulfils the task instance the session carries out', async () => {
    const r = await t.database.db.execute<{ status: string; doneOn: string; evidence: { title: string; note: string }[] }>(sql`
      SELECT status, done_on::text AS "doneOn", evidence FROM task_instance WHERE id = ${c1Task}`);
    expect(r.rows[0]).toMatchObject({ status: 'done', doneOn: '2022-03-20' });
    expect(r.rows[0]!.evidence).toEqual([expect.objectContaining({ note: '3/4 người được học tập (75%).' })]);
  });

  it('prefills the report’s figures as a draft the unit can still correct', async () => {
    await onDay('2022-03-28');
    const out = await call<{ figures: Record<string, number>; version: number }>('sec1', 'POST', `/api/obligation-instances/${c1Report}/meeting-figures`);
    expect(out.status).toBe(200);
    expect(out.body.figures).toEqual({ total: 4, studied: 3 });
    const detail = await call<{ versions: { status: string; figures: Record<string, number>; narrative: Record<string, string> }[] }>('sec1', 'GET', `/api/obligation-instances/${c1Report}`);
    expect(detail.body.versions).toHaveLength(1);
    expect(detail.body.versions[0]).toMatchObject({ status: 'draft', figures: { total: 4, studied: 3 } });
    expect(Object.values(detail.body.versions[0]!.narrative)[0]).toContain('3/4 đảng viên được học tập');
    const corrected = await call('sec1', 'POST', `/api/obligations/${c1Report}/submissions`, { figures: { total: 4, studied: 4 }, narrative: {}, submit: true });
    expect(corrected.status).toBe(201);
    const submitted = await call<{ versions: { status: string; figures: Record<string, number> }[] }>('sec1', 'GET', `/api/obligation-instances/${c1Report}`);
    expect(submitted.body.versions[0]).toMatchObject({ status: 'submitted', figures: { total: 4, studied: 4 } });
  });

  it('keeps a cell’s attendance from its sibling, and shows it to the levels above', async () => {
    for (const url of [`/api/meetings/${mainId}`, `/api/meetings/${mainId}/attendance`, `/api/units/${tree.units.c1}/meetings`]) {
      expect((await call('sec2', 'GET', url)).status, url).toBe(404);
      expect((await call('staff', 'GET', url)).status, url).toBe(200);
      expect((await call('inspector', 'GET', url)).status, url).toBe(200);
    }
    expect((await call('inspector', 'PUT', `/api/meetings/${mainId}/attendance`, { entries: [{ personId: tree.people.p1, status: 'absent' }] })).status).toBe(403);
  });

  it('rolls coverage up the tree, by task and by sub-unit', async () => {
    const bloc = await call<CoverageRollup>('staff', 'GET', `/api/meetings/coverage?unit=${tree.units.bloc}&taskId=${taskId}`);
    expect(bloc.status).toBe(200);
    // Every party member of the Khối must study: its own member, c1's four of the day and c2's two, who have not.
    expect(bloc.body.total).toMatchObject({ mustStudy: 7, studied: 3, sessions: 1, percent: 42, units: { addressed: 3, held: 1 } });
    expect(bloc.body.own).toMatchObject({ unitId: tree.units.bloc, mustStudy: 1, studied: 0, units: { addressed: 0, held: 0 } });
    expect(bloc.body.children).toEqual([expect.objectContaining({ unitId: tree.units.grassroots, mustStudy: 6, studied: 3, units: { addressed: 3, held: 1 } })]);
    const grassroots = await call<CoverageRollup>('staff', 'GET', `/api/meetings/coverage?unit=${tree.units.grassroots}&from=2022-01-01&to=2022-12-31`);
    expect(grassroots.body.children.map((c) => [c.name, c.studied, c.mustStudy])).toEqual([
      ['Chi bộ Thanh tra Sở', 0, 2],
      ['Chi bộ Văn phòng Sở', 3, 4],
    ]);
    expect((await call('sec1', 'GET', `/api/meetings/coverage?unit=${tree.units.grassroots}`)).status).toBe(404);
  });
});

describe('self-study where the session allows it', () => {
  it('counts a confirmed self-study as studied, once', async () => {
    const m = await call<MeetingSaved>('sec2', 'POST', '/api/meetings', { unitId: tree.units.c2, title: 'Học tập chuyên đề năm 2022', date: '2022-03-28', selfStudyAllowed: true });
    const out = await call<AttendanceRoster>('sec2', 'PUT', `/api/meetings/${m.body.id}/attendance`, {
      entries: [{ personId: tree.people.p2, status: 'present' }, { personId: tree.people.p2b, status: 'self_study', reason: 'Trực cơ quan, tự nghiên cứu tài liệu' }],
    });
    expect(out.status).toBe(200);
    expect(out.body.coverage).toEqual({ mustStudy: 2, studied: 2, percent: 100, selfStudied: 1 });
    expect(out.body.tally).toMatchObject({ present: 1, selfStudy: 1, absent: 0 });
  });
});

describe('higher levels see upcoming sessions and register to attend or supervise', () => {
  it('lists the subtree’s planned sessions and records a registration', async () => {
    await onDay('2022-03-21');
    const up = await call<{ items: { id: string; unitName: string; notice: { state: string }; myRole: string | null }[] }>('staff', 'GET', `/api/meetings/upcoming?unit=${tree.units.bloc}`);
    const c2 = up.body.items.find((i) => i.unitName === 'Chi bộ Thanh tra Sở')!;
    expect(c2).toMatchObject({ notice: { state: 'sent' }, myRole: null });
    const reg = await call<{ role: string; unitId: string }[]>('staff', 'POST', `/api/meetings/${c2.id}/observers`, { unitId: tree.units.bloc, role: 'supervise' });
    expect(reg.status).toBe(200);
    expect(reg.body).toEqual([expect.objectContaining({ unitId: tree.units.bloc, role: 'supervise' })]);
    const again = await call<{ items: { id: string; myRole: string | null }[] }>('staff', 'GET', `/api/meetings/upcoming?unit=${tree.units.bloc}`);
    expect(again.body.items.find((i) => i.id === c2.id)?.myRole).toBe('supervise');
    const own = await call<{ error: { code: string } }>('sec2', 'POST', `/api/meetings/${c2.id}/observers`, { unitId: tree.units.c2, role: 'attend' });
    expect(own.body.error.code).toBe('OBSERVER_NOT_ABOVE');
    const n = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE user_id = ${tree.users.sec2} AND kind = 'meeting_observer'`);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('lets a viewer or an inspector read a session but never register for their unit', async () => {
    await onDay('2022-03-21');
    const up = await call<{ items: { id: string; unitName: string }[] }>('staff', 'GET', `/api/meetings/upcoming?unit=${tree.units.bloc}`);
    const c2 = up.body.items.find((i) => i.unitName === 'Chi bộ Thanh tra Sở')!;
    const observers = async () => (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM meeting_observer WHERE meeting_id = ${c2.id}`)).rows[0]!.n;
    const before = await observers();
    for (const [user, unitId] of [['viewer', tree.units.province], ['inspector', tree.units.bloc]] as const) {
      const view = await call<{ permissions: { observe: boolean } }>(user, 'GET', `/api/meetings/${c2.id}`);
      expect(view.status, user).toBe(200);
      expect(view.body.permissions.observe, user).toBe(false);
      const reg = await call<{ error: { code: string; message: string } }>(user, 'POST', `/api/meetings/${c2.id}/observers`, { unitId, role: 'attend' });
      expect(reg.status, user).toBe(403);
      expect(reg.body.error.message).toMatch(/không có quyền/);
    }
    expect(await observers()).toBe(before);
  });
});

describe('meeting quality against the dated rule sets', () => {
  type RuleList = { items: { name: string; validFrom: string; validTo: string | null; appliesHere: boolean; unit: { id: string } | null; issuer: string | null; rules: { thematic: { every: string } } }[] };
  it('lists the two seeded sets; administrators add national ones, a committee its own for the units below it', async () => {
    const list = await call<RuleList>('sec1', 'GET', `/api/meeting-rules?unit=${tree.units.c1}`);
    expect(list.body.items.map((s) => [s.validFrom, s.validTo, s.rules.thematic.every, s.appliesHere])).toEqual([['2021-06-15', '2025-10-28', 'year', true], ['2025-10-28', null, 'quarter', true]]);
    // The first is a local guidance kept as the default: it names its issuer instead of passing for a national rule.
    expect(list.body.items.map((s) => s.issuer)).toEqual(['Ban Tổ chức Thị ủy Kỳ Anh', null]);
    const rules = { regularPerMonth: 1, thematic: { every: 'quarter', atLeast: 1 }, minMinutes: 90, minMinutesCombined: 120, materialsDaysBefore: 1, minAttendanceShare: 0.85, maxUnexcusedAbsences: 0, maxConsecutiveAbsences: 3 };
    const body = { name: 'Quy định mới', source: 'Hướng dẫn số 99-HD/BTCTW (giả định)', validFrom: '2027-01-01', rules };
    expect((await call('sec1', 'POST', '/api/meeting-rules', body)).status).toBe(403);
    expect((await call('admin', 'POST', '/api/meeting-rules', body)).status).toBe(201);
    expect((await call('admin', 'POST', '/api/meeting-rules', body)).status).toBe(409);

    const local = { ...body, name: 'Hướng dẫn của Đảng ủy Khối', validFrom: '2026-01-01', unitId: tree.units.bloc, rules: { ...rules, thematic: { every: 'month', atLeast: 1 } } };
    expect((await call('staff', 'POST', '/api/meeting-rules', local)).status).toBe(201);
    expect((await call('sec1', 'POST', '/api/meeting-rules', { ...local, unitId: tree.units.c2 })).status).toBe(404);
    const forCell = await call<RuleList>('sec1', 'GET', `/api/meeting-rules?unit=${tree.units.c1}`);
    expect(forCell.body.items.map((s) => [s.name, s.appliesHere])).toEqual([
      ['Sinh hoạt chi bộ giai đoạn 2021 - 2025', true], ['Đổi mới và nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới', true],
      ['Hướng dẫn của Đảng ủy Khối', true], ['Quy định mới', true],
    ]);
    // The committee's own guidance is for the units below it, not for its own meetings.
    const forBloc = await call<RuleList>('staff', 'GET', `/api/meeting-rules?unit=${tree.units.bloc}`);
    expect(forBloc.body.items.find((s) => s.name === 'Hướng dẫn của Đảng ủy Khối')).toMatchObject({ appliesHere: false, unit: { id: tree.units.bloc }, issuer: null });
    expect(forBloc.body.items.find((s) => s.name === 'Quy định mới')).toMatchObject({ unit: null, issuer: null });

    // An administrator records a local body's guidance as a default rule, named by its issuer.
    const issued = { ...body, name: 'Hướng dẫn của Ban Tổ chức tỉnh', validFrom: '2027-06-01', issuer: '  Ban Tổ chức Tỉnh ủy Tuyên Quang ' };
    expect((await call('admin', 'POST', '/api/meeting-rules', issued)).status).toBe(201);
    const withIssuer = await call<RuleList>('sec1', 'GET', `/api/meeting-rules?unit=${tree.units.c1}`);
    expect(withIssuer.body.items.find((s) => s.name === issued.name)).toMatchObject({ unit: null, issuer: 'Ban Tổ chức Tỉnh ủy Tuyên Quang' });
    expect((await call('admin', 'POST', '/api/meeting-rules', { ...issued, validFrom: '2027-07-01', issuer: 'x'.repeat(2000) })).status).toBe(400);
  });

  it('assesses a cell’s meetings and rolls the result up', async () => {
    await onDay('2022-03-15');
    const ids: string[] = [];
    for (const [date, kind, minutes] of [['2022-01-10', 'regular', 95], ['2022-02-10', 'regular_thematic', 100]] as const) {
      const m = await call<MeetingSaved>('sec2', 'POST', '/api/meetings', { unitId: tree.units.c2, kind, title: `Sinh hoạt chi bộ ${date}`, date, materialsSentOn: '2022-01-05' });
      ids.push(m.body.id);
      await call('sec2', 'PUT', `/api/meetings/${m.body.id}/attendance`, { entries: [{ personId: tree.people.p2, status: 'present' }, { personId: tree.people.p2b, status: 'present' }] });
      expect((await call('sec2', 'PATCH', `/api/meetings/${m.body.id}`, { status: 'held', durationMinutes: minutes })).status).toBe(200);
    }
    const detail = await call<MeetingDetail>('sec2', 'GET', `/api/meetings/${ids[1]}`);
    expect(detail.body.quality?.ruleSet?.name).toBe('Sinh hoạt chi bộ giai đoạn 2021 - 2025');
    expect(detail.body.quality?.checks.find((c) => c.code === 'duration')).toMatchObject({ ok: false, detail: '100 phút; yêu cầu tối thiểu 120 phút (kết hợp chuyên đề).' });

    await onDay('2022-04-02');
    const q = await call<QualityReport>('staff', 'GET', `/api/meetings/quality?unit=${tree.units.bloc}&from=2022-01-01&to=2022-12-31`);
    expect(q.status).toBe(200);
    const c2 = q.body.cells.find((c) => c.unitId === tree.units.c2)!;
    // January and February held, March not (the study session is not the regular meeting).
    expect(c2.months.map((m) => [m.key, m.held])).toEqual([['2022-01', true], ['2022-02', true], ['2022-03', false]]);
    expect(c2.summary).toMatchObject({ meetingsAssessed: 2, meetingsOk: 1, ok: false });
    expect(q.body.children).toEqual([expect.objectContaining({ unitId: tree.units.grassroots, cells: 2, monthsExpected: 6 })]);
    expect(q.body.ruleSets.map((s) => s.validFrom)).toEqual(['2021-06-15']);
    expect((await call('sec1', 'GET', `/api/meetings/quality?unit=${tree.units.c2}`)).status).toBe(404);
  });
});

describe('the campaign of seed 004 as data', () => {
  let campaignId: string;
  let campaignPlan: string;
  it('is entered month by month with its documents', async () => {
    await onDay('2022-04-18');
    const s = { actor: SYSTEM, now: t.clock.now };
    ({ id: campaignPlan } = await t.database.db.transaction((tx) => createPlan(PlanDraftSchema.parse({
      unitId: tree.units.bloc, number: '60-KH/ĐUK', title: 'Tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị', issuedOn: '2022-04-18',
      tasks: [{ text: CAMPAIGN_TASK, due: { type: 'recurring', value: { every: 'month', from: { type: 'month', value: '2022-04' } } }, audience: { scope: 'grassroots' } }],
    }), { ...s, tx })));
    await t.database.db.transaction((tx) => publishPlan({ planId: campaignPlan }, { ...s, tx }));
    const task = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${campaignPlan}`)).rows[0]!.id;
    const created = await call<{ id: string }>('staff', 'POST', '/api/campaigns', { unitId: tree.units.bloc, title: CAMPAIGN_TITLE, planId: campaignPlan, taskId: task, months: SEED_004_MONTHS });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    const view = await call<CampaignView>('staff', 'GET', `/api/campaigns/${campaignId}`);
    expect(view.body.months.map((m) => m.label)).toEqual(['Tháng 4/2022', 'Tháng 5/2022', 'Tháng 6/2022', 'Tháng 7/2022', 'Tháng 8/2022', 'Tháng 9/2022', 'Tháng 10/2022', 'Tháng 11/2022']);
    expect(view.body.months[0]!.documents.map((d) => [d.kind, d.number, d.issuedOn])).toEqual([
      ['NQ', '03-NQ/TW', '1992-06-26'], ['NQ', '10-NQ/TW', '1999-02-02'], ['CTr', '18-CTr/TU', '1999-04-06'], ['NQ', '03-NQ/TU', '2001-12-12'],
    ]);
    expect(view.body.months[7]!.documents.map((d) => d.number)).toEqual(['21-KL/TW', '49-KH/TU', '52-KH/ĐUK']);
    expect(view.body.months.reduce((n, m) => n + m.documents.length, 0)).toBe(27);
    expect(view.body.plan?.number).toBe('60-KH/ĐUK');
  });

  it('shows a cell’s monthly meetings against it, and fulfils the month’s task', async () => {
    const mine = await call<{ items: { id: string }[] }>('sec1', 'GET', `/api/campaigns?unit=${tree.units.c1}`);
    expect(mine.body.items.map((c) => c.id)).toEqual([campaignId]);
    const view = await call<CampaignView>('sec1', 'GET', `/api/campaigns/${campaignId}`);
    expect(view.body.permissions.edit).toBe(false);
    const april = view.body.months[0]!;
    const wrongMonth = await call<{ error: { code: string } }>('sec1', 'POST', '/api/meetings', { unitId: tree.units.c1, kind: 'regular', title: 'Sinh hoạt chi bộ', date: '2022-05-10', campaignMonthId: april.id });
    expect(wrongMonth.body.error.code).toBe('MONTH_MISMATCH');
    const m = await call<MeetingSaved>('sec1', 'POST', '/api/meetings', {
      unitId: tree.units.c1, kind: 'regular', title: 'Sinh hoạt chi bộ tháng 4/2022', date: '2022-04-20', campaignMonthId: april.id,
      content: 'Quán triệt Nghị quyết Trung ương 3 khóa VII, Trung ương 6 (lần 2) khóa VIII',
    });
    expect(m.status).toBe(201);
    await onDay('2022-04-20');
    expect((await call('sec1', 'PATCH', `/api/meetings/${m.body.id}`, { status: 'held', durationMinutes: 95, minutes: 'Biên bản sinh hoạt chi bộ tháng 4/2022 ...' })).status).toBe(200);

    const cov = await call<CampaignCoverage>('staff', 'GET', `/api/campaigns/${campaignId}/coverage`);
    expect(cov.body.cells.map((c) => [c.name, c.covered])).toEqual([['Chi bộ Thanh tra Sở', 0], ['Chi bộ Văn phòng Sở', 1]]);
    expect(cov.body.months[0]).toMatchObject({ month: '2022-04', covered: 1 });
    expect(cov.body.cells[1]!.months[0]).toMatchObject({ meetingId: m.body.id, date: '2022-04-20', content: 'Quán triệt Nghị quyết Trung ương 3 khóa VII, Trung ương 6 (lần 2) khóa VIII' });
    // The cell sees its own row only; without naming itself it gets nothing.
    const own = await call<CampaignCoverage>('sec1', 'GET', `/api/campaigns/${campaignId}/coverage?unit=${tree.units.c1}`);
    expect(own.body.cells.map((c) => c.unitId)).toEqual([tree.units.c1]);
    expect((await call('sec1', 'GET', `/api/campaigns/${campaignId}/coverage`)).status).toBe(404);

    const ti = await t.database.db.execute<{ status: string; periodKey: string }>(sql`
      SELECT ti.status, ti.period_key AS "periodKey" FROM meeting m JOIN task_instance ti ON ti.id = m.task_instance_id WHERE m.id = ${m.body.id}`);
    expect(ti.rows[0]).toEqual({ status: 'done', periodKey: '2022-04' });
  });

  it('keeps months a cell has covered', async () => {
    const months = SEED_004_MONTHS.slice(1);
    const put = await call<{ error: { code: string } }>('staff', 'PUT', `/api/campaigns/${campaignId}`, { title: CAMPAIGN_TITLE, planId: campaignPlan, months });
    expect([put.status, put.body.error.code]).toEqual([409, 'MONTH_IN_USE']);
    expect((await call('sec1', 'PUT', `/api/campaigns/${campaignId}`, { title: 'x', months: SEED_004_MONTHS })).status).toBe(403);
  });
});
