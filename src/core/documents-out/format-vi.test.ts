import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatViNumber, formatViPercent, formatViRatio, parseViNumber } from './format-vi.ts';

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
