import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfOfPages, pdfStreamBomb } from '#tests/support/hostile-files.ts';
import { checkPdf, declaredPages } from './pdf-bounds.ts';

const FILES = join(import.meta.dirname, '../../../tests/fixtures/extraction/files');
const BOUNDS = { maxPages: 500, maxStreamBytes: 32 * 2 ** 20, maxTotalBytes: 128 * 2 ** 20 };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('checkPdf', () => {
  it('counts the pages a PDF declares before pdf.js walks them', async () => {
    expect(declaredPages(readFileSync(join(FILES, '001_49105ae659426032.pdf')))).toBeGreaterThan(0);
    expect(declaredPages(pdfOfPages(20_000))).toBe(20_000);
    const r = await checkPdf(pdfOfPages(100_000), BOUNDS).then(() => 'none', (e: Error & { code: string }) => `${e.code}: ${e.message}`);
    expect(r).toMatch(/^TOO_MANY_PAGES: Tệp PDF có 100\.000 trang/);
  });

  it('passes PDFs as offices make them, and pages that share their content', async () => {
    for (const f of ['001_49105ae659426032.pdf', '004_7956c4d43d58e490.pdf', 'image-only.pdf']) {
      expect(await codeOf(checkPdf(readFileSync(join(FILES, f)), BOUNDS)), f).toBe('none');
    }
    expect(await codeOf(checkPdf(pdfOfPages(500), BOUNDS))).toBe('none');
  });

  it('refuses a page whose content inflates past the bounds, having inflated no more than them', async () => {
    const bomb = pdfStreamBomb(400);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const s = performance.now();
    expect(await codeOf(checkPdf(bomb, BOUNDS))).toBe('ARCHIVE_TOO_LARGE');
    expect(performance.now() - s).toBeLessThan(2_000);
    expect(await codeOf(checkPdf(pdfStreamBomb(16), BOUNDS))).toBe('none');
    expect(await codeOf(checkPdf(pdfStreamBomb(16), { ...BOUNDS, maxStreamBytes: 8 * 2 ** 20 }))).toBe('ARCHIVE_TOO_LARGE');
  });
});
