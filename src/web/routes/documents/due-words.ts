import type { Due } from '../../../core/deadline/types.ts';
import { formatViDateInText } from '../../../core/text/dates.ts';
import type { IsoDate } from '../../../core/ids.ts';

/** Words for deadlines (extraction/SCHEMA.md `due`) in the reader's language. */

export const DUE_TYPES = ['date', 'month', 'quarter', 'quarter-end', 'half', 'year', 'range', 'recurring', 'continuous', 'term-years', 'relative', 'from'] as const;
export const EVERY = ['day', 'week', 'month', 'quarter', 'half-year', 'year'] as const;
export const WHAT = ['task', 'report', 'event'] as const;

type Lang = 'vi' | 'en';
const ROMAN = ['I', 'II', 'III', 'IV'];

export const DUE_TYPE_LABELS: Record<(typeof DUE_TYPES)[number], Record<Lang, string>> = {
  date: { vi: 'Ngày', en: 'Date' },
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  'quarter-end': { vi: 'Cuối quý', en: 'End of quarter' },
  half: { vi: '6 tháng', en: 'Half-year' },
  year: { vi: 'Năm', en: 'Year' },
  range: { vi: 'Từ … đến …', en: 'From … to …' },
  recurring: { vi: 'Định kỳ', en: 'Recurring' },
  continuous: { vi: 'Thường xuyên', en: 'Continuous' },
  'term-years': { vi: 'Năm của nhiệm kỳ', en: 'Years of the term' },
  relative: { vi: 'Trước / sau sự kiện', en: 'Before / after the event' },
  from: { vi: 'Từ … trở đi', en: 'From … on' },
};

export const EVERY_LABELS: Record<(typeof EVERY)[number], Record<Lang, string>> = {
  day: { vi: 'Hằng ngày', en: 'Daily' },
  week: { vi: 'Hằng tuần', en: 'Weekly' },
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  'half-year': { vi: 'Định kỳ 6 tháng', en: 'Every six months' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
};

export const WHAT_LABELS: Record<(typeof WHAT)[number], Record<Lang, string>> = {
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  report: { vi: 'Báo cáo', en: 'Report' },
  event: { vi: 'Sự kiện, hoạt động', en: 'Event' },
};

/** A deadline in words: "ngày 31/3/2022", "quý II/2022", "hằng tháng". */
export function describeDue(d: Due, lang: Lang = 'vi'): string {
  const vi = lang === 'vi';
  switch (d.type) {
    case 'date':
      return vi ? `ngày ${formatViDateInText(d.value)}` : formatViDateInText(d.value);
    case 'month':
      return vi ? `tháng ${Number(d.value.slice(5))}/${d.value.slice(0, 4)}` : `${d.value.slice(5)}/${d.value.slice(0, 4)}`;
    case 'quarter':
      return vi ? `quý ${ROMAN[Number(d.value.slice(6)) - 1] ?? ''}/${d.value.slice(0, 4)}` : `Q${d.value.slice(6)} ${d.value.slice(0, 4)}`;
    case 'quarter-end':
      return vi ? `cuối quý ${ROMAN[Number(d.value.slice(6)) - 1] ?? ''}/${d.value.slice(0, 4)}` : `end of Q${d.value.slice(6)} ${d.value.slice(0, 4)}`;
    case 'half':
      return vi ? `6 tháng ${d.value.endsWith('H1') ? 'đầu' : 'cuối'} năm ${d.value.slice(0, 4)}` : `${d.value.endsWith('H1') ? 'first' : 'second'} half of ${d.value.slice(0, 4)}`;
    case 'year':
      return vi ? `năm ${d.value}` : d.value;
    case 'range':
      return vi ? `từ ${describeDue(d.value.from, lang)} đến ${describeDue(d.value.to, lang)}` : `from ${describeDue(d.value.from, lang)} to ${describeDue(d.value.to, lang)}`;
    case 'recurring': {
      const every = EVERY_LABELS[d.value.every][lang].toLowerCase();
      return d.value.from ? `${every} ${vi ? 'từ' : 'from'} ${describeDue(d.value.from, lang)}` : every;
    }
    case 'continuous':
      return vi ? 'thường xuyên' : 'continuous';
    case 'term-years':
      return vi ? `năm thứ ${d.value.years.join(', ')} của nhiệm kỳ` : `year ${d.value.years.join(', ')} of the term`;
    case 'relative': {
      const n = Math.abs(d.value.days);
      return vi ? `${d.value.days < 0 ? 'trước' : 'sau'} ${n} ngày` : `${n} days ${d.value.days < 0 ? 'before' : 'after'}`;
    }
    case 'from':
      return vi ? `từ ${describeDue(d.value, lang)}` : `from ${describeDue(d.value, lang)}`;
  }
}

/** A sensible value of a due type, for when a person switches the type of a deadline. */
export function defaultDue(type: (typeof DUE_TYPES)[number], year: number): Due {
  switch (type) {
    case 'date':
      return { type, value: `${year}-12-31` as IsoDate };
    case 'month':
      return { type, value: `${year}-12` };
    case 'quarter':
    case 'quarter-end':
      return { type, value: `${year}-Q4` };
    case 'half':
      return { type, value: `${year}-H2` };
    case 'year':
      return { type, value: String(year) };
    case 'range':
      return { type, value: { from: { type: 'month', value: `${year}-01` }, to: { type: 'month', value: `${year}-12` } } };
    case 'recurring':
      return { type, value: { every: 'month', from: null } };
    case 'continuous':
      return { type, value: null };
    case 'term-years':
      return { type, value: { years: [1] } };
    case 'relative':
      return { type, value: { days: -5, to: 'event' } };
    case 'from':
      return { type, value: { type: 'year', value: String(year) } };
  }
}
