import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignUsernames, usernameBase, USERNAME_SCHEME } from './usernames.ts';

describe('usernameBase', () => {
  it('folds diacritics and đ, lower-cases, keeps letters and digits only', () => {
    expect(usernameBase('Nguyễn Văn An')).toBe('nguyenvanan');
    expect(usernameBase('Đặng Thị Ánh Tuyết')).toBe('dangthianhtuyet');
    expect(usernameBase('  Lê-Hoàng  O’Brien 2 ')).toBe('lehoangobrien2');
    expect(usernameBase('Ưng Hoàng Phúc')).toBe('unghoangphuc');
  });
  it('falls back when a name has no letter, and cuts long names', () => {
    expect(usernameBase('—')).toBe(USERNAME_SCHEME.fallback);
    expect(usernameBase('Nguyễn '.repeat(20))).toHaveLength(USERNAME_SCHEME.maxBase);
  });
});

describe('assignUsernames', () => {
  it('numbers duplicates from 2 against the names taken and within the batch', () => {
    const taken = new Set(['nguyenvanan', 'nguyenvanan3']);
    expect(assignUsernames(['Nguyễn Văn An', 'Nguyễn Văn Ấn', 'Trần Bình', 'Nguyen Van An', 'Trần Bình'], taken)).toEqual([
      'nguyenvanan2',
      'nguyenvanan4',
      'tranbinh',
      'nguyenvanan5',
      'tranbinh2',
    ]);
    expect(taken.size).toBe(2);
  });
  it('numbers a name shorter than three letters from 1', () => {
    expect(assignUsernames(['Út', 'Út', 'Ân', 'Đ', 'Đ'], new Set(['ut1']))).toEqual(['ut2', 'ut3', 'an1', 'd01', 'd02']);
  });

  const name = fc
    .array(fc.constantFrom('Nguyễn', 'Văn', 'An', 'Ấn', 'Đ', 'Út', 'Lê', 'Thị', '2', '-', ' ', 'ĐẶNG', 'Ơ'), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(' '));

  it('gives every person a unique, well-formed name not taken, built on the base', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), fc.array(name, { maxLength: 30 }), (names, takenNames) => {
        const taken = new Set(assignUsernames(takenNames, new Set()));
        const out = assignUsernames(names, taken);
        expect(out).toHaveLength(names.length);
        expect(new Set(out).size).toBe(out.length);
        out.forEach((u, i) => {
          expect(taken.has(u)).toBe(false);
          expect(u).toMatch(/^[a-z0-9]{3,60}$/);
          const base = usernameBase(names[i]!);
          expect(u.startsWith(base)).toBe(true);
          expect(u.slice(base.length)).toMatch(/^(|0*[1-9]\d*)$/);
          if (base.length < 3) expect(u).not.toBe(base);
        });
      }),
    );
  });

  it('gives the first of a base its plain name when free, and is the same for the same input', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        const out = assignUsernames(names, new Set());
        expect(assignUsernames(names, new Set())).toEqual(out);
        const seen = new Set<string>();
        names.forEach((n, i) => {
          const base = usernameBase(n);
          if (base.length >= 3 && !seen.has(base)) expect(out[i]).toBe(base);
          seen.add(base);
        });
      }),
    );
  });
});
