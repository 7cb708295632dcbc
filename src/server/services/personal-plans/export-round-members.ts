import type { RecordState, RoundMemberRow, RoundSummary } from '#shared/personal-plans.ts';
import type { XlsxColumn, XlsxTable } from '../../writers/xlsx/table-to-xlsx.ts';

/** Where a member's plan stands, as the list says it. */
export const PLAN_STATE_WORDS: Readonly<Record<RecordState, string>> = {
  pending: 'Chưa lập',
  draft: 'Đang soạn, chưa nộp',
  submitted: 'Đã nộp, chờ xác nhận',
  returned: 'Trả lại để sửa',
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
