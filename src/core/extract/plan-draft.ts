import type { Due } from '../deadline/types.ts';
import { foldDiacritics, foldWhitespace } from '../text/fold.ts';
import { lookupLoose } from './align-spans.ts';
import type { Extraction, Span } from './types.ts';

/** What a task asks: ordinary work, or that each lower unit turn the plan into its own plan. */
export type PlanTaskKind = 'task' | 'own_plan';

export interface PlanDraftTask {
  ord: number;
  /** The item of the document that carries the deadline, as lower units will read it. */
  text: string;
  due: Due | null;
  dueText: string | null;
  kind: PlanTaskKind;
  leadText: string[];
  supportText: string[];
  /** The item's place in the text (null for a deadline a person added without a place). */
  sourceStart: number | null;
  sourceEnd: number | null;
}

export interface PlanDraftObligation {
  ord: number;
  title: string;
  fromText: string | null;
  toText: string | null;
  viaText: string | null;
  due: Due[];
  sourceStart: number | null;
  sourceEnd: number | null;
}

export interface PlanDraft {
  tasks: PlanDraftTask[];
  obligations: PlanDraftObligation[];
}

type SpanList = readonly (Span | null | undefined)[];
/** Spans as the extractor gives them (`ExtractionSpans`) or as aligned to an edited structure (`AlignedSpans`). */
export interface PlanDraftSpans {
  deadlines: SpanList;
  assignments: SpanList;
  reports: SpanList;
  recipients: SpanList;
  title: Span | null;
  number: Span | null;
  signer: Span | null;
}
type SpansIn = PlanDraftSpans;

/** The longest task or obligation text kept; longer items are cut at a word with "…". */
export const PLAN_TEXT_MAX = 2000;
export const OBLIGATION_TITLE_MAX = 300;

const BULLET = /^[ \t]*(?:[-–—+•·∙▪◦]|\*(?=\s))[ \t]+/u;
const NUMBERED = /^[ \t]*(?:([IVXLC]{1,6})|(\d{1,2}(?:\.\d{1,2}){0,3})|([a-zđ]))[ \t]*(?:[-–.)]|\/(?!\d))[ \t]*(?=\S)/u;
const RECIPIENTS = /^[ \t]*N[ơo]i\s+nh[ậa]n\s*:?/imu;

interface Item {
  start: number;
  end: number;
  /** 0 for a bullet or a plain paragraph; 1 for a Roman-numbered section, 2 for "1-", 3 for "1.1-", … */
  level: number;
  bullet: boolean;
  /** The item's text without its marker, emphasis marks removed, whitespace folded. */
  body: string;
}

/** `s` cut to `max` characters at a word, with "…". */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

const clean = (s: string) => foldWhitespace(s.normalize('NFC').replace(/\*+/g, ''));

function levelOf(line: string): { level: number; bullet: boolean; marker: number } {
  const b = BULLET.exec(line);
  if (b) return { level: 0, bullet: true, marker: b[0].length };
  const n = NUMBERED.exec(line);
  if (n) {
    const level = n[1] ? 1 : n[2] ? 2 + (n[2].match(/\./g)?.length ?? 0) : 5;
    return { level, bullet: false, marker: n[0].length };
  }
  return { level: 0, bullet: false, marker: 0 };
}

/**
 * Splits the body into items: a numbered heading or item, a bullet, or a paragraph. A blank
 * line or a line that opens with a marker ends the item before it; other lines continue it (a
 * PDF breaks every printed line).
 */
function splitItems(text: string, from: number, to: number): Item[] {
  const items: Item[] = [];
  let current: (Item & { raw: string[] }) | null = null;
  const close = () => {
    if (current) {
      const body = clean(current.raw.join(' '));
      if (body) items.push({ start: current.start, end: current.end, level: current.level, bullet: current.bullet, body });
    }
    current = null;
  };
  let pos = from;
  while (pos < to) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 || nl > to ? to : nl;
    const line = text.slice(pos, lineEnd);
    if (line.trim() === '') close();
    else {
      const m = levelOf(line);
      const opens = m.bullet || m.marker > 0;
      if (opens || !current) {
        close();
        const lead = line.length - line.trimStart().length;
        current = { start: pos + lead, end: pos + line.trimEnd().length, level: m.level, bullet: m.bullet, body: '', raw: [line.slice(m.marker)] };
      } else {
        const c: Item & { raw: string[] } = current;
        c.raw.push(line);
        c.end = pos + line.trimEnd().length;
      }
    }
    pos = lineEnd + 1;
  }
  close();
  return items;
}

/** Where the body lies: after the title (or number), before "Nơi nhận" or the signature. */
function bodyRange(text: string, extraction: Extraction, spans: SpansIn): Span {
  const start = Math.max(spans.title?.end ?? 0, spans.number?.end ?? 0);
  const firstRecipient = spans.recipients.find((s): s is Span => !!s);
  RECIPIENTS.lastIndex = 0;
  const rest = text.slice(start);
  const m = RECIPIENTS.exec(rest);
  const candidates = [text.length, m ? start + m.index : text.length];
  if (firstRecipient && firstRecipient.start > start) candidates.push(firstRecipient.start);
  if (spans.signer && spans.signer.start > start && extraction.signer) candidates.push(spans.signer.start);
  return { start, end: Math.min(...candidates) };
}

const within = (s: Span, item: { start: number; end: number }) => s.start >= item.start && s.start < item.end;

// "xây dựng kế hoạch thực hiện", "ban hành chương trình, kế hoạch", "cụ thể hóa Kế hoạch này"; not
// "kế hoạch tự sửa" (a member's own correction) nor "cụ thể hóa thành những việc cần làm".
const OWN_PLAN =
  /\b(?:xay dung|ban hanh)(?:(?:,| va) ban hanh)?\s+(?:chuong trinh[^.;]{0,20}?\s+)?ke hoach\b(?!\s+(?:tu sua|ca nhan))|\bcu the hoa\b[^.;]{0,30}?\b(?:ke hoach|chuong trinh|nghi quyet|ket luan|chi thi)\b/u;
const ORG_LABEL = /^(?:Ban|Văn phòng|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Cấp ủy|Cấp uỷ|Các|Chi bộ|Chi ủy|Đoàn|Công đoàn|Hội|Mặt trận|Thường trực|Đồng chí|Bí thư|Thủ trưởng|Trung tâm|Sở|Phòng)\b/u;
const TIME_HEADING = /^(?:thoi gian|thoi han)\b/u;

/** "TỔ CHỨC THỰC HIỆN" → "Tổ chức thực hiện"; mixed-case text is left as written. */
function sentenceCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A label that opens an item ("Ban Tuyên giáo Đảng ủy Khối: Hướng dẫn …"), when it names a body. */
function orgLabel(body: string): string | null {
  const m = /^([^:;.()]{3,90}):\s/u.exec(body);
  const label = m?.[1]?.trim();
  return label && ORG_LABEL.test(label) ? label : null;
}

/** The text of a task: the item, without a parenthesised deadline standing alone at its end. */
function taskText(body: string, dueText: string | null): string {
  let s = body;
  if (dueText) {
    const d = foldWhitespace(dueText.replace(/\*+/g, ''));
    const paren = /\s*\(([^()]*)\)\s*[.;,]?\s*$/u.exec(s);
    if (paren && foldWhitespace(paren[1] ?? '').includes(d)) s = s.slice(0, paren.index).replace(/[\s,;:]+$/u, '');
  }
  // An item that is only its deadline ("(tháng 02/2022)") keeps it.
  return /\p{L}/u.test(s) ? s : body;
}

/**
 * The draft of a plan from a document: its tasks and its report obligations.
 *
 * A task is an item of the body (between the opening and "Nơi nhận") that carries a deadline
 * of a task or an event (a report's deadlines make obligations instead). Its text is the item,
 * with the paragraph or section it completes when the item alone says only when ("Thời gian …").
 * Items that ask lower units for their own plan are of kind `own_plan`. Lead and support units
 * come from the assignments in the item's section, else from a label naming a body.
 * Obligations come from `extraction.reports`, titled from the sentence that asks for them.
 *
 * Pure and total: any text with any extraction and spans (even misaligned) gives a draft.
 */
export function buildPlanDraft(text: string, extraction: Extraction, spans: SpansIn): PlanDraft {
  const body = bodyRange(text, extraction, spans);
  const items = splitItems(text, body.start, body.end);
  const reportSpans = spans.reports.filter((s): s is Span => !!s);
  const inReport = (s: Span) => reportSpans.some((r) => s.start >= r.start && s.end <= r.end);

  const tasks: PlanDraftTask[] = [];
  const byItem = new Map<number, PlanDraftTask>();
  extraction.deadlines.forEach((d, i) => {
    if (d.what === 'report') return;
    // "Đã hoàn thành trong tháng 12/2021": work already done when the document was issued.
    if (/^\s*đã\s/iu.test(d.text)) return;
    const raw = spans.deadlines[i];
    const span = raw && raw.end <= text.length && raw.start >= 0 && raw.start <= raw.end ? raw : null;
    if (span && inReport(span)) return;
    const dueText = foldWhitespace(d.text.replace(/\*+/g, ''));
    if (!span) {
      tasks.push({ ord: 0, text: cut(dueText, PLAN_TEXT_MAX), due: d.due, dueText, kind: 'task', leadText: [], supportText: [], sourceStart: null, sourceEnd: null });
      return;
    }
    const idx = items.findIndex((it) => within(span, it));
    if (idx === -1) return;
    if (byItem.has(idx)) return;
    const item = items[idx] as Item;
    const task = taskFromItem(text, items, idx, item, dueText, d.due, extraction, spans);
    byItem.set(idx, task);
    tasks.push(task);
  });
  tasks.sort((a, b) => (a.sourceStart ?? Number.MAX_SAFE_INTEGER) - (b.sourceStart ?? Number.MAX_SAFE_INTEGER));
  tasks.forEach((t, i) => (t.ord = i + 1));

  const obligations: PlanDraftObligation[] = extraction.reports.map((r, i) => {
    const raw = spans.reports[i];
    const span = raw && raw.end <= text.length && raw.start >= 0 && raw.start <= raw.end ? raw : null;
    return {
      ord: i + 1,
      title: obligationTitle(span ? text.slice(span.start, span.end) : null, r.to, r.via, extraction),
      fromText: r.from,
      toText: r.to,
      viaText: r.via,
      due: r.due,
      sourceStart: span?.start ?? null,
      sourceEnd: span?.end ?? null,
    };
  });
  return { tasks, obligations };
}

function taskFromItem(text: string, items: Item[], idx: number, item: Item, dueText: string, due: Due, extraction: Extraction, spans: SpansIn): PlanDraftTask {
  // The headings above the item, nearest first, each of a higher level than the one after it.
  const headings: { item: Item; index: number }[] = [];
  let level = item.level === 0 ? Number.MAX_SAFE_INTEGER : item.level;
  for (let j = idx - 1; j >= 0 && level > 1; j--) {
    const h = items[j] as Item;
    if (h.level > 0 && h.level < level) {
      headings.push({ item: h, index: j });
      level = h.level;
    }
  }
  let start = item.start;
  let own = taskText(item.body, dueText);
  const folded = foldDiacritics(own);
  if (item.bullet && (own.length < 80 || TIME_HEADING.test(folded))) {
    // "- Thời gian …: 1/2 ngày. Hoàn thành trong tháng 3 năm 2022." completes the paragraph it follows.
    // "- Thời gian: bắt đầu từ tháng 4 …" under "2. Hình thức, thời gian tổ chức đợt sinh hoạt chính trị" completes its heading.
    for (let j = idx - 1; j >= 0; j--) {
      const p = items[j] as Item;
      if (p.bullet) continue;
      if (p.level === 0) {
        own = `${p.body} ${own}`;
        start = p.start;
      } else own = `${sentenceCase(p.body).replace(/[.:]$/u, '')}: ${own}`;
      break;
    }
  } else if (headings[0] && TIME_HEADING.test(foldDiacritics(headings[0].item.body)) && headings[1]) {
    // "4- Thời gian tổ chức" under "III- TỔ CHỨC ĐỢT SINH HOẠT CHÍNH TRỊ": say what is to be held.
    own = `${sentenceCase(headings[1].item.body)}: ${own}`;
  }

  // The section the item belongs to: from its nearest heading to the next heading of that level or above.
  const section = headings[0];
  const sectionStart = section ? section.item.start : item.start;
  let sectionEnd = item.end;
  for (let j = idx + 1; j < items.length; j++) {
    const n = items[j] as Item;
    if (n.level > 0 && (!section || n.level <= section.item.level)) break;
    sectionEnd = n.end;
  }
  const lead: string[] = [];
  const support: string[] = [];
  extraction.assignments.forEach((a, i) => {
    const s = spans.assignments[i];
    if (!s || s.start < sectionStart || s.start >= sectionEnd) return;
    for (const l of a.lead) if (!lead.includes(l)) lead.push(l);
    for (const x of a.support) if (!support.includes(x)) support.push(x);
  });
  if (lead.length === 0) {
    const label = orgLabel(item.body);
    const top = headings[headings.length - 1];
    const underCarryingOut = top && /to chuc thuc hien/u.test(foldDiacritics(top.item.body));
    const heading = section && section !== top ? section.item.body.replace(/[.:]$/u, '') : null;
    if (label) lead.push(label);
    else if (underCarryingOut && heading && ORG_LABEL.test(heading) && heading.length <= 120) lead.push(heading);
  }
  return {
    ord: 0,
    text: cut(own, PLAN_TEXT_MAX),
    due,
    dueText,
    kind: OWN_PLAN.test(foldDiacritics(own)) ? 'own_plan' : 'task',
    leadText: lead,
    supportText: support,
    sourceStart: start,
    sourceEnd: Math.min(item.end, text.length),
  };
}

const CONNECTIVE = /[\s,;:(*]*(?:\b(?:với|gửi về|gửi|lên|cho|tới|đến|về)\s*)?$/iu;

/**
 * The title of a report obligation from the words that ask for it: "Báo cáo kết quả học tập,
 * quán triệt …" from "Báo cáo kết quả học tập, quán triệt … với Ban Thường vụ …"; "kết quả
 * đợt sinh hoạt …" becomes "Báo cáo kết quả đợt sinh hoạt …"; else "Báo cáo gửi {to}".
 */
function obligationTitle(source: string | null, to: string, via: string | null, extraction: Extraction): string {
  const fallback = cut(foldWhitespace(`Báo cáo gửi ${to}`), OBLIGATION_TITLE_MAX);
  if (!source) return fallback;
  let s = clean(source);
  for (const stop of [to, via].filter((x): x is string => !!x)) {
    const at = lookupLoose(s, stop);
    if (at && at.start > 0) s = s.slice(0, at.start);
  }
  for (const d of extraction.deadlines) {
    const at = lookupLoose(s, d.text.replace(/\*+/g, ''));
    if (at && at.start > 0) s = s.slice(0, at.start);
  }
  for (let i = 0; i < 3; i++) s = s.replace(CONNECTIVE, '').trim();
  s = s.replace(/^[\s,;:.]+/u, '');
  const f = foldDiacritics(s);
  const ofAbout = /^bao cao\s+cua\s+.+?\s+ve\s+(ket qua\b.*)$/u.exec(f);
  if (ofAbout?.[1]) s = `Báo cáo ${s.slice(s.length - ofAbout[1].length)}`;
  else if (/^ket qua\b/u.test(f)) s = `Báo cáo ${s}`;
  else if (/^bao cao\b/u.test(f) && foldWhitespace(f).length > 'bao cao'.length + 3) s = `B${s.slice(1)}`;
  else return fallback;
  return cut(s, OBLIGATION_TITLE_MAX);
}
