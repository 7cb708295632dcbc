import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readDocumentText, joinPdfPages, linesFromItems, pageLines, unwrapPageLines } from './document-text.ts';
import { extractDocument } from '#core/extract/extract.ts';

const FILES = join(import.meta.dirname, '../../../tests/fixtures/extraction/files');
const SEED = join(import.meta.dirname, '../../../tests/fixtures/extraction/seeds/001_49105ae659426032.txt');
const read = (f: string) => new Uint8Array(readFileSync(join(FILES, f)));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('readDocumentText on the converted seed 001', () => {
  const expected = extractDocument(readFileSync(SEED, 'utf8'), { fileName: 'seed' });
  it.each(['docx', 'pdf', 'doc'] as const)('%s gives the same scalars and the report deadline', async (ext) => {
    const { text, format } = await readDocumentText(read(`001_49105ae659426032.${ext}`), `plan.${ext}`);
    expect(format).toBe(ext);
    expect(text).toBe(text.normalize('NFC'));
    const x = extractDocument(text, { fileName: 'seed' });
    for (const k of ['kind', 'number', 'issuer', 'place', 'date', 'title'] as const) expect(x[k]).toBe(expected[k]);
    expect(x.signer?.name).toBe(expected.signer?.name);
    expect(x.signer?.title).toBe(expected.signer?.title);
    expect(x.deadlines.map((d) => d.text.replace(/\s+/g, ' '))).toContain('trước ngày 31/3/2022');
  });
  it('detects the format by its bytes, not the extension', async () => {
    expect((await readDocumentText(read('001_49105ae659426032.docx'), 'wrong.txt')).format).toBe('docx');
  });
});

describe('readDocumentText on plain text', () => {
  const s = 'Kế hoạch số 48-KH/ĐUK\nthường xuyên';
  it('reads UTF-8, UTF-8 with BOM, UTF-16 with BOM and Windows-1258', async () => {
    expect((await readDocumentText(new TextEncoder().encode(s), 'a.txt')).text).toBe(s);
    expect((await readDocumentText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]), 'a.txt')).text).toBe(s);
    expect((await readDocumentText(new Uint8Array([0xff, 0xfe, ...iconv.encode(s, 'utf16le')]), 'a.txt')).text).toBe(s);
    // Windows-1258 writes ế as ê + combining acute and ạ as a + combining dot below.
    const cp1258 = new Uint8Array([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68]);
    expect((await readDocumentText(cp1258, 'a.txt')).text).toBe('Kế hoạch');
  });
  it('normalises decomposed text to NFC and CRLF to LF', async () => {
    const r = await readDocumentText(new TextEncoder().encode('Kế hoạch\r\nx'.normalize('NFD')), 'a.txt');
    expect(r.text).toBe('Kế hoạch\nx');
  });
  it('refuses a legacy TCVN3 file instead of guessing', async () => {
    // "Kế hoạch" in TCVN3 (ABC): ế = 0xD5, ạ = 0xB9.
    const tcvn3 = new Uint8Array([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x20, 0xd5, 0xb9, 0xb8]);
    expect(await codeOf(readDocumentText(tcvn3, 'a.txt'))).toBe('UNKNOWN_ENCODING');
  });
});

describe('readDocumentText on bad files', () => {
  it('refuses an empty file', async () => {
    expect(await codeOf(readDocumentText(new Uint8Array(), 'a.docx'))).toBe('EMPTY_FILE');
  });
  it('refuses a truncated docx', async () => {
    const docx = read('001_49105ae659426032.docx');
    expect(await codeOf(readDocumentText(docx.subarray(0, 2000), 'a.docx'))).toBe('CORRUPT_FILE');
  });
  it('refuses a password-protected docx (an OLE file holding an EncryptedPackage)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(iconv.encode('EncryptedPackage', 'utf16le'), 512);
    expect(await codeOf(readDocumentText(ole, 'secret.docx'))).toBe('ENCRYPTED_FILE');
  });
  it('refuses an encrypted PDF', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Encrypt 2 0 R /Root 1 0 R >>\n%%EOF');
    expect(await codeOf(readDocumentText(pdf, 'a.pdf'))).toBe('ENCRYPTED_FILE');
  });
  it('refuses an image-only PDF with the scanned-image message', async () => {
    const p = readDocumentText(read('image-only.pdf'), 'scan.pdf');
    await expect(p).rejects.toThrow('tệp PDF không có lớp văn bản (chỉ là ảnh quét)'.replace(/^t/, 'T'));
  });
  it('refuses a file that is not a document', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0]);
    expect(await codeOf(readDocumentText(png, 'a.png'))).toBe('UNSUPPORTED_FILE');
  });
});

describe('PDF page handling', () => {
  it('drops running headers, footers and page numbers', () => {
    const body = (n: number) => [`mở đầu ${'abcd'[n - 1]}`, 'văn bản', `kết ${'abcd'[n - 1]}`].join('\n');
    const pages = [1, 2, 3, 4].map((n) => `ĐẢNG ỦY KHỐI\n${body(n)}\nTrang ${n}/4`);
    expect(joinPdfPages(pages)).toBe([1, 2, 3, 4].map(body).join('\n'));
    expect(joinPdfPages(['a\n- 3 -\nb'])).toBe('a\nb');
  });
  it('orders text runs by position', () => {
    const item = (str: string, x: number, y: number, width: number) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10 });
    expect(linesFromItems([item('Kế', 0, 100, 12), item('hoạch', 15, 100, 25), item('hai', 0, 80, 15)])).toBe('Kế hoạch\nhai');
    expect(linesFromItems([item('ạ', 6, 100, 5), item('K', 0, 100, 6)])).toBe('Kạ');
  });
});

describe('PDF paragraphs', () => {
  it('joins the lines of a paragraph, so a sentence broken by the layout is read whole', async () => {
    const pdf = extractDocument((await readDocumentText(read('001_49105ae659426032.pdf'), 'a.pdf')).text, { fileName: 'a' });
    const txt = extractDocument(readFileSync(SEED, 'utf8'), { fileName: 'a' });
    expect(pdf.reports).toEqual(txt.reports);
    expect(pdf.reports).toContainEqual({
      from: 'Các chi, đảng bộ cơ sở', to: 'Ban Thường vụ Đảng ủy Khối', via: 'Ban Tuyên giáo Đảng ủy Khối', due: [{ type: 'date', value: '2022-03-31' }],
    });
    expect(pdf.title).toBe(txt.title);
    expect(pdf.implements).toEqual(txt.implements);
  });

  it('keeps headings, bullets and paragraphs set apart on lines of their own', () => {
    const line = (text: string, y: number, x = 85) => ({ str: text, transform: [1, 0, 0, 14, x, y], width: text.length * 6, height: 14 });
    const full = 'x'.repeat(90);
    const page = unwrapPageLines(pageLines([
      line(`${full} của`, 700), line('Ban Thường vụ (qua Ban Tuyên giáo).', 683),
      line('- Một gạch đầu dòng', 666), line('1. Một mục có số', 649),
      line(`${full} hết đoạn`, 632), line('Đoạn sau cách xa hơn', 600),
    ]));
    expect(page.split('\n')).toEqual([
      `${full} của Ban Thường vụ (qua Ban Tuyên giáo).`, '- Một gạch đầu dòng', '1. Một mục có số', `${full} hết đoạn`, 'Đoạn sau cách xa hơn',
    ]);
  });
});
