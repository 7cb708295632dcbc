import { describe, it, expect } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { UNIT_KIND_NAMES, UNIT_KINDS } from '../org-tree/kinds.ts';
import { FORMAT_RULES, formatRuleFor, mmToTwips, type FormatRule } from './format-rules.ts';
import { hasKindLine, isOutgoingKind, kindWord, OUTGOING_KIND_NAMES } from './kinds.ts';
import { PROFILE_CONVENTIONS, profileForUnitKind, signatureCapacity, signingForLine } from './profiles.ts';

const d = (s: string) => s as IsoDate;

describe('profileForUnitKind', () => {
  it.each([
    ['central', 'party'],
    ['province_committee', 'party'],
    ['district_committee', 'party'],
    ['bloc_committee', 'party'],
    ['department', 'party'],
    ['grassroots', 'party'],
    ['grassroots_cell', 'party'],
    ['sub_grassroots', 'party'],
    ['cell', 'party'],
    ['state_body', 'state'],
    ['youth_city', 'youth'],
    ['youth_bloc', 'youth'],
    ['youth_grassroots', 'youth'],
    ['youth_cell', 'youth'],
    ['mass_org', 'state'],
  ] as const)('%s → %s', (kind, profile) => {
    expect(profileForUnitKind(kind)).toBe(profile);
  });

  it('covers every unit kind, and gives the Party format only to Party units', () => {
    for (const k of UNIT_KIND_NAMES) {
      const p = profileForUnitKind(k);
      expect(p === 'party').toBe(UNIT_KINDS[k].family === 'party');
    }
  });
});

describe('conventions and signatures', () => {
  it('heads each profile with its own words', () => {
    expect(PROFILE_CONVENTIONS.party.headingLines).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(PROFILE_CONVENTIONS.state.headingLines).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(PROFILE_CONVENTIONS.youth.headingLines).toEqual(['ĐOÀN TNCS HỒ CHÍ MINH']);
  });

  it.each([
    ['party', 'Ban Thường vụ', 'T/M BAN THƯỜNG VỤ'],
    ['party', 'Đảng ủy', 'T/M ĐẢNG ỦY'],
    ['party', 'chi bộ', 'T/M CHI BỘ'],
    ['state', 'Ủy ban nhân dân', 'TM. ỦY BAN NHÂN DÂN'],
    ['youth', 'Ban Thường vụ', 'TM. BAN THƯỜNG VỤ'],
  ] as const)('%s signs for %s as %s', (profile, body, line) => {
    expect(signatureCapacity(profile, body)).toBe(line);
  });

  it('writes the deputy line with the profile sign', () => {
    expect(signingForLine('state', 'Chủ tịch')).toBe('KT. CHỦ TỊCH');
    expect(signingForLine('party', 'Trưởng ban')).toBe('K/T TRƯỞNG BAN');
    expect(signingForLine('youth', 'Bí thư')).toBe('KT. BÍ THƯ');
  });
});

describe('kinds', () => {
  it('names each kind and prints no kind line for a công văn', () => {
    expect(kindWord('BC')).toBe('BÁO CÁO');
    expect(kindWord('KH')).toBe('KẾ HOẠCH');
    expect(kindWord('CV')).toBe('CÔNG VĂN');
    expect(kindWord('QĐi')).toBe('QUY ĐỊNH');
    expect(kindWord('QyĐ')).toBe('QUY ĐỊNH');
    expect(hasKindLine('CV')).toBe(false);
    for (const k of OUTGOING_KIND_NAMES) {
      if (k !== 'CV') expect(hasKindLine(k)).toBe(true);
      expect(kindWord(k)).toBe(kindWord(k).toLocaleUpperCase('vi'));
    }
    expect(isOutgoingKind('KH')).toBe(true);
    expect(isOutgoingKind('toString')).toBe(false);
    expect(isOutgoingKind('XYZ')).toBe(false);
  });
});

describe('formatRuleFor', () => {
  it('gives Party documents of 2018-2026 the 36-HD/VPTW layout', () => {
    const r = formatRuleFor('party', d('2022-04-18'));
    expect(r.source).toContain('36-HD/VPTW');
    expect(r.confirmed).toBe(true);
    expect(r.page.marginMm).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(r.font).toBe('Times New Roman');
    expect(r.heading[0]).toEqual({ size: 15, bold: true, underline: true });
    expect(r.issuer).toEqual({ size: 14, bold: true });
    expect(r.superior).toEqual({ size: 14 });
    expect(r.number.size).toBe(14);
    expect(r.dateLine).toEqual({ size: 14, italic: true });
    expect(r.kind).toEqual({ size: 16, bold: true });
    expect(r.title.bold).toBe(true);
    expect(r.recipientsLabel).toMatchObject({ size: 14, underline: true });
    expect(r.recipients.size).toBe(12);
    expect(r.pageNumber.size).toBe(14);
  });

  it('switches to the 05-HD/VPTW entry for documents from its date, keeping the 36-HD layout until confirmed', () => {
    const before = formatRuleFor('party', d('2026-05-26'));
    const after = formatRuleFor('party', d('2026-05-27'));
    expect(before.source).toContain('36-HD/VPTW');
    expect(after.source).toContain('05-HD/VPTW');
    expect(after.confirmed).toBe(false);
    expect(after.note).toBeTruthy();
    const { source: _s, from: _f, confirmed: _c, note: _n, ...layoutAfter } = after;
    const { source: _s2, from: _f2, confirmed: _c2, note: _n2, ...layoutBefore } = before;
    expect(layoutAfter).toEqual(layoutBefore);
    expect(formatRuleFor('party', d('2030-01-01')).source).toContain('05-HD/VPTW');
  });

  it('gives state documents the Nghị định 30/2020 sizes', () => {
    const r = formatRuleFor('state', d('2022-04-18'));
    expect(r.source).toContain('30/2020/NĐ-CP');
    expect(r.heading).toEqual([{ size: 12, bold: true }, { size: 13, bold: true, underline: true }]);
    expect(r.issuerMark).toEqual({ kind: 'rule', widthMm: 22 });
    expect(r.number.size).toBe(13);
    expect(r.recipientsLabel).toEqual({ size: 12, bold: true, italic: true });
    expect(r.recipients.size).toBe(11);
    const m = r.page.marginMm;
    expect(m.top).toBeGreaterThanOrEqual(20);
    expect(m.top).toBeLessThanOrEqual(25);
    expect(m.left).toBeGreaterThanOrEqual(30);
    expect(m.left).toBeLessThanOrEqual(35);
    expect(m.right).toBeGreaterThanOrEqual(15);
    expect(m.right).toBeLessThanOrEqual(20);
  });

  it('gives the Youth Union its heading and "***"', () => {
    const r = formatRuleFor('youth', d('2022-04-27'));
    expect(r.source).toContain('29-HD/TWĐTN-VP');
    expect(r.issuerMark).toMatchObject({ kind: 'text', text: '***' });
    expect(r.heading[0]).toMatchObject({ size: 15, bold: true });
  });

  it('takes the first rule of a profile for dates before it', () => {
    expect(formatRuleFor('party', d('2010-01-01')).source).toContain('36-HD/VPTW');
    expect(formatRuleFor('state', d('2015-01-01')).source).toContain('30/2020/NĐ-CP');
  });

  it('is driven by data: a new dated entry takes over from its date', () => {
    const next: FormatRule = { ...formatRuleFor('party', d('2026-06-01')), from: d('2027-01-01'), source: 'test', confirmed: true, kind: { size: 15, bold: true } };
    const rules = [...FORMAT_RULES, next];
    expect(formatRuleFor('party', d('2026-12-31'), rules).source).toContain('05-HD/VPTW');
    expect(formatRuleFor('party', d('2027-01-01'), rules).kind.size).toBe(15);
    expect(() => formatRuleFor('party', d('2022-01-01'), [])).toThrow(RangeError);
  });

  it('keeps every rule on A4 in Times New Roman with the heading styles its profile needs', () => {
    for (const r of FORMAT_RULES) {
      expect([r.page.widthMm, r.page.heightMm]).toEqual([210, 297]);
      expect(r.font).toBe('Times New Roman');
      expect(r.heading).toHaveLength(PROFILE_CONVENTIONS[r.profile].headingLines.length);
      expect(r.headerSplit).toBeGreaterThan(0.3);
      expect(r.headerSplit).toBeLessThan(0.6);
    }
  });

  it('converts millimetres to twips', () => {
    expect(mmToTwips(20)).toBe(1134);
    expect(mmToTwips(30)).toBe(1701);
    expect(mmToTwips(15)).toBe(850);
    expect(mmToTwips(210)).toBe(11906);
    expect(mmToTwips(297)).toBe(16838);
  });
});
