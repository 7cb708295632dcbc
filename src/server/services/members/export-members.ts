import ExcelJS from 'exceljs';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { ImportField } from '#core/members/import-rows.ts';
import { IMPORT_COLUMNS } from '#core/members/import-rows.ts';
import { MEMBER_CATEGORIES, POSITIONS } from '#core/org-tree/kinds.ts';
import { formatViDate } from '#core/text/dates.ts';
import type { MemberExportQuery } from '#shared/members.ts';
import { unitWithParent } from '#shared/units.ts';
import { EXPORT_MAX_ROWS } from '#shared/members.ts';
import { countMembers, findMemberRows } from '../../db/queries/members.ts';
import type { ServiceContext } from '../context.ts';
import { dateCell, setMemberColumns } from './member-sheet.ts';
import { unitFor } from './scope.ts';

const GENDER_LABEL: Record<string, string> = { nam: 'Nam', nu: 'Nữ' };

/**
 * The member list of a unit as .xlsx, with the same filters as the list: Vietnamese headers (the
 * import template's columns after "STT", so the file can be imported again), dates as date cells,
 * a frozen header row. Throws UNIT_NOT_FOUND, EXPORT_TOO_LARGE.
 */
export async function exportMembers(
  unitId: string,
  q: MemberExportQuery,
  { actor, tx, now }: ServiceContext,
): Promise<{ filename: string; data: Buffer }> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  const on = q.on ?? vietnamDate(now);
  const filter = { unitId, unitPath: unit.path, on, subtree: q.subtree === 'true', q: q.q, category: q.category };
  const total = await countMembers(tx, filter);
  if (total > EXPORT_MAX_ROWS) {
    throw new DomainError(
      'EXPORT_TOO_LARGE',
      `Danh sách có ${total.toLocaleString('vi-VN')} người, quá ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')} người của một lần xuất; hãy xuất theo từng đơn vị trực thuộc.`,
    );
  }
  const rows = await findMemberRows(tx, filter, null);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'trienkhai';
  wb.title = `Danh sách thành viên ${unit.name} ngày ${formatViDate(on)}`;
  const ws = wb.addWorksheet('Danh sách');
  const withUnit = filter.subtree;
  setMemberColumns(ws, [{ header: 'STT', width: 6 }, ...(withUnit ? [{ header: 'Đơn vị', width: 44 }] : [])]);
  rows.forEach((r, i) => {
    const values: Record<ImportField, string | Date | null> = {
      fullName: r.fullName,
      gender: r.gender ? (GENDER_LABEL[r.gender] ?? r.gender) : null,
      birthDate: dateCell(r.birthDate),
      category: MEMBER_CATEGORIES[r.category]?.vi ?? r.category,
      positions: r.positions.map((p) => POSITIONS[p]?.vi ?? p).join(', ') || null,
      validFrom: dateCell(r.validFrom),
      partyCardNo: r.partyCardNo,
      joinedPartyOn: dateCell(r.joinedPartyOn),
      phone: r.phone,
      email: r.email,
      jobTitle: r.jobTitle,
      // A list of several units says where each person goes when it is imported again.
      unitCode: withUnit ? r.unitCode : null,
    };
    // Cells of several đảng bộ share names ("Chi bộ Văn phòng"): each is named with its parent.
    ws.addRow([i + 1, ...(withUnit ? [unitWithParent(r.unitName, r.parentName)] : []), ...IMPORT_COLUMNS.map((c) => values[c.field])]);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  return {
    filename: `Danh sách thành viên - ${unit.name} - ${on}.xlsx`,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
