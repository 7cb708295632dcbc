/**
 * One-time passwords (docs/decisions/018): 10 characters drawn uniformly from an alphabet without
 * look-alikes — digits 2–9 and the lower-case letters but i, l and o, 31 signs — so about 49.5
 * bits, read off a printed slip without confusing 0 with O or 1 with l.
 */
export const ONE_TIME_PASSWORD = {
  alphabet: '23456789abcdefghjkmnpqrstuvwxyz',
  length: 10,
  /** Days a one-time password may be used to sign in; it must then be changed. */
  validDays: 14,
} as const;

/** Random bytes from a cryptographic source (the Web Crypto API of Node and of browsers by default). */
export type RandomBytes = (n: number) => Uint8Array;

const cryptoBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/**
 * A fresh one-time password. Bytes are drawn by rejection (a byte of 248 or more is thrown away,
 * 248 being the largest multiple of 31 under 256), so every sign is equally likely.
 */
export function oneTimePassword(random: RandomBytes = cryptoBytes): string {
  const { alphabet, length } = ONE_TIME_PASSWORD;
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const b of random(length * 2)) {
      if (b >= limit) continue;
      out += alphabet[b % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** The moment a one-time password given at `now` stops opening a session. */
export function oneTimePasswordExpiry(now: Date): Date {
  return new Date(now.getTime() + ONE_TIME_PASSWORD.validDays * 86_400_000);
}
