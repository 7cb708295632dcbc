/**
 * The three document formats the engine writes and which unit uses which. The unit's kind decides:
 * Party bodies write Party documents (36-HD/VPTW, then 05-HD/VPTW), state bodies and the other mass
 * organisations write the state format (Nghị định 30/2020/NĐ-CP), the Youth Union its own
 * (29-HD/TWĐTN-VP). See docs/decisions/004-party-document-format.md.
 */
import { UNIT_KINDS, type UnitKind } from '../org-tree/kinds.ts';

export type OutgoingProfile = 'party' | 'state' | 'youth';
export const OUTGOING_PROFILES: readonly OutgoingProfile[] = ['party', 'state', 'youth'];

/**
 * The profile a unit of this kind writes in. Mass organisations other than the Youth Union
 * (Công đoàn, Hội Phụ nữ, Hội Cựu chiến binh, MTTQ) are not Party bodies and may not head a
 * document "ĐẢNG CỘNG SẢN VIỆT NAM"; Nghị định 30/2020 tells political-social organisations to
 * apply it, and their own format rules keep its national header, so they take the state profile.
 */
export function profileForUnitKind(kind: UnitKind): OutgoingProfile {
  const family = UNIT_KINDS[kind].family;
  switch (family) {
    case 'party':
      return 'party';
    case 'youth':
      return 'youth';
    case 'state':
    case 'mass':
      return 'state';
  }
}

/** What does not change with the date: the heading words and the signs of each profile. */
export interface ProfileConventions {
  /** Lines at the top right: the Party's name, the national name and motto, the Union's name. */
  readonly headingLines: readonly string[];
  /** "Số " before a Party number, "Số: " before a state or Union number. */
  readonly numberPrefix: 'Số ' | 'Số: ';
  /** Signing on behalf of a collective body: "T/M" (Party), "TM." (state, Youth Union). */
  readonly onBehalf: 'T/M' | 'TM.';
  /** A deputy signing for the head: "K/T" (Party), "KT." (state, Youth Union). */
  readonly signingFor: 'K/T' | 'KT.';
  /** Prefix of a công văn's summary under its number. */
  readonly summaryPrefix: 'V/v';
}

export const PROFILE_CONVENTIONS: Readonly<Record<OutgoingProfile, ProfileConventions>> = {
  party: { headingLines: ['ĐẢNG CỘNG SẢN VIỆT NAM'], numberPrefix: 'Số ', onBehalf: 'T/M', signingFor: 'K/T', summaryPrefix: 'V/v' },
  state: {
    headingLines: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    numberPrefix: 'Số: ',
    onBehalf: 'TM.',
    signingFor: 'KT.',
    summaryPrefix: 'V/v',
  },
  youth: { headingLines: ['ĐOÀN TNCS HỒ CHÍ MINH'], numberPrefix: 'Số: ', onBehalf: 'TM.', signingFor: 'KT.', summaryPrefix: 'V/v' },
};

/**
 * The capacity line of a collective signature: signatureCapacity('party', 'Ban Thường vụ') →
 * "T/M BAN THƯỜNG VỤ"; ('state', 'Ủy ban nhân dân') → "TM. ỦY BAN NHÂN DÂN";
 * ('youth', 'Ban Thường vụ') → "TM. BAN THƯỜNG VỤ".
 */
export function signatureCapacity(profile: OutgoingProfile, collective: string): string {
  return `${PROFILE_CONVENTIONS[profile].onBehalf} ${collective.trim().toLocaleUpperCase('vi')}`;
}

/** The line of a deputy signing for the head: signingForLine('state', 'Chủ tịch') → "KT. CHỦ TỊCH". */
export function signingForLine(profile: OutgoingProfile, head: string): string {
  return `${PROFILE_CONVENTIONS[profile].signingFor} ${head.trim().toLocaleUpperCase('vi')}`;
}
