import { itemInSentence, planInSentence, SECRET_STAND_INS } from './secrecy.ts';

/**
 * What the units are told when a plan, or one task or report of it, is cancelled ("thu hồi"): the
 * notification's title names the plan and the reason; a secret plan is named without its words.
 * docs/decisions/016-plan-lifecycle.md.
 */
export interface CancelledPlan {
  number: string | null;
  title: string;
  unitName: string;
  secret: boolean;
}

/** A notification title fits in 500 characters. */
const TITLE_MAX = 500;

/** One line of the reason as a title carries it (spaces folded). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The plan as a title names it: "Kế hoạch 48-KH/ĐUK Học tập, quán triệt …", or "Kế hoạch mật". */
function planName(plan: CancelledPlan): string {
  if (plan.secret) return SECRET_STAND_INS.plan;
  return ['Kế hoạch', plan.number, oneLine(plan.title)].filter(Boolean).join(' ');
}

/** "Kế hoạch 48-KH/ĐUK … đã bị thu hồi: lý do". */
export function planCancelledNotice(plan: CancelledPlan, reason: string): { title: string; body: string } {
  return {
    title: `${planName(plan)} đã bị thu hồi: ${oneLine(reason)}`.slice(0, TITLE_MAX),
    body: `${plan.unitName} thu hồi ${planInSentence(plan, plan.secret)}. Lý do: ${reason.trim()}. Các nhiệm vụ, báo cáo của kế hoạch không còn phải thực hiện.`,
  };
}

/** "Nhiệm vụ "…" (Tháng 3/2022) của Kế hoạch … đã bị thu hồi: lý do", or a report's. */
export function instanceCancelledNotice(
  plan: CancelledPlan,
  instance: { item: 'task' | 'report'; text: string; periodLabel: string },
  reason: string,
): { title: string; body: string } {
  const item = itemInSentence(instance.item, instance.text, plan.secret);
  const what = item.charAt(0).toLocaleUpperCase('vi') + item.slice(1);
  const period = instance.periodLabel ? ` (${instance.periodLabel})` : '';
  const of = plan.secret ? '' : ` của ${planName(plan)}`;
  return {
    title: `${what}${period}${of} đã bị thu hồi: ${oneLine(reason)}`.slice(0, TITLE_MAX),
    body: `${plan.unitName} thu hồi ${item}${period} của ${planInSentence(plan, plan.secret)}. Lý do: ${reason.trim()}. Đơn vị không còn phải thực hiện việc này.`,
  };
}
