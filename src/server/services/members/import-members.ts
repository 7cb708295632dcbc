import { vietnamDate } from '#core/ids.ts';
import type { ImportIssue } from '#core/members/import-rows.ts';
import { IMPORT_COLUMNS } from '#core/members/import-rows.ts';
import { LIMITS } from '#shared/common.ts';
import type { WorkProgress } from '#shared/common.ts';
import type { ImportMode, ImportReport } from '#shared/members.ts';
import { countByUnit, placeByUnitCode } from '#core/members/import-units.ts';
import { codedUnitsUnder, insertMembers, takenPartyCards } from '../../db/queries/members.ts';
import { findUnitNames } from '../../db/queries/units.ts';
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
 * Imports a member list (.xlsx or .csv) into a unit and the units below it, every person with a
 * membership in the unit their row's "Mã đơn vị" names (the importing unit for a row without one),
 * in one transaction with one audit entry for the whole file. The file is read and its rows checked
 * in a reader's thread before the transaction opens, so a long read holds no connection. Modes:
 * `check` reports only; `all` stores nothing unless every row is good; `good` stores the good rows.
 * A party card number already held by someone, and a unit code that is not one of an active unit
 * of the importing unit's subtree, are row errors. The rows are written in bulk, `onProgress`
 * told (step "members") after each batch. Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE, the
 * file errors of readMemberFile and readMemberRows, and the readers' FILE_READERS_BUSY and
 * FILE_TOO_COMPLEX.
 */
export async function importMembers(
  input: { unitId: string; mode: ImportMode; file: UploadedFile },
  { actor, tx: db, now }: ServiceContext,
  readers: FileReaders,
  onProgress: (p: WorkProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  // Refused before the file is read; checked again, with the unit locked, before anything is written.
  requireActive(await unitFor(db, actor, input.unitId, 'manage_members'));
  const read = await readers.readMemberList(input.file, { today: vietnamDate(now), maxRows: LIMITS.importRows });
  return db.transaction(async (tx) => {
    const unit = await unitFor(tx, actor, input.unitId, 'manage_members', true);
    requireActive(unit);
    const errors: ImportIssue[] = [...read.errors];

    // Only the importing unit's subtree is searched: a code elsewhere in the tree is unknown here.
    const coded = read.good.some((g) => g.unitCode !== null) || read.badRowCodes.length > 0;
    const placement = placeByUnitCode([...read.good, ...read.badRowCodes], {
      home: { id: unit.id, name: unit.name },
      units: coded ? await codedUnitsUnder(tx, unit.path) : [],
    });
    errors.push(...placement.errors);
    const misplaced = new Set(placement.errors.map((e) => e.row));

    const cards = read.good.map((g) => g.partyCardNo).filter((c): c is string => c !== null);
    const taken = cards.length > 0 ? await takenPartyCards(tx, cards) : new Set<string>();
    const cardHeader = IMPORT_COLUMNS.find((c) => c.field === 'partyCardNo')!.header;
    const good = read.good.filter((g) => {
      if (g.partyCardNo !== null && taken.has(g.partyCardNo)) {
        errors.push({ row: g.row, column: cardHeader, message: `Số thẻ đảng viên "${g.partyCardNo}" đã được dùng cho một người khác trong hệ thống` });
        return false;
      }
      return !misplaced.has(g.row);
    });
    errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));

    const rows = good.map((g) => ({ unitId: placement.unitOf.get(g.row)!, member: g.value }));
    const counts = countByUnit(rows.map((r) => r.unitId));
    const names = await findUnitNames(tx, [...counts.keys()]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const report: ImportReport = {
      totalRows: read.totalRows,
      goodRows: good.length,
      badRows: new Set(errors.map((e) => e.row)).size,
      imported: 0,
      errors,
      ignoredColumns: read.ignoredColumns,
      units: [...counts].map(([unitId, n]) => ({ unitId, unitName: nameOf.get(unitId) ?? '', rows: n })),
    };
    if (input.mode === 'check') return { outcome: 'checked', report };
    if (input.mode === 'all' && report.badRows > 0) return { outcome: 'refused', report };
    if (rows.length > 0) {
      onProgress({ step: 'members', done: 0, total: rows.length });
      const ids = await insertMembers(tx, rows, (done) => onProgress({ step: 'members', done, total: rows.length }));
      report.imported = ids.length;
      await writeAudit(tx, actor, {
        action: 'member.import', entity: 'unit', entityId: unit.id, unitPath: unit.path,
        after: {
          file: input.file.filename, mode: input.mode, imported: ids.length, badRows: report.badRows, totalRows: report.totalRows,
          units: counts.size,
        },
      }, now);
    }
    return { outcome: 'imported', report };
  });
}

/** Errors of one row in the order of the template's columns. */
const COLUMN_INDEX: ReadonlyMap<string, number> = new Map(IMPORT_COLUMNS.map((c, i) => [c.header, i]));
const columnOrder = (header: string | null): number => (header === null ? -1 : (COLUMN_INDEX.get(header) ?? -1));
