/**
 * The urging letter (công văn đôn đốc): "V/v đôn đốc báo cáo …", addressed ("Kính gửi") to the
 * units late on a report obligation, listing each with the days since the due date, asking them to
 * send the report by a given day.
 */
import type { IsoDate } from '../ids.ts';
import type { DocumentHeader } from './issuer.ts';
import { formatViDateInText } from '../text/dates.ts';
import { formatViNumber } from './format-vi.ts';
import type { Block, OutgoingDocument, Signature } from './model.ts';

export interface LateUnit {
  readonly unitName: string;
  /** missing: nothing submitted; returned: returned for correction and not sent again. */
  readonly state: 'missing' | 'returned';
  readonly overdueDays: number;
}

export interface UrgingLetterInput {
  readonly obligationTitle: string;
  /** "Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối … về …". */
  readonly answers: string;
  readonly bodyName: string;
  readonly periodLabel: string;
  readonly dueDate: IsoDate | null;
  readonly today: IsoDate;
  /** The day the late units are asked to report by. */
  readonly respondBy: IsoDate;
  readonly toText: string | null;
  readonly viaText: string | null;
  readonly late: readonly LateUnit[];
  readonly recipients: readonly string[];
  readonly signature: Signature;
}

/** Beyond this many units the letter is addressed to "the units listed below" rather than by name. */
export const MAX_NAMED_ADDRESSEES = 6;

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);
const STATE_WORDS: Readonly<Record<LateUnit['state'], string>> = {
  missing: 'Chưa gửi báo cáo',
  returned: 'Báo cáo bị trả lại, chưa gửi lại',
};

/** The summary after "V/v": "đôn đốc báo cáo kết quả học tập, quán triệt …". */
export function urgingSummary(obligationTitle: string): string {
  const t = obligationTitle.trim();
  return `đôn đốc ${/^báo cáo/iu.test(t) ? lowerFirst(t) : `báo cáo ${lowerFirst(t)}`}`;
}

/** The urging letter under `header` (a công văn: kind CV). Throws RangeError when no unit is late. */
export function buildUrgingLetter(header: DocumentHeader, u: UrgingLetterInput): OutgoingDocument {
  if (u.late.length === 0) throw new RangeError('Không có đơn vị nào chậm báo cáo để đôn đốc');
  const report = /^báo cáo/iu.test(u.obligationTitle.trim()) ? lowerFirst(u.obligationTitle.trim()) : `báo cáo ${lowerFirst(u.obligationTitle.trim())}`;
  const due = u.dueDate ? ` trước ngày ${formatViDateInText(u.dueDate)}` : '';
  const where = u.toText ? ` về ${u.toText}${u.viaText ? ` (qua ${u.viaText})` : ''}` : '';
  const body: Block[] = [
    {
      type: 'paragraph',
      text: `Thực hiện ${u.answers}, các đơn vị gửi ${report} (kỳ ${u.periodLabel})${where}${due}.`,
    },
    {
      type: 'paragraph',
      text: `Đến ngày ${formatViDateInText(u.today)}, còn ${formatViNumber(u.late.length)} đơn vị chưa gửi báo cáo theo quy định, cụ thể như sau:`,
    },
    {
      type: 'table',
      header: [['STT', 'Đơn vị', 'Tình trạng', 'Số ngày quá hạn']],
      widths: [8, 46, 30, 16],
      rows: u.late.map((l, i) => [{ text: String(i + 1), align: 'center' }, l.unitName, STATE_WORDS[l.state], { count: l.overdueDays }]),
    },
    {
      type: 'paragraph',
      text: `${u.bodyName} đề nghị các đơn vị nêu trên khẩn trương hoàn thành, gửi báo cáo${where} trước ngày ${formatViDateInText(u.respondBy)}.`,
    },
  ];
  const addressees = u.late.length <= MAX_NAMED_ADDRESSEES ? u.late.map((l) => l.unitName) : ['Các đơn vị có tên trong danh sách dưới đây'];
  return {
    ...header,
    kind: 'CV',
    title: urgingSummary(u.obligationTitle),
    addressees,
    body,
    recipients: u.recipients,
    signature: u.signature,
  };
}
