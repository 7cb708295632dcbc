import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import type { Due } from './types.ts';
import { DUE_TYPE_LABELS, DUE_TYPES, EVERY_LABELS, EVERY_VALUES, dueInText, dueLabel, dueShort, duesInText, duesLabel, quarterNumeral } from './words.ts';

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
    [{ type: 'term-years', value: { years: [1, 3, 5] } }, 'năm thứ 1, năm thứ 3 và năm thứ 5 của nhiệm kỳ'],
    [{ type: 'relative', value: { days: -5, to: 'event' } }, 'trước 5 ngày'],
    [{ type: 'from', value: { type: 'year', value: '2022' } }, 'từ năm 2022'],
  ])('%j → %s', (due, words) => {
    expect(dueInText(due)).toBe(words);
  });

  it('shares one "trước" between several dates, as seed 001 writes them', () => {
    expect(duesInText([date('2022-05-30'), date('2022-11-30')])).toBe('trước ngày 30/5/2022 và ngày 30/11/2022');
    expect(duesInText([date('2022-03-31'), { type: 'continuous', value: null }])).toBe('trước ngày 31/3/2022 và thường xuyên');
    expect(duesInText([])).toBe('');
  });
});

describe('deadlines as the interface shows them', () => {
  const cases: [Due, string, string][] = [
    [date('2022-03-31'), 'Ngày 31/3/2022', '31/3/2022'],
    [{ type: 'month', value: '2022-03' }, 'Tháng 3/2022', '03/2022'],
    [{ type: 'quarter', value: '2022-Q1' }, 'Quý I/2022', 'Q1 2022'],
    [{ type: 'quarter-end', value: '2022-Q4' }, 'Cuối quý IV/2022', 'End of Q4 2022'],
    [{ type: 'half', value: '2022-H1' }, '6 tháng đầu năm 2022', 'First half of 2022'],
    [{ type: 'half', value: '2022-H2' }, '6 tháng cuối năm 2022', 'Second half of 2022'],
    [{ type: 'year', value: '2023' }, 'Năm 2023', '2023'],
    [{ type: 'recurring', value: { every: 'quarter', from: null } }, 'Hằng quý', 'Quarterly'],
    [{ type: 'recurring', value: { every: 'half-year', from: null } }, 'Định kỳ 6 tháng', 'Every six months'],
    [{ type: 'recurring', value: { every: 'month', from: { type: 'quarter', value: '2022-Q2' } } }, 'Hằng tháng từ quý II/2022', 'Monthly from Q2 2022'],
    [{ type: 'continuous', value: null }, 'Thường xuyên', 'Continuous'],
    [{ type: 'term-years', value: { years: [2, 4] } }, 'Năm thứ 2 và năm thứ 4 của nhiệm kỳ', 'Years 2 and 4 of the term'],
    [{ type: 'term-years', value: { years: [1] } }, 'Năm thứ 1 của nhiệm kỳ', 'Year 1 of the term'],
    [{ type: 'range', value: { from: { type: 'month', value: '2022-03' }, to: { type: 'month', value: '2022-05' } } }, 'Từ tháng 3/2022 đến tháng 5/2022', 'From 03/2022 to 05/2022'],
    [{ type: 'relative', value: { days: -5, to: 'event' } }, 'Trước 5 ngày', '5 days before'],
    [{ type: 'relative', value: { days: 3, to: 'event' } }, 'Sau 3 ngày', '3 days after'],
    [{ type: 'from', value: { type: 'year', value: '2022' } }, 'Từ năm 2022', 'From 2022'],
  ];
  it.each(cases)('%j reads "%s" in Vietnamese and "%s" in English', (due, vi, en) => {
    expect(dueLabel(due, 'vi')).toBe(vi);
    expect(dueLabel(due, 'en')).toBe(en);
  });

  it('says the same time in the short form as in running text, without the preposition', () => {
    for (const [due] of cases) expect(dueInText(due).endsWith(dueShort(due))).toBe(true);
    expect(dueShort(date('2022-03-31'))).toBe('ngày 31/3/2022');
  });

  it('writes several report deadlines in one line', () => {
    expect(duesLabel([date('2022-05-30'), date('2022-11-30')])).toBe('Ngày 30/5/2022; ngày 30/11/2022');
    expect(duesLabel([])).toBe('');
  });
});

describe('labels for editors', () => {
  it('names every due type and recurrence in both languages, with the seeds\' words', () => {
    for (const type of DUE_TYPES) expect(DUE_TYPE_LABELS[type].vi && DUE_TYPE_LABELS[type].en).toBeTruthy();
    expect(new Set(DUE_TYPES).size).toBe(Object.keys(DUE_TYPE_LABELS).length);
    expect(EVERY_VALUES.map((e) => EVERY_LABELS[e].vi)).toEqual(['Hằng ngày', 'Hằng tuần', 'Hằng tháng', 'Hằng quý', 'Định kỳ 6 tháng', 'Hằng năm']);
    expect(DUE_TYPE_LABELS.date.vi).toBe('Ngày cụ thể');
  });

  it('numbers quarters in Roman numerals', () => {
    expect([1, 2, 3, 4].map(quarterNumeral)).toEqual(['I', 'II', 'III', 'IV']);
    expect(quarterNumeral(5)).toBe('5');
  });
});
