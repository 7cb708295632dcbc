import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import { EXPORT_MAX_ROWS } from '#shared/members.ts';
import type { RecordState, RoundMemberRow, RoundMembersQuery, RoundSummary } from '#shared/personal-plans.ts';
import { tableToXlsx, type XlsxColumn, type XlsxTable } from '../../writers/xlsx/table-to-xlsx.ts';
import type { ServiceContext } from '../context.ts';
import { fileName } from '../exports/issuer-context.ts';
import { memberListUnit, roundMemberRows } from './find-round-members.ts';
import { roundFor } from './scope.ts';

/** Where a member's plan stands, in the words of the web's list (personalPlans.state). */
export const PLAN_STATE_WORDS: Readonly<Record<RecordState, string>> = {
  pending: 'Chưa lập',
  draft: 'Đang soạn',
  submitted: 'Đã nộp, chờ xác nhận',
  returned: 'Bị trả lại',
  confirmed: 'Đã xác nhận',
};

type Key = 'stt' | 'fullName' | 'unitName' | 'form' | 'leader' | 'state' | 'submittedOn' | 'late' | 'confirmedOn' | 'signedOn';

const yes = (b: boolean) => (b ? 'Có' : '');

/**
 * The members of a round at a unit as a table: STT, Họ và tên, Đơn vị, Mẫu, Lãnh đạo (nêu gương),
 * Trạng thái, Ngày nộp, Nộp muộn, Ngày xác nhận, and for a pledge round Ngày ký; a title line naming
 * the round and the unit.
 */
export function roundMembersTable(round: Pick<RoundSummary, 'kind' | 'title'>, unitName: string, rows: readonly RoundMemberRow[]): XlsxTable<Key> {
  const pledge = round.kind === 'pledge';
  const columns: XlsxColumn<Key>[] = [
    { key: 'stt', header: 'STT', type: 'integer', width: 6 },
    { key: 'fullName', header: 'Họ và tên', type: 'text', width: 28 },
    { key: 'unitName', header: 'Đơn vị', type: 'text', width: 36 },
    { key: 'form', header: 'Mẫu', type: 'text', width: 10 },
    { key: 'leader', header: 'Lãnh đạo (nêu gương)', type: 'text', width: 12 },
    { key: 'state', header: 'Trạng thái', type: 'text', width: 22 },
    { key: 'submittedOn', header: 'Ngày nộp', type: 'date' },
    { key: 'late', header: 'Nộp muộn', type: 'text', width: 10 },
    { key: 'confirmedOn', header: 'Ngày xác nhận', type: 'date', width: 14 },
    ...(pledge ? [{ key: 'signedOn' as const, header: 'Ngày ký', type: 'date' as const }] : []),
  ];
  return {
    sheetName: pledge ? 'Ký cam kết' : 'Kế hoạch cá nhân',
    title: `${round.title} - ${unitName}`,
    heading: [round.title, unitName],
    columns,
    rows: rows.map((r, i) => ({
      stt: i + 1,
      fullName: r.fullName,
      unitName: r.unitName,
      form: r.formLabel,
      leader: yes(r.leader),
      state: pledge ? (r.signedOn ? 'Đã ký' : 'Chưa ký') : PLAN_STATE_WORDS[r.state],
      submittedOn: r.submittedOn,
      late: yes(r.late),
      confirmedOn: r.confirmedOn,
      signedOn: r.signedOn,
    })),
  };
}

export type RoundMembersExportQuery = Omit<RoundMembersQuery, 'limit' | 'offset'>;

/**
 * GET /api/rounds/:id/members.xlsx?unit=: the list of GET /api/rounds/:id/members (the same filters,
 * the same readers: the unit's secretaries and the levels above, 404 for anyone else) as .xlsx,
 * every row up to EXPORT_MAX_ROWS. Throws ROUND_NOT_FOUND, UNIT_NOT_FOUND, EXPORT_TOO_LARGE.
 */
export async function exportRoundMembers(roundId: string, q: RoundMembersExportQuery, { actor, tx, now }: ServiceContext): Promise<{ filename: string; data: Buffer }> {
  const round = await roundFor(tx, actor, roundId);
  const unit = await memberListUnit(tx, actor, q.unit);
  const list = await roundMemberRows(tx, round, unit, q, { limit: EXPORT_MAX_ROWS, offset: 0 });
  if (list.total > EXPORT_MAX_ROWS) {
    throw new DomainError(
      'EXPORT_TOO_LARGE',
      `Danh sách có ${list.total.toLocaleString('vi-VN')} người, quá ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')} người của một lần xuất; hãy xuất theo từng đơn vị trực thuộc.`,
    );
  }
  const data = await tableToXlsx(roundMembersTable(round, unit.name, list.items));
  return { filename: fileName(`${round.title} - ${unit.name} - ${vietnamDate(now)}`, 'xlsx'), data };
}
