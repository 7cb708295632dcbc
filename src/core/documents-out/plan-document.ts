/**
 * A plan made in trienkhai as an outgoing KẾ HOẠCH (header, number, date line, title, the
 * implementing sentence "Thực hiện …", the tasks with their lead and support units and deadlines in
 * words, the reporting rules, the closing, Nơi nhận, signature), and its task list (phụ lục) as a
 * table: STT, nội dung, đơn vị chủ trì, phối hợp, thời hạn.
 */
import type { Due } from '../deadline/types.ts';
import { dueInText, duesInText } from '../deadline/words.ts';
import type { DocumentHeader } from './issuer.ts';
import type { Block, OutgoingDocument, Signature } from './model.ts';

export interface PlanTaskForDocument {
  readonly text: string;
  /** Lead and support units as the plan names them (its words, or the units' names). */
  readonly lead: readonly string[];
  readonly support: readonly string[];
  readonly due: Due | null;
  /** The deadline as the source document wrote it, when it was imported. */
  readonly dueText: string | null;
  /** Who carries it out, in words ("Các chi, đảng bộ cơ sở"), when not the lead units. */
  readonly audience: string | null;
}

export interface PlanObligationForDocument {
  readonly title: string;
  readonly toText: string | null;
  readonly viaText: string | null;
  readonly due: readonly Due[];
}

export interface PlanForDocument {
  readonly title: string;
  /** The documents the plan carries out, as the sentence names them: "Kế hoạch số 161-KH/TU ngày 22/02/2022 của Ban Thường vụ Tỉnh ủy". */
  readonly implementsText: readonly string[];
  /** How the running text names the issuing body ("Ban Thường vụ Đảng ủy Khối …"). */
  readonly bodyName: string;
  readonly tasks: readonly PlanTaskForDocument[];
  readonly obligations: readonly PlanObligationForDocument[];
  readonly recipients: readonly string[];
  readonly signature: Signature;
}

/** The deadline of a task as the plan prints it: its own words when imported, else in words; "" for none. */
export function taskDeadline(t: Pick<PlanTaskForDocument, 'due' | 'dueText'>): string {
  if (t.dueText && t.dueText.trim()) return t.dueText.trim();
  return t.due ? dueInText(t.due) : '';
}

const upperFirst = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);
const sentence = (s: string) => (/[.;:!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** The opening sentence: "Thực hiện A; B, Ban Thường vụ … xây dựng Kế hoạch thực hiện như sau:". */
export function planOpening(p: Pick<PlanForDocument, 'implementsText' | 'bodyName'>): string {
  if (p.implementsText.length === 0) return `${p.bodyName} ban hành Kế hoạch với những nội dung sau:`;
  return `Thực hiện ${p.implementsText.join('; ')}, ${p.bodyName} xây dựng Kế hoạch thực hiện như sau:`;
}

/** The plan as an outgoing KẾ HOẠCH under `header`. */
export function buildPlanDocument(header: DocumentHeader, p: PlanForDocument): OutgoingDocument {
  const body: Block[] = [{ type: 'paragraph', text: planOpening(p) }];
  if (p.tasks.length > 0) {
    body.push({ type: 'heading', level: 1, text: 'NỘI DUNG, NHIỆM VỤ' });
    for (const t of p.tasks) {
      body.push({ type: 'heading', level: 2, text: upperFirst(t.text.trim()).replace(/[.;]+$/, '') });
      const items: string[] = [];
      if (t.lead.length > 0) items.push(`Chủ trì: ${t.lead.join(', ')}${t.support.length > 0 ? `; phối hợp: ${t.support.join(', ')}` : ''}.`);
      else if (t.audience) items.push(`Thực hiện: ${t.audience}.`);
      const when = taskDeadline(t);
      if (when) items.push(sentence(`Thời gian: ${when}`));
      if (items.length > 0) body.push({ type: 'bullets', items });
    }
  }
  if (p.obligations.length > 0) {
    body.push({ type: 'heading', level: 1, text: 'CHẾ ĐỘ BÁO CÁO' });
    body.push({
      type: 'bullets',
      items: p.obligations.map((o) => {
        const to = o.toText ? ` gửi ${o.toText}${o.viaText ? ` (qua ${o.viaText})` : ''}` : '';
        const when = duesInText(o.due);
        return sentence(`${upperFirst(o.title)}${to}${when ? ` ${when}` : ''}`);
      }),
    });
  }
  body.push({ type: 'heading', level: 1, text: 'TỔ CHỨC THỰC HIỆN' });
  body.push({
    type: 'paragraph',
    text: 'Căn cứ Kế hoạch này, các đơn vị được giao nhiệm vụ xây dựng kế hoạch cụ thể, tổ chức thực hiện nghiêm túc, hiệu quả và báo cáo kết quả theo quy định.',
  });
  return {
    ...header,
    kind: 'KH',
    title: p.title,
    body,
    recipients: p.recipients,
    signature: p.signature,
  };
}

/** The task list (phụ lục) as table rows: STT, nội dung, đơn vị chủ trì, phối hợp, thời hạn. */
export function taskListRows(tasks: readonly PlanTaskForDocument[]): string[][] {
  return tasks.map((t, i) => [String(i + 1), t.text.trim(), t.lead.join(', ') || t.audience || '', t.support.join(', '), taskDeadline(t)]);
}

export const TASK_LIST_HEADER = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'] as const;
