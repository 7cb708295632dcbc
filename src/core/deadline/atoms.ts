import type { Every } from './types.ts';

/**
 * Time "atoms": the smallest expressions of Vietnamese administrative writing that name a time
 * (a date, a month, a quarter, a recurrence...). find.ts decides which atoms are deadlines.
 */
export type Atom =
  | { t: 'date'; start: number; end: number; y: number | null; m: number; d: number; ngay: boolean }
  | { t: 'month'; start: number; end: number; y: number | null; m: number }
  | { t: 'quarter'; start: number; end: number; y: number | null; q: number; edge: 'end' | 'start' | null }
  | { t: 'half'; start: number; end: number; y: number | null; h: 1 | 2 }
  | { t: 'year'; start: number; end: number; y: number | null; edge: 'end' | 'start' | null; onwards: boolean }
  | { t: 'recurring'; start: number; end: number; every: Every; fromYear: number | null }
  | { t: 'continuous'; start: number; end: number }
  | { t: 'term'; start: number; end: number; years: number[] }
  | { t: 'relative'; start: number; end: number; days: number };

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const Q = '(IV|III|II|I|[1-4])';
const Y = '((?:19|20)\\d{2})';
const TIME = '(?:\\d{1,2}\\s*(?:giờ|h|g)\\s*(?:\\d{1,2}\\s*(?:phút|\')?)?\\s*(?:\\(?\\s*(?:sáng|chiều|tối)\\s*\\)?\\s*)?,?\\s*)';
const UNIT: Record<string, Every> = { ngày: 'day', tuần: 'week', tháng: 'month', quý: 'quarter', năm: 'year' };
const WEEKDAY = '(?:(?:vào\\s+)?(?:thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s+nhật)\\s+)';
const NUMWORD: Record<string, number> = { một: 1, hai: 2, ba: 3, sáu: 6 };

const roman = (s: string): number => ({ I: 1, II: 2, III: 3, IV: 4 })[s.toUpperCase()] ?? Number(s);
const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
const lower = (s: string) => s.toLowerCase();

function everyForMonths(n: number): Every | null {
  return n === 1 ? 'month' : n === 3 ? 'quarter' : n === 6 ? 'half-year' : n === 12 ? 'year' : null;
}

type Maker = (m: RegExpExecArray) => Atom | null;
const rule = (src: string, make: Maker): [RegExp, Maker] => [new RegExp(src, 'giu'), make];

const RULES: Array<[RegExp, Maker]> = [
  // "quý I hằng năm", "tháng 12 hằng năm", "ngày 15/12 hằng năm": a yearly recurrence anchored in the year.
  rule(`${B}(?:quý\\s+${Q}|tháng\\s+\\d{1,2}|(?:ngày\\s+)?\\d{1,2}\\s*\\/\\s*\\d{1,2})\\s+(?:hằng|hàng)\\s+năm${E}`, (m) => ({
    t: 'recurring', start: m.index, end: m.index + m[0].length, every: 'year', fromYear: null,
  })),
  rule(`${B}(?:định\\s+kỳ\\s+|thực\\s+hiện\\s+)?${WEEKDAY}?(?:hằng|hàng)\\s+(ngày|tuần|tháng|quý|năm)${E}(?:\\s+từ\\s+năm\\s+${Y}${E})?`, (m) => ({
    t: 'recurring', start: m.index, end: m.index + m[0].length, every: UNIT[lower(m[1] as string)] as Every, fromYear: num(m[2]),
  })),
  rule(`${B}mỗi\\s+(ngày|tuần|tháng|quý|năm)\\s+(?:một|1|01)\\s+lần${E}`, (m) => ({
    t: 'recurring', start: m.index, end: m.index + m[0].length, every: UNIT[lower(m[1] as string)] as Every, fromYear: null,
  })),
  rule(`${B}(?:định\\s+kỳ\\s+(\\d{1,2}|một|ba|sáu)\\s+tháng(?:\\s*(?:\\/\\s*lần|(?:một|1|01)\\s+lần))?|(\\d{1,2}|ba|sáu)\\s+tháng\\s*(?:\\/\\s*|(?:một|1|01)\\s+)lần)${E}`, (m) => {
    const raw = lower((m[1] ?? m[2]) as string);
    const every = everyForMonths(NUMWORD[raw] ?? Number(raw));
    return every ? { t: 'recurring', start: m.index, end: m.index + m[0].length, every, fromYear: null } : null;
  }),
  rule(`${B}(?:thực\\s+hiện\\s+)?thường\\s+xuyên${E}`, (m) => ({ t: 'continuous', start: m.index, end: m.index + m[0].length })),
  rule(`${B}năm\\s+thứ\\s+(\\d{1,2})((?:\\s*(?:,|và)\\s*(?:năm\\s+thứ\\s+)?\\d{1,2})*)\\s+(?:của|trong)\\s+nhiệm\\s+kỳ(?:\\s+đại\\s+hội)?${E}`, (m) => ({
    t: 'term', start: m.index, end: m.index + m[0].length,
    years: [Number(m[1]), ...((m[2] ?? '').match(/\d+/g) ?? []).map(Number)],
  })),
  rule(`${B}(trước|sau)\\s+(\\d{1,3})\\s+ngày(?:\\s+làm\\s+việc)?${E}(?!\\s*\\d|\\s*\\/)`, (m) => ({
    t: 'relative', start: m.index, end: m.index + m[0].length, days: (lower(m[1] as string) === 'trước' ? -1 : 1) * Number(m[2]),
  })),
  rule(`${B}(?:6|06|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+${Y})?${E}`, (m) => ({
    t: 'half', start: m.index, end: m.index + m[0].length, h: lower(m[1] as string) === 'đầu' ? 1 : 2, y: num(m[2]),
  })),
  rule(`${B}(?:(cuối|đầu)\\s+)?quý\\s+${Q}${E}(?:\\s*\\/\\s*${Y}|\\s+năm\\s+${Y})?${E}`, (m) => ({
    t: 'quarter', start: m.index, end: m.index + m[0].length, q: roman(m[2] as string), y: num(m[3] ?? m[4]),
    edge: m[1] ? (lower(m[1]) === 'cuối' ? 'end' : 'start') : null,
  })),
  rule(`${B}(${TIME})?(ngày\\s+)?(\\d{1,2})\\s*\\/\\s*(\\d{1,2})(?:\\s*\\/\\s*${Y})?(?![\\d\\/])(?!\\s*(?:ngày|buổi|tháng|năm|giờ)${E})`, (m) => ({
    t: 'date', start: m.index, end: m.index + m[0].length, d: Number(m[3]), m: Number(m[4]), y: num(m[5]), ngay: Boolean(m[2]),
  })),
  rule(`${B}(${TIME})?ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+${Y})?${E}`, (m) => ({
    t: 'date', start: m.index, end: m.index + m[0].length, d: Number(m[2]), m: Number(m[3]), y: num(m[4]), ngay: true,
  })),
  rule(`${B}tháng\\s+(\\d{1,2})(?:\\s*\\/\\s*${Y}|\\s+năm\\s+${Y})?(?![\\d\\/])${E}`, (m) => ({
    t: 'month', start: m.index, end: m.index + m[0].length, m: Number(m[1]), y: num(m[2] ?? m[3]),
  })),
  rule(`${B}(?:(cuối|đầu)\\s+)?năm\\s+${Y}${E}(\\s+và\\s+(?:những|các)\\s+năm\\s+tiếp\\s+theo${E})?`, (m) => ({
    t: 'year', start: m.index, end: m.index + m[0].length, y: Number(m[2]),
    edge: m[1] ? (lower(m[1]) === 'cuối' ? 'end' : 'start') : null, onwards: Boolean(m[3]),
  })),
  rule(`${B}cuối\\s+năm${E}(?!\\s+(?:học|thứ|nay|\\d))`, (m) => ({
    t: 'year', start: m.index, end: m.index + m[0].length, y: null, edge: 'end', onwards: false,
  })),
];

/**
 * Every time atom in `text`, non-overlapping: where two overlap, the one that starts first
 * wins, and of two starting together the longer one.
 */
export function findAtoms(text: string): Atom[] {
  const all: Atom[] = [];
  for (const [re, make] of RULES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex += (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      const a = make(m);
      if (a && valid(a)) all.push(a);
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Atom[] = [];
  let lastEnd = -1;
  for (const a of all) {
    if (a.start < lastEnd) continue;
    out.push(a);
    lastEnd = a.end;
  }
  return out;
}

function valid(a: Atom): boolean {
  if (a.t === 'date') return a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31;
  if (a.t === 'month') return a.m >= 1 && a.m <= 12;
  return true;
}
