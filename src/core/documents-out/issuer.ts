/**
 * What a document says about the unit that issues it, derived from the tree: the issuer lines of
 * the header (the superior body, then the issuing body), the abbreviation of its number symbol,
 * the place of the date line, the collective that signs ("T/M BAN THƯỜNG VỤ") and the signer
 * taken from the unit's leaders, and the number to propose. The office can correct the texts in
 * the drafts that carry them; the number is proposed, never typed.
 */
import { isDomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import { UNIT_KINDS, type UnitKind } from '../org-tree/kinds.ts';
import type { OutgoingKind } from './kinds.ts';
import type { Signature } from './model.ts';
import { numberSymbol, proposeNextNumber, type IssuedNumber } from './numbering.ts';
import { profileForUnitKind, signatureCapacity, type OutgoingProfile } from './profiles.ts';

/** The parts of a document that come from its issuer and its day. */
export interface DocumentHeader {
  readonly profile: OutgoingProfile;
  readonly issuer: { readonly superior: readonly string[]; readonly body: readonly string[] };
  /** Number and symbol without "Số" (a blank sequence while not numbered). */
  readonly number: string;
  readonly place: string;
  readonly date: IsoDate;
}

export interface IssuingUnit {
  readonly id: string;
  readonly kind: UnitKind;
  readonly name: string;
  readonly shortName: string | null;
  readonly termStart?: IsoDate | null;
  readonly termEnd?: IsoDate | null;
}

export interface Leader {
  readonly fullName: string;
  /** Positions of the membership (core/org-tree/kinds.ts POSITIONS). */
  readonly positions: readonly string[];
}

const upper = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');

/** Splits a header line at spaces into lines of at most `max` characters ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN" / "VÀ DOANH NGHIỆP TỈNH"). */
export function breakLine(text: string, max = 26): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && `${cur} ${w}`.length > max) {
      lines.push(cur);
      cur = w;
    } else {
      cur = cur ? `${cur} ${w}` : w;
    }
  }
  if (cur) lines.push(cur);
  // A line does not end on a conjunction: "… CƠ QUAN VÀ" / "DOANH NGHIỆP" becomes "… CƠ QUAN" / "VÀ DOANH NGHIỆP".
  for (let i = 0; i < lines.length - 1; i++) {
    const m = /^(.+) (VÀ|VA|CỦA|VỚI)$/u.exec(lines[i]!);
    if (m) {
      lines[i] = m[1]!;
      lines[i + 1] = `${m[2]} ${lines[i + 1]}`;
    }
  }
  return lines;
}

const COMMITTEES: readonly UnitKind[] = ['central', 'province_committee', 'district_committee', 'bloc_committee'];

/**
 * The Party organisation (đảng bộ) a committee leads, as the superior line of a header names it:
 * "Tỉnh ủy Tuyên Quang" → "Đảng bộ tỉnh Tuyên Quang", "Đảng ủy Khối …" → "Đảng bộ Khối …",
 * "Thị ủy Kỳ Anh" → "Đảng bộ thị xã Kỳ Anh"; an "Đảng bộ …" or "Chi bộ …" stays as it is.
 */
export function partyOrganisationName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  const rules: Array<[RegExp, string]> = [
    [/^Tỉnh ủy\s+(?:tỉnh\s+)?/iu, 'Đảng bộ tỉnh '],
    [/^Thành ủy\s+(?:thành phố\s+)?/iu, 'Đảng bộ thành phố '],
    [/^Huyện ủy\s+(?:huyện\s+)?/iu, 'Đảng bộ huyện '],
    [/^Thị ủy\s+(?:thị xã\s+)?/iu, 'Đảng bộ thị xã '],
    [/^Quận ủy\s+(?:quận\s+)?/iu, 'Đảng bộ quận '],
    [/^Đảng ủy\s+/iu, 'Đảng bộ '],
  ];
  for (const [re, to] of rules) if (re.test(n)) return n.replace(re, to);
  return n;
}

/**
 * The issuer lines at the top left (upper case): the superior body, not bold, then the issuing
 * body, bold, broken into lines. Party units name the Party organisation above them ("ĐẢNG BỘ
 * TỈNH TUYÊN QUANG" over "ĐẢNG ỦY KHỐI CÁC CƠ QUAN…"); a provincial committee has no line above
 * it. State, Youth Union and mass units name their parent when it is of the same family.
 */
export function issuerLines(unit: Pick<IssuingUnit, 'kind' | 'name'>, parent: Pick<IssuingUnit, 'kind' | 'name'> | null): { superior: string[]; body: string[] } {
  const family = UNIT_KINDS[unit.kind].family;
  const body = breakLine(upper(unit.name));
  if (!parent || unit.kind === 'central' || unit.kind === 'province_committee' || unit.kind === 'youth_city') return { superior: [], body };
  if (UNIT_KINDS[parent.kind].family !== family) return { superior: [], body };
  if (family === 'party') {
    // A department writes under its committee's own name ("ĐẢNG ỦY KHỐI …" over "BAN TUYÊN GIÁO").
    const above = unit.kind === 'department' ? parent.name : partyOrganisationName(parent.name);
    return { superior: breakLine(upper(above), 30), body };
  }
  return { superior: breakLine(upper(parent.name), 30), body };
}

const DEFAULT_ABBREV: Readonly<Record<UnitKind, string>> = {
  central: 'TW',
  province_committee: 'TU',
  district_committee: 'HU',
  bloc_committee: 'ĐUK',
  department: 'VP',
  grassroots: 'ĐU',
  grassroots_cell: 'CB',
  sub_grassroots: 'ĐU',
  cell: 'CB',
  state_body: 'UBND',
  youth_city: 'TĐTN',
  youth_bloc: 'ĐTN',
  youth_grassroots: 'ĐTN',
  youth_cell: 'CĐ',
  mass_org: 'BCH',
};

/** The abbreviation of the number symbol: the unit's short name when it is one ("ĐUK", "TU", "UBND-VX"), else the usual one of its kind. */
export function issuerAbbrev(unit: Pick<IssuingUnit, 'kind' | 'shortName'>): string {
  const s = unit.shortName?.trim() ?? '';
  return /^\p{Lu}{1,8}(?:-\p{Lu}{1,8})*$/u.test(s) ? s : DEFAULT_ABBREV[unit.kind];
}

const PLACE_PREFIX = /^(?:Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy|Tỉnh Đoàn|Thành Đoàn|Ủy ban nhân dân)\s+/iu;
const PLACE_LEVEL = /^(?:tỉnh|huyện|thị xã|quận)\s+/u;
const PLACE_KINDS: readonly UnitKind[] = ['district_committee', 'province_committee', 'youth_city'];

/**
 * The place of the date line: the locality of the nearest district or provincial committee at or
 * above the unit ("Tỉnh ủy Tuyên Quang" → "Tuyên Quang", "Thị ủy Kỳ Anh" → "Kỳ Anh"). `chain` is
 * the unit's ancestors from the root down to the unit itself. Falls back to the root's name.
 */
export function placeOf(chain: readonly Pick<IssuingUnit, 'kind' | 'name'>[]): string {
  for (let i = chain.length - 1; i >= 0; i--) {
    const u = chain[i]!;
    if (PLACE_KINDS.includes(u.kind) && PLACE_PREFIX.test(u.name)) return u.name.trim().replace(PLACE_PREFIX, '').replace(PLACE_LEVEL, '');
  }
  const top = chain[0]?.name.trim() ?? '';
  return top.replace(PLACE_PREFIX, '').replace(PLACE_LEVEL, '') || top;
}

/** The body that signs on behalf of the unit: "Ban Thường vụ" (committees), "Đảng ủy", "Chi bộ", "Ban Chấp hành", "Ủy ban nhân dân"; null for a department. */
export function collectiveOf(kind: UnitKind): string | null {
  switch (kind) {
    case 'central':
      return 'Ban Chấp hành Trung ương';
    case 'province_committee':
    case 'district_committee':
    case 'bloc_committee':
    case 'youth_city':
    case 'youth_bloc':
      return 'Ban Thường vụ';
    case 'grassroots':
    case 'sub_grassroots':
      return 'Đảng ủy';
    case 'grassroots_cell':
    case 'cell':
      return 'Chi bộ';
    case 'youth_grassroots':
    case 'youth_cell':
    case 'mass_org':
      return 'Ban Chấp hành';
    case 'state_body':
      return 'Ủy ban nhân dân';
    case 'department':
      return null;
  }
}

/**
 * How the running text names the issuing body: "Ban Thường vụ Đảng ủy Khối các cơ quan và doanh
 * nghiệp tỉnh", "Đảng ủy Sở Tài chính" (of "Đảng bộ Sở Tài chính"), "Chi bộ Văn phòng".
 */
export function bodyName(unit: Pick<IssuingUnit, 'kind' | 'name'>): string {
  const name = unit.name.trim();
  if (COMMITTEES.includes(unit.kind) || unit.kind === 'youth_city' || unit.kind === 'youth_bloc') return `Ban Thường vụ ${name}`;
  if (unit.kind === 'grassroots' || unit.kind === 'sub_grassroots') return name.replace(/^Đảng bộ\s+/u, 'Đảng ủy ');
  return name;
}

const TITLE_OF_POSITION: Readonly<Record<string, string>> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
};

/**
 * The signature block from the unit's leaders: the secretary, else a deputy secretary, else the
 * head, signing on behalf of the unit's collective ("T/M BAN THƯỜNG VỤ" / "BÍ THƯ" / name).
 * Null when the unit has no such leader (the office names the signer in the draft).
 */
export function defaultSignature(unit: Pick<IssuingUnit, 'kind'>, leaders: readonly Leader[]): Signature | null {
  const profile = profileForUnitKind(unit.kind);
  const collective = collectiveOf(unit.kind);
  const pick = (pos: string) => leaders.find((l) => l.positions.includes(pos));
  const chosen = pick('secretary') ?? pick('deputy_secretary') ?? pick('head');
  if (!chosen) return null;
  const pos = chosen.positions.includes('secretary') ? 'secretary' : chosen.positions.includes('deputy_secretary') ? 'deputy_secretary' : 'head';
  const headTitle = profile === 'party' || profile === 'youth' ? 'Bí thư' : unit.kind === 'department' ? 'Trưởng ban' : 'Chủ tịch';
  const title = TITLE_OF_POSITION[pos] ?? headTitle;
  return {
    ...(collective ? { capacity: signatureCapacity(profile, collective) } : {}),
    title: title.toLocaleUpperCase('vi'),
    name: chosen.fullName.trim(),
  };
}

/** "Lưu Văn phòng ĐUK" for a committee with an office, "Lưu hồ sơ" otherwise: the file copy ending the Nơi nhận list. */
export function fileCopyLine(unit: Pick<IssuingUnit, 'kind' | 'shortName'>): string {
  return COMMITTEES.includes(unit.kind) ? `Lưu Văn phòng ${issuerAbbrev(unit)}` : 'Lưu hồ sơ';
}

export interface ProposedNumber {
  /** The sequence proposed; null when it cannot be (the committee's term is not known): the number is left blank. */
  readonly seq: number | null;
  /** Number and symbol without "Số", a blank in place of the sequence when `seq` is null. */
  readonly symbol: string;
  /** Why the number was left blank, for the office. */
  readonly note: string | null;
}

/**
 * The number to propose for a new document of `kind` dated `date` by `unit`, from the numbers it
 * has already issued (proposeNextNumber). A Party or Youth Union unit whose current term is not
 * known (no term, or `date` after its end) gets a blank number and a note, never a guess.
 */
export function proposeNumber(unit: IssuingUnit, kind: OutgoingKind, date: IsoDate, issued: readonly IssuedNumber[]): ProposedNumber {
  const profile: OutgoingProfile = profileForUnitKind(unit.kind);
  const issuerAbbrevText = issuerAbbrev(unit);
  try {
    const seq = proposeNextNumber(issued, { kind, date, profile, termStart: unit.termStart ?? null, termEnd: unit.termEnd ?? null });
    return { seq, symbol: numberSymbol({ seq, kind, issuerAbbrev: issuerAbbrevText, profile }), note: null };
  } catch (e) {
    if (!isDomainError(e) || (e.code !== 'DOCUMENT_TERM_REQUIRED' && e.code !== 'DOCUMENT_OUTSIDE_TERM')) throw e;
    return {
      seq: null,
      symbol: numberSymbol({ seq: null, kind, issuerAbbrev: issuerAbbrevText, profile }),
      note: 'Chưa xác định nhiệm kỳ hiện tại của cấp ủy nên chưa đề xuất được số văn bản; số để trống để văn phòng ghi khi ban hành.',
    };
  }
}

/** Reads the sequence of an issued number ("48-KH/ĐUK" → 48, "594/KH-UBND" → 594); null when it has none. */
export function seqOfNumber(number: string): number | null {
  const m = /^\s*(?:Số:?\s*)?0*(\d{1,6})\s*[-/]/u.exec(number);
  return m ? Number(m[1]) : null;
}
