// The visual check of the generated documents: each .docx is converted by LibreOffice to PDF,
// the PDF must be one A4 page whose text layer holds the header lines, the title and the signature
// block where the format puts them, and page 1 is kept as a PNG under tests/artifacts/ (git-ignored,
// uploaded by CI). Needs LibreOffice, poppler and a Times New Roman–compatible font
// (tests/support/libreoffice.ts); off CI a missing one leaves the check out with a notice.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OutgoingDocument } from '#core/documents-out/model.ts';
import { renderDocx } from '#server/writers/docx/render-document.ts';
import { consolidatedReport, statePlan, urgingLetter, youthPlan } from '../support/docx-fixtures.ts';
import { A4_HALF_WIDTH, assertVisualTools, convertToPdf, layoutText as pdfLayoutText, lineOf, pageOnePng, pdfPages, pngSize, visualChecksRun, word as pdfWord } from '../support/libreoffice.ts';

const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');

const SAMPLES: Record<string, OutgoingDocument> = {
  'consolidated-report': consolidatedReport,
  'state-plan': statePlan,
  'youth-plan': youthPlan,
  'urging-letter': urgingLetter,
};

let work = '';
const pdfOf = (name: string) => join(work, `${name}.pdf`);
const layoutText = (name: string) => pdfLayoutText(pdfOf(name));
const word = (name: string, text: string) => pdfWord(pdfOf(name), text);

describe.runIf(visualChecksRun('the .docx visual check'))('generated .docx through LibreOffice', () => {
  beforeAll(async () => {
    const soffice = assertVisualTools();
    work = mkdtempSync(join(tmpdir(), 'trienkhai-docx-'));
    const files: string[] = [];
    for (const [name, doc] of Object.entries(SAMPLES)) {
      const file = join(work, `${name}.docx`);
      writeFileSync(file, await renderDocx(doc));
      files.push(file);
    }
    convertToPdf(soffice, files, work);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of Object.keys(SAMPLES)) pageOnePng(pdfOf(name), join(ARTIFACTS, `${name}-page1`));
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(Object.keys(SAMPLES))('%s: converts to one A4 page and keeps page 1 as a PNG artifact', (name) => {
    expect(pdfPages(pdfOf(name))).toEqual({ width: 595, height: 842, pages: 1 });
    // A4 at 60 dpi: 8.27 × 11.69 in.
    const png = pngSize(join(ARTIFACTS, `${name}-page1.png`));
    expect(png.width).toBeGreaterThanOrEqual(495);
    expect(png.width).toBeLessThanOrEqual(497);
    expect(png.height).toBeGreaterThanOrEqual(701);
    expect(png.height).toBeLessThanOrEqual(703);
  });

  it('Party report: header lines, title and signature block are in the text layer, in their places', () => {
    const t = layoutText('consolidated-report');
    for (const s of [
      'ĐẢNG BỘ TỈNH TRÀ VINH',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN',
      'VÀ DOANH NGHIỆP',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 60-BC/ĐUK',
      'Trà Vinh, ngày 18 tháng 4 năm 2022',
      'BÁO CÁO',
      'kết quả tổ chức đợt sinh hoạt chính trị về',
      'xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
      'Nơi nhận:',
      '- Lưu Văn phòng ĐUK.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Văn Minh',
      '95,56%',
    ]) {
      expect(t).toContain(s);
    }
    // Issuer and Party heading share the first line, issuer at left; number and date share a line.
    const issuer = lineOf(t, 'ĐẢNG BỘ TỈNH TRÀ VINH');
    const party = lineOf(t, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party.line).toBe(issuer.line);
    expect(party.column).toBeGreaterThan(issuer.column);
    const num = lineOf(t, 'Số 60-BC/ĐUK');
    const date = lineOf(t, 'Trà Vinh, ngày 18 tháng 4 năm 2022');
    expect(date.line).toBe(num.line);
    expect(date.column).toBeGreaterThan(num.column);
    // Then the kind and title, the body, and at the end Nơi nhận at left beside the signature.
    const kind = lineOf(t, 'BÁO CÁO');
    expect(kind.line).toBeGreaterThan(num.line);
    const recipients = lineOf(t, 'Nơi nhận:');
    const capacity = lineOf(t, 'T/M BAN THƯỜNG VỤ');
    expect(recipients.line).toBeGreaterThan(kind.line);
    expect(capacity.line).toBe(recipients.line);
    expect(capacity.column).toBeGreaterThan(recipients.column);
    expect(lineOf(t, 'Nguyễn Văn Minh').line).toBeGreaterThan(capacity.line);
    // On the page: the Party heading in the right half at the top, the signature in the right half.
    const nam = word('consolidated-report', 'NAM');
    expect(nam.xMin).toBeGreaterThan(A4_HALF_WIDTH);
    expect(nam.yMin).toBeLessThan(100);
    expect(word('consolidated-report', 'VINH').xMax).toBeLessThan(A4_HALF_WIDTH);
    expect(word('consolidated-report', 'T/M').xMin).toBeGreaterThan(A4_HALF_WIDTH);
  });

  it('state plan: national heading and motto, "Số: 594/KH-UBND", TM. / KT. signature', () => {
    const t = layoutText('state-plan');
    for (const s of [
      'ỦY BAN NHÂN DÂN',
      'TỈNH TRÀ VINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 594/KH-UBND',
      'Trà Vinh, ngày 08 tháng 02 năm 2022',
      'KẾ HOẠCH',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Lê Văn Hẳn',
    ]) {
      expect(t).toContain(s);
    }
    const issuer = lineOf(t, 'ỦY BAN NHÂN DÂN');
    const nation = lineOf(t, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(nation.line).toBe(issuer.line);
    expect(nation.column).toBeGreaterThan(issuer.column);
    expect(lineOf(t, 'TM. ỦY BAN NHÂN DÂN').line).toBe(lineOf(t, 'Nơi nhận:').line);
    expect(word('state-plan', 'TM.').xMin).toBeGreaterThan(A4_HALF_WIDTH);
  });

  it('Youth Union plan: "ĐOÀN TNCS HỒ CHÍ MINH", "***", "Số: 133-KH/TĐTN-BCNLĐ", "TM. BAN THƯỜNG VỤ"', () => {
    const t = layoutText('youth-plan');
    for (const s of [
      'THÀNH ĐOÀN TP. HỒ CHÍ MINH',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      '***',
      'Số: 133-KH/TĐTN-BCNLĐ',
      'TP. Hồ Chí Minh, ngày 27 tháng 4 năm 2022',
      'KẾ HOẠCH',
      'TM. BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Trần Thị Thu',
    ]) {
      expect(t).toContain(s);
    }
    const num = lineOf(t, 'Số: 133-KH/TĐTN-BCNLĐ');
    expect(lineOf(t, 'TP. Hồ Chí Minh, ngày 27 tháng 4 năm 2022').line).toBe(num.line);
    expect(word('youth-plan', 'TNCS').xMin).toBeGreaterThan(A4_HALF_WIDTH);
  });

  it('urging letter: the "V/v" summary under the number, "Kính gửi:", no kind line', () => {
    const t = layoutText('urging-letter');
    expect(t).toContain('Số 07-CV/ĐUK');
    expect(t).toMatch(/V\/v đôn đốc báo cáo kết quả đợt sinh/);
    expect(t).toContain('Kính gửi:');
    expect(t).not.toContain('CÔNG VĂN');
    expect(lineOf(t, 'V/v').line).toBeGreaterThan(lineOf(t, 'Số 07-CV/ĐUK').line);
  });
});
