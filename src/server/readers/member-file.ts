import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DomainError } from '#core/errors.ts';
import type { Cell, SheetRow } from '#core/members/import-rows.ts';
import { lookupHeader } from '#core/members/import-rows.ts';

/** An uploaded file as the route hands it over. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

/** Columns read per row: a member list has a dozen; a sheet with thousands is not one. */
const MAX_COLUMNS = 100;

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
 * Vietnamese Windows code page 1258; the separator (comma, semicolon, tab) is detected.
 * Throws EMPTY_FILE, INVALID_FILE, UNSUPPORTED_FILE.
 */
export async function readMemberFile(file: UploadedFile): Promise<SheetRow[]> {
  const { data } = file;
  const ext = extname(file.filename).toLowerCase();
  if (data.length === 0) throw new DomainError('EMPTY_FILE', 'Tệp rỗng, không có dữ liệu.');
  if (isZip(data)) return readXlsx(data);
  if (isOle(data) || ext === '.xls') {
    throw new DomainError('UNSUPPORTED_FILE', 'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy mở tệp bằng Excel và lưu thành .xlsx, hoặc dùng tệp mẫu.');
  }
  if (ext === '.xlsx' || ext === '.xlsm' || file.mimetype === XLSX_MIME) throw invalidXlsx();
  if (['.csv', '.txt', '.tsv'].includes(ext) || file.mimetype.startsWith('text/')) return readCsv(data);
  throw new DomainError('UNSUPPORTED_FILE', 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw invalidXlsx();
  }
  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  if (sheets.length === 0) throw invalidXlsx();
  const all = sheets.map(sheetRows);
  // The list is on the first sheet with a "Họ và tên" header (a cover or guide sheet may come first).
  return all.find((rows) => lookupHeader(rows) !== null) ?? all[0]!;
}

function sheetRows(ws: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    // row.values is 1-based: index 0 is always empty.
    for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++) cells.push(cellOf(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
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

function readCsv(data: Buffer): SheetRow[] {
  const text = decodeText(data);
  if (text.includes('\u0000')) throw new DomainError('INVALID_FILE', 'Tệp không phải tệp CSV (văn bản) hợp lệ.');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  // Row n of the spreadsheet is record n: a quoted cell spanning lines is still one row.
  return parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.slice(0, MAX_COLUMNS) }));
}
