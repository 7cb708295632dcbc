import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { DomainError } from '#core/errors.ts';
import { DOCUMENT_LIMITS, textTooLong, tooManyPages } from './document-limits.ts';
import { checkPdf } from './pdf-bounds.ts';
import { checkZip } from './zip-entries.ts';

export type DocumentFormat = 'docx' | 'pdf' | 'doc' | 'txt';

/** Error codes thrown while reading an uploaded document. */
export const READ_ERRORS = {
  EMPTY_FILE: 'Tệp rỗng, không có nội dung.',
  CORRUPT_FILE: 'Tệp bị hỏng hoặc không đọc được (có thể tải lên chưa hết).',
  ENCRYPTED_FILE: 'Tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.',
  IMAGE_ONLY_PDF: 'Tệp PDF không có lớp văn bản (chỉ là ảnh quét); hãy dùng bản Word hoặc PDF có chữ.',
  UNSUPPORTED_FILE: 'Định dạng tệp không được hỗ trợ; hãy dùng .docx, .doc, .pdf hoặc .txt.',
  UNKNOWN_ENCODING: 'Không nhận ra bảng mã của tệp văn bản (có thể là TCVN3/ABC hoặc VNI); hãy lưu lại dưới dạng Unicode (UTF-8).',
} as const;

function fail(code: keyof typeof READ_ERRORS, fileName: string, cause?: unknown): never {
  throw new DomainError(code, READ_ERRORS[code], { fileName, ...(cause ? { cause: String((cause as Error)?.message ?? cause) } : {}) });
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when an OLE compound file holds an encrypted OOXML package (a password-protected .docx). */
function isEncryptedPackage(b: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}

function sniff(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) return 'docx';
  if (startsWith(bytes, OLE)) return 'doc';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx' || ext === 'pdf' || ext === 'doc') return ext === 'docx' && bytes.length < 4 ? 'docx' : (ext as DocumentFormat);
  if (ext && !['txt', 'text', 'md'].includes(ext)) {
    // Something else that is not text: images, spreadsheets, archives.
    if (bytes.subarray(0, 512).some((c) => c === 0)) fail('UNSUPPORTED_FILE', fileName);
  }
  return 'txt';
}

async function readDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Checked before mammoth opens the archive: it would inflate every part whatever its size.
  const entries = await checkZip(buffer, DOCUMENT_LIMITS.zip);
  if (!entries.some((e) => e.name.startsWith('word/'))) fail('UNSUPPORTED_FILE', fileName);
  try {
    const r = await mammoth.extractRawText({ buffer });
    return r.value;
  } catch (e) {
    return fail('CORRUPT_FILE', fileName, e);
  }
}

async function readDoc(bytes: Uint8Array, fileName: string): Promise<string> {
  if (isEncryptedPackage(bytes)) fail('ENCRYPTED_FILE', fileName);
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return doc.getBody();
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/encrypt|password/i.test(msg)) fail('ENCRYPTED_FILE', fileName, e);
    return fail('CORRUPT_FILE', fileName, e);
  }
}

const PAGE_NO = /^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?\s*$/iu;

/**
 * Joins PDF pages, leaving out running headers and footers: lines that come back on most pages
 * (digits ignored, so "Trang 3/10" counts as the same line on every page) and lone page numbers.
 */
export function joinPdfPages(pages: string[]): string {
  const key = (l: string) => l.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const counts = new Map<string, number>();
  for (const p of pages) {
    const lines = p.split('\n');
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(key).filter(Boolean));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeat = Math.max(2, Math.ceil(pages.length * 0.6));
  const running = (l: string) => pages.length >= 3 && (counts.get(key(l)) ?? 0) >= minRepeat;
  return pages
    .map((p) =>
      p
        .split('\n')
        .filter((l, i, all) => !PAGE_NO.test(l) && !((i < 2 || i >= all.length - 2) && running(l)))
        .join('\n'),
    )
    .join('\n');
}

interface PdfItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

interface PageLine {
  text: string;
  /** Left edge of the line's first run. */
  x: number;
  /** Height of its text. */
  h: number;
  /** Distance from the previous line's baseline (0 for the first line of a page). */
  gap: number;
}

/**
 * Rebuilds a page's lines from the positions of its text runs. Drawing order is not reading
 * order: a PDF may draw the Vietnamese letters of a line from a fallback font after the rest.
 */
export function pageLines(items: PdfItem[]): PageLine[] {
  const runs = items
    .filter((i) => typeof i.str === 'string' && i.str.length > 0 && Array.isArray(i.transform))
    .map((i) => ({ s: i.str as string, x: (i.transform as number[])[4] as number, y: (i.transform as number[])[5] as number, w: i.width ?? 0, h: Math.abs(i.height || (i.transform as number[])[3] || 10) }));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<typeof runs> = [];
  for (const r of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0] as (typeof runs)[number]).y - r.y) <= r.h * 0.4) line.push(r);
    else lines.push([r]);
  }
  return lines.map((line, n) => {
    const gap = n === 0 ? 0 : ((lines[n - 1] as typeof runs)[0] as (typeof runs)[number]).y - (line[0] as (typeof runs)[number]).y;
    line.sort((a, b) => a.x - b.x);
    let out = '';
    let end = -Infinity;
    for (const r of line) {
      if (out && r.x - end > r.h * 0.2 && !/\s$/.test(out) && !/^\s/.test(r.s)) out += ' ';
      out += r.s;
      end = Math.max(end, r.x + r.w);
    }
    const first = line[0] as (typeof runs)[number];
    return { text: out.replace(/[ \t]+/g, ' ').trim(), x: first.x, h: first.h, gap };
  });
}

export function linesFromItems(items: PdfItem[]): string {
  return pageLines(items).map((l) => l.text).join('\n');
}

/**
 * A PDF keeps the line breaks of its layout, so one paragraph comes back as several lines. A
 * line as long as the page's full lines continues on the next line (or a nearly full one that
 * does not end a sentence), unless that one starts a paragraph (indented or centred: it begins right of the margin;
 * or set apart by more space than lines are) or an item of its own (a bullet, a numbered or
 * lettered heading, a line in capitals).
 */
export function unwrapPageLines(lines: PageLine[]): string {
  const texts = lines.filter((l) => l.text.length > 0);
  const lengths = texts.map((l) => l.text.length).sort((a, b) => a - b);
  const full = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  const margin = Math.min(...texts.filter((l) => l.text.length >= full * 0.75).map((l) => l.x), Infinity);
  const gaps = texts.map((l) => l.gap).filter((g) => g > 0).sort((a, b) => a - b);
  const lineGap = gaps[Math.floor(gaps.length / 2)] ?? Infinity;
  const startsItem = (l: string) =>
    /^\s*(?:[-+•·*–]\s|\d+(?:\.\d+)*\s*[.)\-–]\s|[IVXLC]+\s*[.\-–)]\s|[a-zđ]\)\s)/u.test(l) || (/\p{L}/u.test(l) && l === l.toUpperCase());
  const out: PageLine[] = [];
  for (const line of texts) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined && full > 0 &&
      // A justified paragraph's lines run to the margin; its last line stops short. So a full line
      // goes on whatever it ends with, a nearly full one when it ends mid-sentence.
      (prev.text.length >= full * 0.9 || (prev.text.length >= full * 0.6 && !/[.:;!?…”"»]\s*$/u.test(prev.text))) &&
      line.x <= margin + line.h && line.gap <= lineGap * 1.25 && !startsItem(line.text);
    if (continues) out[out.length - 1] = { ...prev, text: `${prev.text} ${line.text}` };
    else out.push({ ...line });
  }
  return out.map((l) => l.text).join('\n');
}

async function readPdf(bytes: Uint8Array, fileName: string): Promise<string> {
  await checkPdf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), DOCUMENT_LIMITS.pdf);
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    const name = (e as { name?: string })?.name ?? '';
    if (/password/i.test(name) || /password|encrypt/i.test(String((e as Error)?.message))) fail('ENCRYPTED_FILE', fileName, e);
    return fail('CORRUPT_FILE', fileName, e);
  }
  // Every page is laid out again even when pages share their content: the count bounds the work.
  if (pdf.numPages > DOCUMENT_LIMITS.pdf.maxPages) {
    await pdf.destroy();
    throw tooManyPages(pdf.numPages, DOCUMENT_LIMITS.pdf.maxPages);
  }
  const pages: string[] = [];
  let length = 0;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      const text = unwrapPageLines(pageLines(content.items as unknown as PdfItem[]));
      length += text.length;
      if (length > DOCUMENT_LIMITS.maxTextChars) throw textTooLong();
      pages.push(text);
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    return fail('CORRUPT_FILE', fileName, e);
  } finally {
    await pdf.destroy();
  }
  if (pages.every((p) => p.replace(/\s+/g, '').length === 0)) fail('IMAGE_ONLY_PDF', fileName);
  return joinPdfPages(pages);
}



/**
 * Decodes plain text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258. A legacy
 * 8-bit file that does not read as Vietnamese in Windows-1258 (TCVN3/ABC, VNI) is refused rather
 * than guessed.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return b.subarray(3).toString('utf8');
  if (startsWith(b, [0xff, 0xfe])) return iconv.decode(b.subarray(2), 'utf16le');
  if (startsWith(b, [0xfe, 0xff])) return iconv.decode(b.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    const s = iconv.decode(b, 'windows-1258').normalize('NFC');
    const nonAscii = [...s].filter((c) => c.charCodeAt(0) > 127);
    const odd = nonAscii.filter((c) => !/\p{L}/u.test(c) && !'“”‘’–—…•·°'.includes(c));
    if (nonAscii.length === 0 || odd.length / nonAscii.length < 0.1) return s;
    return fail('UNKNOWN_ENCODING', fileName);
  }
}

/**
 * Reads the text of an uploaded document. The format is told by the file's first bytes (the
 * extension only for plain text). The text comes back NFC-normalised with Unix line breaks. The
 * work is bounded by DOCUMENT_LIMITS: a zip's inflated sizes are checked before it is opened, a
 * PDF's pages counted before they are read, and the text measured as it grows.
 * @throws DomainError EMPTY_FILE, CORRUPT_FILE, ENCRYPTED_FILE, IMAGE_ONLY_PDF, UNSUPPORTED_FILE, UNKNOWN_ENCODING,
 *   ARCHIVE_TOO_LARGE, TOO_MANY_PAGES, TEXT_TOO_LONG
 */
export async function readDocumentText(bytes: Uint8Array, fileName: string): Promise<{ text: string; format: DocumentFormat }> {
  if (bytes.length === 0) fail('EMPTY_FILE', fileName);
  const format = sniff(bytes, fileName);
  let text: string;
  if (format === 'pdf') {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('/Encrypt'))) fail('ENCRYPTED_FILE', fileName);
    text = await readPdf(bytes, fileName);
  } else if (format === 'docx') {
    if (!startsWith(bytes, ZIP)) fail('CORRUPT_FILE', fileName);
    text = await readDocx(bytes, fileName);
  } else if (format === 'doc') {
    if (!startsWith(bytes, OLE)) fail('CORRUPT_FILE', fileName);
    text = await readDoc(bytes, fileName);
  } else text = decodeText(bytes, fileName);
  // Composing the tones (NFC) at most halves a text: one twice too long is refused before.
  if (text.length > 2 * DOCUMENT_LIMITS.maxTextChars) throw textTooLong();
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (text.length > DOCUMENT_LIMITS.maxTextChars) throw textTooLong();
  if (text.trim() === '') fail(format === 'pdf' ? 'IMAGE_ONLY_PDF' : 'EMPTY_FILE', fileName);
  return { text, format };
}
