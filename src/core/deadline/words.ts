/**
 * Deadlines (`Due`, extraction/SCHEMA.md) in words: the one vocabulary of deadlines, used by the
 * exported documents, the web and the command line alike.
 *
 * Three forms of one deadline, each a function of the one before:
 * - short ({@link dueShort}): the time alone, as a table or a summary shows it — "ngày 31/3/2022",
 *   "quý I/2022", "6 tháng đầu năm 2022", "hằng quý", "định kỳ 6 tháng", "thường xuyên",
 *   "năm thứ 2 và năm thứ 4 của nhiệm kỳ"; {@link dueLabel} is the same with a capital, as a cell
 *   or a line on its own starts: "Quý I/2022";
 * - in running text ({@link dueInText}): the short form with the preposition a document puts
 *   before a point in time — "trước ngày 31/3/2022", "trong tháng 3/2022", "trong quý I/2022",
 *   "trong năm 2022"; other kinds read the same as their short form.
 *
 * The wording is the seeds': "hằng" (not "hàng"), "định kỳ 6 tháng" (not "6 tháng một lần"), dates
 * in running text without leading zeros ("31/3/2022"), quarters in Roman numerals ("quý II/2022"),
 * the years of a term spelt out ("năm thứ 2 và năm thứ 4 của nhiệm kỳ", not "năm thứ 2, 4"), a start
 * without "trở đi" ("từ năm 2022", "hằng năm từ năm 2022"). The labels of due types for editors are
 * the explicit ones ("Ngày cụ thể", "Trong tháng", "Trong quý", "Cuối quý", "Trong năm"), which say
 * what a person picks rather than the unit of time alone.
 *
 * Documents are written in Vietnamese only; the short form and the labels also exist in English for
 * the interface, and the caller passes its language.
 */
import { formatViDateInText } from '../text/dates.ts';
import type { DeadlineWhat, Due, DueType, Every } from './types.ts';

/** The languages the interface speaks; documents are always Vietnamese. */
export type Lang = 'vi' | 'en';

/** Quarters as Vietnamese documents number them: quý I … quý IV. */
export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/** The Roman numeral of quarter `q` (1–4); any other number is written as it is. */
export function quarterNumeral(q: number): string {
  return QUARTER_NUMERALS[q - 1] ?? String(q);
}

/** Every type of deadline, in the order an editor offers them. */
export const DUE_TYPES: readonly DueType[] = ['date', 'month', 'quarter', 'quarter-end', 'half', 'year', 'range', 'recurring', 'continuous', 'term-years', 'relative', 'from'];

/** What a person picks as the type of a deadline. */
export const DUE_TYPE_LABELS: Readonly<Record<DueType, Readonly<Record<Lang, string>>>> = {
  date: { vi: 'Ngày cụ thể', en: 'A date' },
  month: { vi: 'Trong tháng', en: 'Within a month' },
  quarter: { vi: 'Trong quý', en: 'Within a quarter' },
  'quarter-end': { vi: 'Cuối quý', en: 'End of a quarter' },
  half: { vi: '6 tháng', en: 'Half-year' },
  year: { vi: 'Trong năm', en: 'Within a year' },
  range: { vi: 'Từ … đến …', en: 'From … to …' },
  recurring: { vi: 'Định kỳ', en: 'Recurring' },
  continuous: { vi: 'Thường xuyên', en: 'Continuous' },
  'term-years': { vi: 'Năm của nhiệm kỳ', en: 'Years of the term' },
  relative: { vi: 'Trước / sau sự kiện', en: 'Before / after the event' },
  from: { vi: 'Từ … trở đi', en: 'From … on' },
};

/** Every recurrence, from the shortest. */
export const EVERY_VALUES: readonly Every[] = ['day', 'week', 'month', 'quarter', 'half-year', 'year'];

/** A recurrence as a label; lower-cased it is also the recurrence in running text ("hằng quý"). */
export const EVERY_LABELS: Readonly<Record<Every, Readonly<Record<Lang, string>>>> = {
  day: { vi: 'Hằng ngày', en: 'Daily' },
  week: { vi: 'Hằng tuần', en: 'Weekly' },
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  'half-year': { vi: 'Định kỳ 6 tháng', en: 'Every six months' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
};

/** The halves of a year, as a due of type `half` names them ("2022-H1"). */
export const HALF_LABELS: Readonly<Record<'H1' | 'H2', Readonly<Record<Lang, string>>>> = {
  H1: { vi: '6 tháng đầu năm', en: 'First half' },
  H2: { vi: '6 tháng cuối năm', en: 'Second half' },
};

/** What a deadline can be for, in the order an editor offers them. */
export const DEADLINE_WHATS: readonly DeadlineWhat[] = ['task', 'report', 'event'];

/** What a deadline is for, as a label. */
export const DEADLINE_WHAT_LABELS: Readonly<Record<DeadlineWhat, Readonly<Record<Lang, string>>>> = {
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  report: { vi: 'Báo cáo', en: 'Report' },
  event: { vi: 'Sự kiện, hoạt động', en: 'Event' },
};

const lower = (s: string, lang: Lang) => s.toLocaleLowerCase(lang);

/** "năm thứ 2", "năm thứ 1, năm thứ 3 và năm thứ 5"; "year 2", "years 2 and 4". */
function termYears(years: readonly number[], lang: Lang): string {
  const join = (parts: string[], and: string) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`);
  if (lang === 'vi') return join(years.map((y) => `năm thứ ${y}`), 'và');
  return `${years.length === 1 ? 'year' : 'years'} ${join(years.map(String), 'and')}`;
}

/**
 * A deadline's time alone, in lower case: "ngày 31/3/2022", "tháng 3/2022", "quý I/2022",
 * "cuối quý IV/2022", "6 tháng đầu năm 2022", "năm 2022", "từ tháng 4/2022 đến tháng 11/2022",
 * "hằng quý", "hằng năm từ năm 2022", "định kỳ 6 tháng", "thường xuyên",
 * "năm thứ 2 và năm thứ 4 của nhiệm kỳ", "trước 5 ngày", "từ năm 2022". In English: "31/3/2022",
 * "03/2022", "Q1 2022", "quarterly", … .
 */
export function dueShort(d: Due, lang: Lang = 'vi'): string {
  const vi = lang === 'vi';
  switch (d.type) {
    case 'date':
      return vi ? `ngày ${formatViDateInText(d.value)}` : formatViDateInText(d.value);
    case 'month': {
      const [y, m] = d.value.split('-');
      return vi ? `tháng ${Number(m)}/${y}` : `${m}/${y}`;
    }
    case 'quarter':
    case 'quarter-end': {
      const [y, q] = d.value.split('-Q');
      const quarter = vi ? `quý ${quarterNumeral(Number(q))}/${y}` : `Q${q} ${y}`;
      if (d.type === 'quarter') return quarter;
      return vi ? `cuối ${quarter}` : `end of ${quarter}`;
    }
    case 'half': {
      const [y, h] = d.value.split('-');
      const half = h === 'H1' ? 'H1' : 'H2';
      return vi ? `${HALF_LABELS[half].vi} ${y}` : `${lower(HALF_LABELS[half].en, lang)} of ${y}`;
    }
    case 'year':
      return vi ? `năm ${d.value}` : d.value;
    case 'range':
      return vi ? `từ ${dueShort(d.value.from, lang)} đến ${dueShort(d.value.to, lang)}` : `from ${dueShort(d.value.from, lang)} to ${dueShort(d.value.to, lang)}`;
    case 'recurring': {
      const every = lower(EVERY_LABELS[d.value.every][lang], lang);
      return d.value.from ? `${every} ${vi ? 'từ' : 'from'} ${dueShort(d.value.from, lang)}` : every;
    }
    case 'continuous':
      return vi ? 'thường xuyên' : 'continuous';
    case 'term-years':
      return `${termYears(d.value.years, lang)} ${vi ? 'của nhiệm kỳ' : 'of the term'}`;
    case 'relative': {
      const n = Math.abs(d.value.days);
      const before = d.value.days < 0;
      return vi ? `${before ? 'trước' : 'sau'} ${n} ngày` : `${n} days ${before ? 'before' : 'after'}`;
    }
    case 'from':
      return vi ? `từ ${dueShort(d.value, lang)}` : `from ${dueShort(d.value, lang)}`;
  }
}

/** The short form starting with a capital, for a cell or a line of its own: "Quý I/2022", "Hằng quý". */
export function dueLabel(d: Due, lang: Lang = 'vi'): string {
  const s = dueShort(d, lang);
  return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
}

/** The deadlines of one report on one line: "Ngày 30/5/2022; ngày 30/11/2022". Empty for none. */
export function duesLabel(dues: readonly Due[], lang: Lang = 'vi'): string {
  return dues.map((d, i) => (i === 0 ? dueLabel(d, lang) : dueShort(d, lang))).join('; ');
}

/**
 * A deadline as a document writes it in a sentence: "trước ngày 31/3/2022", "trong tháng 3/2022",
 * "trong quý I/2022", "trong năm 2022"; other kinds as their short form ("cuối quý III/2025",
 * "6 tháng đầu năm 2022", "hằng tháng", "thường xuyên", "năm thứ 2 và năm thứ 4 của nhiệm kỳ").
 */
export function dueInText(d: Due): string {
  switch (d.type) {
    case 'date':
      return `trước ${dueShort(d)}`;
    case 'month':
    case 'quarter':
    case 'year':
      return `trong ${dueShort(d)}`;
    default:
      return dueShort(d);
  }
}

/**
 * Several deadlines of one item in a sentence: dates share one "trước" ("trước ngày 30/5/2022 và
 * ngày 30/11/2022"); other kinds are joined by "và". Empty for none.
 */
export function duesInText(dues: readonly Due[]): string {
  if (dues.length === 0) return '';
  if (dues.every((d) => d.type === 'date')) return `trước ${dues.map((d) => dueShort(d)).join(' và ')}`;
  return dues.map(dueInText).join(' và ');
}
