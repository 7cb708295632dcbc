/**
 * The study coverage headline says what it counts: every party member of the subtree must study,
 * so a Khối where one cell has studied reads low, not 85%; units with party members that have held
 * a session are counted; departments and mass organisations without party members are not listed;
 * the report prefilled from the sessions gives the same figures.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '#core/ids.ts';
import type { CoverageRollup, MeetingSaved } from '#shared/meetings.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { buildPerson, buildUnit, buildUser, PASSWORD, SYSTEM } from '../support/factories.ts';
import { STUDY_FORM } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
const u = {} as Record<'province' | 'bloc' | 'dept' | 'union' | 'grassroots' | 'a' | 'b' | 'c' | 'grassrootsReport', string>;
const p = {} as Record<'k' | 'a1' | 'a2' | 'a3' | 'b1', string>;
const cookies: Record<string, string> = {};
const USERS = ['admin', 'staff', 'secA', 'secB'];
const at = (day: string) => new Date(`${day}T03:00:00Z`);

async function onDay(day: string): Promise<void> {
  t.clock.now = at(day);
  for (const x of USERS) cookies[x] = await t.login(x, PASSWORD);
}
async function call<T = unknown>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const res = await t.request(cookies[who]!, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as T };
}
const coverage = (who: string, unit: string) => call<CoverageRollup>(who, 'GET', `/api/meetings/coverage?unit=${unit}&from=2026-01-01&to=2026-12-31`);

/** The recount: party memberships in force on the day under a unit, and those of them marked as having studied. */
async function recount(unitId: string, day: string): Promise<{ members: number; studied: number }> {
  const r = await t.database.db.execute<{ members: number; studied: number }>(sql`
    SELECT count(*)::int AS members,
           (count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM meeting_attendance a JOIN meeting s ON s.id = a.meeting_id LEFT JOIN meeting main ON main.id = s.makeup_of
              JOIN unit su ON su.id = s.unit_id
              WHERE a.person_id = ms.person_id AND a.status IN ('present', 'self_study') AND s.kind = 'study' AND s.status <> 'cancelled'
                AND coalesce(main.status, s.status) = 'held' AND coalesce(main.held_on, s.held_on) BETWEEN '2026-01-01' AND '2026-12-31'
                AND su.path <@ (SELECT path FROM unit WHERE id = ${unitId}))))::int AS studied
    FROM membership ms JOIN unit mu ON mu.id = ms.unit_id
    WHERE mu.path <@ (SELECT path FROM unit WHERE id = ${unitId}) AND ms.category IN ('party_full', 'party_probationary')
      AND ms.valid_from <= ${day} AND (ms.valid_to IS NULL OR ms.valid_to > ${day})`);
  return r.rows[0]!;
}

beforeAll(async () => {
  t = await createTestApp({ now: at('2026-05-04') });
  const db = t.database.db;
  const from = '2024-01-01' as IsoDate;
  u.province = await buildUnit(db, { kind: 'province_committee', name: 'Tỉnh ủy Hà Tĩnh', validFrom: from });
  u.bloc = await buildUnit(db, { parentId: u.province, kind: 'bloc_committee', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', validFrom: from });
  u.dept = await buildUnit(db, { parentId: u.bloc, kind: 'department', name: 'Ban Tuyên giáo Đảng ủy Khối', validFrom: from });
  u.union = await buildUnit(db, { parentId: u.bloc, kind: 'mass_org', name: 'Công đoàn Khối', validFrom: from });
  u.grassroots = await buildUnit(db, { parentId: u.bloc, kind: 'grassroots', name: 'Đảng bộ Công ty Điện lực', validFrom: from });
  u.a = await buildUnit(db, { parentId: u.grassroots, kind: 'cell', name: 'Chi bộ Kỹ thuật', validFrom: from });
  u.b = await buildUnit(db, { parentId: u.grassroots, kind: 'cell', name: 'Chi bộ Kinh doanh', validFrom: from });
  u.c = await buildUnit(db, { parentId: u.bloc, kind: 'grassroots_cell', name: 'Chi bộ Trường Chính trị', validFrom: from });
  // The Khối's own committee member, the department's staff (cadres, not counted), three members in A (and a
  // non-member who is not), two in B (and one who left last year), four in C.
  p.k = await buildPerson(db, u.bloc, { fullName: 'Hoàng Văn Khánh', validFrom: from });
  await buildPerson(db, u.dept, { fullName: 'Lê Thị Tuyên', category: 'cadre', validFrom: from });
  p.a1 = await buildPerson(db, u.a, { fullName: 'Nguyễn Văn An', positions: ['secretary'], validFrom: from });
  p.a2 = await buildPerson(db, u.a, { fullName: 'Trần Thị Ánh', validFrom: from });
  p.a3 = await buildPerson(db, u.a, { fullName: 'Phạm Văn Ba', category: 'party_probationary', validFrom: from });
  await buildPerson(db, u.a, { fullName: 'Đỗ Văn Quần', category: 'masses', validFrom: from });
  p.b1 = await buildPerson(db, u.b, { fullName: 'Võ Thị Bích', positions: ['secretary'], validFrom: from });
  await buildPerson(db, u.b, { fullName: 'Lý Văn Bảo', validFrom: from });
  const left = await buildPerson(db, u.b, { fullName: 'Hồ Văn Rời', validFrom: from });
  await db.execute(sql`UPDATE membership SET valid_to = '2025-09-01', end_reason = 'left' WHERE person_id = ${left}`);
  for (const name of ['Bùi Văn Cảnh', 'Đặng Thị Chi', 'Mai Văn Công', 'Lưu Thị Cúc']) await buildPerson(db, u.c, { fullName: name, validFrom: from });
  await buildUser(db, 'admin', [], { superuser: true });
  await buildUser(db, 'staff', [{ unitId: u.bloc, role: 'staff' }]);
  await buildUser(db, 'secA', [{ unitId: u.a, role: 'secretary' }], { personId: p.a1 });
  await buildUser(db, 'secB', [{ unitId: u.b, role: 'secretary' }], { personId: p.b1 });

  // The Khối's plan asks every grassroots organisation and cell for a study report for May.
  const s = { actor: SYSTEM, now: t.clock.now };
  const { id: planId } = await db.transaction((tx) => createPlan(PlanDraftSchema.parse({
    unitId: u.bloc, number: '12-KH/ĐUK', title: 'Học tập, quán triệt Nghị quyết', issuedOn: '2026-04-20',
    tasks: [], obligations: [{ title: 'Báo cáo kết quả học tập', due: [{ type: 'month', value: '2026-05' }], form: STUDY_FORM, audience: { scope: 'grassroots' } }],
  }), { ...s, tx }));
  await db.transaction((tx) => publishPlan({ planId }, { ...s, tx }));
  u.grassrootsReport = (await db.execute<{ id: string }>(sql`SELECT id FROM obligation_instance WHERE plan_id = ${planId} AND unit_id = ${u.grassroots}`)).rows[0]!.id;

  // Only cell A studies: a session on 4/5 (An present, Ánh absent, Ba excused) and a make-up on 6/5 where Ánh comes.
  await onDay('2026-05-04');
  const main = await call<MeetingSaved>('secA', 'POST', '/api/meetings', { unitId: u.a, title: 'Học tập, quán triệt Nghị quyết', date: '2026-05-04' });
  expect(main.status).toBe(201);
  expect((await call('secA', 'PUT', `/api/meetings/${main.body.id}/attendance`, {
    entries: [{ personId: p.a1, status: 'present' }, { personId: p.a2, status: 'absent' }, { personId: p.a3, status: 'excused', reason: 'Ốm' }],
  })).status).toBe(200);
  const makeup = await call<MeetingSaved>('secA', 'POST', `/api/meetings/${main.body.id}/makeup`, { date: '2026-05-06' });
  expect(makeup.status).toBe(201);
  // Cell B plans one for later: planned, not held, it counts for nothing yet.
  expect((await call('secB', 'POST', '/api/meetings', { unitId: u.b, title: 'Học tập, quán triệt Nghị quyết', date: '2026-05-20' })).status).toBe(201);
  await onDay('2026-05-06');
  expect((await call('secA', 'PUT', `/api/meetings/${makeup.body.id}/attendance`, { entries: [{ personId: p.a2, status: 'present' }] })).status).toBe(200);
  await onDay('2026-05-07');
});
afterAll(() => t.close());

describe('the study coverage of a Khối', () => {
  it('counts every party member of the subtree, the cells that held nothing included', async () => {
    const r = await coverage('staff', u.bloc);
    expect(r.status).toBe(200);
    // 1 in the Khối, 3 in A, 2 in B, 4 in C; An and Ánh studied.
    expect(r.body.total).toMatchObject({ mustStudy: 10, studied: 2, percent: 20, sessions: 1, units: { addressed: 4, held: 1 } });
    const again = await recount(u.bloc, '2026-05-07');
    expect([r.body.total.mustStudy, r.body.total.studied]).toEqual([again.members, again.studied]);
    expect(r.body.explanation.join(' ')).toContain('đơn vị có đảng viên');
  });

  it('lists the units with party members or sessions, not the departments and mass organisations without them', async () => {
    const r = await coverage('staff', u.bloc);
    expect(r.body.own).toMatchObject({ unitId: u.bloc, mustStudy: 1, studied: 0, sessions: 0, units: { addressed: 1, held: 0 } });
    expect(r.body.children.map((c) => [c.name, c.studied, c.mustStudy, c.sessions, c.units])).toEqual([
      ['Chi bộ Trường Chính trị', 0, 4, 0, { addressed: 1, held: 0 }],
      ['Đảng bộ Công ty Điện lực', 2, 5, 1, { addressed: 2, held: 1 }],
    ]);
    // The rows add up to the headline.
    const rows = [r.body.own!, ...r.body.children];
    expect(rows.reduce((n, x) => n + x.mustStudy, 0)).toBe(r.body.total.mustStudy);
    expect(rows.reduce((n, x) => n + x.studied, 0)).toBe(r.body.total.studied);
    expect(rows.reduce((n, x) => n + x.units.addressed, 0)).toBe(r.body.total.units.addressed);
  });

  it('drills down to the cells, each against its own recount', async () => {
    const r = await coverage('staff', u.grassroots);
    expect(r.body.own).toBeNull();
    expect(r.body.total).toMatchObject({ mustStudy: 5, studied: 2, percent: 40, units: { addressed: 2, held: 1 } });
    expect(r.body.children.map((c) => [c.name, c.studied, c.mustStudy, c.units.held])).toEqual([
      ['Chi bộ Kinh doanh', 0, 2, 0],
      ['Chi bộ Kỹ thuật', 2, 3, 1],
    ]);
    for (const c of r.body.children) {
      const x = await recount(c.unitId, '2026-05-07');
      expect([c.mustStudy, c.studied], c.name).toEqual([x.members, x.studied]);
    }
  });

  it('counts the members of the last day of a past period, not of today', async () => {
    // In 2025 nobody studied, and Hồ Văn Rời was still in cell B until 1/9/2025.
    const r = await call<CoverageRollup>('staff', 'GET', `/api/meetings/coverage?unit=${u.b}&from=2025-01-01&to=2025-06-30`);
    expect(r.body.total).toMatchObject({ mustStudy: 3, studied: 0, sessions: 0, percent: 0 });
  });

  it('keeps a cell to its own subtree', async () => {
    expect((await coverage('secA', u.bloc)).status).toBe(404);
    expect((await coverage('secA', u.b)).status).toBe(404);
    const own = await coverage('secA', u.a);
    expect(own.body.total).toMatchObject({ mustStudy: 3, studied: 2, units: { addressed: 1, held: 1 } });
  });

  it('prefills a report with the same figures as the roll-up', async () => {
    const out = await call<{ figures: Record<string, number> }>('admin', 'POST', `/api/obligation-instances/${u.grassrootsReport}/meeting-figures`);
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.figures).toEqual({ total: 5, studied: 2 });
  });
});
