import { formatViDateTime } from '#core/text/dates.ts';
import { vietnamDate } from '#core/ids.ts';
import type { SlipFormat } from '#shared/accounts.ts';
import { renderSlipsDocx } from '../../writers/docx/render-slips.ts';
import { tablesToXlsx, type XlsxColumn } from '../../writers/xlsx/table-to-xlsx.ts';

export interface SlipRow {
  fullName: string;
  unitId: string;
  unitName: string;
  username: string;
  password: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Rows grouped by unit, units in the order they first appear. */
function byUnit(rows: readonly SlipRow[]): { unitName: string; rows: SlipRow[] }[] {
  const groups = new Map<string, { unitName: string; rows: SlipRow[] }>();
  for (const r of rows) {
    const g = groups.get(r.unitId);
    if (g) g.rows.push(r);
    else groups.set(r.unitId, { unitName: r.unitName, rows: [r] });
  }
  return [...groups.values()];
}

type Key = 'no' | 'fullName' | 'unitName' | 'username' | 'password' | 'validUntil';
const COLUMNS: XlsxColumn<Key>[] = [
  { key: 'no', header: 'STT', type: 'integer', width: 6 },
  { key: 'fullName', header: 'Họ và tên', type: 'text', width: 28 },
  { key: 'unitName', header: 'Đơn vị', type: 'text', width: 32 },
  { key: 'username', header: 'Tên đăng nhập', type: 'text', width: 22 },
  { key: 'password', header: 'Mật khẩu dùng một lần', type: 'text', width: 22 },
  { key: 'validUntil', header: 'Dùng được đến', type: 'text', width: 18 },
];

/**
 * The slips of accounts just created, with their one-time passwords: an .xlsx with a sheet per unit
 * or a .docx of slips to cut out, grouped by unit. Built once, in memory; never stored.
 */
export async function buildSlips(rows: readonly SlipRow[], format: SlipFormat, o: { address: string; validUntil: Date; now: Date }): Promise<{ filename: string; contentType: string; data: Buffer }> {
  const until = formatViDateTime(o.validUntil);
  const groups = byUnit(rows);
  const filename = `phieu-tai-khoan-${vietnamDate(o.now)}.${format}`;
  if (format === 'xlsx') {
    const data = await tablesToXlsx(
      groups.map((g) => ({
        sheetName: g.unitName,
        columns: COLUMNS,
        rows: g.rows.map((r, i) => ({ no: i + 1, fullName: r.fullName, unitName: r.unitName, username: r.username, password: r.password, validUntil: until })),
      })),
      `Tài khoản đăng nhập — ${o.address} — đổi mật khẩu ở lần đăng nhập đầu`,
    );
    return { filename, contentType: XLSX_TYPE, data };
  }
  const data = await renderSlipsDocx(
    groups.map((g) => ({ unitName: g.unitName, slips: g.rows.map((r) => ({ fullName: r.fullName, username: r.username, password: r.password, validUntil: until })) })),
    o.address,
  );
  return { filename, contentType: DOCX_TYPE, data };
}
