import { DomainError } from '#core/errors.ts';
import type { PdfBounds } from './pdf-bounds.ts';
import type { ZipBounds } from './zip-entries.ts';

/**
 * What a document may cost to read, decided before reading it. The longest documents a committee
 * issues (the documents of a congress) run to a few hundred pages and well under a million
 * characters. A .docx holds 3 to 13 bytes of XML per character of text, and mammoth holds the
 * whole XML and its tree at once (some 45 bytes of heap per byte of XML): a part of 8 MB is more
 * than a reader's heap takes unless an operator has raised it. A PDF's page content is a few to a
 * few hundred kilobytes once inflated.
 */
export const DOCUMENT_LIMITS = {
  maxTextChars: 1_000_000,
  zip: { maxEntryBytes: 8 * 2 ** 20, maxTotalBytes: 64 * 2 ** 20, maxRatio: 100, maxEntries: 2_000 } satisfies ZipBounds,
  pdf: { maxPages: 500, maxStreamBytes: 32 * 2 ** 20, maxTotalBytes: 128 * 2 ** 20 } satisfies PdfBounds,
} as const;

export const textTooLong = () =>
  new DomainError(
    'TEXT_TOO_LONG',
    `Văn bản dài quá ${vi(DOCUMENT_LIMITS.maxTextChars)} ký tự, vượt mọi văn bản thường ban hành; hãy tách thành nhiều tệp hoặc chỉ nhập phần cần triển khai.`,
  );

const vi = (n: number) => n.toLocaleString('vi-VN');

export const tooManyPages = (pages: number, maxPages: number) =>
  new DomainError(
    'TOO_MANY_PAGES',
    `Tệp PDF có ${vi(pages)} trang; mỗi văn bản nhập tối đa ${vi(maxPages)} trang. Hãy tách thành nhiều tệp hoặc dùng bản Word.`,
  );
