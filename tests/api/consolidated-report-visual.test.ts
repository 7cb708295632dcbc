// The visual check of the consolidated report of the demo organisation: the Ban Tuyên giáo of the
// Đảng ủy Khối of Tuyên Quang publishes plan 48-KH/ĐUK (seed 001), grassroots organisations report
// and are accepted, and the report fetched from GET /api/obligations/:id/consolidated.docx is
// converted by LibreOffice to PDF: A4 pages whose text layer holds the header lines, the title and
// the signature block; page 1 is kept as tests/artifacts/consolidated-report-demo-page1.png
// (git-ignored, uploaded by CI). Off CI, when LibreOffice or poppler is missing the check is left
// out with a notice; on CI (CI=true) it always runs, so a missing install fails loudly.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.ts';
import { loadDemo } from '../../src/server/demo/load-demo.ts';
import { demoUnitId } from '../../src/server/demo/plan.ts';
import { TQ } from '../../src/server/demo/tuyen-quang.ts';
import { saveSubmission } from '../../src/server/services/reports/save-submission.ts';
import { SYSTEM } from '../support/factories.ts';
import { publishPlanViaApi } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const CI = process.env.CI === 'true';
const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');
const PNG = join(ARTIFACTS, 'consolidated-report-demo-page1.png');

function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}
const hasPoppler = () => ['pdfinfo', 'pdftotext', 'pdftoppm'].every((b) => existsSync(`/usr/bin/${b}`));
const soffice = findSoffice();
const available = soffice !== null && hasPoppler();
if (!available && !CI) {
  console.warn('[tests] LibreOffice (soffice) or poppler-utils not found: the visual check of the consolidated report is left out (it runs in CI).');
}

const run = (cmd: string, args: string[], timeout = 60_000) => execFileSync(cmd, args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });

describe.runIf(CI || available)('the consolidated report of the demo data through LibreOffice', () => {
  let t: TestApp;
  let work = '';
  let pdf = '';
  let secretary = '';

  beforeAll(async () => {
    if (!soffice) throw new Error("LibreOffice not found (soffice): install Debian's libreoffice-writer — the visual check of documents must run in CI.");
    if (!hasPoppler()) throw new Error("poppler-utils not found (pdfinfo, pdftotext, pdftoppm): install Debian's poppler-utils.");
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
    const res = await t.request(staffNow, { method: 'GET', url: `/api/obligations/${plan.obligationId}/consolidated.docx?unit=${duk}&period=2022-03-31` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    work = mkdtempSync(join(tmpdir(), 'trienkhai-consolidated-'));
    const docx = join(work, 'consolidated.docx');
    writeFileSync(docx, res.rawPayload);
    // A private profile, so a LibreOffice already open (or another test run) does not interfere.
    run(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], 150_000);
    pdf = join(work, 'consolidated.pdf');
    mkdirSync(ARTIFACTS, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, PNG.replace(/\.png$/, '')]);
  }, 240_000);

  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('is A4 on every page, and page 1 is kept as a PNG', () => {
    const info = run('pdfinfo', [pdf]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(size, info).not.toBeNull();
    expect(Math.round(Number(size![1]))).toBe(595);
    expect(Math.round(Number(size![2]))).toBe(842);
    const png = readFileSync(PNG);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(495);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(701);
  });

  it('holds the header lines side by side, the title, the figures and the signature block in its text layer', () => {
    const page1 = run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']).normalize('NFC');
    const all = run('pdftotext', ['-layout', pdf, '-']).normalize('NFC');
    const lineOf = (text: string, needle: string) => {
      const lines = text.split('\n');
      const i = lines.findIndex((l) => l.includes(needle));
      expect(i, `"${needle}" in the text layer`).toBeGreaterThanOrEqual(0);
      return { line: i, column: lines[i]!.indexOf(needle) };
    };
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
