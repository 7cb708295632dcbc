import { foldDiacritics } from './fold.ts';

/** Lower-case word tokens (letters and digits) of a text, NFC, diacritics kept. */
export function wordTokens(s: string): string[] {
  return s.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word tokens with diacritics folded away, for lenient matching. */
export function foldedTokens(s: string): string[] {
  return wordTokens(foldDiacritics(s));
}

/**
 * Token-level F1 between two texts (multiset overlap of lower-case tokens).
 * Two empty texts agree fully; one empty text against a non-empty one scores 0.
 */
export function tokenF1(a: string, b: string): number {
  return wordsF1(wordTokens(a), wordTokens(b));
}

/** F1 of the multiset overlap of two lists of words (as `tokenF1`, on words already split). */
export function wordsF1(ta: readonly string[], tb: readonly string[]): number {
  if (ta.length === 0 && tb.length === 0) return 1;
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}
