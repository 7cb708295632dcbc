import { DomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import { isIsoDate } from '../ids.ts';
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_NAMES, POSITIONS, POSITION_NAMES } from '../org-tree/kinds.ts';
import type { MemberCategory, Position } from '../org-tree/kinds.ts';
import { foldForSearch, normalizeForCompare } from '../text/fold.ts';

/**
 * Reading a member list from a spreadsheet, row by row: finding the header row, matching its
 * columns whatever their diacritics or case, turning each cell into the value the API expects
 * (Vietnamese dates and labels included) and collecting every problem with the spreadsheet's own
 * row number. Parsing the file and writing to the database are the server's part.
 */

/**
 * The fields of a member that a list may carry: the keys of MemberCreate, and the code of the unit
 * the person belongs to (`unitCode`, placed by the server: placeByUnitCode in import-units.ts).
 */
export type ImportField =
  | 'fullName'
  | 'gender'
  | 'birthDate'
  | 'category'
  | 'positions'
  | 'validFrom'
  | 'partyCardNo'
  | 'joinedPartyOn'
  | 'phone'
  | 'email'
  | 'jobTitle'
  | 'unitCode';

type CellKind = 'text' | 'date' | 'gender' | 'category' | 'positions' | 'phone' | 'code';

export interface ImportColumn {
  field: ImportField;
  /** The header as the template writes it. */
  header: string;
  /** Other headers accepted for the column (matched without diacritics or case). */
  aliases: readonly string[];
  required: boolean;
  kind: CellKind;
  /** The value of the template's example row, as typed in a cell. */
  example: string;
  /** What the column accepts, for the template's "Hướng dẫn" sheet. */
  help: string;
}

const categoryLabels = MEMBER_CATEGORY_NAMES.map((c) => MEMBER_CATEGORIES[c].vi);
const positionLabels = POSITION_NAMES.map((p) => POSITIONS[p].vi);

/** The columns of a member list, in the template's order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'fullName', header: 'Họ và tên', aliases: ['Họ tên', 'Họ và tên đệm', 'Tên đầy đủ'], required: true, kind: 'text',
    example: 'Nguyễn Văn An', help: 'Bắt buộc. Họ, tên đệm và tên, từ 2 đến 120 ký tự.',
  },
  {
    field: 'gender', header: 'Giới tính', aliases: ['Phái'], required: false, kind: 'gender',
    example: 'Nam', help: 'Nam hoặc Nữ (viết có dấu hay không dấu đều được). Có thể để trống.',
  },
  {
    field: 'birthDate', header: 'Ngày sinh', aliases: ['Ngày tháng năm sinh', 'Sinh ngày'], required: false, kind: 'date',
    example: '15/03/1980', help: 'Ngày theo dạng dd/mm/yyyy (15/03/1980), d/m/yyyy hoặc yyyy-mm-dd, hoặc ô kiểu ngày của Excel.',
  },
  {
    field: 'category', header: 'Loại thành viên', aliases: ['Loại', 'Đối tượng', 'Loại đảng viên', 'Phân loại'], required: true, kind: 'category',
    example: MEMBER_CATEGORIES.party_full.vi, help: `Bắt buộc. Một trong: ${categoryLabels.join('; ')} (hoặc mã: ${MEMBER_CATEGORY_NAMES.join(', ')}).`,
  },
  {
    field: 'positions', header: 'Chức vụ', aliases: ['Chức vụ đảng', 'Chức vụ trong chi bộ', 'Chức vụ trong đơn vị'], required: false, kind: 'positions',
    example: `${POSITIONS.secretary.vi}; ${POSITIONS.committee_member.vi}`,
    help: `Có thể để trống, hoặc một hay nhiều chức vụ cách nhau bởi dấu chấm phẩy hoặc dấu phẩy (viết có dấu hay không dấu đều được): ${positionLabels.join(', ')}.`,
  },
  {
    field: 'validFrom', header: 'Ngày vào đơn vị', aliases: ['Ngày sinh hoạt', 'Ngày chuyển đến', 'Ngày vào chi bộ', 'Từ ngày'], required: false, kind: 'date',
    example: '01/10/2020', help: 'Ngày bắt đầu sinh hoạt tại đơn vị (cùng dạng ngày như trên). Để trống: lấy ngày nhập danh sách.',
  },
  {
    field: 'partyCardNo', header: 'Số thẻ đảng viên', aliases: ['Số thẻ Đảng', 'Số thẻ'], required: false, kind: 'code',
    example: '79012345', help: 'Không trùng với người khác, trong tệp cũng như đã có trong hệ thống. Nên định dạng cột là văn bản để giữ số 0 ở đầu.',
  },
  {
    field: 'joinedPartyOn', header: 'Ngày vào Đảng', aliases: ['Ngày kết nạp', 'Ngày kết nạp Đảng', 'Ngày vào đảng'], required: false, kind: 'date',
    example: '19/05/2005', help: 'Cùng dạng ngày như trên. Có thể để trống.',
  },
  {
    field: 'phone', header: 'Điện thoại', aliases: ['Số điện thoại', 'SĐT', 'ĐT', 'Di động'], required: false, kind: 'phone',
    example: '0912345678', help: 'Chỉ gồm chữ số, dấu cách, +, (, ), dấu chấm, gạch ngang; tối đa 20 ký tự.',
  },
  {
    field: 'email', header: 'Email', aliases: ['Thư điện tử', 'E-mail', 'Địa chỉ email'], required: false, kind: 'text',
    example: 'nguyenvanan@example.vn', help: 'Địa chỉ thư điện tử hợp lệ. Có thể để trống.',
  },
  {
    field: 'jobTitle', header: 'Chức danh', aliases: ['Chức danh công tác', 'Chức vụ chính quyền', 'Chức vụ công tác', 'Nghề nghiệp'], required: false, kind: 'text',
    example: 'Chánh Văn phòng Sở', help: 'Chức danh công tác, nghề nghiệp. Có thể để trống.',
  },
  {
    field: 'unitCode', header: 'Mã đơn vị', aliases: ['Mã chi bộ', 'Mã đơn vị sinh hoạt', 'Mã tổ chức đảng'], required: false, kind: 'code',
    example: '',
    help: 'Mã của đơn vị (chi bộ) nơi người này sinh hoạt, như trong cây đơn vị: đơn vị nhận danh sách hoặc một đơn vị trực thuộc còn hoạt động. '
      + 'Để trống (hoặc không có cột này): người đó vào đơn vị nhận danh sách. Một tệp có thể xếp người vào nhiều đơn vị.',
  },
];

const COLUMN_OF: ReadonlyMap<ImportField, ImportColumn> = new Map(IMPORT_COLUMNS.map((c) => [c.field, c]));

/** A cell as a spreadsheet reader hands it over: Excel dates as Date, numbers as numbers. */
export type Cell = string | number | boolean | Date | null | undefined;

/** One row of the sheet with its row number as the spreadsheet shows it (1-based). */
export interface SheetRow {
  row: number;
  cells: readonly Cell[];
}

/** A problem in the file: `row` is the spreadsheet's row number, `column` the column's header. */
export interface ImportIssue {
  row: number;
  column: string | null;
  message: string;
}

/** The values of one row, normalised, in the shape of the API's MemberCreate input. */
export interface MemberCandidate {
  fullName?: string | null;
  gender?: 'nam' | 'nu' | null;
  birthDate?: IsoDate | null;
  category?: MemberCategory | null;
  positions?: Position[];
  validFrom?: IsoDate | null;
  partyCardNo?: string | null;
  joinedPartyOn?: IsoDate | null;
  phone?: string | null;
  email?: string | null;
  jobTitle?: string | null;
  unitCode?: string | null;
}

/** Checks a candidate against the API's contract (the server passes MemberCreateSchema). */
export type RowValidator<T> = (
  candidate: Omit<MemberCandidate, 'unitCode'>,
) => { ok: true; value: T } | { ok: false; issues: { field: ImportField | null; message: string }[] };

export interface ReadRowsOptions<T> {
  validate: RowValidator<T>;
  /** The day of the import: an empty "Ngày vào đơn vị" means this day; birth dates may not be later. */
  today: IsoDate;
  /** The most data rows a file may hold. */
  maxRows: number;
}

export interface ReadRowsResult<T> {
  /** Data rows read (blank rows are not counted). */
  totalRows: number;
  good: { row: number; value: T; partyCardNo: string | null; unitCode: string | null }[];
  /** Every problem found, by row then column order. */
  errors: ImportIssue[];
  /** The unit codes written on rows with an error (their codes are checked too, so that every problem is told at once). */
  badRowCodes: { row: number; unitCode: string }[];
  /** Headers of the file that match no column (their cells are not read). */
  ignoredColumns: string[];
}

/** How many rows from the top are searched for the header row (title lines may come first). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The most non-blank rows a reader keeps of a sheet allowed `maxRows` data rows: the rows where
 * the header is searched for, then the data. A reader stops at one more and refuses the file.
 */
export const sheetRowCap = (maxRows: number): number => HEADER_SEARCH_ROWS + maxRows;

/** The refusal of a list longer than `maxRows` data rows; `count` when it is known (a reader that stopped early does not know it). */
export function tooManyRows(maxRows: number, count: number | null): DomainError {
  const size = count === null ? `hơn ${maxRows.toLocaleString('vi-VN')}` : count.toLocaleString('vi-VN');
  return new DomainError(
    'TOO_MANY_ROWS',
    `Tệp có ${size} dòng dữ liệu; mỗi lần nhập tối đa ${maxRows.toLocaleString('vi-VN')} dòng. Hãy chia thành nhiều tệp.`,
  );
}

/** A header reduced for matching: no diacritics, lower case, no notes in brackets, no "*" or ":". */
export function normalizeHeader(s: string): string {
  return foldForSearch(s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[*:.]/g, ' '));
}

const HEADER_INDEX: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.field] as const)),
);

/** The column a header names, or null. "Ho va ten", "HỌ VÀ TÊN (*)" and "Họ tên" all name `fullName`. */
export function matchHeader(header: string): ImportField | null {
  return HEADER_INDEX.get(normalizeHeader(header)) ?? null;
}

export interface HeaderMap {
  /** The row number of the header row. */
  row: number;
  /** Cell index → field. */
  columns: Map<number, ImportField>;
  ignored: string[];
}

/**
 * The header row among the first rows of the sheet: the first row with a cell naming the
 * "Họ và tên" column, or null when there is none.
 */
export function lookupHeader(rows: readonly SheetRow[]): HeaderMap | null {
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const texts = r.cells.map((c) => cellText(c) ?? '');
    if (!texts.some((t) => matchHeader(t) === 'fullName')) continue;
    const columns = new Map<number, ImportField>();
    const seen = new Set<ImportField>();
    const ignored: string[] = [];
    texts.forEach((t, i) => {
      if (!t) return;
      const field = matchHeader(t);
      // A header repeated further right is ignored: the first column of a name wins.
      if (field && !seen.has(field)) {
        columns.set(i, field);
        seen.add(field);
      } else if (!/^(stt|tt|so tt|so thu tu)$/.test(normalizeHeader(t))) {
        ignored.push(t);
      }
    });
    return { row: r.row, columns, ignored };
  }
  return null;
}

/** A cell as trimmed text (NFC, runs of spaces folded), or null when empty. */
export function cellText(c: Cell): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : isoOfDate(c);
  if (typeof c === 'number') return Number.isFinite(c) ? (Number.isInteger(c) ? c.toFixed(0) : String(c)) : null;
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  const s = normalizeForCompare(c);
  return s === '' ? null : s;
}

function isoOfDate(d: Date): IsoDate {
  // Spreadsheet readers give dates as midnight UTC; rounding to the second absorbs float noise.
  return new Date(Math.round(d.getTime() / 1000) * 1000).toISOString().slice(0, 10) as IsoDate;
}

/** 1899-12-30, day 0 of Excel's serial dates (this epoch is right for every date after 1900-02-28). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const pad = (n: number) => String(n).padStart(2, '0');
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;

/**
 * A date cell: an Excel date, an Excel serial number, or text as dd/mm/yyyy, d/m/yyyy,
 * dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd (a time after the date is ignored).
 */
export function parseDateCell(c: Cell): Parsed<IsoDate | null> {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? fail('Ngày không hợp lệ') : ok(isoOfDate(c));
  if (typeof c === 'number') {
    // Serial numbers before 1910 are years or other numbers typed into a date column, not dates.
    if (!Number.isFinite(c) || c < 3653 || c >= 2_958_466) return fail(`"${c}" không phải là một ngày đầy đủ (hãy viết dạng dd/mm/yyyy)`);
    return ok(new Date(EXCEL_EPOCH_MS + Math.floor(c) * DAY_MS).toISOString().slice(0, 10) as IsoDate);
  }
  const s = cellText(c);
  if (s === null) return ok(null);
  const text = s.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '').trim();
  let y: number, m: number, d: number;
  const dmy = DMY.exec(text);
  const ymd = YMD.exec(text);
  if (dmy) {
    if (dmy[3]!.length !== 4) return fail(`Ngày "${s}": năm phải đủ 4 chữ số (ví dụ 15/03/1980)`);
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  } else if (ymd) {
    [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else {
    return fail(`Ngày "${s}" không hợp lệ (hãy viết dạng dd/mm/yyyy, ví dụ 15/03/1980)`);
  }
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  if (!isIsoDate(iso)) return fail(`Ngày "${s}" không có trên lịch`);
  if (y < 1900) return fail(`Ngày "${s}": năm phải từ 1900 trở đi`);
  return ok(iso);
}

const GENDERS: ReadonlyMap<string, 'nam' | 'nu'> = new Map([
  ['nam', 'nam'], ['nam gioi', 'nam'], ['m', 'nam'], ['male', 'nam'],
  ['nu', 'nu'], ['nu gioi', 'nu'], ['f', 'nu'], ['female', 'nu'],
]);

export function parseGender(c: Cell): Parsed<'nam' | 'nu' | null> {
  const s = cellText(c);
  if (s === null) return ok(null);
  const g = GENDERS.get(foldForSearch(s));
  return g ? ok(g) : fail(`Giới tính "${s}" không hợp lệ (ghi "Nam" hoặc "Nữ")`);
}

const CATEGORY_INDEX: ReadonlyMap<string, MemberCategory> = new Map<string, MemberCategory>([
  ...MEMBER_CATEGORY_NAMES.flatMap((c) => [[foldForSearch(MEMBER_CATEGORIES[c].vi), c], [foldForSearch(MEMBER_CATEGORIES[c].en), c], [c, c]] as const),
  ['chinh thuc', 'party_full'],
  ['dvct', 'party_full'],
  ['du bi', 'party_probationary'],
  ['dvdb', 'party_probationary'],
  ['doan vien thanh nien', 'youth'],
  ['can bo', 'cadre'],
  ['cong chuc', 'cadre'],
  ['vien chuc', 'cadre'],
  ['can bo, cong chuc', 'cadre'],
]);

/** A member category given by its Vietnamese label ("Đảng viên dự bị", "dang vien du bi") or its code. */
export function parseCategory(c: Cell): Parsed<MemberCategory | null> {
  const s = cellText(c);
  if (s === null) return ok(null);
  const cat = CATEGORY_INDEX.get(foldForSearch(s).replace(/\s*,\s*/g, ', ')) ?? CATEGORY_INDEX.get(foldForSearch(s));
  return cat ? ok(cat) : fail(`Loại thành viên "${s}" không hợp lệ; ghi một trong: ${categoryLabels.join('; ')}`);
}

const POSITION_INDEX: ReadonlyMap<string, Position> = new Map<string, Position>([
  ...POSITION_NAMES.flatMap((p) => [[foldForSearch(POSITIONS[p].vi), p], [foldForSearch(POSITIONS[p].en), p], [p, p]] as const),
  ['pho bi thu chi bo', 'deputy_secretary'],
  ['bi thu chi bo', 'secretary'],
  ['chi uy vien', 'committee_member'],
  ['dang uy vien', 'committee_member'],
  ['uy vien ubkt', 'inspector'],
]);

/** Positions as labels separated by commas or semicolons; repeats are dropped. */
export function parsePositions(c: Cell): Parsed<Position[]> {
  const s = cellText(c);
  if (s === null) return ok([]);
  const out: Position[] = [];
  const unknown: string[] = [];
  for (const part of s.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const p = POSITION_INDEX.get(foldForSearch(part));
    if (!p) unknown.push(part);
    else if (!out.includes(p)) out.push(p);
  }
  if (unknown.length > 0) {
    return fail(`Chức vụ không hợp lệ: ${unknown.map((u) => `"${u}"`).join(', ')}; dùng: ${positionLabels.join(', ')}`);
  }
  return ok(out);
}

/**
 * A phone number. Vietnamese numbers have ten digits starting with 0; nine digits starting with
 * another digit are such a number whose zero the spreadsheet dropped (a number cell, or a CSV
 * saved from one), so the zero comes back.
 */
export function parsePhone(c: Cell): Parsed<string | null> {
  const s = cellText(c);
  return ok(s !== null && /^[1-9]\d{8}$/.test(s) ? `0${s}` : s);
}

function parseCell(kind: CellKind, c: Cell): Parsed<unknown> {
  switch (kind) {
    case 'date':
      return parseDateCell(c);
    case 'gender':
      return parseGender(c);
    case 'category':
      return parseCategory(c);
    case 'positions':
      return parsePositions(c);
    case 'phone':
      return parsePhone(c);
    case 'code':
    case 'text':
      return ok(cellText(c));
  }
}

/** A row with nothing written in it (a reader need not keep it). */
export const isBlankRow = (r: SheetRow): boolean => r.cells.every((c) => cellText(c) === null);

/**
 * Reads the data rows of a member list. The header row is found among the first rows (title lines
 * above it are skipped); data rows are those below it, blank rows ignored. Each row is normalised
 * and checked with `validate`; a party card number met twice in the file is an error on the later
 * row. Throws DomainError NO_HEADER (no "Họ và tên" column), MISSING_COLUMNS, NO_DATA_ROWS or
 * TOO_MANY_ROWS for a file that cannot be read as a list at all.
 */
export function readMemberRows<T>(rows: readonly SheetRow[], opts: ReadRowsOptions<T>): ReadRowsResult<T> {
  const reader = new MemberRowReader(opts);
  for (const r of rows) reader.add(r);
  return reader.finish();
}

/**
 * readMemberRows a row at a time, for a reader that streams a sheet: each data row is checked as
 * it comes and only what the import needs of it is kept, so a province's list of 150,000 rows is
 * never held whole. The same errors are thrown, by `add` (NO_HEADER, MISSING_COLUMNS, as soon as
 * they are known) or `finish`.
 */
export class MemberRowReader<T> {
  private readonly opts: ReadRowsOptions<T>;
  /** The first non-blank rows, until the header is found among them. */
  private readonly head: SheetRow[] = [];
  private header: HeaderMap | null = null;
  private dataRows = 0;
  private readonly good: ReadRowsResult<T>['good'] = [];
  private readonly errors: ImportIssue[] = [];
  private readonly badRowCodes: ReadRowsResult<T>['badRowCodes'] = [];
  private readonly cardRows = new Map<string, number>();

  constructor(opts: ReadRowsOptions<T>) {
    this.opts = opts;
  }

  /** The next row of the sheet (rows come in order; blank ones may be left out). */
  add(r: SheetRow): void {
    if (isBlankRow(r)) return;
    if (this.header === null) {
      this.head.push(r);
      // The header is the first row naming "Họ và tên" among the first rows: known as soon as it comes.
      const header = lookupHeader([r]);
      if (header) {
        this.setHeader(header);
        for (const later of this.head.filter((h) => h.row > header.row)) this.addData(later);
      } else if (this.head.length >= HEADER_SEARCH_ROWS) {
        throw noHeader();
      }
      return;
    }
    this.addData(r);
  }

  finish(): ReadRowsResult<T> {
    if (this.header === null) {
      if (this.head.length === 0) throw new DomainError('NO_DATA_ROWS', 'Tệp không có dữ liệu: bảng tính trống.');
      throw noHeader();
    }
    if (this.dataRows === 0) {
      throw new DomainError('NO_DATA_ROWS', `Tệp chỉ có dòng tiêu đề (dòng ${this.header.row}), không có dòng dữ liệu nào.`);
    }
    if (this.dataRows > this.opts.maxRows) throw tooManyRows(this.opts.maxRows, this.dataRows);
    return { totalRows: this.dataRows, good: this.good, errors: this.errors, badRowCodes: this.badRowCodes, ignoredColumns: this.header.ignored };
  }

  private setHeader(header: HeaderMap): void {
    const present = new Set(header.columns.values());
    const missing = IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.field)).map((c) => `"${c.header}"`);
    if (missing.length > 0) {
      throw new DomainError('MISSING_COLUMNS', `Thiếu cột bắt buộc: ${missing.join(', ')} (xem tệp mẫu).`);
    }
    this.header = header;
  }

  private addData(r: SheetRow): void {
    const header = this.header!;
    if (r.row <= header.row) return;
    // A row counts when a column that is read holds something: numbered but empty lines ("STT"
    // filled in advance) are not data.
    if (![...header.columns.keys()].some((i) => cellText(r.cells[i]) !== null)) return;
    // Past the limit rows are only counted, for the refusal to say how many there are.
    if (++this.dataRows > this.opts.maxRows) return;
    this.check(r);
  }

  private check(r: SheetRow): void {
    const { opts } = this;
    const rowIssues: { field: ImportField | null; message: string }[] = [];
    const candidate: Record<string, unknown> = {};
    for (const [index, field] of this.header!.columns) {
      const parsed = parseCell(COLUMN_OF.get(field)!.kind, r.cells[index]);
      if (parsed.ok) candidate[field] = parsed.value;
      else rowIssues.push({ field, message: parsed.message });
    }
    const c = candidate as MemberCandidate;
    if (c.validFrom === null || (c.validFrom === undefined && !rowIssues.some((i) => i.field === 'validFrom'))) c.validFrom = opts.today;
    if (c.positions === undefined) c.positions = [];
    if (c.birthDate && c.birthDate > opts.today) rowIssues.push({ field: 'birthDate', message: 'Ngày sinh sau ngày hôm nay' });
    if (c.category === null) rowIssues.push({ field: 'category', message: 'Hãy ghi loại thành viên' });
    if (c.fullName === null) rowIssues.push({ field: 'fullName', message: 'Hãy ghi họ và tên' });
    const card = c.partyCardNo ?? null;
    if (card !== null) {
      const first = this.cardRows.get(card);
      if (first !== undefined) rowIssues.push({ field: 'partyCardNo', message: `Số thẻ đảng viên "${card}" trùng với dòng ${first}` });
      else this.cardRows.set(card, r.row);
    }

    const unitCode = c.unitCode ?? null;
    delete candidate.unitCode;
    const failed = new Set(rowIssues.map((i) => i.field));
    // Fields that could not be read are left out of the check, which reports only the others.
    for (const f of failed) if (f !== null) delete candidate[f];
    const checked = opts.validate(c);
    if (!checked.ok) {
      for (const issue of checked.issues) if (!failed.has(issue.field)) rowIssues.push(issue);
    }
    if (rowIssues.length === 0 && checked.ok) {
      this.good.push({ row: r.row, value: checked.value, partyCardNo: card, unitCode });
      return;
    }
    if (unitCode !== null) this.badRowCodes.push({ row: r.row, unitCode });
    rowIssues.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
    for (const i of rowIssues) this.errors.push({ row: r.row, column: i.field ? COLUMN_OF.get(i.field)!.header : null, message: i.message });
  }
}

const FIELD_ORDER: ReadonlyMap<ImportField, number> = new Map(IMPORT_COLUMNS.map((c, i) => [c.field, i]));
const fieldOrder = (f: ImportField | null): number => (f === null ? -1 : FIELD_ORDER.get(f)!);

const noHeader = () =>
  new DomainError(
    'NO_HEADER',
    'Không tìm thấy dòng tiêu đề có cột "Họ và tên". Dòng 1 của bảng tính phải là tiêu đề các cột như trong tệp mẫu.',
  );
