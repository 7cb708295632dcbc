import { KIND_WORD_SOURCE, kindFromWord, type DocumentKind } from './kinds.ts';
import { PARTY_NUMBER, STATE_NUMBER, compactNumber, kindOfNumber, readDateAfter, type DocNumber } from './number.ts';
import type { IsoDate } from '../ids.ts';

/** One citation of another document, found in running text. */
export interface Citation {
  kind: DocumentKind | string;
  number: DocNumber;
  date: IsoDate | null;
  /** Span of the whole citation (kind word, number, date) in the searched text. */
  start: number;
  end: number;
  /** Where the cited document's description ("của ... về ...") stops: the next ; . ( : or line end. */
  clauseEnd: number;
  /** True when only a bare number was given ("Quy định số 37"). */
  bare: boolean;
}

const WORD = `(?<word>${KIND_WORD_SOURCE})`;
// A kind word may be followed by "số", a colon, or nothing; the number is what identifies a citation.
const FULL = new RegExp(
  `(?:${WORD}[ ]+(?:(?:số|Số)[ ]*:?[ ]*)?|(?<so>(?:số|Số|SỐ)[ ]*:?[ ]*))?(?<![\\p{L}\\d/-])(?<num>${PARTY_NUMBER}|${STATE_NUMBER})(?![\\p{L}\\d])`,
  'giu',
);
const BARE = new RegExp(`${WORD}[ ]+số[ ]+(?<num>\\d{1,5})(?![\\d\\p{L}/-])`, 'giu');

function clauseEndFrom(text: string, from: number): number {
  // Only a description that follows the citation ("của ...", "về ...", a quoted title) belongs to it.
  if (!/^\s*,?\s*(?:của|về|“|"|\(khóa|\(khoá)/iu.test(text.slice(from, from + 12))) return from;
  const re = /[;.(:\n]/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/**
 * Every citation of a numbered document in `text`, in order. The kind comes from the number's
 * symbol when it names one ("890-QĐi/TU" is a QĐi even after the word "Quy định"), else from the
 * kind word before it. A date directly after the number ("ngày 25/10/2021", ", ngày 28 tháng 7
 * năm 2021") belongs to the citation.
 */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  const taken: Array<[number, number]> = [];
  FULL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FULL.exec(text)) !== null) {
    const g = m.groups ?? {};
    const printed = g.num as string;
    const number = compactNumber(printed);
    const wordKind = g.word ? kindFromWord(g.word) : null;
    const kind = kindOfNumber(number) ?? wordKind;
    if (!kind) continue;
    // A state number with no kind in its symbol needs a kind word ("Công văn số 12/UBND-VX").
    let end = m.index + m[0].length;
    const after = readDateAfter(text.slice(end, end + 60));
    const date = after?.date ?? null;
    if (after) end += after.length;
    out.push({ kind, number, date, start: m.index, end, clauseEnd: clauseEndFrom(text, end), bare: false });
    taken.push([m.index, end]);
  }
  BARE.lastIndex = 0;
  while ((m = BARE.exec(text)) !== null) {
    const g = m.groups ?? {};
    const kind = kindFromWord(g.word as string);
    if (!kind) continue;
    const s = m.index;
    if (taken.some(([a, b]) => s < b && a < s + m![0].length)) continue;
    let end = s + m[0].length;
    const after = readDateAfter(text.slice(end, end + 60));
    if (after) end += after.length;
    out.push({ kind, number: g.num as DocNumber, date: after?.date ?? null, start: s, end, clauseEnd: clauseEndFrom(text, end), bare: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Key under which two citations are the same document. */
export function citationKey(c: { kind: string; number: string }): string {
  return `${c.kind}|${compactNumber(c.number).toUpperCase()}`;
}

/**
 * Distinct documents cited, in order of first citation. A bare number ("Quy định số 37") is
 * folded into a full citation of the same kind and number ("37-QĐ/TW") when one exists; a later
 * citation fills in a date the first one lacked.
 */
export function distinctCitations(cs: Citation[], exclude?: string | null): Array<{ kind: string; number: DocNumber; date: IsoDate | null }> {
  const full = cs.filter((c) => !c.bare);
  const out = new Map<string, { kind: string; number: DocNumber; date: IsoDate | null }>();
  const excl = exclude ? compactNumber(exclude).toUpperCase() : null;
  for (const c of cs) {
    if (excl && compactNumber(c.number).toUpperCase() === excl) continue;
    if (c.bare && full.some((f) => f.kind === c.kind && new RegExp(`^0*${Number(c.number)}[-/]`).test(f.number))) continue;
    const key = citationKey(c);
    const prev = out.get(key);
    if (!prev) out.set(key, { kind: c.kind, number: c.number, date: c.date });
    else if (!prev.date && c.date) prev.date = c.date;
  }
  return [...out.values()];
}
