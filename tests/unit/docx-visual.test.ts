// The visual check of the generated documents: each .docx is converted by LibreOffice to PDF,
// the PDF must be one A4 page whose text layer holds the header lines, the title and the signature
// block where the format puts them, and page 1 is kept as a PNG under tests/artifacts/ (git-ignored,
// uploaded by CI). Off CI, when LibreOffice or poppler is missing the check is left out with a
// notice; on CI (CI=true) it always runs, so a missing install fails loudly.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OutgoingDocument } from '../../src/core/documents-out/model.ts';
import { renderDocx } from '../../src/server/export/docx/render-document.ts';
import { consolidatedReport, statePlan, urgingLetter, youthPlan } from './docx-fixtures.ts';

const CI = process.env.CI === 'true';
const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');

function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}
function hasPoppler(): boolean {
  return ['pdfinfo', 'pdftotext', 'pdftoppm'].every((b) => existsSync(`/usr/bin/${b}`));
}

const soffice = findSoffice();
const available = soffice !== null && hasPoppler();
if (!available && !CI) {
  console.warn('[tests] LibreOffice (soffice) or poppler-utils not found: the .docx visual check is left out (it runs in CI).');
}

const SAMPLES: Record<string, OutgoingDocument> = {
  'consolidated-report': consolidatedReport,
  'state-plan': statePlan,
  'youth-plan': youthPlan,
  'urging-letter': urgingLetter,
};

let work = '';

function run(cmd: string, args: string[], timeout = 60_000): string {
  return execFileSync(cmd, args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Text of page 1 with its layout kept, lines trimmed of trailing spaces. */
const layoutText = (name: string) => run('pdftotext', ['-layout', '-f', '1', '-l', '1', join(work, `${name}.pdf`), '-']).normalize('NFC');

/** Positions of the words of page 1 (points, origin top left). */
function words(name: string): Array<{ text: string; xMin: number; yMin: number; xMax: number }> {
  const html = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(work, `${name}.pdf`), '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: (m[4] ?? '').normalize('NFC'),
  }));
}

function word(name: string, text: string) {
  const found = words(name).filter((w) => w.text === text);
  expect(found, `word "${text}" on page 1 of ${name}`).toHaveLength(1);
  return found[0]!;
}

/** The line of the layout text holding `needle`, and where on it the needle starts. */
function lineOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  expect(line, `"${needle}" in the text layer`).toBeGreaterThanOrEqual(0);
  return { line, column: (lines[line] ?? '').indexOf(needle) };
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const A4_HALF_WIDTH = 595.3 / 2;

describe.runIf(CI || available)('generated .docx through LibreOffice', () => {
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice not found (soffice): install Debian\'s libreoffice-writer — the visual check of documents must run in CI.');
    if (!hasPoppler()) throw new Error('poppler-utils not found (pdfinfo, pdftotext, pdftoppm): install Debian\'s poppler-utils.');
    work = mkdtempSync(join(tmpdir(), 'trienkhai-docx-'));
    const files: string[] = [];
    for (const [name, doc] of Object.entries(SAMPLES)) {
      const file = join(work, `${name}.docx`);
      writeFileSync(file, await renderDocx(doc));
      files.push(file);
    }
    // A private profile, so a LibreOffice already open (or another test run) does not interfere.
    run(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], 150_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of Object.keys(SAMPLES)) {
      run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(work, `${name}.pdf`), join(ARTIFACTS, `${name}-page1`)]);
    }
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(Object.keys(SAMPLES))('%s: converts to one A4 page and keeps page 1 as a PNG artifact', (name) => {
    const info = run('pdfinfo', [join(work, `${name}.pdf`)]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(size, info).not.toBeNull();
    expect(Math.round(Number(size![1]))).toBe(595);
    expect(Math.round(Number(size![2]))).toBe(842);
    expect(info).toMatch(/Pages:\s+1\n/);
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
