import type { Due, Every } from '../../../core/deadline/types.ts';
import type { IsoDate } from '../../../core/ids.ts';
import { formatViDateInText } from '../../../core/text/dates.ts';

/**
 * Deadlines (extraction/SCHEMA.md `due`) in words, the way plans write them: "Ngày 31/3/2022",
 * "Quý I/2022", "Hằng quý", "Năm thứ 2, 4 của nhiệm kỳ".
 */
export type Lang = 'vi' | 'en';

/** The types a plan's editor offers, in the order shown. */
export const EDITABLE_DUE_TYPES = ['date', 'month', 'quarter', 'half', 'year', 'recurring', 'continuous', 'term-years'] as const;
export type EditableDueType = (typeof EDITABLE_DUE_TYPES)[number];

export const DUE_TYPE_LABELS: Record<Due['type'], Record<Lang, string>> = {
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

export const EVERY_VALUES: readonly Every[] = ['week', 'month', 'quarter', 'half-year', 'year'];

export const EVERY_LABELS: Record<Every, Record<Lang, string>> = {
  day: { vi: 'Hằng ngày', en: 'Daily' },
  week: { vi: 'Hằng tuần', en: 'Weekly' },
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  'half-year': { vi: '6 tháng một lần', en: 'Every six months' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
};

const ROMAN = ['I', 'II', 'III', 'IV'];

function lower(d: Due, lang: Lang): string {
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
      const roman = ROMAN[Number(q) - 1] ?? q;
      if (d.type === 'quarter') return vi ? `quý ${roman}/${y}` : `Q${q} ${y}`;
      return vi ? `cuối quý ${roman}/${y}` : `end of Q${q} ${y}`;
    }
    case 'half': {
      const [y, h] = d.value.split('-');
      if (vi) return `6 tháng ${h === 'H1' ? 'đầu' : 'cuối'} năm ${y}`;
      return `${h === 'H1' ? 'first' : 'second'} half of ${y}`;
    }
    case 'year':
      return vi ? `năm ${d.value}` : d.value;
    case 'range':
      return vi ? `từ ${lower(d.value.from, lang)} đến ${lower(d.value.to, lang)}` : `from ${lower(d.value.from, lang)} to ${lower(d.value.to, lang)}`;
    case 'recurring': {
      const every = EVERY_LABELS[d.value.every][lang].toLocaleLowerCase(lang);
      return d.value.from ? `${every}, ${vi ? 'từ' : 'from'} ${lower(d.value.from, lang)}` : every;
    }
    case 'continuous':
      return vi ? 'thường xuyên' : 'continuous';
    case 'term-years': {
      const years = d.value.years.join(', ');
      return vi ? `năm thứ ${years} của nhiệm kỳ` : `year ${years} of the term`;
    }
    case 'relative': {
      const n = Math.abs(d.value.days);
      if (vi) return `${d.value.days < 0 ? 'trước' : 'sau'} ${n} ngày`;
      return `${n} days ${d.value.days < 0 ? 'before' : 'after'}`;
    }
    case 'from':
      return vi ? `từ ${lower(d.value, lang)} trở đi` : `from ${lower(d.value, lang)} on`;
  }
}

/** A deadline in words, capitalised as a label: "Quý I/2022", "Hằng quý", "Thường xuyên". */
export function dueInWords(d: Due, lang: Lang = 'vi'): string {
  const s = lower(d, lang);
  return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
}

/** Several deadlines of one report: "Ngày 30/5/2022; ngày 30/11/2022". */
export function duesInWords(dues: readonly Due[], lang: Lang = 'vi'): string {
  return dues.map((d, i) => (i === 0 ? dueInWords(d, lang) : lower(d, lang))).join('; ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A value of `type` to start from when a person picks it, near `today`: the end of this month,
 * this month, this quarter, this half, this year, quarterly, the first year of the term.
 */
export function defaultDue(type: EditableDueType, today: IsoDate): Due {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (type) {
    case 'date':
      return { type, value: `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}` as IsoDate };
    case 'month':
      return { type, value: `${y}-${pad(m)}` };
    case 'quarter':
      return { type, value: `${y}-Q${Math.ceil(m / 3)}` };
    case 'half':
      return { type, value: `${y}-H${m <= 6 ? 1 : 2}` };
    case 'year':
      return { type, value: String(y) };
    case 'recurring':
      return { type, value: { every: 'quarter', from: null } };
    case 'continuous':
      return { type, value: null };
    case 'term-years':
      return { type, value: { years: [1] } };
  }
}

/** Reads "2, 4" or "năm 2 và 4" as years of a term (1–10); null when none is given. */
export function parseTermYears(text: string): number[] | null {
  const years = [...new Set(text.split(/[^\d]+/).filter(Boolean).map(Number))].filter((n) => Number.isInteger(n) && n >= 1 && n <= 10);
  return years.length > 0 ? years.sort((a, b) => a - b) : null;
}
