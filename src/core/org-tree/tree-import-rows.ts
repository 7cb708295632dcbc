import { DomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import type { ImportIssue, SheetRow } from '../members/import-rows.ts';
import { cellText, HEADER_SEARCH_ROWS, isBlankRow, normalizeHeader, parseDateCell, tooManyRows } from '../members/import-rows.ts';
import { formatViDate } from '../text/dates.ts';
import { foldForSearch, normalizeForCompare } from '../text/fold.ts';
import { mayContain } from './containment.ts';
import type { UnitKind } from './kinds.ts';
import { UNIT_KIND_NAMES, UNIT_KINDS } from './kinds.ts';

/**
 * Checking the rows of an organisation tree read from a spreadsheet (one row per unit, its parent
 * named by code) against each other and against the units already in the tree: every problem is
 * named by the spreadsheet's row number and the column's header, as for a member list
 * (members/import-rows.ts), and a row below a row in error is itself in error, so that importing
 * "good rows only" never leaves a unit without its parent. Reading the file is the server's part.
 */

/** The columns of a tree list, by field. */
export type TreeField = 'code' | 'name' | 'shortName' | 'kind' | 'parentCode' | 'termLabel' | 'termStart' | 'termEnd' | 'validFrom';

export interface TreeColumn {
  field: TreeField;
  header: string;
  aliases: readonly string[];
  required: boolean;
  example: string;
  help: string;
}

const kindLabels = UNIT_KIND_NAMES.map((k) => UNIT_KINDS[k].vi);
const DATE_HELP = 'dạng dd/mm/yyyy (01/10/2020) hoặc yyyy-mm-dd';

/** The columns of a tree list, in the template's and the export's order. */
export const TREE_COLUMNS: readonly TreeColumn[] = [
  { field: 'code', header: 'Mã đơn vị', aliases: ['Mã', 'Mã tổ chức đảng'], required: true, example: 'DUK.01', help: 'Bắt buộc, không trùng trong tệp. Mã của cấp ủy hoặc của CSDL đảng viên; dùng để nhận ra đơn vị khi nhập lại.' },
  { field: 'name', header: 'Tên đơn vị', aliases: ['Tên', 'Tên tổ chức'], required: true, example: 'Đảng bộ Sở Tài chính', help: 'Bắt buộc. Tên đầy đủ.' },
  { field: 'shortName', header: 'Tên viết tắt', aliases: ['Viết tắt', 'Tên ngắn'], required: false, example: 'ĐB STC', help: 'Có thể để trống.' },
  { field: 'kind', header: 'Loại đơn vị', aliases: ['Loại', 'Loại tổ chức'], required: true, example: UNIT_KINDS.grassroots.vi, help: `Bắt buộc. Một trong: ${kindLabels.join('; ')} (hoặc mã: ${UNIT_KIND_NAMES.join(', ')}).` },
  { field: 'parentCode', header: 'Mã đơn vị cấp trên', aliases: ['Mã cấp trên', 'Cấp trên', 'Trực thuộc'], required: false, example: 'DUK', help: 'Mã của đơn vị cấp trên: một dòng khác của tệp hoặc một đơn vị đã có. Để trống cho đơn vị cao nhất.' },
  { field: 'termLabel', header: 'Nhiệm kỳ', aliases: ['Nhiệm kỳ đại hội'], required: false, example: '2020 - 2025', help: 'Có thể để trống.' },
  { field: 'termStart', header: 'Nhiệm kỳ từ ngày', aliases: ['Bắt đầu nhiệm kỳ'], required: false, example: '01/10/2020', help: `Ngày ${DATE_HELP}. Có thể để trống.` },
  { field: 'termEnd', header: 'Nhiệm kỳ đến ngày', aliases: ['Kết thúc nhiệm kỳ'], required: false, example: '30/09/2025', help: `Ngày ${DATE_HELP}, không trước ngày bắt đầu nhiệm kỳ. Có thể để trống.` },
  { field: 'validFrom', header: 'Ngày thành lập', aliases: ['Hiệu lực từ ngày', 'Từ ngày', 'Ngày hiệu lực'], required: false, example: '01/10/2020', help: `Ngày ${DATE_HELP}, không trước ngày thành lập của đơn vị cấp trên. Để trống: lấy ngày hiệu lực của lần nhập.` },
];

const HEADER_OF: ReadonlyMap<TreeField, string> = new Map(TREE_COLUMNS.map((c) => [c.field, c.header]));
/** The header of a column, as errors name it. */
export const treeHeader = (field: TreeField): string => HEADER_OF.get(field)!;

const TREE_HEADER_INDEX: ReadonlyMap<string, TreeField> = new Map(
  TREE_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.field] as const)),
);

/** The column of a tree list a header names ("MÃ ĐƠN VỊ (*)", "ma don vi cap tren"), or null. */
export function matchTreeHeader(header: string): TreeField | null {
  return TREE_HEADER_INDEX.get(normalizeHeader(header)) ?? null;
}

/** The header row of a tree list: where it is, the column of each field, the headers it does not know. */
export interface TreeHeader {
  row: number;
  columns: Map<number, TreeField>;
  ignored: string[];
}

/** The header row among the first rows of a sheet: one naming both the code and the name of a unit ("Mã đơn vị", "Tên đơn vị"), or null. */
export function lookupTreeHeader(rows: readonly SheetRow[]): TreeHeader | null {
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const texts = r.cells.map((c) => cellText(c) ?? '');
    const fields = texts.map(matchTreeHeader);
    if (!fields.includes('code') || !fields.includes('name')) continue;
    const columns = new Map<number, TreeField>();
    const ignored: string[] = [];
    texts.forEach((t, i) => {
      const field = fields[i];
      if (!t) return;
      // A header repeated further right is ignored: the first column of a name wins.
      if (field && ![...columns.values()].includes(field)) columns.set(i, field);
      else if (!/^(stt|tt|so tt|so thu tu)$/.test(normalizeHeader(t))) ignored.push(t);
    });
    return { row: r.row, columns, ignored };
  }
  return null;
}

/** The rows of a tree list read from a sheet, with the headers it does not know. */
export interface TreeSheet {
  rows: TreeRow[];
  ignoredColumns: string[];
}

/**
 * The data rows of a tree list: the header row is found among the first rows (title lines above it
 * are skipped), then every non-blank row below it is a unit. Throws NO_DATA_ROWS, NO_HEADER,
 * MISSING_COLUMNS or TOO_MANY_ROWS for a sheet that is no tree list.
 */
export function readTreeSheet(sheet: readonly SheetRow[], maxRows: number): TreeSheet {
  const nonBlank = sheet.filter((r) => !isBlankRow(r));
  if (nonBlank.length === 0) throw new DomainError('NO_DATA_ROWS', 'Tệp không có dữ liệu: bảng tính trống.');
  const header = lookupTreeHeader(nonBlank);
  if (!header) {
    throw new DomainError('NO_HEADER', `Không tìm thấy dòng tiêu đề có cột "${treeHeader('code')}" và "${treeHeader('name')}". Dòng 1 của bảng tính phải là tiêu đề các cột như trong tệp mẫu.`);
  }
  const present = new Set(header.columns.values());
  const missing = TREE_COLUMNS.filter((c) => c.required && !present.has(c.field)).map((c) => `"${c.header}"`);
  if (missing.length > 0) throw new DomainError('MISSING_COLUMNS', `Thiếu cột bắt buộc: ${missing.join(', ')} (xem tệp mẫu).`);
  const data = sheet.filter((r) => r.row > header.row && [...header.columns.keys()].some((i) => cellText(r.cells[i]) !== null));
  if (data.length === 0) throw new DomainError('NO_DATA_ROWS', `Tệp chỉ có dòng tiêu đề (dòng ${header.row}), không có dòng dữ liệu nào.`);
  if (data.length > maxRows) throw tooManyRows(maxRows, data.length);
  const rows = data.map((r) => {
    const row: TreeRow = { rowNumber: r.row, code: null, name: null, shortName: null, kind: null, parentCode: null, termLabel: null, termStart: null, termEnd: null, validFrom: null };
    for (const [i, field] of header.columns) row[field] = cellText(r.cells[i]);
    return row;
  });
  return { rows, ignoredColumns: header.ignored };
}

/** One row of a tree list as read from the sheet: raw texts, null for an empty cell. */
export interface TreeRow {
  /** The spreadsheet's row number (1-based). */
  rowNumber: number;
  code: string | null;
  name: string | null;
  shortName: string | null;
  kind: string | null;
  parentCode: string | null;
  termLabel?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
  validFrom: string | null;
}

/** A unit already in the tree, as the import compares rows with it. */
export interface ExistingUnit {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  validFrom: IsoDate;
  /** Set for a unit dissolved or merged away: its code names no unit a row may change or sit under. */
  validTo: IsoDate | null;
  termLabel: string | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  /** The day of its last dated change (its open revision), when later than `validFrom`: a rename or move may not come before it. */
  lastChange?: IsoDate;
}

/** A row whose every cell was read. `validFrom` is null when left empty (the existing unit's, or the import's date for a new one). */
export interface CheckedTreeRow {
  rowNumber: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentCode: string | null;
  termLabel: string | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  validFrom: IsoDate | null;
}

export interface CheckTreeOptions {
  /** The units of the tree the rows go into (ended ones included: their codes are taken). */
  existing: readonly ExistingUnit[];
  /** The date from which the import's renames and moves take effect, and new units' date when none is written. */
  effectiveDate: IsoDate;
  /** False when a row may not create a unit without parent (only a system administrator may). Default true. */
  mayCreateTop?: boolean;
  /** False when a row may not leave an existing unit without parent (no restructuring does). Default true. */
  mayMoveToTop?: boolean;
  /** Keys (codeKey) of codes held by units outside `existing`: a new unit may not take one. */
  takenCodes?: ReadonlySet<string>;
}

export interface CheckTreeResult {
  /** Rows with no problem and no problem above them, in the file's order. */
  good: CheckedTreeRow[];
  /** Every problem, by row then column order. */
  errors: ImportIssue[];
}

/** The key a code is matched by: spaces folded, case ignored ("duk.01" is "DUK.01"). */
export const codeKey = (code: string): string => normalizeForCompare(code).toUpperCase();

/**
 * The code a unit is listed by: its own, or its id for a unit without a code, so that the list of a
 * tree names every unit and importing it again finds each one.
 */
export const listCode = (u: Pick<ExistingUnit, 'id' | 'code'>): string => u.code ?? u.id;

/** The key of a unit of the tree: its listed code's. */
export const unitKey = (u: ExistingUnit): string => codeKey(listCode(u));

/** A label in quotes, as the messages write it. */
const quote = (s: string) => `"${s}"`;

const KIND_INDEX: ReadonlyMap<string, UnitKind> = new Map(
  UNIT_KIND_NAMES.flatMap((k) => {
    const vi = UNIT_KINDS[k].vi;
    const bare = vi.replace(/\([^)]*\)/g, ' ');
    // "Tỉnh ủy, Thành ủy" also reads as "Tỉnh ủy" or "Thành ủy"; a label with notes in brackets as its part before them.
    const parts = vi.includes('(') ? [bare] : vi.split(',');
    return [k, UNIT_KINDS[k].en, vi, bare, ...parts].map((label) => [foldForSearch(label), k] as const);
  }),
);

/** A unit kind given by its code ("grassroots") or its Vietnamese label ("Đảng bộ cơ sở", "dang bo co so"), or null when unknown. */
export function parseUnitKind(text: string): UnitKind | null {
  return KIND_INDEX.get(foldForSearch(text)) ?? null;
}

type Issue = { field: TreeField; message: string };

/** The values of one row, each read or failed. */
function readRow(r: TreeRow): { fields: Partial<CheckedTreeRow>; issues: Issue[] } {
  const issues: Issue[] = [];
  const text = (v: string | null | undefined) => cellText(v ?? null);
  const date = (field: TreeField, v: string | null | undefined): IsoDate | null => {
    const parsed = parseDateCell(v ?? null);
    if (parsed.ok) return parsed.value;
    issues.push({ field, message: parsed.message });
    return null;
  };
  const code = text(r.code);
  const name = text(r.name);
  const kindText = text(r.kind);
  const kind = kindText === null ? null : parseUnitKind(kindText);
  if (code === null) issues.push({ field: 'code', message: 'Hãy ghi mã đơn vị' });
  if (name === null) issues.push({ field: 'name', message: 'Hãy ghi tên đơn vị' });
  if (kindText === null) issues.push({ field: 'kind', message: 'Hãy ghi loại đơn vị' });
  else if (kind === null) issues.push({ field: 'kind', message: `Loại đơn vị "${kindText}" không hợp lệ; ghi một trong: ${kindLabels.join('; ')}` });
  const termStart = date('termStart', r.termStart);
  const termEnd = date('termEnd', r.termEnd);
  if (termStart && termEnd && termEnd < termStart) {
    issues.push({ field: 'termEnd', message: `Ngày kết thúc nhiệm kỳ ${formatViDate(termEnd)} trước ngày bắt đầu ${formatViDate(termStart)}` });
  }
  const fields: Partial<CheckedTreeRow> = {
    rowNumber: r.rowNumber,
    ...(code === null ? {} : { code }),
    ...(name === null ? {} : { name }),
    ...(kind === null ? {} : { kind }),
    shortName: text(r.shortName),
    parentCode: text(r.parentCode),
    termLabel: text(r.termLabel),
    termStart,
    termEnd,
    validFrom: date('validFrom', r.validFrom),
  };
  return { fields, issues };
}

/** A unit of the tree as it would stand after the import: a row's values over the existing unit's. */
interface Node {
  key: string;
  code: string | null;
  name: string;
  kind: UnitKind | null;
  parent: string | null;
  validFrom: IsoDate;
  existing: ExistingUnit | null;
  /** The index of its row in `rows`, or null for an existing unit the file leaves as it is. */
  row: number | null;
}

const FIELD_ORDER = new Map(TREE_COLUMNS.map((c, i) => [c.field, i]));

/**
 * Checks the rows of a tree list. A row is in error when a required cell is empty or unreadable,
 * its code repeats an earlier row's or names a dissolved unit, its parent is neither a row nor an
 * existing unit, it lies on a cycle of parents, its kind may not sit under its parent's
 * (`mayContain`), a new unit's date comes before its parent's, it changes an existing unit's
 * founding date, a rename or move would take effect before the unit or its new parent exists, or
 * a new kind does not fit a sub-unit it already has. A row is also in error when a unit above it
 * is ("đơn vị cấp trên có lỗi").
 */
export function checkTreeRows(rows: readonly TreeRow[], opts: CheckTreeOptions): CheckTreeResult {
  const { effectiveDate } = opts;
  const issuesOf = rows.map(() => [] as Issue[]);
  const read = rows.map((r, i) => {
    const { fields, issues } = readRow(r);
    issuesOf[i]!.push(...issues);
    return fields;
  });

  // The tree after the import: existing active units, then the rows over them.
  const byId = new Map(opts.existing.map((u) => [u.id, u]));
  const ended = new Map<string, ExistingUnit>();
  const nodes = new Map<string, Node>();
  for (const u of opts.existing) {
    if (u.validTo !== null) {
      if (u.code !== null) ended.set(codeKey(u.code), u);
      continue;
    }
    const parent = u.parentId === null ? null : byId.get(u.parentId);
    nodes.set(unitKey(u), {
      key: unitKey(u), code: u.code, name: u.name, kind: u.kind, parent: parent && parent.validTo === null ? unitKey(parent) : null, validFrom: u.validFrom, existing: u, row: null,
    });
  }
  const rowOfKey = new Map<string, number>();
  read.forEach((f, i) => {
    if (f.code === undefined) return;
    const key = codeKey(f.code);
    const first = rowOfKey.get(key);
    if (first !== undefined) {
      issuesOf[i]!.push({ field: 'code', message: `Mã đơn vị "${f.code}" trùng với dòng ${rows[first]!.rowNumber}` });
      return;
    }
    const gone = ended.get(key);
    if (gone && !nodes.has(key)) {
      issuesOf[i]!.push({ field: 'code', message: `Mã đơn vị "${f.code}" là của "${gone.name}", đã giải thể hoặc sáp nhập từ ${formatViDate(gone.validTo)}` });
      return;
    }
    const existing = nodes.get(key)?.existing ?? null;
    if (existing === null && opts.takenCodes?.has(key)) {
      issuesOf[i]!.push({ field: 'code', message: `Mã đơn vị "${f.code}" đã được dùng cho một đơn vị khác, ngoài phạm vi nhập` });
      return;
    }
    rowOfKey.set(key, i);
    const parentKey = f.parentCode ? codeKey(f.parentCode) : null;
    nodes.set(key, {
      key,
      code: f.code,
      name: f.name ?? existing?.name ?? f.code,
      kind: f.kind ?? null,
      parent: parentKey,
      validFrom: f.validFrom ?? existing?.validFrom ?? effectiveDate,
      existing,
      row: i,
    });
  });

  // Parents that are nowhere, then cycles.
  for (const [key, i] of rowOfKey) {
    const node = nodes.get(key)!;
    const p = read[i]!.parentCode;
    if (node.parent === null || p == null) continue;
    if (node.parent === key) {
      issuesOf[i]!.push({ field: 'parentCode', message: 'Đơn vị không thể là cấp trên của chính nó' });
      node.parent = null;
    } else if (!nodes.has(node.parent)) {
      const gone = ended.get(node.parent);
      issuesOf[i]!.push({
        field: 'parentCode',
        message: gone
          ? `Đơn vị cấp trên "${p}" (${gone.name}) đã giải thể hoặc sáp nhập từ ${formatViDate(gone.validTo)}`
          : `Mã đơn vị cấp trên "${p}" không có trong tệp và không có trong cây đơn vị`,
      });
      node.parent = null;
    }
  }
  /** Units on a cycle, each with a row of that cycle. */
  const onCycle = new Map<string, number>();
  const settled = new Set<string>();
  for (const start of rowOfKey.keys()) {
    const path: string[] = [];
    const seen = new Set<string>();
    let k: string | null = start;
    while (k !== null && !settled.has(k) && !seen.has(k)) {
      seen.add(k);
      path.push(k);
      k = nodes.get(k)!.parent;
    }
    if (k !== null && seen.has(k)) {
      const cycle = path.slice(path.indexOf(k));
      const codes = [...cycle, k].map((c) => nodes.get(c)!.code ?? nodes.get(c)!.name).join(' → ');
      const aRow = cycle.map((c) => nodes.get(c)!.row).find((i) => i !== null)!;
      for (const c of cycle) {
        onCycle.set(c, aRow);
        const i = nodes.get(c)!.row;
        if (i !== null) issuesOf[i]!.push({ field: 'parentCode', message: `Vòng lặp đơn vị cấp trên: ${codes}` });
      }
    }
    for (const p of path) settled.add(p);
  }

  // Kinds and dates against the parent, and changes an existing unit may not take.
  const kindName = (k: UnitKind) => UNIT_KINDS[k].vi;
  const childrenOf = new Map<string, ExistingUnit[]>();
  for (const u of opts.existing) {
    const parent = u.parentId === null ? undefined : byId.get(u.parentId);
    if (u.validTo !== null || !parent) continue;
    const pk = unitKey(parent);
    const siblings = childrenOf.get(pk);
    if (siblings) siblings.push(u);
    else childrenOf.set(pk, [u]);
  }
  for (const [key, i] of rowOfKey) {
    const node = nodes.get(key)!;
    const f = read[i]!;
    const issues = issuesOf[i]!;
    const parent = node.parent === null || onCycle.has(key) ? null : nodes.get(node.parent)!;
    const old = node.existing;
    const oldParent = old?.parentId ? byId.get(old.parentId) : undefined;
    const moved = old !== null && (oldParent ? unitKey(oldParent) : null) !== node.parent;
    if (f.parentCode == null && node.parent === null) {
      if (old === null && opts.mayCreateTop === false) {
        issues.push({ field: 'parentCode', message: 'Hãy ghi mã đơn vị cấp trên: chỉ quản trị hệ thống được tạo đơn vị cao nhất' });
      } else if (moved && opts.mayMoveToTop === false) {
        issues.push({ field: 'parentCode', message: `Hãy ghi mã đơn vị cấp trên: đơn vị đang trực thuộc "${oldParent!.name}" và không thể thành đơn vị cao nhất` });
      }
    }
    if (parent && node.kind && parent.kind) {
      const pairUnchanged = old !== null && !moved && old.kind === node.kind && parent.existing?.kind === parent.kind;
      if (!pairUnchanged && !mayContain(parent.kind, node.kind)) {
        issues.push({ field: 'kind', message: `${quote(kindName(node.kind))} không thể trực thuộc ${quote(kindName(parent.kind))} (${parent.code ?? parent.name})` });
      }
    }
    if (old === null) {
      if (parent && node.validFrom < parent.validFrom) {
        issues.push({
          field: 'validFrom',
          message: `Ngày thành lập ${formatViDate(node.validFrom)} trước ngày thành lập của đơn vị cấp trên ${parent.code ?? parent.name} (${formatViDate(parent.validFrom)})`,
        });
      }
      continue;
    }
    if (f.validFrom && f.validFrom !== old.validFrom) {
      issues.push({
        field: 'validFrom',
        message: `Đơn vị đã có với ngày thành lập ${formatViDate(old.validFrom)}; không sửa ngày thành lập khi nhập (để trống hoặc ghi đúng ngày đó)`,
      });
    }
    const renamed = f.name !== undefined && (f.name !== normalizeForCompare(old.name) || (f.shortName ?? null) !== (old.shortName === null ? null : cellText(old.shortName)));
    const rekinded = node.kind !== null && node.kind !== old.kind;
    if ((renamed || moved || rekinded) && effectiveDate < old.validFrom) {
      issues.push({
        field: renamed ? 'name' : moved ? 'parentCode' : 'kind',
        message: `Ngày hiệu lực ${formatViDate(effectiveDate)} trước ngày thành lập của đơn vị (${formatViDate(old.validFrom)})`,
      });
    } else if ((renamed || moved || rekinded) && old.lastChange !== undefined && effectiveDate < old.lastChange) {
      issues.push({
        field: renamed ? 'name' : moved ? 'parentCode' : 'kind',
        message: `Ngày hiệu lực ${formatViDate(effectiveDate)} trước ngày thay đổi gần nhất của đơn vị (${formatViDate(old.lastChange)})`,
      });
    }
    if (moved && parent && effectiveDate < parent.validFrom) {
      issues.push({
        field: 'parentCode',
        message: `Ngày hiệu lực ${formatViDate(effectiveDate)} trước ngày thành lập của đơn vị cấp trên mới ${parent.code ?? parent.name} (${formatViDate(parent.validFrom)})`,
      });
    }
    if (node.kind && node.kind !== old.kind) {
      // The units under it now keep their kinds unless their own rows are imported: each must still fit.
      const misfit = (childrenOf.get(key) ?? []).find((c) => !mayContain(node.kind!, c.kind));
      if (misfit) {
        issues.push({
          field: 'kind',
          message: `Không đổi được loại đơn vị thành ${quote(kindName(node.kind))}: đơn vị cấp dưới "${misfit.name}" (${kindName(misfit.kind)}) không thể trực thuộc loại đó`,
        });
      }
    }
  }

  // A row below a row in error is in error: walk up to the first row in error, if any.
  const badAbove = new Map<string, number | null>();
  const firstBadAbove = (key: string): number | null => {
    const trail: string[] = [];
    let k: string | null = nodes.get(key)!.parent;
    let found: number | null = null;
    while (k !== null) {
      const known = badAbove.get(k);
      if (known !== undefined) {
        found = known;
        break;
      }
      const node = nodes.get(k)!;
      if (node.row !== null && issuesOf[node.row]!.length > 0) {
        found = node.row;
        break;
      }
      if (onCycle.has(k)) {
        found = onCycle.get(k)!;
        break;
      }
      trail.push(k);
      k = node.parent;
    }
    for (const t of trail) badAbove.set(t, found);
    return found;
  };
  const ownBad = new Set(issuesOf.flatMap((is, i) => (is.length > 0 ? [i] : [])));
  for (const [key, i] of rowOfKey) {
    if (ownBad.has(i) || onCycle.has(key)) continue;
    const bad = firstBadAbove(key);
    if (bad !== null) issuesOf[i]!.push({ field: 'parentCode', message: `Đơn vị cấp trên có lỗi (dòng ${rows[bad]!.rowNumber})` });
  }

  const good: CheckedTreeRow[] = [];
  const errors: ImportIssue[] = [];
  read.forEach((f, i) => {
    const issues = issuesOf[i]!;
    if (issues.length === 0) {
      good.push(f as CheckedTreeRow);
      return;
    }
    issues.sort((a, b) => FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!);
    for (const is of issues) errors.push({ row: rows[i]!.rowNumber, column: treeHeader(is.field), message: is.message });
  });
  return { good, errors };
}
