import { foldDiacritics } from '../text/fold.ts';

/**
 * The user-name scheme of accounts created in bulk: the full name with its diacritics folded
 * (đ → d), in lower case, letters a–z and digits only — "Nguyễn Văn An" → "nguyenvanan". When
 * that name is taken (by an existing account, whatever its case, or earlier in the same batch)
 * the next free number is added: nguyenvanan2, nguyenvanan3… A name of fewer than three letters
 * never stands alone: it is numbered from 1, the number padded with zeros to make three characters
 * ("Út" → ut1, "Đ" → d01); a name with no letter at all becomes
 * "dangvien". Names are cut to 50 characters before numbering, so every user name fits the 60
 * characters an account allows.
 */
export const USERNAME_SCHEME = {
  maxBase: 50,
  minLength: 3,
  fallback: 'dangvien',
} as const;

/** The base of a person's user name, before numbering. */
export function usernameBase(fullName: string): string {
  const letters = foldDiacritics(fullName).replace(/[^a-z0-9]/g, '');
  return (letters || USERNAME_SCHEME.fallback).slice(0, USERNAME_SCHEME.maxBase);
}

/**
 * User names for `fullNames`, in order, by the scheme: none of them in `taken` (lower case), none
 * twice. `taken` is not changed.
 */
export function assignUsernames(fullNames: readonly string[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  /** The last number given to a base in this batch: the search goes on from there. */
  const next = new Map<string, number>();
  return fullNames.map((fullName) => {
    const base = usernameBase(fullName);
    const short = base.length < USERNAME_SCHEME.minLength;
    let name = short ? '' : base;
    if (short || used.has(name)) {
      const numbered = (n: number) => `${base}${String(n).padStart(USERNAME_SCHEME.minLength - base.length, '0')}`;
      let n = next.get(base) ?? (short ? 1 : 2);
      while (used.has(numbered(n))) n++;
      name = numbered(n);
      next.set(base, n + 1);
    }
    used.add(name);
    return name;
  });
}
