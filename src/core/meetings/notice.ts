import { addDays } from '../deadline/resolve.ts';
import { formatViDate } from '../text/dates.ts';
import type { IsoDate } from '../ids.ts';

/**
 * The advance notice of a study session (seed 001: "việc tổ chức học tập, quán triệt ... phải có
 * kế hoạch cụ thể về thời gian, địa điểm gửi Ban Thường vụ Đảng ủy Khối trước 5 ngày"). The number
 * of days is a parameter of the superior's plan (`plan.session_notice_days`); the session plan is
 * on time when sent upward at least that many days before the session, so the last day to send it is
 * the session date minus those days. The clock is an argument.
 */
export type NoticeState =
  /** The superior's plan asks no advance notice. */
  | 'not_required'
  /** Sent upward on time. */
  | 'sent'
  /** Sent upward, later than required. */
  | 'sent_late'
  /** Not sent yet; there is still time. */
  | 'open'
  /** Not sent yet, and fewer days remain than required (or the session has passed). */
  | 'late';

export interface NoticeStatus {
  state: NoticeState;
  requiredDays: number | null;
  /** The last day the session plan may be sent upward on time. */
  deadline: IsoDate | null;
  /** Days from today to the session (negative once it has passed). */
  daysLeft: number;
  /** What the person planning the session reads (Vietnamese); null when there is nothing to say. */
  message: string | null;
  /** True when the message is a warning (late or sent late). */
  warning: boolean;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The notice state of a session on `today`. `sentOn` is the day the plan was sent upward, if it was. */
export function noticeStatus(i: { sessionDate: IsoDate; requiredDays: number | null; sentOn: IsoDate | null; today: IsoDate }): NoticeStatus {
  const daysLeft = daysBetween(i.today, i.sessionDate);
  if (i.requiredDays === null || i.requiredDays <= 0) {
    return { state: 'not_required', requiredDays: null, deadline: null, daysLeft, message: null, warning: false };
  }
  const n = i.requiredDays;
  const deadline = addDays(i.sessionDate, -n);
  const rule = `Kế hoạch tổ chức học tập phải gửi cấp trên trước ${n} ngày (chậm nhất ngày ${formatViDate(deadline)})`;
  if (i.sentOn !== null) {
    if (i.sentOn <= deadline) {
      return { state: 'sent', requiredDays: n, deadline, daysLeft, message: `Đã gửi kế hoạch lên cấp trên ngày ${formatViDate(i.sentOn)}, đúng quy định trước ${n} ngày.`, warning: false };
    }
    const ahead = daysBetween(i.sentOn, i.sessionDate);
    return {
      state: 'sent_late', requiredDays: n, deadline, daysLeft, warning: true,
      message: `${rule}; kế hoạch được gửi ngày ${formatViDate(i.sentOn)}, chỉ trước ${Math.max(ahead, 0)} ngày.`,
    };
  }
  if (i.today <= deadline) {
    return { state: 'open', requiredDays: n, deadline, daysLeft, warning: false, message: `${rule}.` };
  }
  const tail = daysLeft < 0 ? 'buổi học tập đã qua mà kế hoạch chưa được gửi' : daysLeft === 0 ? 'buổi học tập diễn ra hôm nay' : `đến buổi học tập chỉ còn ${daysLeft} ngày`;
  return { state: 'late', requiredDays: n, deadline, daysLeft, warning: true, message: `${rule}; ${tail}.` };
}
