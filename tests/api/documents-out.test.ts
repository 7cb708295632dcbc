/**
 * Documents out, read back from the files: a plan made in trienkhai as a Party-format KẾ HOẠCH and
 * its task list (phụ lục), the urging letter to the units late on a report, and the tables of the
 * app as Excel files with typed cells and a frozen Vietnamese header.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { cellLines, readDocx } from '../support/docx-read.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { publishPlanFixture, publishPlanViaApi, STUDY_FORM } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let btg: string;
let c3: string;
let planId: string;
let report: PlanFixture;
const cookies: Record<string, string> = {};
const USERS = ['sec1', 'staff', 'sec3'];
const as = (who: string) => cookies[who]!;
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });
const post = (who: string, url: string, payload: unknown) => t.request(as(who), { method: 'POST', url, payload: payload as Record<string, unknown> });
async function at(iso: string) {
  t.clock.now = new Date(iso);
  for (const who of USERS) cookies[who] = await t.login(who, PASSWORD);
}
async function sheet(res: { statusCode: number; body: string; headers: Record<string, unknown>; rawPayload: Buffer }) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  return ws;
}
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
const rowTexts = (d: Awaited<ReturnType<typeof readDocx>>, table: number) => d.tables[table]!.rows.map((r) => r.map((c) => cellLines(c).join(' ')));

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-03-15T03:00:00Z') });
  tree = await buildTree(t.database.db);
  const db = t.database.db;
  btg = await buildUnit(db, { parentId: tree.units.bloc, kind: 'department', name: 'Ban Tuyên giáo Đảng ủy Khối' });
  c3 = await buildUnit(db, { parentId: tree.units.bloc, kind: 'grassroots_cell', name: 'Chi bộ Sở Tư pháp' });
  await buildPerson(db, tree.units.bloc, { fullName: 'Nguyễn Văn Minh', positions: ['secretary'] });
  await db.execute(sql`UPDATE unit SET term_label = '2020 - 2025', term_start = '2020-10-01', term_end = '2025-09-30' WHERE id = ${tree.units.bloc}`);
  await buildUser(db, 'sec3', [{ unitId: c3, role: 'secretary' }]);
  for (const who of USERS) cookies[who] = await t.login(who, PASSWORD);
  // The provincial plan the bloc's plan carries out.
  const province = await publishPlanFixture(db, {
    issuerId: tree.units.province, audience: [tree.units.bloc], number: '161-KH/TU',
    title: 'Nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận, Quy định của Hội nghị Trung ương 4 khóa XIII',
  });
  await db.execute(sql`UPDATE document SET issued_on = '2022-02-22', issuer_name = 'Ban Thường vụ Tỉnh ủy' WHERE id = ${province.planId}`);
  const created = await post('staff', '/api/plans', {
    unitId: tree.units.bloc,
    number: '48-KH/ĐUK',
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII',
    parentPlanId: province.planId,
    recipients: ['Thường trực Tỉnh ủy (báo cáo)', 'Các chi, đảng bộ cơ sở', 'Lưu Văn phòng ĐUK'],
    tasks: [
      { text: 'Tổ chức hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định cho toàn thể đảng viên', kind: 'study', due: { type: 'month', value: '2022-03' }, audience: { scope: 'grassroots' } },
      { text: 'Hướng dẫn đội ngũ báo cáo viên phổ biến, quán triệt Kết luận, Quy định', leadUnitIds: [btg], supportText: ['Văn phòng Đảng ủy Khối'], due: { type: 'continuous', value: null }, audience: { scope: 'self' } },
      { text: 'Xây dựng kế hoạch thực hiện', kind: 'own_plan', due: { type: 'date', value: '2022-03-31' }, dueText: 'trước ngày 31/3/2022', audience: { scope: 'grassroots' } },
    ],
    obligations: [{
      title: 'Báo cáo kết quả đợt sinh hoạt chính trị',
      toText: 'Ban Thường vụ Đảng ủy Khối', viaText: 'Ban Tuyên giáo Đảng ủy Khối',
      due: [{ type: 'date', value: '2022-05-30' }, { type: 'date', value: '2022-11-30' }],
      form: STUDY_FORM,
    }],
  });
  expect(created.statusCode, created.body).toBe(201);
  planId = created.json().id;
  const published = await post('staff', `/api/plans/${planId}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  report = await publishPlanViaApi(t, as('staff'), {
    unitId: tree.units.bloc, number: '50-KH/ĐUK', title: 'Học tập Kết luận 21',
    obligationTitle: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định', dues: ['2022-03-31'],
  });
});
afterAll(() => t.close());

describe('the plan as a Party-format KẾ HOẠCH', () => {
  let d: Awaited<ReturnType<typeof readDocx>>;
  beforeAll(async () => {
    const res = await get('staff', `/api/plans/${planId}/export.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('Kế hoạch 48-KH-ĐUK'));
    d = await readDocx(res.rawPayload);
  });

  it('opens with the issuer, the Party heading, the number and the date line', () => {
    expect(rowTexts(d, 0)).toEqual([
      ['ĐẢNG BỘ TỈNH TUYÊN QUANG ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH *', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['Số 48-KH/ĐUK', 'Tuyên Quang, ngày 15 tháng 3 năm 2022'],
    ]);
    const kind = d.body[1]!;
    expect(kind.kind === 'p' && kind.p.text).toBe('KẾ HOẠCH');
    expect(kind.kind === 'p' && kind.p.align).toBe('center');
    expect(kind.kind === 'p' && kind.p.runs.every((r) => r.bold && r.font === 'Times New Roman')).toBe(true);
  });

  it('says what it carries out, then the tasks with their units and deadlines in words, and the reporting rules', () => {
    expect(d.text).toContain(
      'Thực hiện Kế hoạch số 161-KH/TU ngày 22/2/2022 của Ban Thường vụ Tỉnh ủy về nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận, Quy định của Hội nghị Trung ương 4 khóa XIII, Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh xây dựng Kế hoạch thực hiện như sau:',
    );
    const at = (s: string) => d.text.indexOf(s);
    const order = [
      'I. NỘI DUNG, NHIỆM VỤ',
      '1. Tổ chức hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định cho toàn thể đảng viên',
      '- Thực hiện: Các chi, đảng bộ cơ sở.',
      '- Thời gian: trong tháng 3/2022.',
      '2. Hướng dẫn đội ngũ báo cáo viên phổ biến, quán triệt Kết luận, Quy định',
      '- Chủ trì: Ban Tuyên giáo Đảng ủy Khối; phối hợp: Văn phòng Đảng ủy Khối.',
      '- Thời gian: thường xuyên.',
      '3. Xây dựng kế hoạch thực hiện',
      '- Thời gian: trước ngày 31/3/2022.',
      'II. CHẾ ĐỘ BÁO CÁO',
      '- Báo cáo kết quả đợt sinh hoạt chính trị gửi Ban Thường vụ Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày 30/5/2022 và ngày 30/11/2022.',
      'III. TỔ CHỨC THỰC HIỆN',
    ];
    for (const s of order) expect(at(s), s).toBeGreaterThan(0);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
  });

  it('ends with Nơi nhận at left and the signature of the secretary at right', () => {
    const closing = d.tables[d.tables.length - 1]!.rows[0]!;
    expect(cellLines(closing[0])).toEqual(['Nơi nhận:', '- Thường trực Tỉnh ủy (báo cáo);', '- Các chi, đảng bộ cơ sở;', '- Lưu Văn phòng ĐUK.']);
    expect(cellLines(closing[1])).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn Minh']);
  });

  it('exports the task list (phụ lục): STT, nội dung, đơn vị chủ trì, phối hợp, thời hạn', async () => {
    const res = await get('sec1', `/api/plans/${planId}/tasks.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const a = await readDocx(res.rawPayload);
    expect(a.text.slice(0, 3)).toEqual([
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN KẾ HOẠCH',
      '(Kèm theo Kế hoạch số 48-KH/ĐUK, ngày 15/3/2022 của Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh)',
    ]);
    expect(rowTexts(a, 0)).toEqual([
      ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'],
      ['1', 'Tổ chức hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định cho toàn thể đảng viên', 'Các chi, đảng bộ cơ sở', '', 'trong tháng 3/2022'],
      ['2', 'Hướng dẫn đội ngũ báo cáo viên phổ biến, quán triệt Kết luận, Quy định', 'Ban Tuyên giáo Đảng ủy Khối', 'Văn phòng Đảng ủy Khối', 'thường xuyên'],
      ['3', 'Xây dựng kế hoạch thực hiện', 'Các chi, đảng bộ cơ sở', '', 'trước ngày 31/3/2022'],
    ]);
    expect(a.xml).toContain('<w:tblHeader/>');
  });
});

describe('the urging letter', () => {
  it('is addressed to the units late on the report, with the days since the due date', async () => {
    // Chi bộ Sở Tư pháp reported on time and was returned; the Đảng bộ sent nothing (its cells report through it).
    const s3 = await post('sec3', `/api/obligations/${report.instance(c3)}/submissions`, { figures: { total: 9, studied: 9 }, narrative: {}, submit: true });
    expect(s3.statusCode, s3.body).toBe(201);
    expect((await post('staff', `/api/submissions/${s3.json().submissionId}/return`, { comment: 'Bổ sung kết quả.' })).statusCode).toBe(200);
    await at('2022-04-05T03:00:00Z');
    const res = await get('staff', `/api/obligations/${report.obligationId}/urging-letter.docx?unit=${tree.units.bloc}&period=2022-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    const d = await readDocx(res.rawPayload);
    expect(rowTexts(d, 0)[1]).toEqual(['Số 01-CV/ĐUK V/v đôn đốc báo cáo kết quả học tập, quán triệt Kết luận, Quy định', 'Tuyên Quang, ngày 05 tháng 4 năm 2022']);
    expect(d.text).not.toContain('CÔNG VĂN');
    expect(d.text.find((x) => x.startsWith('Kính gửi:'))).toBe('Kính gửi:\t- Chi bộ Sở Tư pháp;');
    expect(d.text).toContain('- Đảng bộ Sở Tài chính.');
    expect(rowTexts(d, 1)).toEqual([
      ['STT', 'Đơn vị', 'Tình trạng', 'Số ngày quá hạn'],
      ['1', 'Chi bộ Sở Tư pháp', 'Báo cáo bị trả lại, chưa gửi lại', '5'],
      ['2', 'Đảng bộ Sở Tài chính', 'Chưa gửi báo cáo', '5'],
    ]);
    expect(d.text).toContain('Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh đề nghị các đơn vị nêu trên khẩn trương hoàn thành, gửi báo cáo về Ban Thường vụ Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày 10/4/2022.');
    expect(cellLines(d.tables[d.tables.length - 1]!.rows[0]![0])).toEqual(['Nơi nhận:', '- Như Kính gửi;', '- Lưu Văn phòng ĐUK.']);
  });

  it('is refused when nobody is late', async () => {
    const res = await get('sec1', `/api/obligations/${report.obligationId}/urging-letter.docx?unit=${tree.units.c1}&period=2022-03-31`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NO_LATE_UNITS');
  });
});

describe('tables to Excel', () => {
  it('the sub-units of a unit', async () => {
    const ws = await sheet(await get('staff', `/api/units/${tree.units.bloc}/children.xlsx`));
    expect(headers(ws)).toEqual(['STT', 'Tên đơn vị', 'Tên viết tắt', 'Loại đơn vị', 'Số đơn vị trực thuộc', 'Số thành viên', 'Ngày thành lập', 'Ngày kết thúc']);
    const names = [2, 3, 4].map((i) => ws.getRow(i).getCell(2).value);
    expect(names).toEqual(['Ban Tuyên giáo Đảng ủy Khối', 'Chi bộ Sở Tư pháp', 'Đảng bộ Sở Tài chính']);
    const g = ws.getRow(4);
    expect(g.getCell(4).value).toBe('Đảng bộ cơ sở');
    expect(g.getCell(5).value).toBe(2);
    expect(g.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(g.getCell(7).value).toEqual(new Date(Date.UTC(2020, 9, 1)));
    expect(g.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(g.getCell(8).value).toBeNull();
  });

  it('the task instances of a unit', async () => {
    const ws = await sheet(await get('sec1', `/api/units/${tree.units.c1}/task-instances.xlsx?planId=${planId}`));
    expect(headers(ws)).toEqual(['STT', 'Kế hoạch', 'Trích yếu kế hoạch', 'Nhiệm vụ', 'Kỳ', 'Thời hạn', 'Tình trạng', 'Ngày hoàn thành', 'Số ngày trễ hạn', 'Tiến độ, kết quả', 'Số minh chứng']);
    expect(ws.rowCount).toBe(3);
    const first = ws.getRow(2);
    expect(first.getCell(2).value).toBe('48-KH/ĐUK');
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2022, 2, 31)));
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(7).value).toBe('Quá hạn');
    expect(first.getCell(9).value).toBe(5);
    expect(first.getCell(11).value).toBe(0);
  });

  it('the report status of an obligation', async () => {
    const ws = await sheet(await get('staff', `/api/obligations/${report.obligationId}/status.xlsx?unit=${tree.units.bloc}&reach=subtree`));
    expect(headers(ws)).toEqual(['STT', 'Đơn vị', 'Trực thuộc', 'Kỳ báo cáo', 'Hạn báo cáo', 'Tình hình báo cáo', 'Trạng thái', 'Số lần gửi', 'Ngày gửi lần đầu', 'Số ngày trễ hạn']);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    const c3row = rows.find((r) => r.getCell(2).value === 'Chi bộ Sở Tư pháp')!;
    expect(c3row.getCell(3).value).toBe('Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh');
    expect(c3row.getCell(6).value).toBe('Quá hạn chưa báo cáo');
    expect(c3row.getCell(7).value).toBe('Bị trả lại, cần gửi lại');
    expect(c3row.getCell(8).value).toBe(1);
    expect(c3row.getCell(9).value).toEqual(new Date(Date.UTC(2022, 2, 15)));
    expect(c3row.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(rows).toHaveLength(4);
  });

  it("the dashboard's figures per unit, with the total and the rates as percentages", async () => {
    const ws = await sheet(await get('staff', `/api/plans/${report.planId}/progress.xlsx?unit=${tree.units.bloc}`));
    expect(headers(ws)).toEqual([
      'STT', 'Đơn vị', 'Nhiệm vụ phải thực hiện (cả kế hoạch)', 'Nhiệm vụ đã đến hạn', 'Nhiệm vụ đã hoàn thành', 'Nhiệm vụ quá hạn', 'Tỷ lệ hoàn thành',
      'Báo cáo phải gửi (cả kế hoạch)', 'Báo cáo đã đến hạn', 'Báo cáo đã gửi', 'Báo cáo trễ hạn', 'Báo cáo quá hạn chưa gửi', 'Tỷ lệ đã gửi',
    ]);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(2).value).toBe('Tổng cộng (Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh)');
    expect(last.getCell(8).value).toBe(4);
    expect(last.getCell(9).value).toBe(4);
    expect(last.getCell(10).value).toBe(0);
    expect(last.getCell(12).value).toBe(4);
    expect(last.getCell(13).value).toBe(0);
    expect(last.getCell(13).numFmt).toBe('0.00%');
    expect(last.getCell(7).value).toBeNull();
    // The rows above the total add up to it, column by column (the unit's own row included when it has work).
    const body = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 2));
    for (const col of [3, 4, 5, 6, 8, 9, 10, 11, 12]) {
      expect(body.reduce((sum, r) => sum + Number(r.getCell(col).value ?? 0), 0), `column ${col}`).toBe(Number(last.getCell(col).value ?? 0));
    }
  });
});
