import { vietnamDate } from '#core/ids.ts';
import type { ImportField, ImportIssue, RowValidator } from '#core/members/import-rows.ts';
import { IMPORT_COLUMNS, readMemberRows } from '#core/members/import-rows.ts';
import { LIMITS } from '#shared/common.ts';
import type { ImportMode, ImportReport, MemberCreate } from '#shared/members.ts';
import { MemberCreateSchema } from '#shared/members.ts';
import { insertMembers, takenPartyCards } from '../../db/queries/members.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { UploadedFile } from '../../readers/member-file.ts';
import { readMemberFile } from '../../readers/member-file.ts';
import { requireActive, unitFor } from './scope.ts';

const FIELDS = new Set<string>(IMPORT_COLUMNS.map((c) => c.field));

/** Every row is checked with the API's own contract for adding a member. */
const validate: RowValidator<MemberCreate> = (candidate) => {
  const r = MemberCreateSchema.safeParse(candidate);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => {
      const key = i.path[0];
      return { field: typeof key === 'string' && FIELDS.has(key) ? (key as ImportField) : null, message: i.message };
    }),
  };
};

export interface ImportOutcome {
  /** `checked`: nothing written (mode check); `imported`: the good rows are stored; `refused`: mode all met a bad row, nothing stored. */
  outcome: 'checked' | 'imported' | 'refused';
  report: ImportReport;
}

/**
 * Imports a member list (.xlsx or .csv) into a unit, every person with a membership there, in the
 * caller's one transaction and with one audit entry for the whole file. Modes: `check` reports
 * only; `all` stores nothing unless every row is good; `good` stores the good rows. A party card
 * number already held by someone is a row error. Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE
 * and the file errors of readMemberFile and readMemberRows.
 */
export async function importMembers(
  input: { unitId: string; mode: ImportMode; file: UploadedFile },
  { actor, tx, now }: ServiceContext,
): Promise<ImportOutcome> {
  const unit = await unitFor(tx, actor, input.unitId, 'manage_members', true);
  requireActive(unit);
  const rows = await readMemberFile(input.file);
  const read = readMemberRows(rows, { validate, today: vietnamDate(now), maxRows: LIMITS.importRows });

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
}
