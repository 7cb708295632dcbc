// The cell's list of a round as Excel, read back with exceljs: a title line naming the round and the
// unit, then one row per member with the state in words and the days as date cells.
import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { RoundMemberRow } from '#shared/personal-plans.ts';
import { PLAN_STATE_WORDS, roundMembersTable } from '#server/services/personal-plans/export-round-members.ts';
import { tableToXlsx } from '#server/writers/xlsx/table-to-xlsx.ts';

const row = (fullName: string, extra: Partial<RoundMemberRow> = {}): RoundMemberRow => ({
  personId: fullName,
  fullName,
  unitId: 'u1',
  unitName: 'Chi bộ Trường Tiểu học Kỳ Hoa',
  formLabel: 'Mẫu 02',
  leader: false,
  state: 'pending',
  late: false,
  submittedOn: null,
  confirmedOn: null,
  signedOn: null,
  onBehalf: false,
  ...extra,
});

async function sheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('roundMembersTable', () => {
  it('lists a personal plan round with the state in Vietnamese, leaders and late submissions marked', async () => {
    const rows = [
      row('Nguyễn Thị Lan', { leader: true, state: 'confirmed', submittedOn: '2026-02-20', confirmedOn: '2026-03-02' }),
      row('Lê Văn Tâm', { state: 'submitted', submittedOn: '2026-03-03', late: true }),
      row('Phạm Thị Hoa', { state: 'returned', submittedOn: '2026-02-25' }),
      row('Hồ Văn Nam'),
    ];
    const ws = await sheet(await tableToXlsx(roundMembersTable({ kind: 'personal_plan', title: 'Đăng ký kế hoạch cá nhân thực hiện chủ đề năm 2026' }, 'Chi bộ Trường Tiểu học Kỳ Hoa', rows)));
    expect(ws.getRow(1).getCell(1).value).toBe('Đăng ký kế hoạch cá nhân thực hiện chủ đề năm 2026');
    expect(ws.getRow(2).getCell(1).value).toBe('Chi bộ Trường Tiểu học Kỳ Hoa');
    expect(ws.getRow(3).values).toEqual([undefined, 'STT', 'Họ và tên', 'Đơn vị', 'Mẫu', 'Lãnh đạo (nêu gương)', 'Trạng thái', 'Ngày nộp', 'Nộp muộn', 'Ngày xác nhận']);
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    expect(values(4)).toEqual([1, 'Nguyễn Thị Lan', 'Chi bộ Trường Tiểu học Kỳ Hoa', 'Mẫu 02', 'Có', 'Đã xác nhận', '2026-02-20', undefined, '2026-03-02']);
    expect(values(5)).toEqual([2, 'Lê Văn Tâm', 'Chi bộ Trường Tiểu học Kỳ Hoa', 'Mẫu 02', undefined, 'Đã nộp, chờ xác nhận', '2026-03-03', 'Có']);
    expect(ws.getRow(6).getCell(6).value).toBe('Bị trả lại');
    expect(PLAN_STATE_WORDS.draft).toBe('Đang soạn');
    expect(ws.getRow(7).getCell(6).value).toBe('Chưa lập');
    expect(ws.getRow(4).getCell(7).type).toBe(ExcelJS.ValueType.Date);
    expect(ws.rowCount).toBe(3 + rows.length);
  });

  it('adds the day signed for a pledge round and says signed or not', async () => {
    const rows = [row('Nguyễn Thị Lan', { formLabel: null, signedOn: '2026-02-15' }), row('Lê Văn Tâm', { formLabel: null })];
    const ws = await sheet(await tableToXlsx(roundMembersTable({ kind: 'pledge', title: 'Ký cam kết năm 2026' }, 'Chi bộ Trường Tiểu học Kỳ Hoa', rows)));
    expect(ws.getRow(3).getCell(10).value).toBe('Ngày ký');
    expect((ws.getRow(4).getCell(10).value as Date).toISOString().slice(0, 10)).toBe('2026-02-15');
    expect(ws.getRow(4).getCell(6).value).toBe('Đã ký');
    expect(ws.getRow(5).getCell(6).value).toBe('Chưa ký');
    expect(ws.getRow(5).getCell(10).value).toBeNull();
  });
});
