import { extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import type { Cell, ImportField, ReadRowsResult, RowValidator, SheetRow } from '#core/members/import-rows.ts';
import { HEADER_SEARCH_ROWS, IMPORT_COLUMNS, isBlankRow, lookupHeader, MemberRowReader, sheetRowCap, tooManyRows } from '#core/members/import-rows.ts';
import type { MemberCreate } from '#shared/members.ts';
import { MemberCreateSchema } from '#shared/members.ts';
import type { ZipBounds, ZipEntry, ZipPart } from './zip-entries.ts';
import { checkZip, reorderedZip } from './zip-entries.ts';

/** An uploaded file as the route hands it over. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

/** Columns read per row: a member list has a dozen; a sheet with thousands is not one. */
const MAX_COLUMNS = 100;

/**
 * What a workbook may inflate to. Its sheets are read as a stream and left at the row limit, so a
 * sheet may be large (a province's list of 150,000 rows of twelve columns is some 70 MB); the
 * shared strings and styles are held whole, so they are bounded tighter (that list's shared
 * strings, a name, a card, a phone and an e-mail per row, are some 20 MB).
 */
const XLSX_BOUNDS: ZipBounds = { maxEntryBytes: 256 * 2 ** 20, maxTotalBytes: 320 * 2 ** 20, maxRatio: 100, maxEntries: 2_000 };
const HELD_WHOLE_MAX_BYTES = 40 * 2 ** 20;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const startsWith = (data: Buffer, bytes: number[]) => data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
/** A zip archive (an .xlsx is one): "PK\x03\x04". */
const isZip = (data: Buffer) => startsWith(data, [0x50, 0x4b, 0x03, 0x04]);
/** An OLE compound file: an Excel 97-2003 .xls. */
const isOle = (data: Buffer) => startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const invalidXlsx = () => new DomainError('INVALID_FILE', 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');

/**
 * Reads the rows of an uploaded member list. The kind of file is decided by its first bytes, not
 * its name: a zip is read as .xlsx, anything else named .xlsx is refused; text (.csv, .txt) is
 * read as CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or, when it is not UTF-8, the
 * Vietnamese Windows code page 1258; the separator (comma, semicolon, tab) is detected. Reading
 * stops past sheetRowCap(maxRows) non-blank rows, so a longer list costs no more than that.
 * Throws EMPTY_FILE, INVALID_FILE, UNSUPPORTED_FILE, ARCHIVE_TOO_LARGE, TOO_MANY_ROWS.
 */
export async function readMemberFile(file: UploadedFile, maxRows: number): Promise<SheetRow[]> {
  return readSheetFile(file, maxRows, isMemberList);
}

/** Tells whether the first rows of a sheet hold the header of the list sought. */
export type ListFinder = (firstRows: readonly SheetRow[]) => boolean;

const isMemberList: ListFinder = (rows) => lookupHeader(rows) !== null;

/**
 * Reads the rows of an uploaded list as readMemberFile does; of a workbook, the first visible sheet
 * whose first rows `isList` recognises (a cover or guide sheet may come first).
 */
export async function readSheetFile(file: UploadedFile, maxRows: number, isList: ListFinder): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  await streamSheetFile(file, maxRows, isList, (r) => rows.push(r));
  return rows;
}

/** readSheetFile handing each non-blank row of the list to `take` as it is read, keeping none. */
async function streamSheetFile(file: UploadedFile, maxRows: number, isList: ListFinder, take: (r: SheetRow) => void): Promise<void> {
  const { data } = file;
  const ext = extname(file.filename).toLowerCase();
  if (data.length === 0) throw new DomainError('EMPTY_FILE', 'Tệp rỗng, không có dữ liệu.');
  if (isZip(data)) return readXlsx(data, maxRows, isList, take);
  if (isOle(data) || ext === '.xls') {
    throw new DomainError('UNSUPPORTED_FILE', 'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy mở tệp bằng Excel và lưu thành .xlsx, hoặc dùng tệp mẫu.');
  }
  if (ext === '.xlsx' || ext === '.xlsm' || file.mimetype === XLSX_MIME) throw invalidXlsx();
  if (['.csv', '.txt', '.tsv'].includes(ext) || file.mimetype.startsWith('text/')) return readCsv(data, maxRows, take);
  throw new DomainError('UNSUPPORTED_FILE', 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
}

const FIELDS = new Set<string>(IMPORT_COLUMNS.map((c) => c.field));

/** Every row is checked with the API's own contract for adding a member. */
const validate: RowValidator<MemberCreate> = (candidate) => {
  const r = MemberCreateSchema.safeParse(candidate);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => {
      const key = i.path[0];
      return { field: typeof key === 'string' && FIELDS.has(key) ? (key as ImportField) : null, message: i.message };
    }),
  };
};

/**
 * A member list read and checked row by row (readMemberRows with the API's contract): what the
 * import needs of the file, and all of the work that grows with it. Each row is checked as it is
 * read and only what the import needs of it is kept. Throws what readMemberFile and readMemberRows
 * throw.
 */
export async function readMemberList(file: UploadedFile, opts: { today: IsoDate; maxRows: number }): Promise<ReadRowsResult<MemberCreate>> {
  const reader = new MemberRowReader({ validate, today: opts.today, maxRows: opts.maxRows });
  await streamSheetFile(file, opts.maxRows, isMemberList, (r) => reader.add(r));
  return reader.finish();
}

/** The parts exceljs's streaming reader needs before the sheets: otherwise it copies each sheet to a temporary file first. */
const BEFORE_SHEETS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');

/**
 * The workbook's parts in the order a streaming read wants them (relationships, workbook, styles
 * and shared strings, then the sheets in their order), the rest left out.
 */
function streamingOrder(entries: readonly ZipEntry[]): ZipPart[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const parts: ZipPart[] = [];
  for (const name of BEFORE_SHEETS) {
    const e = byName.get(name);
    if (e && name !== 'xl/_rels/workbook.xml.rels' && name !== 'xl/workbook.xml' && e.size > HELD_WHOLE_MAX_BYTES) {
      throw new DomainError('ARCHIVE_TOO_LARGE', 'Bảng tính có phần chữ dùng chung hoặc định dạng quá lớn; hãy lưu lại tệp bằng Excel, hoặc dùng tệp mẫu.');
    }
    if (e) parts.push(e);
    else if (name === 'xl/sharedStrings.xml') parts.push({ name, data: EMPTY_SHARED_STRINGS });
  }
  if (!byName.has('xl/workbook.xml')) throw invalidXlsx();
  const sheets = entries.filter((e) => SHEET.test(e.name));
  sheets.sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  return [...parts, ...sheets];
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { state?: string };

/**
 * The rows of the member list, handed to `take`: those of the first visible sheet with a "Họ và
 * tên" header among its first rows (a cover or guide sheet may come first), else the first rows of
 * the first visible sheet (for readMemberRows to say what is missing). Sheets are streamed; the
 * chosen one is read up to sheetRowCap(maxRows) non-blank rows and refused past it.
 */
async function readXlsx(data: Buffer, maxRows: number, isList: ListFinder, take: (r: SheetRow) => void): Promise<void> {
  const entries = await checkZip(data, XLSX_BOUNDS).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'CORRUPT_FILE') throw invalidXlsx();
    throw e;
  });
  const archive = reorderedZip(data, streamingOrder(entries));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([archive]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const cap = sheetRowCap(maxRows);
  let fallback: SheetRow[] | null = null;
  try {
    for await (const sheet of reader as AsyncIterable<SheetReader>) {
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
      // The first rows are held until it is known whether this sheet is the list; then they and
      // every later row go to `take` as they come.
      const head: SheetRow[] = [];
      let listed: boolean | null = null;
      let count = 0;
      for await (const row of sheet) {
        if (listed === false) continue;
        const r = sheetRow(row);
        if (isBlankRow(r)) continue;
        if (++count > cap) throw tooManyRows(maxRows, null);
        if (listed) {
          take(r);
          continue;
        }
        head.push(r);
        if (head.length === HEADER_SEARCH_ROWS) {
          listed = isList(head);
          fallback ??= head;
          if (listed) head.forEach(take);
        }
      }
      if (listed) return;
      if (listed === null && isList(head)) {
        head.forEach(take);
        return;
      }
      fallback ??= head;
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalidXlsx();
  }
  if (fallback === null) throw invalidXlsx();
  fallback.forEach(take);
}

function sheetRow(row: ExcelJS.Row): SheetRow {
  const values = Array.isArray(row.values) ? row.values : [];
  const cells: Cell[] = [];
  // row.values is 1-based: index 0 is always empty.
  for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++) cells.push(cellOf(values[i]));
  return { row: row.number, cells };
}

/** An exceljs cell value as a plain cell: formulas give their result, rich text its text. */
function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : cellOf(v.result);
  if ('hyperlink' in v) return cellOf(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return null;
}

function decodeText(data: Buffer): string {
  if (startsWith(data, [0xff, 0xfe])) return iconv.decode(data, 'utf16-le');
  if (startsWith(data, [0xfe, 0xff])) return iconv.decode(data, 'utf16-be');
  try {
    // The UTF-8 BOM that Excel writes is dropped by the decoder.
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // NOTE: "CSV" saved by Excel on a Vietnamese Windows is in code page 1258, with tones as
    // combining marks; NFC puts them back on their letters.
    return iconv.decode(data, 'windows1258').normalize('NFC');
  }
}

function readCsv(data: Buffer, maxRows: number, take: (r: SheetRow) => void): void {
  const text = decodeText(data);
  if (text.includes('\u0000')) throw new DomainError('INVALID_FILE', 'Tệp không phải tệp CSV (văn bản) hợp lệ.');
  const cap = sheetRowCap(maxRows);
  let rows = 0;
  let records = 0;
  let over = false;
  let failure: unknown = null;
  // Row n of the spreadsheet is record n: a quoted cell spanning lines is still one row. Blank
  // rows are numbered, not kept.
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (result, parser) => {
      const row = { row: ++records, cells: result.data.slice(0, MAX_COLUMNS) };
      if (isBlankRow(row)) return;
      if (rows >= cap) {
        over = true;
        parser.abort();
        return;
      }
      rows++;
      try {
        take(row);
      } catch (e) {
        // A file that is not a list (no header): the parser stops and the reason goes up.
        failure = e;
        parser.abort();
      }
    },
  });
  if (failure !== null) throw failure;
  if (over) throw tooManyRows(maxRows, null);
}
