import { describe, it, expect } from 'vitest';
import { parseDocNumber, kindOfNumber, compactNumber } from './number.ts';
import { findCitations, distinctCitations } from './find.ts';
import { kindFromWord } from './kinds.ts';

describe('parseDocNumber', () => {
  it.each([
    ['Số 48-KH/ĐUK', { kind: 'KH', number: '48-KH/ĐUK', date: null }],
    ['Số: 594/KH-UBND', { kind: 'KH', number: '594/KH-UBND', date: null }],
    ['130/2020/NĐ-CP', { kind: 'NĐ', number: '130/2020/NĐ-CP', date: null }],
    ['Kết luận số 21-KL/TW, ngày 25/10/2021', { kind: 'KL', number: '21-KL/TW', date: '2021-10-25' }],
    ['Số 60 -KH/ĐUK', { kind: 'KH', number: '60-KH/ĐUK', date: null }],
    ['Kết luận số 01 - KL/TW', { kind: 'KL', number: '01-KL/TW', date: null }],
    ['Số: 05-KH/ĐTN', { kind: 'KH', number: '05-KH/ĐTN', date: null }],
    ['Quyết định số 15/2020/QĐ-TTg ngày 06 tháng 5 năm 2020', { kind: 'QĐ', number: '15/2020/QĐ-TTg', date: '2020-05-06' }],
    ['Công văn số 1234/UBND-VX', { kind: 'CV', number: '1234/UBND-VX', date: null }],
  ])('%s', (text, expected) => {
    expect(parseDocNumber(text)).toEqual(expected);
  });
  it('returns null without a number', () => {
    expect(parseDocNumber('Kế hoạch này')).toBeNull();
  });
  it('reads the kind from the symbol, case-insensitively', () => {
    expect(kindOfNumber('05-Qđi/ThU')).toBe('QĐi');
    expect(kindOfNumber('18-CTr/TU')).toBe('CTr');
    expect(kindOfNumber('123/UBND-VX')).toBeNull();
    expect(compactNumber('01 - KL/TW')).toBe('01-KL/TW');
    expect(kindFromWord('KẾ HOẠCH')).toBe('KH');
  });
});

describe('findCitations', () => {
  it('finds Party and state citations with their dates', () => {
    const t = 'Thực hiện Kế hoạch số 161-KH/TU ngày 22/02/2022 của Tỉnh ủy; Nghị định số 130/2020/NĐ-CP, ngày 30/10/2020 của Chính phủ và Nghị quyết 02-NQ/ThU, ngày 03/2/2021.';
    const cs = findCitations(t);
    expect(cs.map((c) => [c.kind, c.number, c.date])).toEqual([
      ['KH', '161-KH/TU', '2022-02-22'],
      ['NĐ', '130/2020/NĐ-CP', '2020-10-30'],
      ['NQ', '02-NQ/ThU', '2021-02-03'],
    ]);
    expect(t.slice(cs[0]!.start, cs[0]!.end)).toBe('Kế hoạch số 161-KH/TU ngày 22/02/2022');
  });
  it('takes the kind from the symbol over the word', () => {
    const cs = findCitations('Quy định số 890-QĐi/TU, ngày 05/3/2019');
    expect(cs[0]?.kind).toBe('QĐi');
  });
  it('reads the long date form', () => {
    expect(findCitations('Quy định số 22-QĐ/TW ngày 28 tháng 7 năm 2021 của')[0]?.date).toBe('2021-07-28');
  });
  it('folds a bare number into the full citation and keeps it otherwise', () => {
    const a = distinctCitations(findCitations('Quy định số 37 về ...; Quy định số 37-QĐ/TW ngày 25/10/2021.'));
    expect(a).toEqual([{ kind: 'QĐ', number: '37-QĐ/TW', date: '2021-10-25' }]);
    const b = distinctCitations(findCitations('Quy định số 37 của Ban Chấp hành Trung ương'));
    expect(b).toEqual([{ kind: 'QĐ', number: '37', date: null }]);
  });
  it('merges repeated citations and fills a missing date', () => {
    const a = distinctCitations(findCitations('Chỉ thị số 05-CT/TW về ...; Chỉ thị số 05-CT/TW ngày 15/5/2016'));
    expect(a).toEqual([{ kind: 'CT', number: '05-CT/TW', date: '2016-05-15' }]);
  });
  it('leaves out the document itself', () => {
    expect(distinctCitations(findCitations('kèm theo Kế hoạch số 60-KH/ĐUK, ngày 18/4/2022'), '60-KH/ĐUK')).toEqual([]);
  });
});
