import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { IMPORT_COLUMNS, parseDateCell } from '#core/members/import-rows.ts';
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_NAMES, POSITIONS, POSITION_NAMES } from '#core/org-tree/kinds.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import { LIMITS } from '#shared/common.ts';
import { dateCell, setMemberColumns } from './member-sheet.ts';

const LIST_SHEET = 'Danh sách';
const GUIDE_SHEET = 'Hướng dẫn';
/** Rows of the list sheet that offer drop-down choices for gender and category. */
const CHOICE_ROWS = 500;

function exampleValue(c: (typeof IMPORT_COLUMNS)[number]): string | Date | null {
  if (c.kind !== 'date') return c.example;
  const d = parseDateCell(c.example);
  return d.ok ? dateCell(d.value) : c.example;
}

/**
 * The member-list template (.xlsx): sheet "Danh sách" with the header row (bold, frozen) and one
 * example row, drop-down choices for gender and category; sheet "Hướng dẫn" with what each column
 * accepts (the unit code that places a row in a unit among them) and the accepted categories and
 * positions.
 */
export async function makeImportTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'trienkhai';
  wb.title = 'Mẫu danh sách thành viên';
  const list = wb.addWorksheet(LIST_SHEET);
  const guide = wb.addWorksheet(GUIDE_SHEET);
  setMemberColumns(list);
  list.addRow(IMPORT_COLUMNS.map(exampleValue));

  guide.columns = [{ width: 30 }, { width: 12 }, { width: 90 }, { width: 24 }];
  guide.addRow(['Hướng dẫn nhập danh sách thành viên']).font = { bold: true, size: 14 };
  guide.addRow([`Dòng 1 của trang "${LIST_SHEET}" là tiêu đề các cột; mỗi người ghi trên một dòng, từ dòng 2. Dòng ví dụ có thể xóa hoặc ghi đè.`]);
  guide.addRow(['Tên cột viết có dấu hay không dấu, chữ hoa hay chữ thường đều được; cột không có trong bảng dưới đây được bỏ qua; có thể thêm cột "STT".']);
  guide.addRow(['Một tệp có thể xếp người vào nhiều đơn vị: ghi ở cột "Mã đơn vị" mã của chi bộ (đơn vị) nơi người đó sinh hoạt, là đơn vị nhận danh sách hoặc đơn vị trực thuộc còn hoạt động; dòng không ghi mã vào đơn vị nhận danh sách.']);
  guide.addRow(['Cột "Chức vụ" ghi một hay nhiều chức vụ, cách nhau bởi dấu chấm phẩy hoặc dấu phẩy, ví dụ "Bí thư; Cấp ủy viên".']);
  guide.addRow([`Mỗi lần nhập tối đa ${LIMITS.importRows.toLocaleString('vi-VN')} dòng, tệp tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Cũng nhận tệp CSV (UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy) với cùng các cột.`]);
  guide.addRow([]);
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const aliases = c.aliases.length > 0 ? ` Cũng nhận tên cột: ${c.aliases.join(', ')}.` : '';
    guide.addRow([c.header, c.required ? 'Có' : 'Không', c.help + aliases, c.example]).alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  guide.addRow(['Loại thành viên', 'Mã']).font = { bold: true };
  const firstCategoryRow = guide.rowCount + 1;
  for (const code of MEMBER_CATEGORY_NAMES) guide.addRow([MEMBER_CATEGORIES[code].vi, code]);
  const lastCategoryRow = guide.rowCount;
  guide.addRow([]);
  guide.addRow(['Chức vụ', 'Mã']).font = { bold: true };
  for (const code of POSITION_NAMES) guide.addRow([POSITIONS[code].vi, code]);

  const column = (field: string) => String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.field === field));
  // NOTE: validations are added per range: exceljs merges per-cell ones into overlapping ranges
  // that Excel then offers to "repair". The range API exists at run time but not in the typings.
  const validations = (list as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  // A warning, not a refusal: the import also accepts labels without diacritics and codes.
  const choice = { type: 'list' as const, allowBlank: true, showErrorMessage: true, errorStyle: 'warning' };
  validations.add(`${column('gender')}2:${column('gender')}${CHOICE_ROWS + 1}`, { ...choice, formulae: ['"Nam,Nữ"'] });
  validations.add(`${column('category')}2:${column('category')}${CHOICE_ROWS + 1}`, {
    ...choice, formulae: [`'${GUIDE_SHEET}'!$A$${firstCategoryRow}:$A$${lastCategoryRow}`],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same template as CSV: UTF-8 with BOM (so Excel shows the diacritics), header and example row. */
export function makeImportTemplateCsv(): string {
  const csv = Papa.unparse({ fields: IMPORT_COLUMNS.map((c) => c.header), data: [IMPORT_COLUMNS.map((c) => c.example)] }, { newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}
