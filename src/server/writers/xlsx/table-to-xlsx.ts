import ExcelJS from 'exceljs';

/**
 * Any table of the UI as an .xlsx sheet: Vietnamese headers in bold on a frozen first row with an
 * autofilter, numbers stored as numbers, dates as dates, shares as fractions shown with a percent
 * format. Display formats are Excel number formats, so a Vietnamese Excel shows "2.909" and
 * "95,56%" while the cells keep their values for sums and charts.
 */
export type XlsxColumnType = 'text' | 'integer' | 'number' | 'percent' | 'date';

export interface XlsxColumn<K extends string = string> {
  readonly key: K;
  /** Vietnamese header: "Đơn vị", "Số đảng viên", "Tỷ lệ". */
  readonly header: string;
  readonly type: XlsxColumnType;
  /** Width in characters. */
  readonly width?: number;
}

/** A share given as its two counts; the cell holds part / whole (empty when the whole is 0). */
export interface Share {
  readonly part: number;
  readonly whole: number;
}

export type XlsxValue = string | number | boolean | Date | Share | null | undefined;

export interface XlsxTable<K extends string = string> {
  /** Sheet name; characters Excel refuses are replaced, and it is cut to 31 characters. */
  readonly sheetName: string;
  readonly columns: readonly XlsxColumn<K>[];
  readonly rows: readonly Readonly<Record<K, XlsxValue>>[];
  /** Workbook title (document properties). */
  readonly title?: string;
  /** Title lines printed above the header row, bold, each across the table's width (what the list is of). */
  readonly heading?: readonly string[];
}

export const XLSX_FORMATS: Readonly<Record<XlsxColumnType, string | undefined>> = {
  text: '@',
  integer: '#,##0',
  number: '#,##0.00',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
};

const DEFAULT_WIDTH: Readonly<Record<XlsxColumnType, number>> = { text: 30, integer: 12, number: 14, percent: 10, date: 12 };

/** Excel refuses []:*?/\ in sheet names and more than 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Trang 1').slice(0, 31);
}

function isShare(v: unknown): v is Share {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'part' in v && 'whole' in v;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as Excel stores it: midnight UTC, which exceljs writes as a whole serial number. */
function toDate(v: XlsxValue): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string') {
    const m = ISO_DAY.exec(v.trim()) ?? /^(\d{4})-(\d{2})-(\d{2})T/.exec(v.trim());
    if (!m) return null;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function toNumber(v: XlsxValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * The value a cell of this column type holds. Throws TypeError for a value that cannot be one
 * (text in a number column, a malformed date): exports must not silently drop figures.
 */
export function cellValue(type: XlsxColumnType, v: XlsxValue, where: string): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'text':
      return v instanceof Date ? v.toISOString().slice(0, 10) : isShare(v) ? `${v.part}/${v.whole}` : String(v);
    case 'integer':
    case 'number': {
      const n = toNumber(v as XlsxValue);
      if (n === null) throw new TypeError(`${where}: "${String(v)}" không phải là số`);
      return n;
    }
    case 'percent': {
      if (isShare(v)) return v.whole === 0 ? null : v.part / v.whole;
      const n = toNumber(v);
      if (n === null) throw new TypeError(`${where}: "${String(v)}" không phải là tỷ lệ`);
      return n;
    }
    case 'date': {
      const d = toDate(v);
      if (!d) throw new TypeError(`${where}: "${String(v)}" không phải là ngày`);
      return d;
    }
  }
}

/**
 * Writes one table as an .xlsx workbook: the title lines if any, then a bold, wrapped header row,
 * frozen, with an autofilter;
 * each column typed by `type` (see XLSX_FORMATS). Throws TypeError for a value its column cannot hold.
 */
export async function tableToXlsx<K extends string>(table: XlsxTable<K>): Promise<Buffer> {
  return tablesToXlsx([table], table.title);
}

/**
 * Writes several tables as one workbook, a sheet each, in order (the sheets of one list split by
 * unit). Sheet names that would repeat once cleaned and cut are told apart by " (2)", " (3)"…
 */
export async function tablesToXlsx(tables: readonly XlsxTable<string>[], title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'trienkhai';
  if (title) wb.title = title;
  const used = new Set<string>();
  for (const table of tables) {
    let name = safeSheetName(table.sheetName);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safeSheetName(table.sheetName).slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    addSheet(wb, name, table);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, name: string, table: XlsxTable<string>): void {
  const heading = table.heading?.filter((l) => l.trim() !== '') ?? [];
  // The header row comes after the title lines; it stays frozen with them.
  const headerRow = heading.length + 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] });
  ws.columns = table.columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(40, c.header.length + 2)),
    style: { numFmt: XLSX_FORMATS[c.type] },
  }));
  const span = Math.max(1, table.columns.length);
  heading.forEach((text, i) => {
    const row = ws.addRow([text]);
    row.font = { bold: true, size: i === 0 ? 13 : 11 };
    row.getCell(1).numFmt = 'General';
    if (span > 1) ws.mergeCells(i + 1, 1, i + 1, span);
  });
  ws.addRow(table.columns.map((c) => c.header));
  table.rows.forEach((row, i) => {
    const values = table.columns.map((c) => cellValue(c.type, row[c.key], `Dòng ${headerRow + i + 1}, cột "${c.header}"`));
    ws.addRow(values);
  });
  const header = ws.getRow(headerRow);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.numFmt = 'General';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  if (table.columns.length > 0) {
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
  }
}
