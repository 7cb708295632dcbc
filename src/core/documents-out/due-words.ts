/**
 * Deadlines written the way a document writes them ("trước ngày 31/3/2022", "trong quý II/2022",
 * "hằng tháng", "thường xuyên"), for the plans, task lists and urging letters the engine exports.
 * Dates in running text take no leading zeros, as the seeds write them ("ngày 31/3/2022").
 */
import type { Due, Every } from '../deadline/types.ts';
import { formatViDateInText } from '../text/dates.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];

const EVERY_WORDS: Readonly<Record<Every, string>> = {
  day: 'hằng ngày',
  week: 'hằng tuần',
  month: 'hằng tháng',
  quarter: 'hằng quý',
  'half-year': 'định kỳ 6 tháng',
  year: 'hằng năm',
};

const quarter = (v: string) => `quý ${ROMAN[Number(v.slice(6)) - 1] ?? v.slice(6)}/${v.slice(0, 4)}`;

/** The point or span a due names, without "trước", "trong": "ngày 31/3/2022", "tháng 3/2022", "quý I/2022". */
function bare(d: Due): string {
  switch (d.type) {
    case 'date':
      return `ngày ${formatViDateInText(d.value)}`;
    case 'month':
      return `tháng ${Number(d.value.slice(5))}/${d.value.slice(0, 4)}`;
    case 'quarter':
      return quarter(d.value);
    case 'quarter-end':
      return `cuối ${quarter(d.value)}`;
    case 'half':
      return `6 tháng ${d.value.endsWith('H1') ? 'đầu' : 'cuối'} năm ${d.value.slice(0, 4)}`;
    case 'year':
      return `năm ${d.value}`;
    default:
      return dueInWords(d);
  }
}

/**
 * A deadline as a document writes it: date "trước ngày 31/3/2022", month "trong tháng 3/2022",
 * quarter "trong quý I/2022", quarter-end "cuối quý III/2025", half "6 tháng đầu năm 2022",
 * year "trong năm 2022", range "từ tháng 4/2022 đến tháng 11/2022", recurring "hằng tháng"
 * ("hằng năm từ năm 2022"), continuous "thường xuyên", term-years "năm thứ 2 và năm thứ 4 của
 * nhiệm kỳ", relative "trước 5 ngày", from "từ năm 2022".
 */
export function dueInWords(d: Due): string {
  switch (d.type) {
    case 'date':
      return `trước ngày ${formatViDateInText(d.value)}`;
    case 'month':
    case 'quarter':
    case 'year':
      return `trong ${bare(d)}`;
    case 'quarter-end':
    case 'half':
      return bare(d);
    case 'range':
      return `từ ${bare(d.value.from)} đến ${bare(d.value.to)}`;
    case 'recurring':
      return d.value.from ? `${EVERY_WORDS[d.value.every]} từ ${bare(d.value.from)}` : EVERY_WORDS[d.value.every];
    case 'continuous':
      return 'thường xuyên';
    case 'term-years':
      return `${d.value.years.map((y) => `năm thứ ${y}`).join(' và ')} của nhiệm kỳ`;
    case 'relative': {
      const n = Math.abs(d.value.days);
      return `${d.value.days < 0 ? 'trước' : 'sau'} ${n} ngày`;
    }
    case 'from':
      return `từ ${bare(d.value)}`;
  }
}

/**
 * Several deadlines of one item: dates share one "trước" ("trước ngày 30/5/2022 và ngày
 * 30/11/2022"); other kinds are joined by "và". Empty for none.
 */
export function duesInWords(dues: readonly Due[]): string {
  if (dues.length === 0) return '';
  if (dues.every((d) => d.type === 'date')) return `trước ${dues.map(bare).join(' và ')}`;
  return dues.map(dueInWords).join(' và ');
}
