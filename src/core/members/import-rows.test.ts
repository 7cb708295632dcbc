import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import type { MemberCandidate, RowValidator, SheetRow } from './import-rows.ts';
import {
  cellText, lookupHeader, IMPORT_COLUMNS, matchHeader, MemberRowReader, parseCategory, parseDateCell, parseGender, parsePhone, parsePositions, readMemberRows,
} from './import-rows.ts';

const TODAY = '2022-03-15' as IsoDate;

/** A stand-in for the API contract: a name of two characters or more, an email with "@". */
const validate: RowValidator<MemberCandidate> = (c) => {
  const issues: { field: 'fullName' | 'email' | 'category'; message: string }[] = [];
  if (!c.fullName || c.fullName.length < 2) issues.push({ field: 'fullName', message: 'Hãy nhập họ và tên' });
  if (!c.category) issues.push({ field: 'category', message: 'Loại thành viên không hợp lệ' });
  if (c.email && !c.email.includes('@')) issues.push({ field: 'email', message: 'Email không hợp lệ' });
  return issues.length === 0 ? { ok: true, value: c } : { ok: false, issues };
};

const HEADER = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại thành viên', 'Chức vụ', 'Ngày vào đơn vị', 'Số thẻ đảng viên', 'Email'];

/** Rows numbered from 1 as a spreadsheet numbers them. */
function sheet(...rows: (readonly (string | number | Date | null)[])[]): SheetRow[] {
  return rows.map((cells, i) => ({ row: i + 1, cells }));
}

function read(rows: SheetRow[], maxRows = 100) {
  return readMemberRows(rows, { validate, today: TODAY, maxRows });
}

function domainCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return isDomainError(e) ? e.code : `not a domain error: ${String(e)}`;
  }
}

describe('matchHeader', () => {
  it('matches headers whatever their diacritics, case and spacing', () => {
    for (const h of ['Họ và tên', 'Ho va ten', 'HỌ VÀ TÊN', '  họ   và  tên ', 'Họ và tên (*)', 'Họ tên', 'Họ và tên:']) {
      expect(matchHeader(h), h).toBe('fullName');
    }
    expect(matchHeader('Ngày sinh (dd/mm/yyyy)')).toBe('birthDate');
    expect(matchHeader('Ngay vao Dang')).toBe('joinedPartyOn');
    expect(matchHeader('Số thẻ Đảng')).toBe('partyCardNo');
    expect(matchHeader('SĐT')).toBe('phone');
    expect(matchHeader('loai thanh vien')).toBe('category');
  });

  it('matches nothing for an unknown header', () => {
    expect(matchHeader('Quê quán')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });

  it('knows every template header', () => {
    for (const c of IMPORT_COLUMNS) expect(matchHeader(c.header)).toBe(c.field);
  });
});

describe('parseDateCell', () => {
  it('reads the Vietnamese and ISO ways of writing a date', () => {
    for (const s of ['15/03/1980', '15/3/1980', '15-03-1980', '15.03.1980', '1980-03-15', '1980/3/15', ' 15/03/1980 ', '15/03/1980 00:00:00']) {
      expect(parseDateCell(s), s).toEqual({ ok: true, value: '1980-03-15' });
    }
    expect(parseDateCell('5/3/1980')).toEqual({ ok: true, value: '1980-03-05' });
  });

  it('reads Excel date cells and serial numbers', () => {
    expect(parseDateCell(new Date(Date.UTC(1980, 2, 15)))).toEqual({ ok: true, value: '1980-03-15' });
    // A day read back with float noise just before midnight is still that day.
    expect(parseDateCell(new Date(Date.UTC(1980, 2, 15) - 1))).toEqual({ ok: true, value: '1980-03-15' });
    expect(parseDateCell(29295)).toEqual({ ok: true, value: '1980-03-15' });
  });

  it('reads an empty cell as no date', () => {
    expect(parseDateCell(null)).toEqual({ ok: true, value: null });
    expect(parseDateCell('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses dates that are not on the calendar, short years, years and text', () => {
    const bad = (c: string | number) => {
      const r = parseDateCell(c);
      return r.ok ? null : r.message;
    };
    expect(bad('31/02/2020')).toMatch(/không có trên lịch/);
    expect(bad('15/03/80')).toMatch(/4 chữ số/);
    expect(bad('ngày 15 tháng 3')).toMatch(/dd\/mm\/yyyy/);
    expect(bad(1980)).toMatch(/không phải là một ngày đầy đủ/);
    expect(bad('03/15/1980')).toMatch(/không có trên lịch/);
  });

  it('reads back every date written as dd/mm/yyyy or d/m/yyyy', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(parseDateCell(`${String(day).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`)).toEqual({ ok: true, value: iso });
        expect(parseDateCell(`${day}/${m}/${y}`)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('parseCategory', () => {
  it('accepts the Vietnamese label with or without diacritics, and the code', () => {
    expect(parseCategory('Đảng viên chính thức')).toEqual({ ok: true, value: 'party_full' });
    expect(parseCategory('dang vien chinh thuc')).toEqual({ ok: true, value: 'party_full' });
    expect(parseCategory('ĐẢNG VIÊN DỰ BỊ')).toEqual({ ok: true, value: 'party_probationary' });
    expect(parseCategory('party_probationary')).toEqual({ ok: true, value: 'party_probationary' });
    expect(parseCategory('Đoàn viên')).toEqual({ ok: true, value: 'youth' });
    expect(parseCategory('Hội viên')).toEqual({ ok: true, value: 'association' });
    expect(parseCategory('Quần chúng')).toEqual({ ok: true, value: 'masses' });
    expect(parseCategory('Cán bộ, công chức, viên chức')).toEqual({ ok: true, value: 'cadre' });
    expect(parseCategory('can bo,cong chuc,vien chuc')).toEqual({ ok: true, value: 'cadre' });
    expect(parseCategory('Người lao động')).toEqual({ ok: true, value: 'worker' });
  });

  it('refuses an unknown category and lists the accepted labels', () => {
    const r = parseCategory('Đảng viên');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Đảng viên chính thức; Đảng viên dự bị');
  });
});

describe('parsePositions', () => {
  it('reads labels separated by commas or semicolons, once each', () => {
    expect(parsePositions('Bí thư, Cấp ủy viên')).toEqual({ ok: true, value: ['secretary', 'committee_member'] });
    expect(parsePositions('bi thu; BÍ THƯ')).toEqual({ ok: true, value: ['secretary'] });
    expect(parsePositions('Phó Bí thư')).toEqual({ ok: true, value: ['deputy_secretary'] });
    expect(parsePositions('bao cao vien,tuyen truyen vien')).toEqual({ ok: true, value: ['rapporteur', 'propagandist'] });
    // The older tone placement ("uỷ" for "ủy") is the same word.
    expect(parsePositions('Cấp uỷ viên; Uỷ viên Ban Thường vụ')).toEqual({ ok: true, value: ['committee_member', 'standing_member'] });
    expect(parsePositions(null)).toEqual({ ok: true, value: [] });
  });

  it('names the positions it does not know', () => {
    const r = parsePositions('Bí thư, Chủ tịch');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Chức vụ không hợp lệ: "Chủ tịch"/);
  });
});

describe('other cells', () => {
  it('reads gender as nam or nu', () => {
    expect(parseGender('Nam')).toEqual({ ok: true, value: 'nam' });
    expect(parseGender('Nữ')).toEqual({ ok: true, value: 'nu' });
    expect(parseGender('NỮ')).toEqual({ ok: true, value: 'nu' });
    expect(parseGender('nu')).toEqual({ ok: true, value: 'nu' });
    expect(parseGender(null)).toEqual({ ok: true, value: null });
    expect(parseGender('x').ok).toBe(false);
  });

  it('gives back the leading zero a spreadsheet took from a phone number', () => {
    expect(parsePhone(912345678)).toEqual({ ok: true, value: '0912345678' });
    expect(parsePhone('912345678')).toEqual({ ok: true, value: '0912345678' });
    expect(parsePhone('0912 345 678')).toEqual({ ok: true, value: '0912 345 678' });
    expect(parsePhone(null)).toEqual({ ok: true, value: null });
  });

  it('turns numbers into text without exponent or decimals', () => {
    expect(cellText(79012345)).toBe('79012345');
    expect(cellText('  Nguyễn   Văn  An ')).toBe('Nguyễn Văn An');
    expect(cellText('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(cellText('')).toBeNull();
  });
});

describe('lookupHeader', () => {
  it('finds the header below title lines', () => {
    const h = lookupHeader(sheet(['DANH SÁCH ĐẢNG VIÊN'], [null], ['STT', 'Ho va ten', 'Loai thanh vien', 'Quê quán']));
    expect(h?.row).toBe(3);
    expect([...h!.columns.entries()]).toEqual([[1, 'fullName'], [2, 'category']]);
    expect(h?.ignored).toEqual(['Quê quán']);
  });

  it('returns null when no row names the "Họ và tên" column', () => {
    expect(lookupHeader(sheet(['Tên', 'Loại']))).toBeNull();
  });
});

describe('readMemberRows', () => {
  it('reads good rows with their spreadsheet row numbers', () => {
    const r = read(sheet(
      HEADER,
      ['Nguyễn Văn An', 'Nam', '15/03/1980', 'Đảng viên chính thức', 'Bí thư', '01/10/2020', '79012345', 'an@example.vn'],
      ['Trần Thị Bình', 'Nữ', new Date(Date.UTC(1985, 5, 1)), 'dang vien du bi', '', '', null, null],
    ));
    expect(r.totalRows).toBe(2);
    expect(r.errors).toEqual([]);
    expect(r.good.map((g) => g.row)).toEqual([2, 3]);
    expect(r.good[0]!.value).toEqual({
      fullName: 'Nguyễn Văn An', gender: 'nam', birthDate: '1980-03-15', category: 'party_full', positions: ['secretary'],
      validFrom: '2020-10-01', partyCardNo: '79012345', email: 'an@example.vn',
    });
    expect(r.good[0]!.partyCardNo).toBe('79012345');
    // An empty "Ngày vào đơn vị" is the day of the import.
    expect(r.good[1]!.value).toMatchObject({ gender: 'nu', birthDate: '1985-06-01', category: 'party_probationary', positions: [], validFrom: TODAY });
  });

  it('reports each problem with the row number and the column, keeping blank rows in the numbering', () => {
    const r = read(sheet(
      HEADER,
      ['Nguyễn Văn An', 'Nam', '15/03/1980', 'Đảng viên chính thức', null, null, null, null],
      [null, null, null, null, null, null, null, null],
      ['Lê Văn Cường', 'Nam', '31/02/1990', 'Đảng viên', 'Chủ tịch', null, null, 'khong-phai-email'],
      ['Phạm Thị Dung', 'Nữ', null, 'Quần chúng', null, null, null, null],
    ));
    expect(r.totalRows).toBe(3);
    expect(r.good.map((g) => g.row)).toEqual([2, 5]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Ngày sinh'],
      [4, 'Loại thành viên'],
      [4, 'Chức vụ'],
      [4, 'Email'],
    ]);
    expect(r.errors[1]!.message).toMatch(/Loại thành viên "Đảng viên" không hợp lệ/);
    // The category that could not be read is reported once, not again by the contract check.
    expect(r.errors.filter((e) => e.column === 'Loại thành viên')).toHaveLength(1);
  });

  it('reports a missing name and a missing category', () => {
    const r = read(sheet(HEADER, [null, 'Nam', null, null, null, null, '123', null]));
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Họ và tên', 'Hãy ghi họ và tên'],
      [2, 'Loại thành viên', 'Hãy ghi loại thành viên'],
    ]);
  });

  it('refuses a party card number met twice in the file, on the later row', () => {
    const r = read(sheet(
      HEADER,
      ['Nguyễn Văn An', null, null, 'Đảng viên chính thức', null, null, '79012345', null],
      ['Trần Văn Bình', null, null, 'Đảng viên chính thức', null, null, 79012346, null],
      ['Lê Văn Cường', null, null, 'Đảng viên chính thức', null, null, 79012345, null],
    ));
    expect(r.good.map((g) => g.row)).toEqual([2, 3]);
    expect(r.errors).toEqual([{ row: 4, column: 'Số thẻ đảng viên', message: 'Số thẻ đảng viên "79012345" trùng với dòng 2' }]);
  });

  it('refuses a birth date after the day of the import', () => {
    const r = read(sheet(HEADER, ['Nguyễn Văn An', null, '16/03/2022', 'Quần chúng', null, null, null, null]));
    expect(r.errors).toEqual([{ row: 2, column: 'Ngày sinh', message: 'Ngày sinh sau ngày hôm nay' }]);
  });

  it('skips title lines, numbered empty lines and unknown columns', () => {
    const r = read(sheet(
      ['DANH SÁCH ĐẢNG VIÊN CHI BỘ'],
      ['STT', 'Ho va ten', 'Loai thanh vien', 'Quê quán'],
      [1, 'Nguyễn Văn An', 'Đảng viên chính thức', 'Hà Giang'],
      [2, null, null, null],
      [3, null, null, null],
    ));
    expect(r.totalRows).toBe(1);
    expect(r.good.map((g) => g.row)).toEqual([3]);
    expect(r.ignoredColumns).toEqual(['Quê quán']);
    // Without the column, "Ngày vào đơn vị" is the day of the import.
    expect(r.good[0]!.value.validFrom).toBe(TODAY);
  });

  it('refuses a file that is not a member list', () => {
    expect(domainCode(() => read([]))).toBe('NO_DATA_ROWS');
    expect(domainCode(() => read(sheet([null, ''])))).toBe('NO_DATA_ROWS');
    expect(domainCode(() => read(sheet(HEADER)))).toBe('NO_DATA_ROWS');
    expect(domainCode(() => read(sheet(['Tên', 'Tuổi'], ['An', 40])))).toBe('NO_HEADER');
    expect(domainCode(() => read(sheet(['Họ và tên', 'Ngày sinh'], ['Nguyễn Văn An', '15/03/1980'])))).toBe('MISSING_COLUMNS');
  });

  it('names the missing required column', () => {
    try {
      read(sheet(['Họ và tên', 'Ngày sinh'], ['Nguyễn Văn An', '15/03/1980']));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('Thiếu cột bắt buộc: "Loại thành viên" (xem tệp mẫu).');
    }
  });

  it('refuses more data rows than the limit', () => {
    const rows = sheet(['Họ và tên', 'Loại thành viên'], ...Array.from({ length: 6 }, (_, i) => [`Người thứ ${i}`, 'Quần chúng']));
    expect(domainCode(() => read(rows, 5))).toBe('TOO_MANY_ROWS');
    expect(read(rows, 6).good).toHaveLength(6);
  });
});

describe('the unit code and positions of a row', () => {
  const H = ['Họ và tên', 'Loại thành viên', 'Chức vụ', 'Ma don vi'];

  it('reads "Mã đơn vị" whatever its diacritics, keeps it beside the row and out of the checked value', () => {
    expect(matchHeader('MÃ ĐƠN VỊ')).toBe('unitCode');
    expect(matchHeader('Mã chi bộ')).toBe('unitCode');
    const r = read(sheet(
      H,
      ['Nguyễn Văn An', 'Đảng viên chính thức', 'Bí thư; Cấp ủy viên', ' CB.01 '],
      ['Trần Thị Bình', 'Đảng viên chính thức', 'pho bi thu, tuyen truyen vien', null],
    ));
    expect(r.errors).toEqual([]);
    expect(r.good.map((g) => [g.row, g.unitCode])).toEqual([[2, 'CB.01'], [3, null]]);
    expect(r.good[0]!.value).not.toHaveProperty('unitCode');
    expect(r.good[0]!.value.positions).toEqual(['secretary', 'committee_member']);
    expect(r.good[1]!.value.positions).toEqual(['deputy_secretary', 'propagandist']);
  });

  it('keeps the code of a bad row, so that it is checked too, and names an unknown position with its row and column', () => {
    const r = read(sheet(H, ['Lê Văn Cường', 'Đảng viên chính thức', 'Bí thư; Chủ nhiệm', 'CB02']));
    expect(r.good).toEqual([]);
    expect(r.badRowCodes).toEqual([{ row: 2, unitCode: 'CB02' }]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Chức vụ']]);
    expect(r.errors[0]!.message).toMatch(/"Chủ nhiệm"/);
  });
});

describe('reading a row at a time', () => {
  it('gives what readMemberRows gives for the same rows', () => {
    const rows = sheet(
      ['Danh sách đảng viên'],
      HEADER,
      ['Nguyễn Văn An', 'Nam', '15/03/1980', 'Đảng viên chính thức', 'Bí thư', '01/10/2020', '79012345', 'an@example.vn'],
      ['Lê Văn Cường', 'Nam', '31/02/1990', 'Đảng viên', 'Chủ tịch', null, '79012345', 'x'],
    );
    const reader = new MemberRowReader({ validate, today: TODAY, maxRows: 100 });
    for (const r of rows) reader.add(r);
    expect(reader.finish()).toEqual(read(rows));
  });

  it('refuses a sheet without a header as soon as the rows where it is searched for are past', () => {
    const reader = new MemberRowReader({ validate, today: TODAY, maxRows: 100 });
    for (let i = 1; i < 10; i++) reader.add({ row: i, cells: [`dòng ${i}`] });
    expect(domainCode(() => reader.add({ row: 10, cells: ['dòng 10'] }))).toBe('NO_HEADER');
  });

  it('counts the rows past the limit without checking them, and says how many there are', () => {
    const reader = new MemberRowReader({ validate, today: TODAY, maxRows: 3 });
    reader.add({ row: 1, cells: HEADER });
    for (let i = 2; i < 8; i++) reader.add({ row: i, cells: [`Người ${i}`, null, null, 'Quần chúng'] });
    try {
      reader.finish();
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('TOO_MANY_ROWS');
      expect((e as Error).message).toContain('Tệp có 6 dòng');
    }
  });
});
