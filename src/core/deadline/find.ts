import { findAtoms, type Atom } from './atoms.ts';
import type { DeadlineWhat, Due } from './types.ts';
import { isoDate } from '../ids.ts';

/** A deadline expression found in a text: its span, normalised due and what it is for. */
export interface DeadlineHit {
  start: number;
  end: number;
  due: Due;
  what: DeadlineWhat;
}

export interface FindDeadlinesOptions {
  /** Year of the document's own date: the year of year-less expressions with nothing before them. */
  docYear?: number | null;
  /** Latest year the document speaks from (its date, else its latest citation): older times are background. */
  refYear?: number | null;
  /** Spans where nothing is a deadline (header, title, signature, recipients, citation numbers). */
  blocked?: ReadonlyArray<readonly [number, number]>;
  /** Descriptions of cited documents ("... về ... đến năm 2030"): only a clear deadline counts there. */
  citationClauses?: ReadonlyArray<readonly [number, number]>;
  /** Accept every atom, as when the caller already knows the text is a deadline. */
  lenient?: boolean;
}

type Prefix = 'before' | 'done' | 'in' | 'from' | 'to' | null;
interface Cand {
  atom: Atom;
  start: number;
  end: number;
  prefix: Prefix;
  accepted: boolean;
  year: number | null;
  due?: Due;
}

// Words before a time that make it a deadline; `before`/`done` are part of the expression's text.
const PREFIX_RE =
  /(?:(?<done>(?:đã\s+)?(?:hoàn\s+thành|xong|kết\s+thúc)\s+(?:trước|trong|vào|chậm\s+nhất)?\s*)|(?<before>(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|hạn\s+chót(?:\s+là)?|không\s+quá)\s+)|(?<from>(?:bắt\s+đầu\s+|kể\s+)?từ\s+)|(?<to>đến\s+(?:hết\s+)?|tới\s+)|(?<in>(?:trong|vào|tại|dịp)\s+))$/iu;

const LABEL_RE = /(?:thời\s+gian|thời\s+hạn|tiến\s+độ|hạn)[^:\n]{0,40}:\s*$/iu;
const LINE_START_RE = /(?:^|\n)[\s\-+·•–]*$/u;

function prefixOf(text: string, start: number): { prefix: Prefix; start: number } {
  const look = text.slice(Math.max(0, start - 40), start);
  const m = PREFIX_RE.exec(look);
  if (!m?.groups) return { prefix: null, start };
  const g = m.groups;
  const p: Prefix = g.done ? 'done' : g.before ? 'before' : g.from ? 'from' : g.to ? 'to' : 'in';
  return { prefix: p, start: start - m[0].length };
}

function inParensAlone(text: string, start: number, end: number): boolean {
  return /\(\s*$/.test(text.slice(Math.max(0, start - 5), start)) && /^\s*\)/.test(text.slice(end, end + 5));
}

function within(spans: ReadonlyArray<readonly [number, number]> | undefined, pos: number): boolean {
  return Boolean(spans?.some(([a, b]) => pos >= a && pos < b));
}

function clauseAround(text: string, pos: number): { start: number; end: number } {
  let s = pos;
  while (s > 0 && !/[.;!?\n]/.test(text[s - 1] as string)) s--;
  let e = pos;
  while (e < text.length && !/[.;!?\n]/.test(text[e] as string)) e++;
  return { start: s, end: e };
}

function sentenceAround(text: string, pos: number): string {
  let s = pos;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1] as string)) s--;
  let e = pos;
  while (e < text.length && !/[.!?\n]/.test(text[e] as string)) e++;
  return text.slice(s, e);
}

function yearOfAtom(a: Atom): number | null {
  return 'y' in a ? a.y : a.t === 'recurring' ? a.fromYear : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dueOf(a: Atom, year: number | null): Due | null {
  switch (a.t) {
    case 'date': {
      if (year === null) return null;
      const v = isoDate(year, a.m, a.d);
      return v ? { type: 'date', value: v } : null;
    }
    case 'month':
      return year === null ? null : { type: 'month', value: `${year}-${pad(a.m)}` };
    case 'quarter':
      return year === null ? null : { type: a.edge === 'end' ? 'quarter-end' : 'quarter', value: `${year}-Q${a.q}` };
    case 'half':
      return year === null ? null : { type: 'half', value: `${year}-H${a.h}` };
    case 'year': {
      if (year === null) return null;
      const y: Due = { type: 'year', value: String(year) };
      return a.onwards ? { type: 'from', value: y } : y;
    }
    case 'recurring':
      return { type: 'recurring', value: { every: a.every, from: a.fromYear ? { type: 'year', value: String(a.fromYear) } : null } };
    case 'continuous':
      return { type: 'continuous', value: null };
    case 'term':
      return { type: 'term-years', value: { years: a.years } };
    case 'relative':
      return { type: 'relative', value: { days: a.days, to: 'event' } };
  }
}

const NEEDS_CONTEXT = new Set(['date', 'month', 'year']);

function accepts(text: string, c: Cand, opts: FindDeadlinesOptions): boolean {
  const a = c.atom;
  if (opts.lenient) return true;
  const lineHead = text.slice(Math.max(0, c.start - 80), c.start);
  const standalone = inParensAlone(text, c.start, c.end) || LABEL_RE.test(lineHead) || LINE_START_RE.test(lineHead);
  const strong = c.prefix !== null;
  switch (a.t) {
    case 'continuous': {
      const before = text.slice(clauseAround(text, a.start).start, a.start);
      // "“chống” là nhiệm vụ quan trọng, thường xuyên, cấp bách": a quality, not a time.
      if (/(?:^|\s)là\s/iu.test(before) || /(?:không|chưa)\s+$/iu.test(before)) return false;
      return true;
    }
    case 'date': {
      // "18/5/2021 của Bộ Chính trị" is a citation's date cut off from its number.
      if (/^\s*của\s/iu.test(text.slice(c.end, c.end + 8))) return false;
      const alone = inParensAlone(text, c.start, c.end) || LABEL_RE.test(lineHead);
      return strong || a.ngay || alone;
    }
    case 'month':
    case 'year':
      if (a.t === 'year' && (a.edge || a.onwards)) return true;
      if (a.y === null) return strong && c.prefix !== 'from';
      return (strong && c.prefix !== 'from') || standalone;
    default:
      return true;
  }
}

function classify(text: string, start: number, end: number): DeadlineWhat {
  const { start: s, end: e } = clauseAround(text, start);
  const clause = text.slice(s, Math.max(e, end)).toLowerCase();
  const sentence = sentenceAround(text, start);
  if (/báo\s+cáo(?!\s+viên)|(?:^|\s)gửi\s/iu.test(clause) || /(?:^|\s)(?:báo\s+cáo(?!\s+viên)|gửi\s+báo\s+cáo)/iu.test(sentence) && !/sinh\s+hoạt|hội\s+nghị/iu.test(clause)) return 'report';
  if (/hội\s+nghị|sinh\s+hoạt|kiểm\s+điểm|tọa\s+đàm|toạ\s+đàm|sơ\s+kết|tổng\s+kết|hội\s+thi|giao\s+lưu|xếp\s+loại|đợt|lễ\s/iu.test(clause)) return 'event';
  if (/^\s*tháng\s/iu.test(text.slice(start, end))) return 'event';
  return 'task';
}

/**
 * Finds every deadline expression in `text`, in order: "trước ngày 31/3/2022", "quý I/2022",
 * "6 tháng đầu năm", "hằng năm", "định kỳ 6 tháng", "thường xuyên", "từ tháng 4 đến tháng 11/2022",
 * "cuối năm (tháng 11/2022)". A bare year or month ("tập thể lãnh đạo năm 2022") is a deadline
 * only with a temporal word before it, alone in parentheses, after a "Thời gian:" label or at the
 * head of a line. A year left out comes from the nearest preceding time (else the document year).
 */
export function findDeadlines(text: string, opts: FindDeadlinesOptions = {}): DeadlineHit[] {
  const atoms = findAtoms(text);
  const cands: Cand[] = atoms.map((atom) => {
    const p = prefixOf(text, atom.start);
    return { atom, start: p.start, end: atom.end, prefix: p.prefix, accepted: false, year: yearOfAtom(atom) };
  });
  for (const c of cands) c.accepted = accepts(text, c, opts);

  // "trước ngày 30/5/2022 và ngày 30/11/2022": a time joined to an accepted one is one too.
  for (let i = 1; i < cands.length; i++) {
    const prev = cands[i - 1] as Cand;
    const c = cands[i] as Cand;
    if (!c.accepted && prev.accepted && prev.atom.t === c.atom.t && /^\s*(?:,|và|hoặc)\s*$/iu.test(text.slice(prev.end, c.atom.start))) {
      c.accepted = true;
      c.start = c.atom.start;
      c.prefix = prev.prefix;
    }
  }

  // Years: from the atom itself, else from the nearest preceding time, else the next one.
  let ctx: number | null = opts.docYear ?? null;
  const minYear = opts.refYear ? opts.refYear - 1 : null;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Cand;
    if (c.year !== null) {
      if (c.accepted || (minYear !== null && c.year >= minYear && c.atom.t === 'date')) ctx = c.year;
      continue;
    }
    if (!NEEDS_CONTEXT.has(c.atom.t) && !('y' in c.atom)) continue;
    // "từ tháng 4 đến tháng 11/2022": the first end of a range takes the year of the second.
    const next = cands[i + 1];
    if (c.prefix === 'from' && next && next.year !== null && /^\s*(?:đến|tới|-|–)\s*(?:hết\s+)?$/iu.test(text.slice(c.end, next.atom.start))) {
      c.year = next.year;
    } else c.year = ctx ?? cands.slice(i + 1).find((n) => n.year !== null)?.year ?? opts.refYear ?? null;
  }

  const hits: Array<DeadlineHit & { prefix: Prefix; atom: Atom }> = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Cand;
    let due = dueOf(c.atom, c.year);
    if (!due) continue;
    const start = c.prefix === 'before' || c.prefix === 'done' || c.prefix === 'from' ? c.start : c.atom.start;
    let end = c.end;
    const next = cands[i + 1];
    // Ranges: "từ tháng 4 đến tháng 11/2022".
    if (c.prefix === 'from') {
      const gap = next ? text.slice(c.end, next.atom.start) : '';
      const nextDue = next && /^\s*(?:đến|tới|-|–)\s*(?:hết\s+)?$/iu.test(gap) ? dueOf(next.atom, next.year) : null;
      if (nextDue) {
        due = { type: 'range', value: { from: due, to: nextDue } };
        end = (next as Cand).end;
        c.accepted = true;
        i++;
      } else if (c.accepted || c.atom.t === 'year' || c.atom.t === 'month') {
        due = { type: 'from', value: due };
        c.accepted = true;
      }
    }
    if (!c.accepted) continue;
    // "cuối năm (tháng 11/2022)": the time in parentheses says precisely what the words said loosely.
    const after = cands[i + 1];
    if (after && /^\s*\(\s*$/.test(text.slice(end, after.atom.start)) && /^\s*\)/.test(text.slice(after.end, after.end + 4))) {
      const inner = dueOf(after.atom, after.year);
      if (inner && (c.atom.t === 'year' || c.atom.t === 'quarter' || c.atom.t === 'half')) {
        due = inner;
        end = text.indexOf(')', after.end) + 1;
        i++;
      }
    }
    if (within(opts.blocked, c.atom.start)) continue;
    if (within(opts.citationClauses, c.atom.start) && !(c.prefix === 'before' || c.prefix === 'done' || c.prefix === 'in')) continue;
    const y = yearOfAtom(c.atom);
    if (minYear !== null && y !== null && y < minYear) continue;
    hits.push({ start, end, due, what: classify(text, start, end), prefix: c.prefix, atom: c.atom });
  }
  return hits.map(({ start, end, due, what }) => ({ start, end, due, what }));
}
