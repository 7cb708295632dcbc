import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxOfRows, zipOf } from '#tests/support/hostile-files.ts';
import { readMemberFile } from './member-file.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (data: Buffer) => ({ filename: 'danh-sach.xlsx', mimetype: XLSX_TYPE, data });
const csv = (text: string) => ({ filename: 'danh-sach.csv', mimetype: 'text/csv', data: Buffer.from(text) });

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
    return { code: 'none', message: '' };
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

describe('readMemberFile, streaming an .xlsx', () => {
  it('reads the first visible sheet with a header, past a hidden one and a guide, with typed dates', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Cũ', { state: 'hidden' });
    hidden.addRow(['Họ và tên', 'Loại thành viên']);
    hidden.addRow(['Người ẩn', 'Quần chúng']);
    wb.addWorksheet('Hướng dẫn').addRow(['Điền danh sách ở trang sau.']);
    const list = wb.addWorksheet('Danh sách');
    list.addRow(['DANH SÁCH ĐẢNG VIÊN']);
    list.addRow([]);
    list.addRow(['Họ và tên', 'Loại thành viên', 'Ngày sinh']);
    list.addRow(['Nguyễn Văn An', 'Đảng viên chính thức', new Date(Date.UTC(1980, 2, 15))]);
    list.getCell('C4').numFmt = 'dd/mm/yyyy';
    const rows = await readMemberFile(xlsx(Buffer.from(await wb.xlsx.writeBuffer())), 100);
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(rows[2]!.cells[0]).toBe('Nguyễn Văn An');
    expect(rows[2]!.cells[2]).toEqual(new Date(Date.UTC(1980, 2, 15)));
  });

  it('reads shared strings that come after the sheet, as Excel orders its parts, and a workbook without any', async () => {
    const rows = await readMemberFile(xlsx(await xlsxOfRows(30)), 100);
    expect(rows).toHaveLength(31);
    expect(rows[0]!.cells).toEqual(['Họ và tên', 'Loại thành viên']);
    const inline = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Trần Thị Bình</t></is></c></row></sheetData></worksheet>') },
    ]);
    expect((await readMemberFile(xlsx(inline), 100)).map((r) => r.cells[0])).toEqual(['Họ và tên', 'Trần Thị Bình']);
  });

  it('stops at the row limit: a longer list is refused without being read to its end', async () => {
    const r = await refusal(readMemberFile(xlsx(await xlsxOfRows(200)), 100));
    expect(r).toEqual({ code: 'TOO_MANY_ROWS', message: 'Tệp có hơn 100 dòng dữ liệu; mỗi lần nhập tối đa 100 dòng. Hãy chia thành nhiều tệp.' });
    // The header and the 10 rows above it where it may stand are not data.
    expect((await readMemberFile(xlsx(await xlsxOfRows(109)), 100))).toHaveLength(110);
  });
});

describe('readMemberFile, a .csv', () => {
  it('numbers rows as the spreadsheet does, keeping no blank one, and stops at the row limit', async () => {
    const rows = await readMemberFile(csv('Họ và tên,Loại thành viên\n\n\nAn,Quần chúng\n'), 100);
    expect(rows.map((r) => r.row)).toEqual([1, 4]);
    const long = `Họ và tên\n${'An\n\n'.repeat(200)}`;
    expect((await refusal(readMemberFile(csv(long), 100))).code).toBe('TOO_MANY_ROWS');
  });
});
