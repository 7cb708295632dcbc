import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { parseDateCell } from '#core/members/import-rows.ts';
import { mayContain } from '#core/org-tree/containment.ts';
import { UNIT_KIND_NAMES, UNIT_KINDS } from '#core/org-tree/kinds.ts';
import type { ExistingUnit, TreeField, TreeRow } from '#core/org-tree/tree-import-rows.ts';
import { TREE_COLUMNS } from '#core/org-tree/tree-import-rows.ts';
import { treeToRows } from '#core/org-tree/tree-import.ts';
import { LIMITS } from '#shared/common.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import { getUnitRow } from '../../db/queries/units.ts';
import { dateCell, DATE_FORMAT } from '../members/member-sheet.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The organisation tree as a list in the import's columns (TREE_COLUMNS), so that a list exported
 * here imports back unchanged, and the template of that list.
 */

const LIST_SHEET = 'Cây tổ chức';
const GUIDE_SHEET = 'Hướng dẫn';
const DATE_FIELDS = new Set<TreeField>(['termStart', 'termEnd', 'validFrom']);
/** Rows of the list sheet that offer the drop-down of kinds. */
const CHOICE_ROWS = 2_000;

function setTreeColumns(ws: ExcelJS.Worksheet): void {
  ws.columns = TREE_COLUMNS.map((c) => ({
    header: c.header,
    width: c.field === 'name' ? 44 : Math.max(16, c.header.length + 4),
    style: DATE_FIELDS.has(c.field) ? { numFmt: DATE_FORMAT } : c.field === 'code' || c.field === 'parentCode' ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A row's cells in the columns' order, dates as Excel dates. */
function cellsOf(r: TreeRow): (string | Date | null)[] {
  return TREE_COLUMNS.map((c) => {
    const v = r[c.field] ?? null;
    if (v === null || !DATE_FIELDS.has(c.field)) return v;
    const d = parseDateCell(v);
    return d.ok && d.value ? dateCell(d.value) : v;
  });
}

/** Adds the drop-down of kinds to the list sheet, from the guide's list of kinds (a warning: codes and labels without diacritics are read too). */
function kindChoices(list: ExcelJS.Worksheet, first: number, last: number): void {
  const column = String.fromCharCode(65 + TREE_COLUMNS.findIndex((c) => c.field === 'kind'));
  // NOTE: the range API exists at run time but not in the typings (as in the member template).
  const validations = (list as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${column}2:${column}${CHOICE_ROWS + 1}`, {
    type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'warning', formulae: [`'${GUIDE_SHEET}'!$A$${first}:$A$${last}`],
  });
}

/** The guide sheet: the columns, then every kind with the kinds it may sit under. Returns the rows of the kinds' labels. */
function writeGuide(guide: ExcelJS.Worksheet): { first: number; last: number } {
  guide.columns = [{ width: 30 }, { width: 18 }, { width: 90 }, { width: 22 }];
  guide.addRow(['Hướng dẫn nhập cây tổ chức']).font = { bold: true, size: 14 };
  guide.addRow([`Dòng 1 của trang "${LIST_SHEET}" là tiêu đề các cột; mỗi đơn vị ghi trên một dòng, từ dòng 2, theo thứ tự bất kỳ. Các dòng ví dụ có thể xóa hoặc ghi đè.`]);
  guide.addRow(['Đơn vị được nhận ra theo "Mã đơn vị": nhập lại cùng tệp không thay đổi gì; đổi tên hoặc đổi mã cấp trên của một mã đã có là đổi tên hoặc chuyển đơn vị, tính từ ngày hiệu lực chọn khi nhập (lịch sử cây tổ chức được giữ).']);
  guide.addRow(['Đơn vị đã có nhưng không có trong tệp được giữ nguyên và được liệt kê sau khi nhập. Đơn vị chưa có mã được xuất với mã là số định danh của nó trong hệ thống; giữ nguyên mã đó khi nhập lại.']);
  guide.addRow(['Đơn vị cấp trên phải là một dòng khác của tệp hoặc đơn vị đang nhập vào hay một đơn vị trực thuộc của nó. Để trống mã đơn vị cấp trên chỉ ở dòng của chính đơn vị đang nhập vào (hoặc, với quản trị hệ thống, để tạo đơn vị cao nhất).']);
  guide.addRow(['Tên cột viết có dấu hay không dấu, chữ hoa hay chữ thường đều được; cột không có trong bảng dưới đây được bỏ qua; có thể thêm cột "STT".']);
  guide.addRow([`Mỗi lần nhập tối đa ${LIMITS.importRows.toLocaleString('vi-VN')} dòng, tệp tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Cũng nhận tệp CSV (UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy) với cùng các cột.`]);
  guide.addRow([]);
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']).font = { bold: true };
  for (const c of TREE_COLUMNS) {
    const aliases = c.aliases.length > 0 ? ` Cũng nhận tên cột: ${c.aliases.join(', ')}.` : '';
    guide.addRow([c.header, c.required ? 'Có' : 'Không', c.help + aliases, c.example]).alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  guide.addRow(['Loại đơn vị', 'Mã', 'Có thể trực thuộc']).font = { bold: true };
  const first = guide.rowCount + 1;
  for (const k of UNIT_KIND_NAMES) {
    const parents = UNIT_KIND_NAMES.filter((p) => mayContain(p, k)).map((p) => UNIT_KINDS[p].vi);
    guide.addRow([UNIT_KINDS[k].vi, k, parents.length > 0 ? parents.join('; ') : 'Không trực thuộc đơn vị nào (đơn vị cao nhất)']).alignment = { wrapText: true, vertical: 'top' };
  }
  return { first, last: guide.rowCount };
}

/** The example rows of the template: a Đảng ủy Khối, a Đảng bộ cơ sở under it and a Chi bộ under that. */
const EXAMPLE: TreeRow[] = [
  { rowNumber: 2, code: 'DUK', name: 'Đảng ủy Khối các cơ quan tỉnh', shortName: 'ĐUK', kind: UNIT_KINDS.bloc_committee.vi, parentCode: null, termLabel: '2020 - 2025', termStart: '01/10/2020', termEnd: '30/09/2025', validFrom: '01/10/2020' },
  { rowNumber: 3, code: 'DUK.01', name: 'Đảng bộ Sở Tài chính', shortName: 'ĐB STC', kind: UNIT_KINDS.grassroots.vi, parentCode: 'DUK', termLabel: '2020 - 2025', termStart: null, termEnd: null, validFrom: '01/10/2020' },
  { rowNumber: 4, code: 'DUK.01.1', name: 'Chi bộ Văn phòng Sở', shortName: null, kind: UNIT_KINDS.cell.vi, parentCode: 'DUK.01', termLabel: null, termStart: null, termEnd: null, validFrom: '01/10/2020' },
];

async function workbook(title: string, rows: readonly TreeRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'trienkhai';
  wb.title = title;
  const list = wb.addWorksheet(LIST_SHEET);
  const guide = wb.addWorksheet(GUIDE_SHEET);
  setTreeColumns(list);
  for (const r of rows) list.addRow(cellsOf(r));
  const { first, last } = writeGuide(guide);
  kindChoices(list, first, last);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: readonly TreeRow[]): string {
  const text = Papa.unparse({ fields: TREE_COLUMNS.map((c) => c.header), data: rows.map((r) => TREE_COLUMNS.map((c) => r[c.field] ?? '')) }, { newline: '\r\n' });
  // With a BOM, so that Excel shows the diacritics.
  return `\uFEFF${text}\r\n`;
}

/** The tree-list template (.xlsx): the list sheet with example rows and a drop-down of kinds, and a guide sheet. */
export function makeTreeTemplateXlsx(): Promise<Buffer> {
  return workbook('Mẫu cây tổ chức', EXAMPLE);
}

/** The same template as CSV (UTF-8 with BOM). */
export function makeTreeTemplateCsv(): string {
  return csv(EXAMPLE);
}

/**
 * The current tree under a unit the actor may read (the unit first, without parent code), as an
 * .xlsx with the template's guide or as CSV. Throws UNIT_NOT_FOUND.
 */
export async function exportTree(unitId: string, format: 'xlsx' | 'csv', { actor, tx }: ServiceContext): Promise<{ filename: string; data: Buffer | string }> {
  const unit = await getUnitRow(tx, unitId);
  if (!can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.');
  const r = await tx.execute<ExistingUnit & Record<string, unknown>>(sql`
    SELECT id, code, name, short_name AS "shortName", kind, parent_id AS "parentId", valid_from::text AS "validFrom", valid_to::text AS "validTo",
           term_label AS "termLabel", term_start::text AS "termStart", term_end::text AS "termEnd"
    FROM unit WHERE path <@ ${unit.path}::ltree AND valid_to IS NULL ORDER BY depth, name, id`);
  const rows = treeToRows(r.rows);
  const filename = `Cây tổ chức - ${unit.name}.${format}`;
  return { filename, data: format === 'xlsx' ? await workbook(`Cây tổ chức ${unit.name}`, rows) : csv(rows) };
}
