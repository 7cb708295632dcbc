import { describe, expect, it } from 'vitest';
import { notAWholeNumber } from './number-entry.ts';

describe('what a whole-number field refuses', () => {
  it('refuses letters, signs and decimals', () => {
    expect(notAWholeNumber('a', 'vi')).toBe(true);
    expect(notAWholeNumber('abc', 'vi')).toBe(true);
    expect(notAWholeNumber('12 người', 'vi')).toBe(true);
    expect(notAWholeNumber('-3', 'vi')).toBe(true);
    expect(notAWholeNumber('2,5', 'vi')).toBe(true);
    expect(notAWholeNumber('2.5', 'en')).toBe(true);
  });

  it('accepts digits, spaces and the thousands separator of the language', () => {
    expect(notAWholeNumber('7', 'vi')).toBe(false);
    expect(notAWholeNumber('1.113', 'vi')).toBe(false);
    expect(notAWholeNumber('1,113', 'en')).toBe(false);
    expect(notAWholeNumber(' 30 ', 'vi')).toBe(false);
    expect(notAWholeNumber('1,113', 'vi')).toBe(true);
  });
});
