import { readOrg, readOrgList } from './orgs.ts';
import type { Line } from './lines.ts';

/** Bounds of the sentence around `pos` (split at . ! ? and line breaks). */
export function sentenceBounds(text: string, pos: number): { start: number; end: number } {
  let s = pos;
  while (s > 0 && !/[!?\n]/.test(text[s - 1] as string) && !(text[s - 1] === '.' && /\s/.test(text[s] ?? ' '))) s--;
  let e = pos;
  while (e < text.length && !/[!?\n]/.test(text[e] as string) && !(text[e] === '.' && /\s|$/.test(text[e + 1] ?? ' '))) e++;
  return { start: s, end: e };
}

/** Bounds of the clause (between semicolons) around `pos` inside its sentence. */
export function clauseBounds(text: string, pos: number): { start: number; end: number } {
  const sb = sentenceBounds(text, pos);
  let s = pos;
  while (s > sb.start && text[s - 1] !== ';') s--;
  let e = pos;
  while (e < sb.end && text[e] !== ';') e++;
  return { start: s, end: e };
}

const HEADING = /^\s*(?:[IVX]+|\d+(?:\.\d+)*)\s*[-.)–]\s*(.+?)\s*$/u;
const LABEL = /^\s*[-+·•]?\s*(.{3,90}?)\s*:\s*\S/u;

/**
 * The body a passage is addressed to by its section: the nearest preceding numbered heading that
 * names a body ("1- Các chi, đảng bộ cơ sở", "2. Ban Tuyên giáo Đảng ủy") or a bullet label
 * ("- Ban Tuyên giáo Đảng ủy Khối: ..."), whichever is nearer.
 */
export function sectionActor(lines: Line[], lineIndex: number, bodyLine: number): string | null {
  for (let i = lineIndex; i >= bodyLine && i >= 0; i--) {
    const t = (lines[i] as Line).text;
    const h = HEADING.exec(t);
    if (h) {
      const inner = h[1] as string;
      const org = readOrgList(inner, 0);
      if (org && org.start === 0 && (org.end >= inner.length - 1 || inner.length < 90)) {
        return inner.slice(0, org.end).replace(/[:.]$/, '').trim();
      }
      if (!/^\s*\d+\.\d+/.test(t) && i !== lineIndex) return null;
    }
    const l = LABEL.exec(t);
    if (l) {
      const label = l[1] as string;
      const org = readOrg(label, 0);
      if (org && org.start === 0 && org.end >= label.length - 1) return org.text;
    }
  }
  return null;
}

/** Index of the line that contains offset `pos`. */
export function lineIndexAt(lines: Line[], pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as Line).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
