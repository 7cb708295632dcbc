import { kindFromSymbol, kindFromWord, type DocumentKind } from './kinds.ts';
import { isoDate, type IsoDate } from '../ids.ts';

/** A document number and symbol as printed, without "Số" and without spaces: "48-KH/ĐUK". */
export type DocNumber = string & { readonly __brand: 'DocNumber' };

export interface DocRef {
  kind: DocumentKind | string;
  number: DocNumber;
  date: IsoDate | null;
}

const L = '\\p{Lu}';
/** Party form "48-KH/ĐUK", "01 - KL/TW", "05-Qđi/ThU" (spaces tolerated around the signs). */
export const PARTY_NUMBER = `(\\d{1,5}[a-z]?)[ ]{0,2}-[ ]{0,2}(${L}[\\p{L}]{0,5})[ ]{0,2}\\/[ ]{0,2}(${L}[\\p{L}\\d]*(?:-${L}[\\p{L}\\d]*)*)`;
/** State form "594/KH-UBND", "130/2020/NĐ-CP", "15/2020/QĐ-TTg", "123/UBND-VX". */
export const STATE_NUMBER = `(\\d{1,5})(?:[ ]?\\/[ ]?((?:19|20)\\d{2}))?[ ]?\\/[ ]?(${L}[\\p{L}]{0,7})[ ]?-[ ]?(${L}[\\p{L}\\d]*(?:-${L}[\\p{L}\\d]*)*)`;

const PARTY_RE = new RegExp(`^${PARTY_NUMBER}$`, 'u');
const STATE_RE = new RegExp(`^${STATE_NUMBER}$`, 'u');

/** Removes every space from a printed number: "60 -KH/ĐUK" → "60-KH/ĐUK". */
export function compactNumber(printed: string): DocNumber {
  return printed.normalize('NFC').replace(/\s+/g, '') as DocNumber;
}

/**
 * The kind a number's symbol names: the segment before the slash in the Party form, the first
 * segment after the slashes in the state form. Null when the symbol names no kind ("123/UBND-VX").
 */
export function kindOfNumber(printed: string): DocumentKind | null {
  const n = compactNumber(printed);
  const p = PARTY_RE.exec(n);
  if (p) return kindFromSymbol(p[2] as string);
  const s = STATE_RE.exec(n);
  if (s) return kindFromSymbol(s[3] as string);
  return null;
}

const DATE_AFTER = /^\s*[,;]?\s*(?:ban hành\s+)?(?:ngày|ngay)\s+(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4})/iu;

/** Reads "ngày 25/10/2021" or "ngày 28 tháng 7 năm 2021" at the start of `s` (after an optional comma). */
export function readDateAfter(s: string): { date: IsoDate; length: number } | null {
  const m = DATE_AFTER.exec(s);
  if (!m) return null;
  const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return date ? { date, length: m[0].length } : null;
}

const WORD_THEN_NUMBER = new RegExp(
  `^\\s*(?:(?<word>[\\p{L} ]+?)\\s+)?(?:số|Số|SỐ)?\\s*:?\\s*(?<num>${PARTY_NUMBER}|${STATE_NUMBER}|\\d{1,5})(?<rest>.*)$`,
  'su',
);

/**
 * Parses one printed reference: "Số 48-KH/ĐUK", "Số: 594/KH-UBND", "130/2020/NĐ-CP",
 * "Kết luận số 21-KL/TW, ngày 25/10/2021". Returns null when no number is found.
 * The kind comes from the symbol when it names one, else from the word before the number.
 */
export function parseDocNumber(text: string): DocRef | null {
  const m = WORD_THEN_NUMBER.exec(text.normalize('NFC'));
  if (!m?.groups) return null;
  const num = compactNumber(m.groups.num as string);
  const word = (m.groups.word ?? '').trim();
  const kind = kindOfNumber(num) ?? (word ? kindFromWord(word) : null);
  if (!kind) return null;
  const date = readDateAfter(m.groups.rest ?? '')?.date ?? null;
  return { kind, number: num, date };
}
