import { describe, expect, it } from 'vitest';
import { formatRate } from './format.ts';

describe('rates as the documents print them', () => {
  it('truncates to two decimals with a decimal comma', () => {
    expect(formatRate(2909 / 3044)).toBe('95,56%');
    expect(formatRate(1)).toBe('100,00%');
    expect(formatRate(2999 / 3000)).toBe('99,96%');
    expect(formatRate(0.5, false)).toBe('—');
  });
});
