/**
 * An outgoing document as plain data: what the renderer turns into a .docx in the format of its
 * profile. Plans, urging letters (công văn đôn đốc), task lists and consolidated reports are all
 * built as an OutgoingDocument; the helpers here decide the printed text (heading numbers, table
 * figures, recipient punctuation) so the renderer only lays it out.
 */
import { DomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import { formatViNumber, formatViPercent } from './format-vi.ts';
import { formatViDateLine } from '../text/dates.ts';
import { hasKindLine, isOutgoingKind, kindWord, type OutgoingKind } from './kinds.ts';
import { numberLine } from './numbering.ts';
import { OUTGOING_PROFILES, PROFILE_CONVENTIONS, type OutgoingProfile } from './profiles.ts';

/** A run of text with emphasis, inside a paragraph or a bullet. */
export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}
export type RichText = string | readonly Span[];

/** A figure in a table: a count ("2.909"), a share ("95,56%") or text, optionally bold (total rows). */
export type TableCell =
  | string
  | number
  | { readonly text: string; readonly bold?: boolean; readonly align?: 'left' | 'center' | 'right' }
  | { readonly count: number; readonly bold?: boolean }
  | { readonly percent: { readonly part: number; readonly whole: number }; readonly bold?: boolean };

export interface HeaderCell {
  readonly text: string;
  /** Columns this header cell spans (default 1). */
  readonly span?: number;
}

export type Block =
  /** A numbered heading. `number` undefined: numbered automatically (I., 1., 1.1.); null: unnumbered; a string: printed as given. */
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: string; readonly number?: string | null }
  | { readonly type: 'paragraph'; readonly text: RichText; readonly indent?: boolean }
  | { readonly type: 'bullets'; readonly items: readonly RichText[]; readonly marker?: '-' | '+' }
  | {
      readonly type: 'table';
      /** One or more header rows. */
      readonly header: readonly (readonly (string | HeaderCell)[])[];
      readonly rows: readonly (readonly TableCell[])[];
      /** Relative column widths (default: equal). */
      readonly widths?: readonly number[];
    };

export interface Signature {
  /** "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "TM. BAN THƯỜNG VỤ"; omitted when a person signs in their own right. */
  readonly capacity?: string;
  /** A deputy signing for the head: "KT. CHỦ TỊCH". */
  readonly signingFor?: string;
  /** "PHÓ BÍ THƯ", "PHÓ CHỦ TỊCH". */
  readonly title: string;
  readonly name: string;
}

export interface OutgoingDocument {
  readonly profile: OutgoingProfile;
  /** Issuer lines as printed at the top left, upper-case: the superior body (not bold) and the issuing body (bold). */
  readonly issuer: { readonly superior: readonly string[]; readonly body: readonly string[] };
  /** Number and symbol without "Số" ("60-BC/ĐUK"), from numberSymbol(). */
  readonly number: string;
  readonly place: string;
  readonly date: IsoDate;
  readonly kind: OutgoingKind;
  /** The summary (trích yếu), one string or the lines as they should break. For a công văn: the text after "V/v". */
  readonly title: string | readonly string[];
  /** "Kính gửi:" addressees of a công văn or tờ trình. */
  readonly addressees?: readonly string[];
  readonly body: readonly Block[];
  /** Recipients (Nơi nhận), without the leading "- "; the last is usually the file copy ("Lưu Văn phòng"). */
  readonly recipients: readonly string[];
  readonly signature: Signature;
}

/** Roman numerals for heading level 1: 1 → "I", 4 → "IV", 14 → "XIV". */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Không viết được ${n} bằng số La Mã`);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/**
 * The printed label of every heading, by block index: level 1 "I.", "II."; level 2 "1.", "2."
 * (restarting under each level-1 heading); level 3 "1.1.", "1.2.". An explicit `number` is printed
 * as given and does not move the counters; null prints none.
 */
export function headingLabels(blocks: readonly Block[]): Map<number, string | null> {
  const labels = new Map<number, string | null>();
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  blocks.forEach((b, i) => {
    if (b.type !== 'heading') return;
    if (b.number !== undefined) {
      labels.set(i, b.number);
      return;
    }
    if (b.level === 1) {
      h1 += 1;
      h2 = 0;
      h3 = 0;
      labels.set(i, `${toRoman(h1)}.`);
    } else if (b.level === 2) {
      h2 += 1;
      h3 = 0;
      labels.set(i, `${h2}.`);
    } else {
      h3 += 1;
      labels.set(i, `${Math.max(h2, 1)}.${h3}.`);
    }
  });
  return labels;
}

/** The heading as printed: "I. MỤC ĐÍCH, YÊU CẦU". */
export function headingText(label: string | null, text: string): string {
  return label ? `${label} ${text}` : text;
}

/** How a table cell prints: its text, its alignment (figures to the right) and weight. */
export function cellText(cell: TableCell): { text: string; numeric: boolean; bold: boolean; align: 'left' | 'center' | 'right' } {
  if (typeof cell === 'string') return { text: cell, numeric: false, bold: false, align: 'left' };
  if (typeof cell === 'number') return { text: formatViNumber(cell), numeric: true, bold: false, align: 'right' };
  if ('count' in cell) return { text: formatViNumber(cell.count), numeric: true, bold: !!cell.bold, align: 'right' };
  if ('percent' in cell) return { text: formatViPercent(cell.percent.part, cell.percent.whole), numeric: true, bold: !!cell.bold, align: 'right' };
  return { text: cell.text, numeric: false, bold: !!cell.bold, align: cell.align ?? 'left' };
}

/**
 * Recipient lines as printed under "Nơi nhận:": each starts with "- ", every line but the last
 * ends with ";", the last with ".". Punctuation already typed is kept, not doubled.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const items = recipients.map((r) => r.trim().replace(/^[-–+•]\s*/, '').replace(/[;,.]+$/, '')).filter(Boolean);
  return items.map((r, i) => `- ${r}${i === items.length - 1 ? '.' : ';'}`);
}

/** The title as lines (a string is one line; the renderer lets it wrap). */
export function titleLines(doc: Pick<OutgoingDocument, 'title'>): string[] {
  return (typeof doc.title === 'string' ? [doc.title] : [...doc.title]).map((l) => l.trim()).filter(Boolean);
}

/** The summary of a công văn as printed under its number: "V/v đôn đốc báo cáo …". */
export function summaryLine(doc: Pick<OutgoingDocument, 'profile' | 'title'>): string {
  const text = titleLines(doc).join(' ').replace(/^V\/v\s*/i, '');
  return `${PROFILE_CONVENTIONS[doc.profile].summaryPrefix} ${text}`;
}

/** Everything the header and footer print, as text: what a reader sees before the body and after it. */
export function printedParts(doc: OutgoingDocument): {
  heading: readonly string[];
  issuer: readonly string[];
  number: string;
  summary: string | null;
  dateLine: string;
  kind: string | null;
  title: string[];
  recipients: string[];
  signature: string[];
} {
  const cv = !hasKindLine(doc.kind);
  const s = doc.signature;
  return {
    heading: PROFILE_CONVENTIONS[doc.profile].headingLines,
    issuer: [...doc.issuer.superior, ...doc.issuer.body],
    number: numberLine(doc.profile, doc.number),
    summary: cv ? summaryLine(doc) : null,
    dateLine: formatViDateLine(doc.place, doc.date),
    kind: cv ? null : kindWord(doc.kind),
    title: cv ? [] : titleLines(doc),
    recipients: recipientLines(doc.recipients),
    signature: [s.capacity, s.signingFor, s.title, s.name].filter((x): x is string => !!x && x.trim() !== ''),
  };
}

/**
 * Checks what every document needs before it is rendered: a known profile and kind, an issuing
 * body, a number, a place, a title, recipients and a signer. Throws DomainError DOCUMENT_INCOMPLETE
 * naming the first missing part.
 */
export function assertDocumentComplete(doc: OutgoingDocument): void {
  const missing = (what: string) => {
    throw new DomainError('DOCUMENT_INCOMPLETE', `Văn bản còn thiếu ${what}.`, { missing: what });
  };
  if (!OUTGOING_PROFILES.includes(doc.profile)) missing('thể thức (Đảng, nhà nước, Đoàn)');
  if (!isOutgoingKind(doc.kind)) missing('tên loại văn bản');
  if (doc.issuer.body.every((l) => !l.trim())) missing('tên cơ quan ban hành');
  if (!doc.number.trim()) missing('số và ký hiệu');
  if (!doc.place.trim()) missing('địa danh');
  if (titleLines(doc).length === 0) missing(hasKindLine(doc.kind) ? 'trích yếu nội dung' : 'trích yếu công văn (V/v)');
  if (recipientLines(doc.recipients).length === 0) missing('nơi nhận');
  if (!doc.signature.title.trim() || !doc.signature.name.trim()) missing('chức vụ và họ tên người ký');
  for (const b of doc.body) {
    if (b.type !== 'table') continue;
    const cols = b.header[0]?.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.span ?? 1)), 0) ?? 0;
    if (cols === 0) missing('dòng tiêu đề của bảng');
    if (b.rows.some((r) => r.length !== cols)) missing(`ô trong bảng (mỗi dòng cần ${cols} ô)`);
  }
}
