/**
 * Page set-up, fonts and sizes of each profile, as dated rules: the rule in force on a document's
 * date applies to it. When a guidance is replaced (the Party's 36-HD/VPTW by 05-HD/VPTW in 2026),
 * the switch is one entry in FORMAT_RULES. Sources and what could not be confirmed:
 * docs/decisions/004-party-document-format.md.
 */
import type { IsoDate } from '../ids.ts';
import type { OutgoingProfile } from './profiles.ts';

/** Sizes in points (the renderer writes half-points). */
export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** What stands under the issuer name or the title: a printed mark ("*", "-----") or a short rule. */
export type Mark = { readonly kind: 'text'; readonly text: string; readonly style: TextStyle } | { readonly kind: 'rule'; readonly widthMm: number };

export interface FormatRule {
  readonly profile: OutgoingProfile;
  /** The rule applies to documents dated on or after this day (and, for the first rule of a profile, before it too). */
  readonly from: IsoDate;
  readonly source: string;
  /** False when the layout is carried over from the previous rule until the new guidance's text is confirmed. */
  readonly confirmed: boolean;
  readonly note?: string;
  readonly font: 'Times New Roman';
  readonly page: {
    readonly widthMm: 210;
    readonly heightMm: 297;
    readonly marginMm: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
    /** Distance of the page number from the top edge. */
    readonly headerMm: number;
  };
  /** Page numbers: Arabic, top centre, from the second page on. */
  readonly pageNumber: TextStyle;
  /** Share of the text width given to the left header column (issuer, number). */
  readonly headerSplit: number;
  /** Styles of the heading lines at the top right, in the order of PROFILE_CONVENTIONS.headingLines. */
  readonly heading: readonly TextStyle[];
  readonly superior: TextStyle;
  readonly issuer: TextStyle;
  readonly issuerMark: Mark;
  readonly number: TextStyle;
  /** A công văn's "V/v …" summary under the number. */
  readonly summary: TextStyle;
  readonly dateLine: TextStyle;
  readonly kind: TextStyle;
  readonly title: TextStyle;
  readonly titleMark: Mark | null;
  readonly addressee: TextStyle;
  readonly body: TextStyle & { readonly firstLineIndentMm: number; readonly lineSpacingPt: number; readonly spacingBeforePt: number };
  /** Heading levels 1 ("I."), 2 ("1."), 3 ("1.1."). */
  readonly headings: readonly [TextStyle, TextStyle, TextStyle];
  readonly table: TextStyle;
  readonly recipientsLabel: TextStyle;
  readonly recipients: TextStyle;
  readonly signatureCapacity: TextStyle;
  readonly signatureTitle: TextStyle;
  readonly signatureName: TextStyle;
}

// 36-HD/VPTW (03/4/2018), Phụ lục "mẫu chữ và chi tiết trình bày thể thức văn bản của Đảng".
const PARTY_36: FormatRule = {
  profile: 'party',
  from: '2018-04-03' as IsoDate,
  source: 'Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức và kỹ thuật trình bày văn bản của Đảng',
  confirmed: true,
  font: 'Times New Roman',
  page: { widthMm: 210, heightMm: 297, marginMm: { top: 20, bottom: 20, left: 30, right: 15 }, headerMm: 10 },
  pageNumber: { size: 14 },
  headerSplit: 0.5,
  heading: [{ size: 15, bold: true, underline: true }],
  superior: { size: 14 },
  issuer: { size: 14, bold: true },
  issuerMark: { kind: 'text', text: '*', style: { size: 14 } },
  number: { size: 14 },
  summary: { size: 12, italic: true },
  dateLine: { size: 14, italic: true },
  kind: { size: 16, bold: true },
  title: { size: 14, bold: true },
  titleMark: { kind: 'text', text: '-----', style: { size: 14 } },
  addressee: { size: 14 },
  body: { size: 14, firstLineIndentMm: 10, lineSpacingPt: 18, spacingBeforePt: 6 },
  headings: [{ size: 14, bold: true }, { size: 14, bold: true }, { size: 14, bold: true, italic: true }],
  table: { size: 13 },
  // NOTE: the guidance prints "Nơi nhận" lower-case, upright, underlined, size 14 — not bold.
  recipientsLabel: { size: 14, underline: true },
  recipients: { size: 12 },
  signatureCapacity: { size: 14, bold: true },
  signatureTitle: { size: 14, bold: true },
  signatureName: { size: 14, bold: true },
};

const PARTY_05: FormatRule = {
  ...PARTY_36,
  from: '2026-05-27' as IsoDate,
  source: 'Hướng dẫn số 05-HD/VPTW năm 2026 của Văn phòng Trung ương Đảng (thay Hướng dẫn 36-HD/VPTW)',
  confirmed: false,
  note: 'Chưa có văn bản gốc của 05-HD/VPTW để đối chiếu; giữ cách trình bày của 36-HD/VPTW cho đến khi xác nhận.',
};

// Nghị định 30/2020/NĐ-CP (05/3/2020), Phụ lục I. Where it gives a range the lower bound is taken.
const STATE_30: FormatRule = {
  profile: 'state',
  from: '2020-03-05' as IsoDate,
  source: 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, Phụ lục I',
  confirmed: true,
  font: 'Times New Roman',
  page: { widthMm: 210, heightMm: 297, marginMm: { top: 20, bottom: 20, left: 30, right: 15 }, headerMm: 10 },
  pageNumber: { size: 13 },
  headerSplit: 0.4,
  heading: [{ size: 12, bold: true }, { size: 13, bold: true, underline: true }],
  superior: { size: 13 },
  issuer: { size: 13, bold: true },
  issuerMark: { kind: 'rule', widthMm: 22 },
  number: { size: 13 },
  summary: { size: 12 },
  dateLine: { size: 14, italic: true },
  kind: { size: 14, bold: true },
  title: { size: 14, bold: true },
  titleMark: { kind: 'rule', widthMm: 30 },
  addressee: { size: 14 },
  body: { size: 14, firstLineIndentMm: 10, lineSpacingPt: 18, spacingBeforePt: 6 },
  headings: [{ size: 14, bold: true }, { size: 14, bold: true }, { size: 14, bold: true, italic: true }],
  table: { size: 13 },
  recipientsLabel: { size: 12, bold: true, italic: true },
  recipients: { size: 11 },
  signatureCapacity: { size: 14, bold: true },
  signatureTitle: { size: 14, bold: true },
  signatureName: { size: 14, bold: true },
};

// Hướng dẫn 29-HD/TWĐTN-VP (29/10/2013) of the Youth Union's Central Secretariat.
const YOUTH_29: FormatRule = {
  ...PARTY_36,
  profile: 'youth',
  from: '2013-10-29' as IsoDate,
  source: 'Hướng dẫn số 29-HD/TWĐTN-VP ngày 29/10/2013 của Ban Bí thư Trung ương Đoàn về thể thức văn bản của Đoàn TNCS Hồ Chí Minh',
  confirmed: false,
  note: 'Lề trang, cỡ chữ tiêu đề và tên cơ quan lấy theo bản tóm tắt hướng dẫn; tên cơ quan cấp trên, số và ngày tháng cỡ 13 để tên dài của tổ chức Đoàn vừa một dòng; các thành phần khác theo cỡ chữ của văn bản Đảng.',
  page: { widthMm: 210, heightMm: 297, marginMm: { top: 20, bottom: 20, left: 30, right: 20 }, headerMm: 10 },
  headerSplit: 0.45,
  superior: { size: 13 },
  number: { size: 13 },
  dateLine: { size: 13, italic: true },
  issuerMark: { kind: 'text', text: '***', style: { size: 14 } },
  titleMark: { kind: 'text', text: '-----', style: { size: 14 } },
};

/** Every rule, oldest first within a profile. Adding a rule is adding an entry. */
export const FORMAT_RULES: readonly FormatRule[] = [PARTY_36, PARTY_05, STATE_30, YOUTH_29];

/**
 * The rule in force for a document of `profile` dated `date`: the latest rule whose `from` is not
 * after the date. A date before a profile's first rule takes that first rule (documents are
 * written now, in the current format, even when they carry an older date).
 */
export function formatRuleFor(profile: OutgoingProfile, date: IsoDate, rules: readonly FormatRule[] = FORMAT_RULES): FormatRule {
  const own = rules.filter((r) => r.profile === profile).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const first = own[0];
  if (!first) throw new RangeError(`Không có quy tắc trình bày cho ${profile}`);
  let found = first;
  for (const r of own) if (r.from <= date) found = r;
  return found;
}

/** Millimetres to twentieths of a point (Word's page units): mmToTwips(20) → 1134. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}
