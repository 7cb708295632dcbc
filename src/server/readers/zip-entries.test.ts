import { describe, expect, it } from 'vitest';
import { deflateRepeated, docxBomb, docxOf, zipOf } from '#tests/support/hostile-files.ts';
import type { ZipBounds } from './zip-entries.ts';
import { checkZip, listZipEntries, reorderedZip } from './zip-entries.ts';

const BOUNDS: ZipBounds = { maxEntryBytes: 16 * 2 ** 20, maxTotalBytes: 64 * 2 ** 20, maxRatio: 100, maxEntries: 100 };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

/** `mb` megabytes of one repeated line, a few KB deflated per megabyte. */
const repeated = (mb: number) => {
  const chunk = 'Kế hoạch triển khai thực hiện nghị quyết.\n'.repeat(Math.ceil(2 ** 20 / 44));
  return deflateRepeated('', chunk, mb, '');
};

describe('checkZip', () => {
  it('passes an honest archive and lists its entries', async () => {
    const entries = await checkZip(docxOf('Kế hoạch\nsố 48-KH/ĐUK'), BOUNDS);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('refuses from the directory alone an entry that inflates past the bounds, or a thousandfold', async () => {
    const bomb = docxBomb(400);
    const s = performance.now();
    expect(await codeOf(checkZip(bomb, BOUNDS))).toBe('ARCHIVE_TOO_LARGE');
    // Nothing was inflated: 400 MB would take seconds.
    expect(performance.now() - s).toBeLessThan(500);
    expect(await codeOf(checkZip(docxBomb(10), BOUNDS))).toBe('ARCHIVE_TOO_LARGE');
  });

  it('refuses an archive that declares less than its entry inflates to, having inflated no more than declared', async () => {
    const d = repeated(12);
    const lying = zipOf([{ name: 'word/document.xml', data: d, declare: { size: 4096 } }]);
    expect(listZipEntries(lying, BOUNDS)[0]!.size).toBe(4096);
    expect(await codeOf(checkZip(lying, BOUNDS))).toBe('ARCHIVE_TOO_LARGE');
  });

  it('refuses the total of many entries, each within the bounds', async () => {
    const d = repeated(12);
    const many = zipOf(Array.from({ length: 6 }, (_, i) => ({ name: `word/part${i}.xml`, data: d })));
    expect(await codeOf(checkZip(many, { ...BOUNDS, maxRatio: 10_000 }))).toBe('ARCHIVE_TOO_LARGE');
  });

  it('calls a truncated archive or a lie about the compressed size corrupt', async () => {
    const docx = docxOf('Kế hoạch');
    expect(await codeOf(checkZip(docx.subarray(0, docx.length - 30), BOUNDS))).toBe('CORRUPT_FILE');
    const d = repeated(1);
    expect(await codeOf(checkZip(zipOf([{ name: 'a.xml', data: d, declare: { compressed: 10 } }]), { ...BOUNDS, maxRatio: 10_000_000 }))).toBe('CORRUPT_FILE');
  });
});

describe('reorderedZip', () => {
  it('rebuilds the chosen entries in the order asked, with stored parts added', async () => {
    const docx = docxOf('Kế hoạch');
    const entries = await checkZip(docx, BOUNDS);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const out = reorderedZip(docx, [byName.get('word/document.xml')!, { name: 'extra.xml', data: Buffer.from('<x/>') }, byName.get('_rels/.rels')!]);
    // A stream of local entries without a directory: listed by walking the local headers.
    const names: string[] = [];
    for (let at = 0; at < out.length; ) {
      expect(out.readUInt32LE(at)).toBe(0x04034b50);
      const size = out.readUInt32LE(at + 18);
      const nameLength = out.readUInt16LE(at + 26);
      names.push(out.toString('utf8', at + 30, at + 30 + nameLength));
      at += 30 + nameLength + size;
    }
    expect(names).toEqual(['word/document.xml', 'extra.xml', '_rels/.rels']);
  });
});
