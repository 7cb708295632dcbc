/**
 * Number and symbol of an outgoing document, and the next number to propose.
 * Party and Youth Union documents number each kind from 01 within a committee's term
 * (from the congress that elected it to the next); state documents number from 01 each calendar
 * year. Numbers are proposed, never typed: the office confirms them when the document is issued.
 */
import { DomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import type { OutgoingKind } from './kinds.ts';
import { PROFILE_CONVENTIONS, type OutgoingProfile } from './profiles.ts';

/** Printed in place of the sequence number of a document not yet numbered. */
export const BLANK_SEQ = '\u00a0'.repeat(5);

/** "01" … "09", then "10", "594": numbers below 10 take a leading zero. */
export function formatSeq(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Số văn bản phải là số nguyên dương, nhận ${seq}`);
  return seq < 10 ? `0${seq}` : String(seq);
}

export interface NumberSymbolInput {
  /** The sequence number; null while the document is a draft (a blank is printed). */
  readonly seq: number | null;
  readonly kind: OutgoingKind;
  /** The issuer's abbreviation, with the department after a hyphen where one drafts it: "ĐUK", "UBND", "UBND-VX", "TĐTN-BCNLĐ". */
  readonly issuerAbbrev: string;
  readonly profile: OutgoingProfile;
}

/**
 * The number and symbol without "Số": party and youth "60-BC/ĐUK", "133-KH/TĐTN-BCNLĐ";
 * state "594/KH-UBND", and for a công văn, which names no kind in the state form, "123/UBND-VX".
 * Throws RangeError for a sequence that is not a positive integer or an empty abbreviation.
 */
export function numberSymbol({ seq, kind, issuerAbbrev, profile }: NumberSymbolInput): string {
  const abbrev = issuerAbbrev.trim();
  if (!abbrev) throw new RangeError('Thiếu chữ viết tắt tên cơ quan ban hành');
  const n = seq === null ? BLANK_SEQ : formatSeq(seq);
  if (profile === 'state') return kind === 'CV' ? `${n}/${abbrev}` : `${n}/${kind}-${abbrev}`;
  return `${n}-${kind}/${abbrev}`;
}

/** The number line as printed: "Số 60-BC/ĐUK" (party), "Số: 594/KH-UBND" (state, youth). */
export function numberLine(profile: OutgoingProfile, symbol: string): string {
  return `${PROFILE_CONVENTIONS[profile].numberPrefix}${symbol}`;
}

export interface IssuedNumber {
  readonly kind: OutgoingKind | string;
  readonly seq: number;
  readonly date: IsoDate;
}

export interface NextNumberQuery {
  readonly kind: OutgoingKind;
  readonly date: IsoDate;
  readonly profile: OutgoingProfile;
  /** First day of the committee's term (party, youth): the day its congress closed. */
  readonly termStart?: IsoDate | null;
  /** Last day of the term, when it has ended (documents after it belong to the next term). */
  readonly termEnd?: IsoDate | null;
  /**
   * State numbering runs across all kinds of an office's documents in a year ("594/KH-UBND" is
   * the office's 594th document, not its 594th plan) unless the office numbers each kind apart.
   */
  readonly stateSequence?: 'all-kinds' | 'per-kind';
}

/**
 * The number to propose for a new document, given the numbers the issuer has already used:
 * party and youth — one more than the highest number of the same kind within the term that
 * contains `date` (01 for the first); state — one more than the highest number used in the
 * calendar year of `date` (per kind only when `stateSequence` is 'per-kind').
 * Throws DomainError DOCUMENT_TERM_REQUIRED for party and youth without `termStart`, and
 * DOCUMENT_OUTSIDE_TERM when `date` falls outside the given term.
 */
export function proposeNextNumber(existing: readonly IssuedNumber[], q: NextNumberQuery): number {
  let inScope: (n: IssuedNumber) => boolean;
  if (q.profile === 'state') {
    const year = q.date.slice(0, 4);
    const perKind = q.stateSequence === 'per-kind';
    inScope = (n) => n.date.slice(0, 4) === year && (!perKind || n.kind === q.kind);
  } else {
    const start = q.termStart;
    if (!start) {
      throw new DomainError('DOCUMENT_TERM_REQUIRED', 'Chưa xác định nhiệm kỳ của cấp ủy ban hành, nên chưa đề xuất được số văn bản (số đánh lại từ 01 mỗi nhiệm kỳ).');
    }
    const end = q.termEnd ?? null;
    if (q.date < start || (end !== null && q.date > end)) {
      throw new DomainError('DOCUMENT_OUTSIDE_TERM', 'Ngày văn bản nằm ngoài nhiệm kỳ đã cho.', { date: q.date, termStart: start, termEnd: end });
    }
    inScope = (n) => n.kind === q.kind && n.date >= start && (end === null || n.date <= end);
  }
  let max = 0;
  for (const n of existing) if (inScope(n) && n.seq > max) max = n.seq;
  return max + 1;
}
