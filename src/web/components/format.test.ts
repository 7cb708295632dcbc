import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRate, numberSeparators } from './format.ts';

describe('rates as the documents print them', () => {
  it('truncates to two decimals with a decimal comma', () => {
    expect(formatRate(2909 / 3044)).toBe('95,56%');
    expect(formatRate(1)).toBe('100,00%');
    expect(formatRate(2999 / 3000)).toBe('99,96%');
    expect(formatRate(0.5, false)).toBe('—');
  });
});

describe('numbers follow the interface language', () => {
  it('writes Vietnamese numbers with a thousands dot and a decimal comma', () => {
    expect(formatNumber(2909, 'vi')).toBe('2.909');
    expect(formatNumber(1_113_000, 'vi')).toBe('1.113.000');
    expect(formatRate(12.5, true, 'vi')).toBe('1.250,00%');
    expect(numberSeparators('vi')).toEqual({ thousands: '.', decimal: ',' });
  });

  it('writes English numbers with a thousands comma and a decimal point', () => {
    expect(formatNumber(2909, 'en')).toBe('2,909');
    expect(formatNumber(1_113_000, 'en')).toBe('1,113,000');
    expect(formatRate(2909 / 3044, true, 'en')).toBe('95.56%');
    expect(formatRate(12.5, true, 'en')).toBe('1,250.00%');
    expect(numberSeparators('en')).toEqual({ thousands: ',', decimal: '.' });
  });

  it('uses the chosen language when none is given', () => {
    expect(formatNumber(2909)).toBe('2.909');
  });
});

describe('dates follow the interface language', () => {
  it('writes day/month/year in Vietnamese', () => {
    expect(formatDate('2022-04-05', 'vi')).toBe('05/04/2022');
    expect(formatDateTime('2022-04-05T07:05:00Z', 'vi')).toBe('05/04/2022 14:05');
  });

  it('writes the month by name in English, so 5 April is never read as 4 May', () => {
    expect(formatDate('2022-04-05', 'en')).toBe('5 Apr 2022');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatDateTime('2022-04-05T07:05:00Z', 'en')).toBe('5 Apr 2022, 14:05');
    // Vietnam time: 20:30 UTC is already the next day there.
    expect(formatDateTime('2022-04-05T20:30:00Z', 'en')).toBe('6 Apr 2022, 03:30');
  });

  it('keeps no date empty and an odd value as it is', () => {
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDate('', 'vi')).toBe('');
    expect(formatDate('Quý I/2022', 'en')).toBe('Quý I/2022');
    expect(formatDate('2022-04-05')).toBe('05/04/2022');
  });
});
