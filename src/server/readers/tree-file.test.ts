import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeTreeTemplateCsv, makeTreeTemplateXlsx } from '../services/units/tree-sheet.ts';
import { readTreeList } from './tree-file.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('readTreeList', () => {
  it('reads the sheet with a tree header, past a member list and a guide, with typed dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Thành viên').addRow(['Họ và tên', 'Loại thành viên', 'Mã đơn vị']);
    wb.addWorksheet('Hướng dẫn').addRow(['Mã đơn vị']);
    const list = wb.addWorksheet('Cây');
    list.addRow(['CÂY TỔ CHỨC']);
    list.addRow(['Mã', 'Tên', 'Loại', 'Cấp trên', 'Ngày thành lập']);
    list.addRow(['DUK', 'Đảng ủy Khối', 'Đảng ủy Khối', null, new Date(Date.UTC(2020, 9, 1))]);
    const read = await readTreeList({ filename: 'cay.xlsx', mimetype: XLSX_TYPE, data: Buffer.from(await wb.xlsx.writeBuffer()) }, { maxRows: 10 });
    expect(read.rows).toEqual([{ rowNumber: 3, code: 'DUK', name: 'Đảng ủy Khối', shortName: null, kind: 'Đảng ủy Khối', parentCode: null, termLabel: null, termStart: null, termEnd: null, validFrom: '2020-10-01' }]);
  });

  it('reads its own templates, .xlsx and .csv, as the same rows', async () => {
    const fromXlsx = await readTreeList({ filename: 'mau.xlsx', mimetype: XLSX_TYPE, data: await makeTreeTemplateXlsx() }, { maxRows: 10 });
    const fromCsv = await readTreeList({ filename: 'mau.csv', mimetype: 'text/csv', data: Buffer.from(makeTreeTemplateCsv()) }, { maxRows: 10 });
    expect(fromXlsx.rows.map((r) => r.code)).toEqual(['DUK', 'DUK.01', 'DUK.01.1']);
    const iso = (d: string | null | undefined) => (d && d.includes('/') ? d.split('/').reverse().join('-') : (d ?? null));
    const norm = (rows: typeof fromCsv.rows) => rows.map((r) => ({ ...r, termStart: iso(r.termStart), termEnd: iso(r.termEnd), validFrom: iso(r.validFrom) }));
    expect(norm(fromXlsx.rows)).toEqual(norm(fromCsv.rows));
  });
});
