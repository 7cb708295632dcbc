import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { bodyName, breakLine, defaultSignature, fileCopyLine, issuerAbbrev, issuerLines, partyOrganisationName, placeOf, proposeNumber, seqOfNumber } from './issuer.ts';

const d = (s: string) => s as IsoDate;

describe('the issuer of a document, from the tree', () => {
  it('names the Party organisation above a committee in the superior line', () => {
    expect(partyOrganisationName('Tỉnh ủy Tuyên Quang')).toBe('Đảng bộ tỉnh Tuyên Quang');
    expect(partyOrganisationName('Thành ủy Thành phố Hồ Chí Minh')).toBe('Đảng bộ thành phố Hồ Chí Minh');
    expect(partyOrganisationName('Thị ủy Kỳ Anh')).toBe('Đảng bộ thị xã Kỳ Anh');
    expect(partyOrganisationName('Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh')).toBe('Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh');
    expect(partyOrganisationName('Đảng bộ Sở Tài chính')).toBe('Đảng bộ Sở Tài chính');
  });

  it('breaks header lines at spaces, never ending a line on a conjunction', () => {
    expect(breakLine('ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH')).toEqual(['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH']);
    expect(breakLine('CHI BỘ VĂN PHÒNG')).toEqual(['CHI BỘ VĂN PHÒNG']);
  });

  it('writes the issuer lines of each kind of unit', () => {
    const province = { kind: 'province_committee' as const, name: 'Tỉnh ủy Trà Vinh' };
    const bloc = { kind: 'bloc_committee' as const, name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh' };
    expect(issuerLines(bloc, province)).toEqual({ superior: ['ĐẢNG BỘ TỈNH TRÀ VINH'], body: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'] });
    expect(issuerLines(province, { kind: 'central', name: 'Ban Chấp hành Trung ương' })).toEqual({ superior: [], body: ['TỈNH ỦY TRÀ VINH'] });
    expect(issuerLines({ kind: 'cell', name: 'Chi bộ Văn phòng' }, { kind: 'grassroots', name: 'Đảng bộ Sở Tài chính' })).toEqual({ superior: ['ĐẢNG BỘ SỞ TÀI CHÍNH'], body: ['CHI BỘ VĂN PHÒNG'] });
    // A Youth Union unit under a Party committee names no Party body above it.
    expect(issuerLines({ kind: 'youth_bloc', name: 'Đoàn Khối Dân - Chính - Đảng' }, bloc).superior).toEqual([]);
    expect(issuerLines({ kind: 'youth_grassroots', name: 'Đoàn cơ sở Sở Y tế' }, { kind: 'youth_bloc', name: 'Đoàn Khối Dân - Chính - Đảng' }).superior).toEqual(['ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG']);
  });

  it('takes the symbol from a short name that is one, else from the kind', () => {
    expect(issuerAbbrev({ kind: 'bloc_committee', shortName: 'ĐUK' })).toBe('ĐUK');
    expect(issuerAbbrev({ kind: 'state_body', shortName: 'UBND-VX' })).toBe('UBND-VX');
    expect(issuerAbbrev({ kind: 'youth_bloc', shortName: 'Đoàn Khối' })).toBe('ĐTN');
    expect(issuerAbbrev({ kind: 'grassroots', shortName: null })).toBe('ĐU');
  });

  it('places the date line at the nearest district or provincial committee', () => {
    const chain = [
      { kind: 'province_committee' as const, name: 'Tỉnh ủy Hà Tĩnh' },
      { kind: 'district_committee' as const, name: 'Thị ủy Kỳ Anh' },
      { kind: 'grassroots' as const, name: 'Đảng ủy phường Kỳ Trinh' },
    ];
    expect(placeOf(chain)).toBe('Kỳ Anh');
    expect(placeOf(chain.slice(0, 1))).toBe('Hà Tĩnh');
    expect(placeOf([{ kind: 'province_committee', name: 'Thành ủy Thành phố Hồ Chí Minh' }])).toBe('Thành phố Hồ Chí Minh');
  });

  it('names the body and the file copy, and signs for the collective with the secretary, else a deputy', () => {
    expect(bodyName({ kind: 'bloc_committee', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh' })).toBe('Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh');
    expect(bodyName({ kind: 'grassroots', name: 'Đảng bộ Sở Tài chính' })).toBe('Đảng ủy Sở Tài chính');
    expect(fileCopyLine({ kind: 'bloc_committee', shortName: 'ĐUK' })).toBe('Lưu Văn phòng ĐUK');
    expect(fileCopyLine({ kind: 'cell', shortName: null })).toBe('Lưu hồ sơ');
    const leaders = [
      { fullName: 'Trần Việt Hùng', positions: ['deputy_secretary', 'standing_member'] },
      { fullName: 'Nguyễn Văn Minh', positions: ['secretary'] },
    ];
    expect(defaultSignature({ kind: 'bloc_committee' }, leaders)).toEqual({ capacity: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn Minh' });
    expect(defaultSignature({ kind: 'bloc_committee' }, leaders.slice(0, 1))).toEqual({ capacity: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Trần Việt Hùng' });
    expect(defaultSignature({ kind: 'cell' }, [{ fullName: 'Lê Thị Hoa', positions: ['secretary'] }])?.capacity).toBe('T/M CHI BỘ');
    expect(defaultSignature({ kind: 'state_body' }, [{ fullName: 'Lê Văn Hẳn', positions: ['head'] }])).toEqual({ capacity: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Văn Hẳn' });
    expect(defaultSignature({ kind: 'cell' }, [{ fullName: 'Phạm Văn Tư', positions: ['propagandist'] }])).toBeNull();
  });

  it('proposes the next number within the term, and leaves it blank when the term is not known', () => {
    const unit = { id: 'u', kind: 'bloc_committee' as const, name: 'Đảng ủy Khối', shortName: 'ĐUK', termStart: d('2020-10-01'), termEnd: d('2025-09-30') };
    const issued = [{ kind: 'BC', seq: 59, date: d('2022-03-01') }, { kind: 'KH', seq: 48, date: d('2022-03-11') }, { kind: 'BC', seq: 12, date: d('2019-05-01') }];
    expect(proposeNumber(unit, 'BC', d('2022-04-18'), issued)).toEqual({ seq: 60, symbol: '60-BC/ĐUK', note: null });
    const after = proposeNumber(unit, 'BC', d('2026-01-05'), issued);
    expect(after.seq).toBeNull();
    expect(after.symbol).toMatch(/^\s+-BC\/ĐUK$/);
    expect(after.note).toMatch(/nhiệm kỳ/);
    // State bodies number from 01 each calendar year, across kinds.
    expect(proposeNumber({ id: 's', kind: 'state_body', name: 'UBND', shortName: 'UBND' }, 'KH', d('2022-02-08'), [{ kind: 'CV', seq: 593, date: d('2022-02-01') }]).symbol).toBe('594/KH-UBND');
  });

  it('reads the sequence of an issued number', () => {
    expect(seqOfNumber('48-KH/ĐUK')).toBe(48);
    expect(seqOfNumber('Số: 594/KH-UBND')).toBe(594);
    expect(seqOfNumber('05-HD/VPTW')).toBe(5);
    expect(seqOfNumber('KH/ĐUK')).toBeNull();
  });
});
