import { vietnamDate } from '#core/ids.ts';
import type { ImportIssue } from '#core/members/import-rows.ts';
import { IMPORT_COLUMNS } from '#core/members/import-rows.ts';
import { LIMITS } from '#shared/common.ts';
import type { ImportMode, ImportReport } from '#shared/members.ts';
import { insertMembers, takenPartyCards } from '../../db/queries/members.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { FileReaders } from '../../readers/file-readers.ts';
import type { UploadedFile } from '../../readers/member-file.ts';
import { requireActive, unitFor } from './scope.ts';

export interface ImportOutcome {
  /** `checked`: nothing written (mode check); `imported`: the good rows are stored; `refused`: mode all met a bad row, nothing stored. */
  outcome: 'checked' | 'imported' | 'refused';
  report: ImportReport;
}

/**
 * Imports a member list (.xlsx or .csv) into a unit, every person with a membership there, in one
 * transaction with one audit entry for the whole file. The file is read and its rows checked in a
 * reader's thread before the transaction opens, so a long read holds no connection. Modes:
 * `check` reports only; `all` stores nothing unless every row is good; `good` stores the good rows.
 * A party card number already held by someone is a row error. Throws UNIT_NOT_FOUND, FORBIDDEN,
 * UNIT_NOT_ACTIVE, the file errors of readMemberFile and readMemberRows, and the readers'
 * FILE_READERS_BUSY and FILE_TOO_COMPLEX.
 */
export async function importMembers(
  input: { unitId: string; mode: ImportMode; file: UploadedFile },
  { actor, tx: db, now }: ServiceContext,
  readers: FileReaders,
): Promise<ImportOutcome> {
  // Refused before the file is read; checked again, with the unit locked, before anything is written.
  requireActive(await unitFor(db, actor, input.unitId, 'manage_members'));
  const read = await readers.readMemberList(input.file, { today: vietnamDate(now), maxRows: LIMITS.importRows });
  return db.transaction(async (tx) => {
    const unit = await unitFor(tx, actor, input.unitId, 'manage_members', true);
    requireActive(unit);
    const cards = read.good.map((g) => g.partyCardNo).filter((c): c is string => c !== null);
    const taken = cards.length > 0 ? await takenPartyCards(tx, cards) : new Set<string>();
    const cardHeader = IMPORT_COLUMNS.find((c) => c.field === 'partyCardNo')!.header;
    const errors: ImportIssue[] = [...read.errors];
    const good = read.good.filter((g) => {
      if (g.partyCardNo === null || !taken.has(g.partyCardNo)) return true;
      errors.push({ row: g.row, column: cardHeader, message: `Số thẻ đảng viên "${g.partyCardNo}" đã được dùng cho một người khác trong hệ thống` });
      return false;
    });
    errors.sort((a, b) => a.row - b.row);

    const report: ImportReport = {
      totalRows: read.totalRows,
      goodRows: good.length,
      badRows: new Set(errors.map((e) => e.row)).size,
      imported: 0,
      errors,
      ignoredColumns: read.ignoredColumns,
    };
    if (input.mode === 'check') return { outcome: 'checked', report };
    if (input.mode === 'all' && report.badRows > 0) return { outcome: 'refused', report };
    if (good.length > 0) {
      const ids = await insertMembers(tx, unit.id, good.map((g) => g.value));
      report.imported = ids.length;
      await writeAudit(tx, actor, {
        action: 'member.import', entity: 'unit', entityId: unit.id, unitPath: unit.path,
        after: { file: input.file.filename, mode: input.mode, imported: ids.length, badRows: report.badRows, totalRows: report.totalRows },
      }, now);
    }
    return { outcome: 'imported', report };
  });
}
