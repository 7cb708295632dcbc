import { findDeadlines } from './find.ts';
import type { Due } from './types.ts';

export interface ParseDueContext {
  /** Year for expressions that leave it out ("cuối quý II", "6 tháng đầu năm"). */
  year?: number | null;
}

/**
 * Parses one deadline expression ("trước ngày 31/3/2022", "quý I/2022", "hằng năm",
 * "từ tháng 4 đến tháng 11/2022") into a Due. Returns null when the text names no time,
 * or when it needs a year that neither it nor `ctx` gives.
 */
export function parseDue(text: string, ctx: ParseDueContext = {}): Due | null {
  const t = text.normalize('NFC');
  const hits = findDeadlines(t, { docYear: ctx.year ?? null, lenient: true });
  if (hits.length === 0) return null;
  // The widest expression is the one the caller meant; "cuối năm (tháng 11/2022)" is one hit.
  const best = hits.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return best.due;
}
