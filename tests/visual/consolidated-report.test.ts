// The visual check of the consolidated report of the demo organisation: the Ban Tuyên giáo of the
// Đảng ủy Khối of Tuyên Quang publishes plan 48-KH/ĐUK (seed 001), grassroots organisations report
// and are accepted, and the report exported by POST /api/obligations/:id/consolidated.docx is
// converted by LibreOffice to PDF: A4 pages whose text layer holds the header lines, the title and
// the signature block; page 1 is kept as tests/artifacts/consolidated-report-demo-page1.png
// (git-ignored, uploaded by CI). Off CI, when LibreOffice or poppler is missing the check is left
// out with a notice; on CI (CI=true) it always runs, so a missing install fails loudly.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#server/demo/accounts.ts';
import { loadDemo } from '#server/demo/load-demo.ts';
import { demoUnitId } from '#server/demo/plan.ts';
import { TQ } from '#server/demo/tuyen-quang.ts';
import { saveSubmission } from '#server/services/reports/save-submission.ts';
import { SYSTEM } from '../support/factories.ts';
import { assertVisualTools, convertToPdf, layoutText, lineOf, pageOnePng, pdfPages, pngSize, visualChecksRun } from '../support/libreoffice.ts';
import { publishPlanViaApi } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');
const PNG = join(ARTIFACTS, 'consolidated-report-demo-page1.png');

describe.runIf(visualChecksRun('the visual check of the consolidated report'))('the consolidated report of the demo data through LibreOffice', () => {
  let t: TestApp;
  let work = '';
  let pdf = '';
  let secretary = '';

  beforeAll(async () => {
    const soffice = assertVisualTools();
    t = await createTestApp({ now: new Date('2022-03-11T03:00:00Z') });
    const db = t.database.db;
    await loadDemo(db, new Date('2026-01-01T00:00:00Z'));
    const duk = demoUnitId(TQ.duk);
    const staff = await t.login('btg.duk', DEMO_PASSWORD);
    const plan = await publishPlanViaApi(t, staff, {
      unitId: duk,
      number: '48-KH/ĐUK',
      title: 'Tổ chức nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận, Quy định của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII',
      obligationTitle: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
      dues: ['2022-03-31'],
    });
    // Five grassroots organisations of the Khối report; the Ban Tuyên giáo accepts them.
    const units = await db.execute<{ id: string; name: string }>(sql`
      SELECT u.id, u.name FROM unit u WHERE u.parent_id = ${duk} AND u.kind IN ('grassroots', 'grassroots_cell') AND u.valid_to IS NULL ORDER BY u.name LIMIT 5`);
    t.clock.now = new Date('2022-03-28T03:00:00Z');
    const reviewer = await t.login('btg.duk', DEMO_PASSWORD);
    for (const [i, u] of units.rows.entries()) {
      const total = 40 + i * 17;
      const out = await db.transaction((tx) =>
        saveSubmission(plan.instance(u.id), {
          figures: { total, studied: total - (i % 3) },
          narrative: { results: `${u.name} đã tổ chức hội nghị học tập, quán triệt cho cán bộ, đảng viên.`, proposals: i === 0 ? 'Đề nghị cấp thêm tài liệu học tập.' : '' },
          submit: true,
        }, { actor: SYSTEM, tx, now: t.clock.now }),
      );
      const accepted = await t.request(reviewer, { method: 'POST', url: `/api/submissions/${out.submissionId}/accept`, payload: {} });
      expect(accepted.statusCode, accepted.body).toBe(200);
    }
    const leader = await db.execute<{ name: string }>(sql`
      SELECT p.full_name AS name FROM membership m JOIN person p ON p.id = m.person_id
      WHERE m.unit_id = ${duk} AND m.valid_to IS NULL AND 'secretary' = ANY(m.positions)`);
    secretary = leader.rows[0]!.name;

    t.clock.now = new Date('2022-04-18T03:00:00Z');
    const staffNow = await t.login('btg.duk', DEMO_PASSWORD);
    const res = await t.request(staffNow, { method: 'POST', url: `/api/obligations/${plan.obligationId}/consolidated.docx?unit=${duk}&period=2022-03-31` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    work = mkdtempSync(join(tmpdir(), 'trienkhai-consolidated-'));
    const docx = join(work, 'consolidated.docx');
    writeFileSync(docx, res.rawPayload);
    convertToPdf(soffice, [docx], work);
    pdf = join(work, 'consolidated.pdf');
    mkdirSync(ARTIFACTS, { recursive: true });
    pageOnePng(pdf, PNG.replace(/\.png$/, ''));
  }, 240_000);

  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('is A4 on every page, and page 1 is kept as a PNG', () => {
    const { width, height } = pdfPages(pdf);
    expect({ width, height }).toEqual({ width: 595, height: 842 });
    const png = pngSize(PNG);
    expect(png.width).toBeGreaterThanOrEqual(495);
    expect(png.height).toBeGreaterThanOrEqual(701);
  });

  it('holds the header lines side by side, the title, the figures and the signature block in its text layer', () => {
    const page1 = layoutText(pdf);
    const all = layoutText(pdf, 'all');
    for (const s of ['ĐẢNG BỘ TỈNH TUYÊN QUANG', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 01-BC/ĐUK', 'Tuyên Quang, ngày 18 tháng 4 năm 2022', 'BÁO CÁO', 'Kết quả học tập, quán triệt Kết luận, Quy định']) {
      expect(page1).toContain(s);
    }
    const issuer = lineOf(page1, 'ĐẢNG BỘ TỈNH TUYÊN QUANG');
    const party = lineOf(page1, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party.line).toBe(issuer.line);
    expect(party.column).toBeGreaterThan(issuer.column);
    const number = lineOf(page1, 'Số 01-BC/ĐUK');
    expect(lineOf(page1, 'Tuyên Quang, ngày 18 tháng 4 năm 2022').line).toBe(number.line);
    expect(lineOf(page1, 'BÁO CÁO').line).toBeGreaterThan(number.line);
    expect(all).toMatch(/Tổng số đảng viên: [\d.]+ người/);
    expect(all).toContain('Tổng cộng');
    for (const s of ['Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', secretary, '- Lưu Văn phòng ĐUK.']) expect(all).toContain(s);
    const recipients = lineOf(all, 'Nơi nhận:');
    const capacity = lineOf(all, 'T/M BAN THƯỜNG VỤ');
    expect(capacity.line).toBe(recipients.line);
    expect(capacity.column).toBeGreaterThan(recipients.column);
    expect(lineOf(all, secretary).line).toBeGreaterThan(capacity.line);
  });
});
