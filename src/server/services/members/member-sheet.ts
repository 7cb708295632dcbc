import type ExcelJS from 'exceljs';
import type { ImportColumn } from '#core/members/import-rows.ts';
import { IMPORT_COLUMNS } from '#core/members/import-rows.ts';

/**
 * The layout shared by the import template and the member export, so that an exported list can
 * be imported again: one column per IMPORT_COLUMNS entry, Vietnamese headers in bold on a frozen
 * first row, dates shown as dd/mm/yyyy, card and phone numbers kept as text.
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATE_FORMAT = 'dd/mm/yyyy';

const WIDTH: Record<ImportColumn['kind'], number> = { text: 28, date: 14, gender: 10, category: 28, positions: 26, phone: 15, code: 18 };

/** Adds the columns after `leading` (e.g. an "STT" column) and styles the header row. */
export function setMemberColumns(ws: ExcelJS.Worksheet, leading: { header: string; width: number }[] = []): void {
  ws.columns = [
    ...leading.map((l) => ({ header: l.header, width: l.width })),
    ...IMPORT_COLUMNS.map((c) => ({
      header: c.header,
      width: c.field === 'fullName' ? 26 : Math.max(WIDTH[c.kind], c.header.length + 2),
      style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.kind === 'phone' || c.kind === 'code' ? { numFmt: '@' } : {},
    })),
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A calendar date as an Excel date cell (midnight UTC is how exceljs writes a day). */
export function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** Content-Disposition for a download with a Vietnamese file name (plus an ASCII fallback). */
export function attachment(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
