import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsoDate } from '../ids.ts';
import { formatViDate, formatViDateInText, formatViDateLine, formatViDateTime, formatViLongDate, parseViDate, viDayMonth } from './dates.ts';

const d = (s: string) => s as IsoDate;

describe('dates in tables and forms', () => {
  it('writes dd/mm/yyyy with both parts padded', () => {
    expect(formatViDate('2022-04-18')).toBe('18/04/2022');
    expect(formatViDate('2022-01-05')).toBe('05/01/2022');
  });

  it('is empty for no date and leaves a text that is not a date as it is', () => {
    expect(formatViDate(null)).toBe('');
    expect(formatViDate(undefined)).toBe('');
    expect(formatViDate('')).toBe('');
    expect(formatViDate('chưa rõ')).toBe('chưa rõ');
    expect(formatViDate('2022-04-18T10:00:00Z')).toBe('2022-04-18T10:00:00Z');
  });
});

describe('dates in running text', () => {
  it('drops the leading zeros, as the seeds write "ngày 31/3/2022"', () => {
    expect(formatViDateInText('2022-03-31')).toBe('31/3/2022');
    expect(formatViDateInText('2022-02-05')).toBe('5/2/2022');
    expect(formatViDateInText('2022-12-10')).toBe('10/12/2022');
  });
});

describe("a document's date", () => {
  it.each([
    ['2022-04-18', 'Trà Vinh, ngày 18 tháng 4 năm 2022'],
    ['2022-01-05', 'Trà Vinh, ngày 05 tháng 01 năm 2022'],
    ['2022-02-28', 'Trà Vinh, ngày 28 tháng 02 năm 2022'],
    ['2022-03-01', 'Trà Vinh, ngày 01 tháng 3 năm 2022'],
    ['2022-12-31', 'Trà Vinh, ngày 31 tháng 12 năm 2022'],
    ['2022-11-09', 'Trà Vinh, ngày 09 tháng 11 năm 2022'],
    ['2022-10-10', 'Trà Vinh, ngày 10 tháng 10 năm 2022'],
    ['2024-02-29', 'Trà Vinh, ngày 29 tháng 02 năm 2024'],
  ])('%s → %s', (date, expected) => {
    expect(formatViDateLine('Trà Vinh', d(date))).toBe(expected);
  });

  it('pads days below 10 and the months 1 and 2 only', () => {
    for (let m = 1; m <= 12; m++) expect(viDayMonth(15, m).month).toBe(m <= 2 ? `0${m}` : String(m));
    for (let day = 1; day <= 31; day++) expect(viDayMonth(day, 5).day).toBe(day < 10 ? `0${day}` : String(day));
  });

  it('trims the place and refuses an empty one or an impossible date', () => {
    expect(formatViDateLine('  TP. Hồ Chí Minh ', d('2022-04-27'))).toBe('TP. Hồ Chí Minh, ngày 27 tháng 4 năm 2022');
    expect(() => formatViDateLine(' ', d('2022-04-27'))).toThrow(RangeError);
    expect(() => formatViLongDate(d('2022-02-30'))).toThrow(RangeError);
    expect(() => formatViLongDate(d('2023-02-29'))).toThrow(RangeError);
    expect(() => formatViLongDate(d('18/04/2022'))).toThrow(RangeError);
  });
});

describe('instants', () => {
  it('writes an instant in Vietnam time, across midnight UTC', () => {
    expect(formatViDateTime('2024-03-31T07:05:00Z')).toBe('31/03/2024 14:05');
    expect(formatViDateTime('2024-03-31T20:30:00Z')).toBe('01/04/2024 03:30');
    expect(formatViDateTime(new Date(Date.UTC(2024, 0, 1, 0, 0)))).toBe('01/01/2024 07:00');
  });

  it('leaves a text that is not an instant as it is', () => {
    expect(formatViDateTime('không rõ')).toBe('không rõ');
  });
});

describe('typed dates', () => {
  it('reads a date typed the Vietnamese way, and refuses days that do not exist', () => {
    expect(parseViDate('31/3/2022')).toBe('2022-03-31');
    expect(parseViDate(' 05-01-2022 ')).toBe('2022-01-05');
    expect(parseViDate('5 / 1 / 2022')).toBe('2022-01-05');
    expect(parseViDate('05.01.2022')).toBe('2022-01-05');
    expect(parseViDate('2022-03-31')).toBe('2022-03-31');
    expect(parseViDate('31/2/2022')).toBeNull();
    expect(parseViDate('31/3/22')).toBeNull();
    expect(parseViDate('1/1/1800')).toBeNull();
    expect(parseViDate('hôm nay')).toBeNull();
    expect(parseViDate('')).toBeNull();
  });

  it('reads back every date it writes, in both short forms', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        expect(parseViDate(formatViDate(iso))).toBe(iso);
        expect(parseViDate(formatViDateInText(iso))).toBe(iso);
      }),
    );
  });
});
