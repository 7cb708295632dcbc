import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { IsoDate } from '../ids.ts';
import {
  formatViDateLine,
  formatViLongDate,
  formatViNumber,
  formatViPercent,
  formatViRatio,
  formatViShortDate,
  parseViNumber,
  viDayMonth,
} from './format-vi.ts';

const d = (s: string) => s as IsoDate;

describe('formatViNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [2909, '2.909'],
    [3044, '3.044'],
    [12345, '12.345'],
    [1234567, '1.234.567'],
    [-1200, '-1.200'],
    [1234.5, '1.234,5'],
    [0.25, '0,25'],
    [-0, '0'],
    [1e21, '1.000.000.000.000.000.000.000'],
  ])('%s → %s', (n, expected) => {
    expect(formatViNumber(n)).toBe(expected);
  });

  it('rounds to a fixed number of decimals, half away from zero', () => {
    expect(formatViNumber(3.14159, { decimals: 2 })).toBe('3,14');
    expect(formatViNumber(1.005, { decimals: 2 })).toBe('1,01');
    expect(formatViNumber(2.5, { decimals: 0 })).toBe('3');
    expect(formatViNumber(-2.5, { decimals: 0 })).toBe('-3');
    expect(formatViNumber(1234567.891, { decimals: 1 })).toBe('1.234.567,9');
    expect(formatViNumber(-0.001, { decimals: 2 })).toBe('0,00');
  });

  it('refuses what is not a number', () => {
    expect(() => formatViNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatViNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatViNumber(1, { decimals: -1 })).toThrow(RangeError);
  });

  it('round-trips through parseViNumber for every safe integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseViNumber(formatViNumber(n))).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips decimals with up to 4 places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.integer({ min: 0, max: 4 }), (units, places) => {
        const n = units / 10 ** places;
        expect(parseViNumber(formatViNumber(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('groups every three digits from the right and uses only digits, dots, one comma, one sign', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        const s = formatViNumber(n);
        expect(s).toMatch(/^\d{1,3}(\.\d{3})*$/);
        expect(s.replace(/\./g, '')).toBe(String(n));
      }),
    );
  });
});

describe('parseViNumber', () => {
  it.each([
    ['2.909', 2909],
    ['1.234,5', 1234.5],
    ['-12', -12],
    ['1234', 1234],
    [' 3.044 ', 3044],
    ['0,5', 0.5],
  ])('%s → %s', (s, n) => {
    expect(parseViNumber(s)).toBe(n);
  });
  it.each(['', 'abc', '1.23', '1,234.5', '12.34.567', '1.2345', '--1', '1,2,3'])('rejects %j', (s) => {
    expect(parseViNumber(s)).toBeNull();
  });
});

describe('formatViPercent', () => {
  it.each([
    [2909, 3044, '95,56%'],
    [3044, 3044, '100,00%'],
    [0, 3044, '0,00%'],
    [1, 3, '33,33%'],
    [2, 3, '66,66%'],
    [2999, 3000, '99,96%'],
    [29999, 30000, '99,99%'],
    [299999, 300000, '99,99%'],
    [1, 8, '12,50%'],
    [150, 100, '150,00%'],
    [123456, 100, '123.456,00%'],
  ])('%s/%s → %s', (part, whole, expected) => {
    expect(formatViPercent(part, whole)).toBe(expected);
  });

  it('takes the number of decimals', () => {
    expect(formatViPercent(2909, 3044, 0)).toBe('95%');
    expect(formatViPercent(2909, 3044, 1)).toBe('95,5%');
    expect(formatViPercent(2909, 3044, 3)).toBe('95,565%');
  });

  it('prints a dash when there is no whole', () => {
    expect(formatViPercent(0, 0)).toBe('—');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => formatViPercent(-1, 10)).toThrow(RangeError);
    expect(() => formatViPercent(1.5, 10)).toThrow(RangeError);
    expect(() => formatViPercent(1, -10)).toThrow(RangeError);
  });

  it('never shows 100% for a part short of the whole, and never more than the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (whole, p) => {
        const part = p % (whole + 1);
        const s = formatViPercent(part, whole);
        const shown = parseViNumber(s.slice(0, -1));
        expect(shown).not.toBeNull();
        if (part < whole) expect(s).not.toBe('100,00%');
        // shown ≤ exact share < shown + 0.01
        expect((shown as number) * whole).toBeLessThanOrEqual(part * 100 + 1e-6);
        expect(((shown as number) + 0.01) * whole).toBeGreaterThan(part * 100 - 1e-6);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatViRatio', () => {
  it('writes a count over its whole', () => {
    expect(formatViRatio(2909, 3044)).toBe('2.909/3.044');
    expect(`${formatViRatio(2909, 3044)}, đạt ${formatViPercent(2909, 3044)}`).toBe('2.909/3.044, đạt 95,56%');
  });
});

describe('dates', () => {
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

  it('writes short dates with both parts padded', () => {
    expect(formatViShortDate(d('2022-04-18'))).toBe('18/04/2022');
    expect(formatViShortDate(d('2022-01-05'))).toBe('05/01/2022');
  });
});
