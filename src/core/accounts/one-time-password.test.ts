import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ONE_TIME_PASSWORD, oneTimePassword, oneTimePasswordExpiry } from './one-time-password.ts';

describe('oneTimePassword', () => {
  it('has 10 signs of the alphabet, and no look-alike', () => {
    expect(ONE_TIME_PASSWORD.alphabet).not.toMatch(/[01ilIoO]/);
    expect(new Set(ONE_TIME_PASSWORD.alphabet).size).toBe(ONE_TIME_PASSWORD.alphabet.length);
    for (let i = 0; i < 200; i++) expect(oneTimePassword()).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
  });

  it('differs each time (cryptographic source)', () => {
    const many = new Set(Array.from({ length: 2000 }, () => oneTimePassword()));
    expect(many.size).toBe(2000);
  });

  it('uses every sign about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6200; i++) for (const c of oneTimePassword()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(ONE_TIME_PASSWORD.alphabet.length);
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(300);
  });

  it('maps any random bytes to a well-formed password, rejecting bytes that would bias it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (seed) => {
        let k = 0;
        // Always at least one usable byte, so the draw ends.
        const bytes = (n: number) => Uint8Array.from({ length: n }, () => (k++ % 7 === 6 ? 7 : seed[k % seed.length]!));
        const p = oneTimePassword(bytes);
        expect(p).toHaveLength(10);
        for (const c of p) expect(ONE_TIME_PASSWORD.alphabet).toContain(c);
      }),
    );
    // Bytes 248..255 are never used: a source that gives only those and then 0 yields only the first sign.
    let calls = 0;
    expect(oneTimePassword((n) => new Uint8Array(n).fill(calls++ === 0 ? 250 : 0))).toBe('2222222222');
  });

  it('expires after the stated days', () => {
    const now = new Date('2022-03-15T03:00:00Z');
    expect(oneTimePasswordExpiry(now).toISOString()).toBe('2022-03-29T03:00:00.000Z');
  });
});
