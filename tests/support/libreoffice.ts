/**
 * The visual check of generated Word documents: LibreOffice turns a .docx into a PDF, poppler reads
 * the PDF back (page size, page count, text with its layout, word positions, a PNG of page 1).
 *
 * What the checks assert is what a user sees — A4, one page for a one-page report, header lines side
 * by side — and that depends on the fonts installed: the documents are set in Times New Roman, and
 * where no metric-compatible font is installed LibreOffice falls back to a wider one, so lines wrap
 * and a one-page report runs to two. Debian's `fonts-liberation` provides Liberation Serif, metric
 * compatible with Times New Roman; `assertVisualTools` refuses to run without it, with the package
 * to install, instead of failing on a layout figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const CI = process.env.CI === 'true';

/** Fonts LibreOffice can set Times New Roman in without moving a line. */
const TIMES_COMPATIBLE = ['Times New Roman', 'Liberation Serif', 'Tinos'];

export function run(cmd: string, args: string[], timeout = 60_000): string {
  return execFileSync(cmd, args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

function hasPoppler(): boolean {
  return ['pdfinfo', 'pdftotext', 'pdftoppm'].every((b) => existsSync(`/usr/bin/${b}`));
}

/** The family fontconfig gives for Times New Roman, or null when fontconfig is missing. */
function timesNewRomanFamily(): string | null {
  try {
    return run('fc-match', ['-f', '%{family}', 'Times New Roman']).split(',')[0]!.trim();
  } catch {
    return null;
  }
}

/**
 * True when the visual check can run here. Off CI a missing tool leaves the check out with a
 * notice; on CI (CI=true) it always runs, so a missing install fails in `assertVisualTools`.
 */
export function visualChecksRun(what: string): boolean {
  const family = timesNewRomanFamily();
  const available = findSoffice() !== null && hasPoppler() && family !== null && TIMES_COMPATIBLE.includes(family);
  if (!available && !CI) {
    console.warn(`[tests] LibreOffice, poppler-utils or fonts-liberation not found: ${what} is left out (it runs in CI).`);
  }
  return CI || available;
}

/** Throws, naming the Debian package to install, when a tool or the font the checks need is missing. */
export function assertVisualTools(): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice not found (soffice): install Debian's libreoffice-writer — the visual check of documents must run in CI.");
  if (!hasPoppler()) throw new Error("poppler-utils not found (pdfinfo, pdftotext, pdftoppm): install Debian's poppler-utils.");
  const family = timesNewRomanFamily();
  if (family === null || !TIMES_COMPATIBLE.includes(family)) {
    throw new Error(
      `No font metric-compatible with Times New Roman (fontconfig gives "${family ?? 'nothing'}"): install Debian's fonts-liberation — ` +
        'without it LibreOffice sets the documents in a wider font and the page layout differs from what users see in Word.',
    );
  }
  return soffice;
}

/** Converts .docx files to PDF in `outdir`, with a private profile so that an open LibreOffice does not interfere. */
export function convertToPdf(soffice: string, files: string[], outdir: string): void {
  run(soffice, [`-env:UserInstallation=file://${join(outdir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...files], 150_000);
}

/** Page 1 of a PDF as a PNG at 60 dpi (`target` without its extension). */
export function pageOnePng(pdf: string, target: string): void {
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, target]);
}

/** The PDF's page size in points, rounded, and its number of pages. */
export function pdfPages(pdf: string): { width: number; height: number; pages: number } {
  const info = run('pdfinfo', [pdf]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)\n/.exec(info);
  expect(size, info).not.toBeNull();
  expect(pages, info).not.toBeNull();
  return { width: Math.round(Number(size![1])), height: Math.round(Number(size![2])), pages: Number(pages![1]) };
}

/** Text of page 1 (or of every page) with its layout kept. */
export function layoutText(pdf: string, page: 1 | 'all' = 1): string {
  const range = page === 'all' ? [] : ['-f', '1', '-l', '1'];
  return run('pdftotext', ['-layout', ...range, pdf, '-']).normalize('NFC');
}

/** Positions of the words of page 1 (points, origin top left). */
export function words(pdf: string): Array<{ text: string; xMin: number; yMin: number; xMax: number }> {
  const html = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: (m[4] ?? '').normalize('NFC'),
  }));
}

/** The one word `text` of page 1 (fails when it is missing or appears twice). */
export function word(pdf: string, text: string) {
  const found = words(pdf).filter((w) => w.text === text);
  expect(found, `word "${text}" on page 1 of ${pdf}`).toHaveLength(1);
  return found[0]!;
}

/** The line of the layout text holding `needle`, and where on it the needle starts. */
export function lineOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  expect(line, `"${needle}" in the text layer`).toBeGreaterThanOrEqual(0);
  return { line, column: (lines[line] ?? '').indexOf(needle) };
}

/** Width and height of a PNG file, in pixels. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Half the width of an A4 page, in points: what stands right of it is in the right half. */
export const A4_HALF_WIDTH = 595.3 / 2;
