// The documents of personal plans on the demo round at Kỳ Hoa (seed 003): the school cell's secretary
// prints a member's plan as its form and exports the cell's list to Excel; the member prints their
// own; another member of the cell and a sibling cell's secretary get 404, as they do for the JSON.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#server/demo/accounts.ts';
import { KA, KA_CELLS } from '#server/demo/ky-anh.ts';
import { loadDemo } from '#server/demo/load-demo.ts';
import { demoUnitId } from '#server/demo/plan.ts';
import { readDocumentText } from '#server/readers/document-text.ts';
import type { PersonalPlanView, RoundList, RoundMembers } from '#shared/personal-plans.ts';
import { buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const school = demoUnitId(KA_CELLS.kyHoaPrimarySchool);
const otherSchool = demoUnitId(`${KA.kyHoa}/Chi bộ Trường THCS Kỳ Hoa`);

let t: TestApp;
const as: Record<string, string> = {};
let round = '';
let roundTitle = '';
/** The demo member of `dangvien.tieuhoc`, whose plan the secretary enters from paper and confirms here. */
let member = '';
/** Another member of the school cell. */
let other = '';
const ITEMS = [
  { text: 'Đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin trong mọi tiết dạy', area: 'work_responsibility' },
  { text: 'Gương mẫu chấp hành Quy định 37-QĐ/TW, tham gia đầy đủ sinh hoạt chi bộ', area: 'discipline_unity' },
];

const text = async (body: Buffer) => (await readDocumentText(body, 'ke-hoach.docx')).text;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-10T03:00:00Z') });
  await loadDemo(t.database.db, t.clock.now);
  for (const u of ['bithu.tieuhoc', 'dangvien.tieuhoc', 'bithu.kyhoa']) as[u] = await t.login(u, DEMO_PASSWORD);
  // No demo account holds the other school's cell: the administrator makes one for its secretary.
  await buildUser(t.database.db, 'quantri.test', [], { superuser: true });
  const admin = await t.login('quantri.test', PASSWORD);
  const made = await t.request(admin, { method: 'POST', url: '/api/users', payload: { username: 'bithu.thcs', password: DEMO_PASSWORD, grants: [{ unitId: otherSchool, role: 'secretary' }] } });
  expect(made.statusCode, made.body).toBe(201);
  as['bithu.thcs'] = await t.login('bithu.thcs', DEMO_PASSWORD);

  const rounds = (await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds?unit=${school}` })).json() as RoundList;
  const r = rounds.items.find((x) => x.kind === 'personal_plan')!;
  round = r.id;
  roundTitle = r.title;
  member = ((await t.request(as['dangvien.tieuhoc']!, { method: 'GET', url: '/api/my/rounds' })).json() as { personId: string }).personId;
  const list = (await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/members?unit=${school}` })).json() as RoundMembers;
  other = list.items.find((x) => x.personId !== member)!.personId;
  // The secretary enters the member's paper plan and confirms it.
  const base = `/api/rounds/${round}/plans/${member}`;
  const submitted = await t.request(as['bithu.tieuhoc']!, { method: 'POST', url: `${base}/submit`, payload: { sections: { items: ITEMS }, submittedOn: '2026-03-09' } });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const confirmed = await t.request(as['bithu.tieuhoc']!, { method: 'POST', url: `${base}/confirm`, payload: {} });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
});
afterAll(() => t.close());

describe('a member\'s plan as its form', () => {
  it('prints for the cell\'s secretary the confirmed plan with the member, each item, the form label and the confirmation block', async () => {
    const res = await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/plans/${member}/plan.docx` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(String(res.headers['content-disposition'])).toMatch(/attachment/);
    const view = (await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/plans/${member}` })).json() as PersonalPlanView;
    const doc = await text(res.rawPayload);
    expect(doc).toContain('Mẫu 02');
    expect(doc).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(doc).toContain('KẾ HOẠCH CÁ NHÂN');
    expect(doc).toContain(`Thực hiện chủ đề năm ${view.round.year}`);
    expect(doc).toContain(`Họ và tên: ${view.person.fullName}`);
    expect(doc).toContain('Đơn vị: Chi bộ Trường Tiểu học Kỳ Hoa');
    for (const item of ITEMS) expect(doc).toContain(item.text);
    expect(doc).toContain('(Lĩnh vực: Trách nhiệm trong công việc)');
    expect(doc).toMatch(/XÁC NHẬN CỦA CHI BỘ\s+BÍ THƯ\s+Ngày 10 tháng 3 năm 2026/);
    expect(doc).toMatch(/NGƯỜI LẬP KẾ HOẠCH[\s\S]*\(Ký, ghi rõ họ tên\)/);
    expect(doc).toContain('do chi bộ nhập thay từ bản giấy');
    // Dated the day the member handed it in, at the place the cell's documents name (its province here).
    expect(doc).toContain('Hà Tĩnh, ngày 09 tháng 3 năm 2026');
    expect(doc).toMatch(new RegExp(`NGƯỜI LẬP KẾ HOẠCH[\\s\\S]*${view.person.fullName}`));
  });

  it('prints for the member their own plan, and for the commune above it', async () => {
    for (const who of ['dangvien.tieuhoc', 'bithu.kyhoa']) {
      const res = await t.request(as[who]!, { method: 'GET', url: `/api/rounds/${round}/plans/${member}/plan.docx` });
      expect(res.statusCode, `${who} ${res.body}`).toBe(200);
      expect(await text(res.rawPayload)).toContain(ITEMS[0]!.text);
    }
  });

  it('gives 404 to a sibling cell\'s secretary and to another member of the cell, as the plan itself does', async () => {
    for (const [who, person] of [['bithu.thcs', member], ['dangvien.tieuhoc', other]] as const) {
      const json = await t.request(as[who]!, { method: 'GET', url: `/api/rounds/${round}/plans/${person}` });
      const docx = await t.request(as[who]!, { method: 'GET', url: `/api/rounds/${round}/plans/${person}/plan.docx` });
      expect(json.statusCode, `${who} ${json.body}`).toBe(404);
      expect(docx.statusCode, `${who} ${docx.body}`).toBe(404);
      expect(docx.body).not.toContain(ITEMS[0]!.text);
    }
  });
});

describe('the cell\'s list to Excel', () => {
  async function sheet(body: Buffer): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  }

  it('exports every member of the cell the list shows, titled with the round and the unit, the state in words', async () => {
    const res = await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/members.xlsx?unit=${school}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const list = (await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/members?unit=${school}&limit=200` })).json() as RoundMembers;
    const ws = await sheet(res.rawPayload);
    expect(ws.getRow(1).getCell(1).value).toBe(roundTitle);
    expect(ws.getRow(2).getCell(1).value).toBe('Chi bộ Trường Tiểu học Kỳ Hoa');
    expect(ws.getRow(3).values).toEqual([undefined, 'STT', 'Họ và tên', 'Đơn vị', 'Mẫu', 'Lãnh đạo (nêu gương)', 'Trạng thái', 'Ngày nộp', 'Nộp muộn', 'Ngày xác nhận']);
    expect(ws.rowCount).toBe(3 + list.total);
    const names = Array.from({ length: list.total }, (_, i) => ws.getRow(4 + i).getCell(2).value);
    expect(names).toEqual(list.items.map((x) => x.fullName));
    const mine = list.items.findIndex((x) => x.personId === member);
    const row = ws.getRow(4 + mine);
    expect(row.getCell(4).value).toBe('Mẫu 02');
    expect(row.getCell(6).value).toBe('Đã xác nhận');
    expect((row.getCell(7).value as Date).toISOString().slice(0, 10)).toBe('2026-03-09');
    expect((row.getCell(9).value as Date).toISOString().slice(0, 10)).toBe('2026-03-10');
  });

  it('applies the list\'s filter', async () => {
    const res = await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/members.xlsx?unit=${school}&filter=confirmed` });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/members?unit=${school}&filter=confirmed&limit=200` })).json() as RoundMembers;
    const ws = await sheet(res.rawPayload);
    expect(ws.rowCount).toBe(3 + list.total);
    for (let i = 0; i < list.total; i++) expect(ws.getRow(4 + i).getCell(6).value).toBe('Đã xác nhận');
  });

  it('gives 404 to a sibling cell\'s secretary and to a member of the cell, as the list does', async () => {
    for (const who of ['bithu.thcs', 'dangvien.tieuhoc']) {
      const json = await t.request(as[who]!, { method: 'GET', url: `/api/rounds/${round}/members?unit=${school}` });
      const xlsx = await t.request(as[who]!, { method: 'GET', url: `/api/rounds/${round}/members.xlsx?unit=${school}` });
      expect(json.statusCode, `${who} ${json.body}`).toBe(404);
      expect(xlsx.statusCode, `${who} ${xlsx.body}`).toBe(404);
    }
  });

  it('refuses a filter it does not know, in Vietnamese', async () => {
    const res = await t.request(as['bithu.tieuhoc']!, { method: 'GET', url: `/api/rounds/${round}/members.xlsx?unit=${school}&filter=everyone` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Bộ lọc không hợp lệ/);
  });
});
