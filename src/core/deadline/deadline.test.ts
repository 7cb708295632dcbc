import { describe, it, expect } from 'vitest';
import { parseDue } from './parse.ts';
import { findDeadlines } from './find.ts';
import { dueEquals } from './types.ts';
import { isoDate } from '../ids.ts';

describe('parseDue', () => {
  it.each([
    ['trước ngày 31/3/2022', { type: 'date', value: '2022-03-31' }],
    ['Hoàn thành trước 20/5/2022', { type: 'date', value: '2022-05-20' }],
    ['ngày 30 tháng 11 năm 2022', { type: 'date', value: '2022-11-30' }],
    ['15 giờ 00 ngày 20/5/2016', { type: 'date', value: '2016-05-20' }],
    ['10h00 ngày 23/7/2018', { type: 'date', value: '2018-07-23' }],
    ['tháng 02/2022', { type: 'month', value: '2022-02' }],
    ['trong tháng 3 năm 2022', { type: 'month', value: '2022-03' }],
    ['quý I/2022', { type: 'quarter', value: '2022-Q1' }],
    ['quý II năm 2023', { type: 'quarter', value: '2023-Q2' }],
    ['quý 3/2024', { type: 'quarter', value: '2024-Q3' }],
    ['cuối quý III năm 2025', { type: 'quarter-end', value: '2025-Q3' }],
    ['6 tháng đầu năm 2022', { type: 'half', value: '2022-H1' }],
    ['6 tháng cuối năm 2023', { type: 'half', value: '2023-H2' }],
    ['năm 2022', { type: 'year', value: '2022' }],
    ['cuối năm 2022', { type: 'year', value: '2022' }],
    ['từ tháng 4 đến tháng 11/2022', { type: 'range', value: { from: { type: 'month', value: '2022-04' }, to: { type: 'month', value: '2022-11' } } }],
    ['hàng ngày', { type: 'recurring', value: { every: 'day', from: null } }],
    ['thứ Hai hằng tuần', { type: 'recurring', value: { every: 'week', from: null } }],
    ['hằng tháng', { type: 'recurring', value: { every: 'month', from: null } }],
    ['hàng quý', { type: 'recurring', value: { every: 'quarter', from: null } }],
    ['định kỳ 6 tháng', { type: 'recurring', value: { every: 'half-year', from: null } }],
    ['06 tháng/lần', { type: 'recurring', value: { every: 'half-year', from: null } }],
    ['hằng năm', { type: 'recurring', value: { every: 'year', from: null } }],
    ['mỗi năm 01 lần', { type: 'recurring', value: { every: 'year', from: null } }],
    ['quý I hằng năm', { type: 'recurring', value: { every: 'year', from: null } }],
    ['hằng năm từ năm 2022', { type: 'recurring', value: { every: 'year', from: { type: 'year', value: '2022' } } }],
    ['thực hiện thường xuyên', { type: 'continuous', value: null }],
    ['năm thứ 2 và năm thứ 4 của nhiệm kỳ', { type: 'term-years', value: { years: [2, 4] } }],
    ['trước 5 ngày', { type: 'relative', value: { days: -5, to: 'event' } }],
    ['từ năm 2022', { type: 'from', value: { type: 'year', value: '2022' } }],
    ['năm 2022 và những năm tiếp theo', { type: 'from', value: { type: 'year', value: '2022' } }],
    ['cuối năm (tháng 11/2022)', { type: 'month', value: '2022-11' }],
  ])('%s', (text, due) => {
    expect(parseDue(text)).toEqual(due);
  });
  it('takes a missing year from the context', () => {
    expect(parseDue('cuối quý II', { year: 2022 })).toEqual({ type: 'quarter-end', value: '2022-Q2' });
    expect(parseDue('6 tháng đầu năm', { year: 2023 })).toEqual({ type: 'half', value: '2023-H1' });
    expect(parseDue('trước ngày 15/6', { year: 2021 })).toEqual({ type: 'date', value: '2021-06-15' });
  });
  it('returns null when no time is named or the year is unknown', () => {
    expect(parseDue('nghiêm túc, hiệu quả')).toBeNull();
    expect(parseDue('cuối quý II')).toBeNull();
  });
});

describe('findDeadlines', () => {
  const texts = (t: string, o = {}) => findDeadlines(t, o).map((h) => t.slice(h.start, h.end));
  it('keeps each conjunct of "trước ngày A và ngày B"', () => {
    expect(texts('kết quả trước ngày 30/5/2022 và ngày 30/11/2022.')).toEqual(['trước ngày 30/5/2022', 'ngày 30/11/2022']);
  });
  it('takes a bare year only where it stands as a time', () => {
    expect(texts('tổ chức kiểm điểm tập thể lãnh đạo năm 2022, gắn với rà soát (tháng 12/2022).')).toEqual(['tháng 12/2022']);
    expect(texts('Tập huấn báo cáo viên (năm 2022).')).toEqual(['năm 2022']);
    expect(texts('- Thời gian: năm 2023')).toEqual(['năm 2023']);
  });
  it('does not read a quality or a duration as a deadline', () => {
    expect(texts('“chống” là nhiệm vụ quan trọng, thường xuyên, cấp bách.')).toEqual([]);
    expect(texts('Thời gian học tập: 1/2 ngày.')).toEqual([]);
    expect(texts('kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)')).toEqual([]);
  });
  it('drops times older than the document', () => {
    expect(texts('từ Hội nghị Trung ương 3 (khoá VII) năm 1992 và trong năm 1999', { refYear: 2022 })).toEqual([]);
  });
  it('fills the year from the nearest preceding time', () => {
    const hits = findDeadlines('Thời gian: từ tháng 4 đến tháng 11/2022. Báo cáo vào cuối quý II.', {});
    expect(hits.map((h) => h.due)).toEqual([
      { type: 'range', value: { from: { type: 'month', value: '2022-04' }, to: { type: 'month', value: '2022-11' } } },
      { type: 'quarter-end', value: '2022-Q2' },
    ]);
    expect(hits[1]?.what).toBe('report');
  });
  it('uses the document year when nothing precedes', () => {
    expect(findDeadlines('kiểm điểm 6 tháng đầu năm', { docYear: 2024 })[0]?.due).toEqual({ type: 'half', value: '2024-H1' });
  });
  it('skips blocked spans and citation descriptions', () => {
    const t = 'Nghị quyết số 03-NQ/TU về cán bộ đến năm 2030 và những năm tiếp theo; thực hiện (năm 2022 và những năm tiếp theo).';
    expect(texts(t, { citationClauses: [[24, t.indexOf(';')]] })).toEqual(['năm 2022 và những năm tiếp theo']);
    expect(texts('trước ngày 31/3/2022', { blocked: [[0, 30]] })).toEqual([]);
  });
});

describe('types', () => {
  it('builds only real dates and compares dues structurally', () => {
    expect(isoDate(2022, 2, 29)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(dueEquals({ type: 'recurring', value: { from: null, every: 'year' } }, { type: 'recurring', value: { every: 'year', from: null } })).toBe(true);
  });
});
