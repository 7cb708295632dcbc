import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/**
 * argon2id at a lower cost for one-time passwords (docs/decisions/019): 1 MiB, two passes. They are
 * random (~49.5 bits, core/accounts/one-time-password.ts), expire within days and are replaced at
 * the first sign-in, so the cost that protects a chosen password against guessing buys nothing
 * here, while 150,000 of them must be hashed in minutes on two cores.
 */
export const ONE_TIME_HASH = { memoryCost: 1024, timeCost: 2, parallelism: 1 } as const;

export function hashOneTimePassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...ONE_TIME_HASH });
}

/**
 * Hashes many one-time passwords, as many at once as the machine has cores (each hash runs on a
 * thread of the pool, off the event loop), telling `onDone` how many are done as it goes.
 */
export async function hashOneTimePasswords(passwords: readonly string[], onDone: (done: number) => void = () => undefined): Promise<string[]> {
  const out = new Array<string>(passwords.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const i = next++;
      out[i] = await hashOneTimePassword(passwords[i]!);
      done++;
      if (done % 100 === 0 || done === passwords.length) onDone(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), passwords.length)) }, worker));
  return out;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not tell names apart. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-0000');
  return dummy;
}
