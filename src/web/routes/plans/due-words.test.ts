import { describe, expect, it } from 'vitest';
import type { Due } from '../../../core/deadline/types.ts';
import type { IsoDate } from '../../../core/ids.ts';
import { DueSchema } from '../../../shared/plans.ts';
import { EDITABLE_DUE_TYPES, defaultDue, dueInWords, duesInWords, parseTermYears } from './due-words.ts';

describe('deadlines in words', () => {
  const cases: [Due, string, string][] = [
    [{ type: 'date', value: '2022-03-31' as IsoDate }, 'Ngày 31/3/2022', '31/3/2022'],
    [{ type: 'month', value: '2022-03' }, 'Tháng 3/2022', '03/2022'],
    [{ type: 'quarter', value: '2022-Q1' }, 'Quý I/2022', 'Q1 2022'],
    [{ type: 'quarter-end', value: '2022-Q4' }, 'Cuối quý IV/2022', 'End of Q4 2022'],
    [{ type: 'half', value: '2022-H1' }, '6 tháng đầu năm 2022', 'First half of 2022'],
    [{ type: 'half', value: '2022-H2' }, '6 tháng cuối năm 2022', 'Second half of 2022'],
    [{ type: 'year', value: '2023' }, 'Năm 2023', '2023'],
    [{ type: 'recurring', value: { every: 'quarter', from: null } }, 'Hằng quý', 'Quarterly'],
    [{ type: 'recurring', value: { every: 'month', from: { type: 'quarter', value: '2022-Q2' } } }, 'Hằng tháng, từ quý II/2022', 'Monthly, from Q2 2022'],
    [{ type: 'continuous', value: null }, 'Thường xuyên', 'Continuous'],
    [{ type: 'term-years', value: { years: [2, 4] } }, 'Năm thứ 2, 4 của nhiệm kỳ', 'Year 2, 4 of the term'],
    [{ type: 'range', value: { from: { type: 'month', value: '2022-03' }, to: { type: 'month', value: '2022-05' } } }, 'Từ tháng 3/2022 đến tháng 5/2022', 'From 03/2022 to 05/2022'],
    [{ type: 'relative', value: { days: -5, to: 'event' } }, 'Trước 5 ngày', '5 days before'],
    [{ type: 'from', value: { type: 'year', value: '2022' } }, 'Từ năm 2022 trở đi', 'From 2022 on'],
  ];
  it.each(cases)('%j reads "%s" in Vietnamese and "%s" in English', (due, vi, en) => {
    expect(dueInWords(due, 'vi')).toBe(vi);
    expect(dueInWords(due, 'en')).toBe(en);
  });

  it('writes several report deadlines in one line', () => {
    const dues: Due[] = [
      { type: 'date', value: '2022-05-30' as IsoDate },
      { type: 'date', value: '2022-11-30' as IsoDate },
    ];
    expect(duesInWords(dues)).toBe('Ngày 30/5/2022; ngày 30/11/2022');
  });
});

describe('a new deadline of each type', () => {
  it.each(EDITABLE_DUE_TYPES)('%s starts from a valid value near today', (type) => {
    const due = defaultDue(type, '2024-02-10' as IsoDate);
    expect(due.type).toBe(type);
    expect(DueSchema.safeParse(due).success).toBe(true);
  });

  it('a date starts at the end of the month, a quarter and a half at today\'s', () => {
    expect(defaultDue('date', '2024-02-10' as IsoDate)).toEqual({ type: 'date', value: '2024-02-29' });
    expect(defaultDue('quarter', '2024-08-01' as IsoDate)).toEqual({ type: 'quarter', value: '2024-Q3' });
    expect(defaultDue('half', '2024-07-01' as IsoDate)).toEqual({ type: 'half', value: '2024-H2' });
  });
});

describe('typed values', () => {
  it('reads the years of a term, sorted, without repeats, within 1–10', () => {
    expect(parseTermYears('4, 2')).toEqual([2, 4]);
    expect(parseTermYears('năm thứ 2 và năm thứ 2')).toEqual([2]);
    expect(parseTermYears('0, 11')).toBeNull();
    expect(parseTermYears('')).toBeNull();
  });
});
