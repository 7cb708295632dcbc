import { DomainError, isDomainError } from '#core/errors.ts';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_TYPES } from '#shared/attachments.ts';
import type { AttachmentExtension } from '#shared/attachments.ts';
import { listZipEntries } from '../../readers/zip-entries.ts';

/** The kinds of file accepted, as a user reads them. */
export const ALLOWED_TYPES_TEXT = 'PDF, Word (.docx, .doc), Excel (.xlsx, .xls), OpenDocument (.odt, .ods), ảnh JPG hoặc PNG';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
/** Only the directory is read, never an entry inflated: an archive's size is bounded by the upload's. */
const ZIP_LISTING = { maxEntries: 20_000, maxEntryBytes: 0, maxTotalBytes: 0, maxRatio: 0 };

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const startsWith = (bytes: Buffer, sig: Buffer) => bytes.length >= sig.length && bytes.subarray(0, sig.length).equals(sig);

/** The names of a zip's entries, or null when it is not a readable zip. */
function zipNames(bytes: Buffer): { names: Set<string>; mimetype: string | null } | null {
  if (!startsWith(bytes, ZIP)) return null;
  try {
    const entries = listZipEntries(bytes, ZIP_LISTING);
    // An OpenDocument file names its type in a first entry `mimetype`, stored uncompressed.
    const m = entries.find((e) => e.name === 'mimetype' && e.method === 0 && e.size < 200);
    return { names: new Set(entries.map((e) => e.name)), mimetype: m ? bytes.toString('latin1', m.dataOffset, m.dataOffset + m.size) : null };
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}

/** Whether the bytes are what the extension says, from the format's own signature and structure. */
function contentMatches(ext: AttachmentExtension, bytes: Buffer): boolean {
  switch (ext) {
    // Readers accept the header anywhere in the first 1024 bytes.
    case 'pdf': {
      const at = bytes.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1');
      return at >= 0;
    }
    case 'png':
      return startsWith(bytes, PNG);
    case 'jpg':
    case 'jpeg':
      return startsWith(bytes, JPEG);
    // A compound file: Word keeps a stream "WordDocument", Excel a "Workbook" (or "Book" before 97).
    case 'doc':
      return startsWith(bytes, OLE) && bytes.includes(utf16('WordDocument'));
    case 'xls':
      return startsWith(bytes, OLE) && (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book')));
    case 'docx':
      return zipNames(bytes)?.names.has('word/document.xml') ?? false;
    case 'xlsx':
      return zipNames(bytes)?.names.has('xl/workbook.xml') ?? false;
    case 'odt':
      return zipNames(bytes)?.mimetype === ATTACHMENT_TYPES.odt;
    case 'ods':
      return zipNames(bytes)?.mimetype === ATTACHMENT_TYPES.ods;
  }
}

/**
 * The name a file is kept and served under: its last path segment, without control or
 * direction-changing characters, at most 200 characters with its extension kept.
 */
export function cleanFileName(raw: string, ext: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069"]/g, '').replace(/\s+/g, ' ').trim();
  const stem = clean.slice(0, clean.length - ext.length - 1).trim();
  return `${(stem || 'tep-dinh-kem').slice(0, 190)}.${ext}`;
}

/**
 * The type of an uploaded file, checked by its extension (one of the allowed) and by its content
 * (the format's signature and structure), so that a program renamed .pdf is refused. Throws
 * EMPTY_FILE, ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_CONTENT_MISMATCH.
 */
export function checkAttachmentType(fileName: string, bytes: Buffer): { ext: AttachmentExtension; mime: string; name: string } {
  if (bytes.length === 0) throw new DomainError('EMPTY_FILE', 'Tệp rỗng; không có gì được lưu.');
  const written = /\.([A-Za-z0-9]{1,5})\s*$/.exec(fileName)?.[1];
  const ext = written?.toLowerCase();
  if (!written || !ext || !(ATTACHMENT_EXTENSIONS as string[]).includes(ext)) {
    throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', `Không nhận loại tệp này. Chỉ nhận: ${ALLOWED_TYPES_TEXT}.`);
  }
  const e = ext as AttachmentExtension;
  if (!contentMatches(e, bytes)) {
    throw new DomainError('ATTACHMENT_CONTENT_MISMATCH', `Nội dung tệp không phải tệp .${e} như tên tệp ghi (tệp bị đổi tên hoặc bị hỏng); không có gì được lưu.`);
  }
  return { ext: e, mime: ATTACHMENT_TYPES[e], name: cleanFileName(fileName, written) };
}
