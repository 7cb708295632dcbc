import { DomainError } from '#core/errors.ts';
import { tooManyPages } from './document-limits.ts';
import { inflatedSize } from './inflated-size.ts';

export interface PdfBounds {
  maxPages: number;
  /** The most one stream may inflate to. */
  maxStreamBytes: number;
  /** The most all the streams read for text may inflate to together. */
  maxTotalBytes: number;
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before its data a stream's dictionary is looked for. */
const DICTIONARY_SPAN = 4096;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

const streamsTooLarge = (bounds: PdfBounds) =>
  new DomainError(
    'ARCHIVE_TOO_LARGE',
    `Tệp PDF có phần nén giải nén ra quá lớn (mỗi phần tối đa ${mb(bounds.maxStreamBytes)} MB, cả tệp ${mb(bounds.maxTotalBytes)} MB); hãy xuất lại tệp PDF từ bản Word rồi tải lên lại.`,
  );

/** A page tree node's /Count, within its dictionary (no ">" between the two keys). */
const PAGES_COUNT = /\/Type\s*\/Pages\b[^>]{0,4096}?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]{0,4096}?\/Type\s*\/Pages\b/g;
/** A page object, by its object number (a file saved again by appending keeps older copies of a page). */
const PAGE_OBJECT = /(\d+)\s+\d+\s+obj\s*<<[^>]{0,1024}?\/Type\s*\/Page(?![A-Za-z])/g;

/**
 * The pages a PDF says it has, read from its bytes: the largest count of a page tree node, or the
 * page objects written out, whichever is more. pdf.js walks the page tree when it opens a
 * document, so this is counted first. What is kept in compressed object streams is not seen here;
 * pdf.js counts those pages.
 */
export function declaredPages(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(PAGES_COUNT)) count = Math.max(count, Number(m[1] ?? m[2]));
  const objects = new Set<string>();
  for (const m of text.matchAll(PAGE_OBJECT)) objects.add(m[1]!);
  return Math.max(count, objects.size);
}

/**
 * Checks, before pdf.js reads a PDF, how many pages it declares (declaredPages; TOO_MANY_PAGES)
 * and what its deflated streams inflate to: pdf.js inflates a page's
 * content into memory outside the thread's heap, and a content stream of a few hundred kilobytes
 * may inflate to gigabytes. Images are left out (text is read without them, and a scan inflates to
 * a lot honestly); each other stream whose one filter is FlateDecode is inflated, counting and
 * keeping nothing, up to what the bounds leave. Streams under other filters are left to the
 * reader's time limit. Throws TOO_MANY_PAGES, ARCHIVE_TOO_LARGE.
 */
export async function checkPdf(bytes: Buffer, bounds: PdfBounds): Promise<void> {
  const pages = declaredPages(bytes);
  if (pages > bounds.maxPages) throw tooManyPages(pages, bounds.maxPages);
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = bytes.indexOf(STREAM, at);
    if (keyword < 0) return;
    at = keyword + STREAM.length;
    // "endstream" ends a stream; "stream" starts one only when a line break follows it.
    if (keyword >= 3 && bytes.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = at;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a && start === at) continue;
    if (bytes[start] === 0x0a) start++;
    const end = bytes.indexOf(END_STREAM, start);
    if (end < 0) return;
    at = end + END_STREAM.length;
    const head = bytes.toString('latin1', Math.max(0, keyword - DICTIONARY_SPAN), keyword);
    const dictionary = head.slice(head.lastIndexOf(' obj') + 1);
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    if (!/\/Filter\s*(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])/.test(dictionary)) continue;
    const limit = Math.min(bounds.maxStreamBytes, bounds.maxTotalBytes - total);
    let size: number;
    try {
      size = await inflatedSize(bytes.subarray(start, end), limit, 'zlib');
    } catch {
      // Not deflate after all: pdf.js will say what it makes of it.
      continue;
    }
    total += size;
    if (size > limit) throw streamsTooLarge(bounds);
  }
}
