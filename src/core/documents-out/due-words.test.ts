import { describe, expect, it } from 'vitest';
import type { Due } from '../deadline/types.ts';
import type { IsoDate } from '../ids.ts';
import { dueInWords, duesInWords } from './due-words.ts';

const date = (v: string): Due => ({ type: 'date', value: v as IsoDate });

describe('deadlines in the words of a document', () => {
  it.each<[Due, string]>([
    [date('2022-03-31'), 'trước ngày 31/3/2022'],
    [{ type: 'month', value: '2022-03' }, 'trong tháng 3/2022'],
    [{ type: 'quarter', value: '2022-Q2' }, 'trong quý II/2022'],
    [{ type: 'quarter-end', value: '2025-Q3' }, 'cuối quý III/2025'],
    [{ type: 'half', value: '2022-H1' }, '6 tháng đầu năm 2022'],
    [{ type: 'year', value: '2022' }, 'trong năm 2022'],
    [{ type: 'range', value: { from: { type: 'month', value: '2022-04' }, to: { type: 'month', value: '2022-11' } } }, 'từ tháng 4/2022 đến tháng 11/2022'],
    [{ type: 'recurring', value: { every: 'month', from: null } }, 'hằng tháng'],
    [{ type: 'recurring', value: { every: 'year', from: { type: 'year', value: '2022' } } }, 'hằng năm từ năm 2022'],
    [{ type: 'recurring', value: { every: 'half-year', from: null } }, 'định kỳ 6 tháng'],
    [{ type: 'continuous', value: null }, 'thường xuyên'],
    [{ type: 'term-years', value: { years: [2, 4] } }, 'năm thứ 2 và năm thứ 4 của nhiệm kỳ'],
    [{ type: 'relative', value: { days: -5, to: 'event' } }, 'trước 5 ngày'],
    [{ type: 'from', value: { type: 'year', value: '2022' } }, 'từ năm 2022'],
  ])('%j → %s', (due, words) => {
    expect(dueInWords(due)).toBe(words);
  });

  it('shares one "trước" between several dates, as seed 001 writes them', () => {
    expect(duesInWords([date('2022-05-30'), date('2022-11-30')])).toBe('trước ngày 30/5/2022 và ngày 30/11/2022');
    expect(duesInWords([date('2022-03-31'), { type: 'continuous', value: null }])).toBe('trước ngày 31/3/2022 và thường xuyên');
    expect(duesInWords([])).toBe('');
  });
});
