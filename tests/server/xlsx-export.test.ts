// Table exports, read back with exceljs: typed cells (numbers, dates, shares), Vietnamese headers
// in bold on a frozen first row with an autofilter.
import { describe, it, expect, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import { cellValue, safeSheetName, tablesToXlsx, tableToXlsx, XLSX_FORMATS, type XlsxColumn } from '#server/writers/xlsx/table-to-xlsx.ts';

type Key = 'stt' | 'unit' | 'members' | 'done' | 'share' | 'avg' | 'due' | 'phone';

const columns: XlsxColumn<Key>[] = [
  { key: 'stt', header: 'STT', type: 'integer', width: 6 },
  { key: 'unit', header: 'Đơn vị', type: 'text', width: 36 },
  { key: 'members', header: 'Số đảng viên', type: 'integer' },
  { key: 'done', header: 'Đã tham gia', type: 'integer' },
  { key: 'share', header: 'Tỷ lệ', type: 'percent' },
  { key: 'avg', header: 'Điểm bình quân', type: 'number' },
  { key: 'due', header: 'Hạn báo cáo', type: 'date' },
  { key: 'phone', header: 'Điện thoại', type: 'text' },
];

const rows = [
  { stt: 1, unit: 'Đảng bộ Sở Y tế', members: 655, done: 630, share: { part: 630, whole: 655 }, avg: 8.25, due: '2022-04-30', phone: '0294123456' },
  { stt: 2, unit: 'Chi bộ Sở Tư pháp', members: 38, done: 35, share: { part: 35, whole: 38 }, avg: null, due: new Date(Date.UTC(2022, 1, 5)), phone: null },
  { stt: 3, unit: 'Chi bộ mới thành lập', members: 0, done: 0, share: { part: 0, whole: 0 }, avg: 7, due: undefined, phone: '' },
  { stt: 4, unit: 'Đảng bộ Công an tỉnh', members: 3044, done: 2909, share: 0.9556, avg: '9.5', due: '2022-12-31', phone: '0911000111' },
];

async function readBack(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws).toBeDefined();
  return ws!;
}

describe('tableToXlsx', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await readBack(await tableToXlsx({ sheetName: 'Kết quả sinh hoạt', columns, rows, title: 'Kết quả sinh hoạt chính trị' }));
  });

  it('writes the Vietnamese headers in bold on a frozen first row with an autofilter', () => {
    expect(ws.name).toBe('Kết quả sinh hoạt');
    expect(ws.getRow(1).values).toEqual([undefined, ...columns.map((c) => c.header)]);
    for (let c = 1; c <= columns.length; c++) expect(ws.getRow(1).getCell(c).font?.bold).toBe(true);
    expect(ws.views[0]?.state).toBe('frozen');
    expect((ws.views[0] as { ySplit?: number }).ySplit).toBe(1);
    expect(ws.autoFilter).toBeTruthy();
    expect(JSON.stringify(ws.autoFilter)).toMatch(/A1|"row":1/);
    expect(ws.rowCount).toBe(1 + rows.length);
  });

  it('stores counts as numbers with a thousands format', () => {
    const c = ws.getRow(5).getCell(3);
    expect(c.type).toBe(ExcelJS.ValueType.Number);
    expect(c.value).toBe(3044);
    expect(c.numFmt).toBe('#,##0');
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
  });

  it('computes shares from the raw counts and stores them as fractions shown in percent', () => {
    const c = ws.getRow(2).getCell(5);
    expect(c.type).toBe(ExcelJS.ValueType.Number);
    expect(c.value).toBeCloseTo(630 / 655, 12);
    expect(c.numFmt).toBe('0.00%');
    expect(ws.getRow(4).getCell(5).value).toBeNull(); // 0 of 0: no share
    expect(ws.getRow(5).getCell(5).value).toBe(0.9556);
  });

  it('stores dates as real dates shown dd/mm/yyyy, on the right calendar day', () => {
    const c = ws.getRow(2).getCell(7);
    expect(c.type).toBe(ExcelJS.ValueType.Date);
    expect(c.value).toBeInstanceOf(Date);
    expect((c.value as Date).toISOString().slice(0, 10)).toBe('2022-04-30');
    expect(c.numFmt).toBe('dd/mm/yyyy');
    expect((ws.getRow(3).getCell(7).value as Date).toISOString().slice(0, 10)).toBe('2022-02-05');
    expect(ws.getRow(4).getCell(7).value).toBeNull();
  });

  it('keeps text as text (leading zeros of phone numbers too) and decimals as numbers', () => {
    expect(ws.getRow(2).getCell(2).value).toBe('Đảng bộ Sở Y tế');
    expect(ws.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(2).getCell(8).value).toBe('0294123456');
    expect(ws.getRow(2).getCell(8).numFmt).toBe('@');
    expect(ws.getRow(2).getCell(6).value).toBe(8.25);
    expect(ws.getRow(5).getCell(6).value).toBe(9.5);
    expect(ws.getRow(3).getCell(6).value).toBeNull();
  });

  it('sets the column widths', () => {
    expect(ws.getColumn(2).width).toBe(36);
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(12);
  });
});

describe('tableToXlsx — edges', () => {
  it('refuses a value its column cannot hold, naming the row and column', async () => {
    await expect(tableToXlsx({ sheetName: 'x', columns: [{ key: 'n', header: 'Số lượng', type: 'integer' }], rows: [{ n: 'nhiều' }] })).rejects.toThrow(
      /Dòng 2, cột "Số lượng"/,
    );
    expect(() => cellValue('date', '18/04/2022', 'ô')).toThrow(TypeError);
    expect(() => cellValue('percent', 'abc', 'ô')).toThrow(TypeError);
  });

  it('writes an empty table with its header', async () => {
    const ws = await readBack(await tableToXlsx({ sheetName: 'Trống', columns: [{ key: 'a', header: 'Tên', type: 'text' }], rows: [] }));
    expect(ws.rowCount).toBe(1);
    expect(ws.getRow(1).getCell(1).value).toBe('Tên');
    expect(ws.views[0]?.state).toBe('frozen');
  });

  it('prints title lines above the header, across the table, and freezes and filters below them', async () => {
    const ws = await readBack(await tableToXlsx({ sheetName: 'Danh sách', heading: ['Đợt đăng ký kế hoạch cá nhân', 'Chi bộ Văn phòng'], columns: columns.slice(0, 3), rows: rows.slice(0, 2) }));
    expect(ws.getRow(1).getCell(1).value).toBe('Đợt đăng ký kế hoạch cá nhân');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(1).getCell(3).isMerged).toBe(true);
    expect(ws.getRow(2).getCell(1).value).toBe('Chi bộ Văn phòng');
    expect(ws.getRow(3).values).toEqual([undefined, 'STT', 'Đơn vị', 'Số đảng viên']);
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    expect((ws.views[0] as { ySplit?: number }).ySplit).toBe(3);
    expect(JSON.stringify(ws.autoFilter)).toMatch(/A3|"row":3/);
    expect(ws.getRow(4).getCell(2).value).toBe('Đảng bộ Sở Y tế');
    expect(ws.getRow(5).getCell(3).value).toBe(38);
    await expect(tableToXlsx({ sheetName: 'x', heading: ['Tiêu đề'], columns: [{ key: 'n', header: 'Số lượng', type: 'integer' }], rows: [{ n: 'nhiều' }] })).rejects.toThrow(/Dòng 3, cột "Số lượng"/);
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('Báo cáo 01/2022 [quý I]')).toBe('Báo cáo 01-2022 -quý I-');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName(' ')).toBe('Trang 1');
    expect(Object.keys(XLSX_FORMATS).sort()).toEqual(['date', 'integer', 'number', 'percent', 'text']);
  });
});

describe('tablesToXlsx', () => {
  it('writes a sheet per table, in order, telling apart names that clean and cut to the same', async () => {
    const long = 'Chi bộ Phòng Quản lý ngân sách và tài chính doanh nghiệp';
    const names = ['Chi bộ Văn phòng', 'chi bộ văn phòng', long, `${long} nhà nước`, 'Chi bộ [Thanh tra]'];
    const buf = await tablesToXlsx(names.map((sheetName, i) => ({ sheetName, columns: columns.slice(0, 2), rows: [{ stt: i + 1, unit: sheetName }] })), 'Phiếu');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheetNames = wb.worksheets.map((w) => w.name);
    expect(sheetNames).toEqual(['Chi bộ Văn phòng', 'chi bộ văn phòng (2)', safeSheetName(long), `${safeSheetName(long).slice(0, 27)} (2)`, 'Chi bộ -Thanh tra-']);
    expect(sheetNames.every((n) => n.length <= 31)).toBe(true);
    wb.worksheets.forEach((w, i) => expect(w.getRow(2).getCell(2).value).toBe(names[i]));
  });
});
