/**
 * The consolidated report: the receiving level sees the figures summed from the accepted reports of
 * the units below, each traced to its submission and version; reports not accepted are listed, not
 * counted; the office edits the draft (versioned, conflicts refused), exports the Party-format Word
 * file (recorded with its number) and sends the report upward, so consolidation climbs the tree.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { cellLines, readDocx } from '../support/docx-read.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { publishPlanFixture, publishPlanViaApi } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let plan: PlanFixture;
let c3: string;
const cookies: Record<string, string> = {};
const USERS = ['sec1', 'sec2', 'staff', 'secgr', 'sec3', 'viewer'];

const as = (who: string) => cookies[who]!;
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });
/** Exports the consolidated report: a POST, since it records the version it sends. */
const exportDocx = (who: string, url: string) => t.request(as(who), { method: 'POST', url });
const send = (who: string, method: 'POST' | 'PUT', url: string, payload: unknown) => t.request(as(who), { method, url, payload: payload as Record<string, unknown> });
async function at(iso: string) {
  t.clock.now = new Date(iso);
  for (const who of USERS) cookies[who] = await t.login(who, PASSWORD);
}
const url = (unit: string, rest = 'consolidation', period = '2022-03-31') => `/api/obligations/${plan.obligationId}/${rest}?unit=${unit}&period=${period}`;
async function view(who: string, unit: string) {
  const res = await get(who, url(unit));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function submit(who: string, unitId: string, figures: Record<string, number>, results: string) {
  const res = await send(who, 'POST', `/api/obligations/${plan.instance(unitId)}/submissions`, { figures, narrative: { results }, submit: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { submissionId: string; version: number };
}
/** The receiving unit accepts: the đảng bộ its cells' reports, the Khối the đảng bộ's (docs/decisions/014). */
async function accept(who: 'secgr' | 'staff', submissionId: string) {
  const res = await send(who, 'POST', `/api/submissions/${submissionId}/accept`, {});
  expect(res.statusCode, res.body).toBe(200);
}
type FigureView = { total: number | null; value: number | null; sources: { unitId: string; submissionId: string; version: number; value: number }[] };
const figure = (v: { figures: ({ key: string } & FigureView)[] }, key: string): FigureView => v.figures.find((f) => f.key === key)!;

let s1: { submissionId: string; version: number };
let s2: { submissionId: string; version: number };

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-15T03:00:00Z') });
  tree = await buildTree(t.database.db);
  const db = t.database.db;
  c3 = await buildUnit(db, { parentId: tree.units.bloc, kind: 'grassroots_cell', name: 'Chi bộ Sở Tư pháp' });
  await buildPerson(db, tree.units.bloc, { fullName: 'Nguyễn Văn Minh', positions: ['secretary'] });
  await buildPerson(db, tree.units.grassroots, { fullName: 'Đinh Văn Giang', positions: ['secretary'] });
  await db.execute(sql`UPDATE unit SET term_label = '2020 - 2025', term_start = '2020-10-01', term_end = '2025-09-30' WHERE id = ${tree.units.bloc}`);
  await buildUser(db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  await buildUser(db, 'sec3', [{ unitId: c3, role: 'secretary' }]);
  for (const who of USERS) cookies[who] = await t.login(who, PASSWORD);
  plan = await publishPlanViaApi(t, as('staff'), {
    unitId: tree.units.bloc,
    number: '48-KH/ĐUK',
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4',
    obligationTitle: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
    dues: ['2022-03-31'],
  });
  s1 = await submit('sec1', tree.units.c1, { total: 25, studied: 24 }, 'Chi bộ đã học tập cho 24/25 đảng viên.');
  s2 = await submit('sec2', tree.units.c2, { total: 20, studied: 18 }, 'Hai đảng viên ốm, sẽ học bù.');
  await accept('secgr', s1.submissionId);
});
afterAll(() => t.close());

describe('the drafted consolidated report', () => {
  it('sums only the accepted reports, traces each figure to its submission and version, and lists the report awaiting review', async () => {
    const v = await view('secgr', tree.units.grassroots);
    expect(v.unit).toEqual({ id: tree.units.grassroots, name: 'Đảng bộ Sở Tài chính' });
    expect(v.period).toMatchObject({ key: '2022-03-31', dueDate: '2022-03-31' });
    expect(figure(v, 'total').total).toBe(25);
    expect(figure(v, 'studied').sources).toEqual([{ unitId: tree.units.c1, unitName: 'Chi bộ Văn phòng Sở', submissionId: s1.submissionId, version: 1, value: 24 }]);
    const c2 = v.reports.find((r: { unitId: string }) => r.unitId === tree.units.c2);
    expect(c2).toMatchObject({ state: 'awaiting_review', counted: false, source: null });
    expect(v.sections[0].parts).toEqual([expect.objectContaining({ unitId: tree.units.c1, submissionId: s1.submissionId, text: 'Chi bộ đã học tập cho 24/25 đảng viên.' })]);
    expect(v.summary).toMatchObject({ expected: 2, counted: 1, awaitingReview: 1 });
    expect(v.draft.sections[0].text).toBe('- Chi bộ Văn phòng Sở: Chi bộ đã học tập cho 24/25 đảng viên.');
    expect(v.draft.signer).toEqual({ capacity: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: 'Đinh Văn Giang' });
    // The grassroots organisation owes the report itself: submitting upward goes to its own instance.
    expect(v.target).toMatchObject({ instanceId: plan.instance(tree.units.grassroots), status: 'pending' });
    expect(v.permissions).toEqual({ edit: true, submit: true });
    expect(v.latest).toBeNull();
  });

  it('counts a report once it is accepted', async () => {
    await accept('secgr', s2.submissionId);
    const v = await view('secgr', tree.units.grassroots);
    expect([figure(v, 'total').total, figure(v, 'studied').total]).toEqual([45, 42]);
    expect(v.children.map((c: { name: string; figures: Record<string, number | null> }) => [c.name, c.figures.total])).toEqual([
      ['Chi bộ Thanh tra Sở', 20],
      ['Chi bộ Văn phòng Sở', 25],
    ]);
  });

  it('is refused to a cell for the level above it and to a viewer for editing', async () => {
    expect((await get('sec1', url(tree.units.grassroots))).statusCode).toBe(404);
    const res = await send('viewer', 'PUT', url(tree.units.grassroots), { draft: (await view('viewer', tree.units.grassroots)).draft });
    expect(res.statusCode).toBe(403);
    expect((await get('secgr', url(tree.units.grassroots, 'consolidation', '2099-01-01'))).statusCode).toBe(404);
  });
});

describe('editing, exporting and submitting upward', () => {
  it('saves the edited draft as versions and refuses a save over a newer one', async () => {
    const v = await view('secgr', tree.units.grassroots);
    const draft = {
      ...v.draft,
      sections: v.draft.sections.map((s: { key: string; text: string }) => (s.key === 'results' ? { ...s, text: `${s.text}\nĐảng ủy đánh giá cao tinh thần tự học.` } : s)),
      overrides: [{ key: 'total', value: 46, note: 'Một đảng viên chuyển đến sau ngày chốt số liệu' }],
    };
    const saved = await send('secgr', 'PUT', url(tree.units.grassroots), { draft, baseVersion: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ version: 1 });
    const stale = await send('secgr', 'PUT', url(tree.units.grassroots), { draft, baseVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const after = await view('secgr', tree.units.grassroots);
    expect(after.draft.sections[0].text).toContain('Đảng ủy đánh giá cao tinh thần tự học.');
    expect(figure(after, 'total')).toMatchObject({ total: 45, value: 46 });
    expect(after.latest).toMatchObject({ version: 1, kind: 'draft', current: true });
    const bad = await send('secgr', 'PUT', url(tree.units.grassroots), { draft: { ...draft, overrides: [{ key: 'total', value: 1, note: '' }] } });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the Party-format report with the edited text and records the export', async () => {
    const res = await exportDocx('secgr', url(tree.units.grassroots, 'consolidated.docx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-tong-hop.docx"; filename\*=UTF-8''/);
    const d = await readDocx(res.rawPayload);
    const [left, right] = d.tables[0]!.rows[0]!;
    expect(cellLines(left)).toEqual(['ĐẢNG BỘ KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH', 'ĐẢNG BỘ SỞ TÀI CHÍNH', '*']);
    expect(cellLines(right)).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    const [num, date] = d.tables[0]!.rows[1]!;
    // No term of office known for the grassroots organisation: the number is left blank, never guessed.
    expect(cellLines(num)[0]).toMatch(/^Số\s+-BC\/ĐU$/);
    expect(cellLines(date)).toEqual(['Tuyên Quang, ngày 15 tháng 3 năm 2022']);
    expect(d.text).toContain('BÁO CÁO');
    expect(d.text).toContain('Kết quả học tập, quán triệt Kết luận, Quy định');
    expect(d.text).toContain('Đảng ủy đánh giá cao tinh thần tự học.');
    expect(d.text).toContain('- Số đảng viên được học tập: 42/46 người, đạt 91,30%');
    expect(d.text.some((x) => x.startsWith('Ghi chú: số liệu “Tổng số đảng viên” đã được điều chỉnh (tổng của các báo cáo được tiếp nhận: 45): Một đảng viên'))).toBe(true);
    const figuresTable = d.tables[1]!;
    expect(figuresTable.rows.map((r) => r.map((c) => cellLines(c).join(' ')))).toEqual([
      ['STT', 'Đơn vị', 'Tổng số đảng viên (người)', 'Số đảng viên được học tập (người)', 'Tỷ lệ'],
      ['1', 'Chi bộ Thanh tra Sở', '20', '18', '90,00%'],
      ['2', 'Chi bộ Văn phòng Sở', '25', '24', '96,00%'],
      ['', 'Tổng cộng', '46', '42', '91,30%'],
    ]);
    const closing = d.tables[d.tables.length - 1]!.rows[0]!;
    expect(cellLines(closing[0])).toEqual(['Nơi nhận:', '- Ban Thường vụ Đảng ủy Khối (báo cáo);', '- Ban Tuyên giáo Đảng ủy Khối;', '- Lưu hồ sơ.']);
    expect(cellLines(closing[1])).toEqual(['T/M ĐẢNG ỦY', 'BÍ THƯ', 'Đinh Văn Giang']);
    // Reading the consolidation records nothing: only the export (a POST) does.
    expect((await t.request(as('secgr'), { method: 'GET', url: url(tree.units.grassroots, 'consolidated.docx') })).statusCode).toBe(404);
    const v = await view('secgr', tree.units.grassroots);
    expect(v.versions.map((x: { version: number; kind: string }) => [x.version, x.kind])).toEqual([[2, 'export'], [1, 'draft']]);
    const rec = await t.database.db.execute<{ figures: { figures: { key: string; value: number; sources: unknown[] }[] }; doc_date: string }>(sql`
      SELECT figures, doc_date::text FROM consolidation_version WHERE unit_id = ${tree.units.grassroots} AND kind = 'export'`);
    expect(rec.rows[0]!.doc_date).toBe('2022-03-15');
    expect(rec.rows[0]!.figures.figures.find((f) => f.key === 'total')).toMatchObject({ value: 46, sources: [expect.anything(), expect.anything()] });
  });

  it("submits the consolidated report as the grassroots organisation's own report", async () => {
    const res = await send('secgr', 'POST', url(tree.units.grassroots, 'consolidation/submit'), {});
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ instanceId: plan.instance(tree.units.grassroots), version: 1, status: 'submitted', consolidationVersion: 3 });
    const s = await t.database.db.execute<{ figures: Record<string, number>; narrative: Record<string, string>; status: string }>(sql`
      SELECT figures, narrative, status FROM submission WHERE id = ${out.submissionId}`);
    expect(s.rows[0]!.figures).toEqual({ total: 46, studied: 42 });
    expect(s.rows[0]!.narrative.results).toContain('Đảng ủy đánh giá cao tinh thần tự học.');
    // Submitted: a second submission is refused by the reports module.
    expect((await send('secgr', 'POST', url(tree.units.grassroots, 'consolidation/submit'), {})).statusCode).toBe(409);
  });

  it('at the level above, counts the grassroots report once (not its cells again) and lists the missing cell with its days late', async () => {
    const g = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM submission WHERE obligation_instance_id = ${plan.instance(tree.units.grassroots)}`);
    await accept('staff', g.rows[0]!.id);
    await at('2022-04-05T03:00:00Z');
    const v = await view('staff', tree.units.bloc);
    expect(v.reports.map((r: { unitName: string; parentName: string | null; state: string }) => [r.unitName, r.parentName, r.state])).toEqual([
      ['Chi bộ Sở Tư pháp', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'missing'],
      ['Đảng bộ Sở Tài chính', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'accepted'],
    ]);
    expect(figure(v, 'total').total).toBe(46);
    expect(figure(v, 'total').sources).toHaveLength(1);
    expect(v.reports[0]).toMatchObject({ daysLate: 5, counted: false });
    // The bloc owes nothing upward for this plan.
    expect(v.target).toBeNull();
    expect(v.targetProblem).toMatch(/không có báo cáo nào phải gửi cấp trên/);
    const refused = await send('staff', 'POST', url(tree.units.bloc, 'consolidation/submit'), {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONSOLIDATION_NO_TARGET');
  });

  it('numbers the Party report from the numbers the committee issued in its term, and keeps the number on a second export', async () => {
    const first = await exportDocx('staff', url(tree.units.bloc, 'consolidated.docx'));
    expect(first.statusCode, first.body).toBe(200);
    const d = await readDocx(first.rawPayload);
    expect(cellLines(d.tables[0]!.rows[1]![0])).toEqual(['Số 01-BC/ĐUK']);
    expect(cellLines(d.tables[0]!.rows[0]![0])).toEqual(['ĐẢNG BỘ TỈNH TUYÊN QUANG', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH', '*']);
    expect(d.text).toContain('- Chưa báo cáo: Chi bộ Sở Tư pháp (quá hạn 5 ngày).');
    expect(cellLines(d.tables[d.tables.length - 1]!.rows[0]![1])).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn Minh']);
    const again = await readDocx((await exportDocx('staff', url(tree.units.bloc, 'consolidated.docx'))).rawPayload);
    expect(cellLines(again.tables[0]!.rows[1]![0])).toEqual(['Số 01-BC/ĐUK']);
    expect((await view('staff', tree.units.bloc)).number).toEqual({ seq: 1, symbol: '01-BC/ĐUK', note: null });
    // Another report of the committee takes the next number.
    const other = await publishPlanViaApi(t, as('staff'), {
      unitId: tree.units.bloc, number: '49-KH/ĐUK', title: 'Sinh hoạt chính trị', obligationTitle: 'Báo cáo kết quả sinh hoạt chính trị', dues: ['2022-04-30'],
    });
    const next = await get('staff', `/api/obligations/${other.obligationId}/consolidation?unit=${tree.units.bloc}`);
    expect(next.json().number).toEqual({ seq: 2, symbol: '02-BC/ĐUK', note: null });
  });

  it('climbs to the superior plan this plan carries out', async () => {
    const db = t.database.db;
    const province = await publishPlanFixture(db, { issuerId: tree.units.province, audience: [tree.units.bloc], number: '161-KH/TU', periods: [{ key: '2022-04-10', label: '10/04/2022', due: '2022-04-10' }] });
    await db.execute(sql`UPDATE plan SET parent_plan_id = ${province.planId} WHERE id = ${plan.planId}`);
    const v = await view('staff', tree.units.bloc);
    expect(v.target).toMatchObject({ instanceId: province.instance(tree.units.bloc), planNumber: '161-KH/TU', periodLabel: '10/04/2022' });
    const res = await send('staff', 'POST', url(tree.units.bloc, 'consolidation/submit'), { asDraft: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ instanceId: province.instance(tree.units.bloc), status: 'draft' });
    const s = await db.execute<{ figures: Record<string, number | null> }>(sql`SELECT figures FROM submission WHERE id = ${res.json().submissionId}`);
    expect(s.rows[0]!.figures).toEqual({ total: 46, studied: 42 });
  });
});

describe('the figures table in Excel', () => {
  it('holds one row per direct child and the total, as numbers and percentages, an empty cell where nothing was counted', async () => {
    const res = await get('staff', url(tree.units.bloc, 'consolidation.xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Đơn vị', 'Số đơn vị phải báo cáo', 'Số báo cáo đã tổng hợp', 'Tổng số đảng viên (người)', 'Số đảng viên được học tập (người)', 'Tỷ lệ số đảng viên được học tập']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = [2, 3, 4].map((i) => ws.getRow(i));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(['Chi bộ Sở Tư pháp', 'Đảng bộ Sở Tài chính', 'Tổng cộng']);
    expect(rows[0]!.getCell(5).value).toBeNull();
    expect(rows[1]!.getCell(5).value).toBe(46);
    expect(rows[1]!.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(rows[1]!.getCell(7).value).toBeCloseTo(42 / 46, 10);
    expect(rows[1]!.getCell(7).numFmt).toBe('0.00%');
    expect(rows[2]!.getCell(3).value).toBe(2);
  });
});
