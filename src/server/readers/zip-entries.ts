import zlib from 'node:zlib';
import { DomainError } from '#core/errors.ts';
import { inflatedSize } from './inflated-size.ts';

/**
 * The entries of a zip archive (a .docx or .xlsx is one) as its central directory lists them, and
 * the bounds an archive must keep before a parser opens it: a small file may inflate to gigabytes,
 * and mammoth and exceljs inflate whatever the archive holds.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; other methods are refused. */
  method: number;
  crc: number;
  compressedSize: number;
  /** The size the directory declares; checkZip inflates the entry to make sure it is not more. */
  size: number;
  /** Where the entry's data starts in the archive. */
  dataOffset: number;
}

export interface ZipBounds {
  /** The largest an entry may inflate to. */
  maxEntryBytes: number;
  /** The most all entries together may inflate to. */
  maxTotalBytes: number;
  /** Inflated size over compressed size, for entries of more than a megabyte. */
  maxRatio: number;
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 64 KB. */
const EOCD_SEARCH = 22 + 0xffff;
const RATIO_FROM_BYTES = 2 ** 20;

const corrupt = () => new DomainError('CORRUPT_FILE', 'Tệp bị hỏng hoặc không đọc được (có thể tải lên chưa hết).');

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export const archiveTooLarge = (bounds: ZipBounds) =>
  new DomainError(
    'ARCHIVE_TOO_LARGE',
    `Tệp giải nén ra quá lớn hoặc được nén bất thường (mỗi phần tối đa ${mb(bounds.maxEntryBytes)} MB, cả tệp ${mb(bounds.maxTotalBytes)} MB, nén không quá ${bounds.maxRatio} lần); hãy lưu lại tệp bằng Word hoặc Excel rồi tải lên lại.`,
  );

/** The entries listed by the archive's central directory. Throws CORRUPT_FILE when there is none. */
export function listZipEntries(bytes: Buffer, bounds: ZipBounds): ZipEntry[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - EOCD_SEARCH); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt();
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  // 0xFFFF and 0xFFFFFFFF announce a ZIP64 record: more entries or bytes than an office document has.
  if (count === 0xffff || dirOffset === 0xffffffff) throw archiveTooLarge(bounds);
  if (count > bounds.maxEntries) throw archiveTooLarge(bounds);
  if (dirOffset + dirSize > end) throw corrupt();
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw corrupt();
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw archiveTooLarge(bounds);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw corrupt();
    const dataOffset = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw corrupt();
    entries.push({ name, method, crc, compressedSize, size, dataOffset });
  }
  return entries;
}

/**
 * The archive's entries, once their declared and real inflated sizes are within `bounds`. Checked
 * from the central directory before any parser sees the file, then by inflating each entry up to
 * its declared size and no further. Throws ARCHIVE_TOO_LARGE, CORRUPT_FILE.
 */
export async function checkZip(bytes: Buffer, bounds: ZipBounds): Promise<ZipEntry[]> {
  const entries = listZipEntries(bytes, bounds);
  let total = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw corrupt();
    total += e.size;
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (e.size > bounds.maxEntryBytes || total > bounds.maxTotalBytes) throw archiveTooLarge(bounds);
    if (e.size > RATIO_FROM_BYTES && ratio > bounds.maxRatio) throw archiveTooLarge(bounds);
  }
  for (const e of entries) {
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let real: number;
    try {
      real = e.method === 0 ? raw.length : await inflatedSize(raw, e.size, 'raw');
    } catch {
      throw corrupt();
    }
    if (real > e.size) throw archiveTooLarge(bounds);
    if (real < e.size) throw corrupt();
  }
  return entries;
}

/** A part of a rebuilt archive: an entry of the original, or stored bytes added by the reader. */
export type ZipPart = ZipEntry | { name: string; data: Buffer };

/**
 * A zip of the given parts in the order given, each behind a local header rebuilt from the checked
 * directory (sizes known, no data descriptor): a reader that streams the archive from its first
 * byte then meets the parts it needs first in that order, and trusts only checked sizes.
 */
export function reorderedZip(bytes: Buffer, parts: readonly ZipPart[]): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const stored = 'data' in p;
    const data = stored ? p.data : bytes.subarray(p.dataOffset, p.dataOffset + p.compressedSize);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(stored ? 0 : p.method, 8);
    h.writeUInt32LE((stored ? zlib.crc32(p.data) : p.crc) >>> 0, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(stored ? p.data.length : p.size, 22);
    h.writeUInt16LE(name.length, 26);
    out.push(h, name, data);
  }
  return Buffer.concat(out);
}
