import { describe, expect, it } from 'vitest';
import { formatNumber, formatRate, numberSeparators } from './format.ts';

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
