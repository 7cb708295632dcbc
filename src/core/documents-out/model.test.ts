import { describe, it, expect } from 'vitest';
import type { IsoDate } from '../ids.ts';
import {
  assertDocumentComplete,
  cellText,
  headingLabels,
  headingText,
  printedParts,
  recipientLines,
  summaryLine,
  toRoman,
  type Block,
  type OutgoingDocument,
} from './model.ts';

const report: OutgoingDocument = {
  profile: 'party',
  issuer: { superior: ['ĐẢNG BỘ TỈNH TRÀ VINH'], body: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP'] },
  number: '60-BC/ĐUK',
  place: 'Trà Vinh',
  date: '2022-04-18' as IsoDate,
  kind: 'BC',
  title: 'kết quả tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng',
  body: [
    { type: 'heading', level: 1, text: 'KẾT QUẢ THỰC HIỆN' },
    { type: 'paragraph', text: 'Có 2.909/3.044 đảng viên tham gia.' },
    { type: 'table', header: [['STT', 'Đơn vị', 'Số đảng viên']], rows: [['1', 'Chi bộ A', 12]] },
  ],
  recipients: ['Ban Tuyên giáo Tỉnh ủy', 'Lưu Văn phòng ĐUK'],
  signature: { capacity: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn A' },
};

describe('toRoman', () => {
  it.each([
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [9, 'IX'], [10, 'X'], [14, 'XIV'], [40, 'XL'], [1994, 'MCMXCIV'],
  ])('%s → %s', (n, r) => {
    expect(toRoman(n)).toBe(r);
  });
  it('refuses 0 and fractions', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(2.5)).toThrow(RangeError);
  });
});

describe('headingLabels', () => {
  it('numbers level 1 in Roman, level 2 in Arabic restarting under each level 1, level 3 nested', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'paragraph', text: '…' },
      { type: 'heading', level: 1, text: 'NỘI DUNG' },
      { type: 'heading', level: 2, text: 'Nội dung sinh hoạt' },
      { type: 'heading', level: 3, text: 'Quán triệt' },
      { type: 'heading', level: 3, text: 'Thảo luận' },
      { type: 'heading', level: 2, text: 'Hình thức' },
      { type: 'heading', level: 3, text: 'Tại chi bộ' },
      { type: 'heading', level: 1, text: 'TỔ CHỨC THỰC HIỆN' },
      { type: 'heading', level: 2, text: 'Các chi bộ' },
    ];
    const labels = headingLabels(blocks);
    expect([...labels.entries()]).toEqual([
      [0, 'I.'], [2, 'II.'], [3, '1.'], [4, '1.1.'], [5, '1.2.'], [6, '2.'], [7, '2.1.'], [8, 'III.'], [9, '1.'],
    ]);
    expect(headingText(labels.get(0) ?? null, 'MỤC ĐÍCH, YÊU CẦU')).toBe('I. MỤC ĐÍCH, YÊU CẦU');
  });

  it('prints an explicit number as given and none when null, without moving the counters', () => {
    const labels = headingLabels([
      { type: 'heading', level: 1, text: 'A', number: 'Phần thứ nhất' },
      { type: 'heading', level: 1, text: 'B' },
      { type: 'heading', level: 1, text: 'C', number: null },
      { type: 'heading', level: 1, text: 'D' },
    ]);
    expect([...labels.values()]).toEqual(['Phần thứ nhất', 'I.', null, 'II.']);
    expect(headingText(null, 'C')).toBe('C');
  });

  it('numbers a level 3 heading with no level 2 above it under 1', () => {
    const labels = headingLabels([{ type: 'heading', level: 1, text: 'A' }, { type: 'heading', level: 3, text: 'x' }]);
    expect(labels.get(1)).toBe('1.1.');
  });
});

describe('cellText', () => {
  it('writes counts and shares the Vietnamese way and marks them as figures', () => {
    expect(cellText(2909)).toEqual({ text: '2.909', numeric: true, bold: false, align: 'right' });
    expect(cellText({ count: 3044, bold: true })).toEqual({ text: '3.044', numeric: true, bold: true, align: 'right' });
    expect(cellText({ percent: { part: 2909, whole: 3044 } })).toEqual({ text: '95,56%', numeric: true, bold: false, align: 'right' });
    expect(cellText('Chi bộ A')).toEqual({ text: 'Chi bộ A', numeric: false, bold: false, align: 'left' });
    expect(cellText({ text: 'Tổng cộng', bold: true })).toEqual({ text: 'Tổng cộng', numeric: false, bold: true, align: 'left' });
    expect(cellText({ text: '1', align: 'center' })).toEqual({ text: '1', numeric: false, bold: false, align: 'center' });
  });
});

describe('recipientLines', () => {
  it('adds the dash, semicolons and the final full stop', () => {
    expect(recipientLines(['Ban Tuyên giáo Tỉnh ủy', 'Các chi, đảng bộ cơ sở', 'Lưu Văn phòng ĐUK'])).toEqual([
      '- Ban Tuyên giáo Tỉnh ủy;',
      '- Các chi, đảng bộ cơ sở;',
      '- Lưu Văn phòng ĐUK.',
    ]);
  });
  it('does not double what is already typed and drops empty lines', () => {
    expect(recipientLines(['- Như trên;', '', '  - Lưu: VT, VX. '])).toEqual(['- Như trên;', '- Lưu: VT, VX.']);
    expect(recipientLines([])).toEqual([]);
  });
});

describe('printedParts', () => {
  it('gives the header, title and signature as printed', () => {
    const p = printedParts(report);
    expect(p.heading).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(p.issuer).toEqual(['ĐẢNG BỘ TỈNH TRÀ VINH', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP']);
    expect(p.number).toBe('Số 60-BC/ĐUK');
    expect(p.dateLine).toBe('Trà Vinh, ngày 18 tháng 4 năm 2022');
    expect(p.kind).toBe('BÁO CÁO');
    expect(p.summary).toBeNull();
    expect(p.signature).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn A']);
  });

  it('gives a công văn no kind line but a "V/v" summary under the number', () => {
    const cv: OutgoingDocument = { ...report, kind: 'CV', number: '15-CV/ĐUK', title: 'đôn đốc báo cáo kết quả sinh hoạt chính trị' };
    const p = printedParts(cv);
    expect(p.kind).toBeNull();
    expect(p.title).toEqual([]);
    expect(p.summary).toBe('V/v đôn đốc báo cáo kết quả sinh hoạt chính trị');
    expect(summaryLine({ profile: 'state', title: 'V/v đôn đốc' })).toBe('V/v đôn đốc');
  });

  it('prints the state number with "Số: " and the deputy line', () => {
    const state: OutgoingDocument = {
      ...report,
      profile: 'state',
      number: '594/KH-UBND',
      signature: { capacity: 'TM. ỦY BAN NHÂN DÂN', signingFor: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn B' },
    };
    const p = printedParts(state);
    expect(p.number).toBe('Số: 594/KH-UBND');
    expect(p.heading[1]).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(p.signature).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Văn B']);
  });
});

describe('assertDocumentComplete', () => {
  it('accepts a complete document', () => {
    expect(() => assertDocumentComplete(report)).not.toThrow();
  });

  it.each([
    ['tên cơ quan ban hành', { issuer: { superior: ['X'], body: [' '] } }],
    ['số và ký hiệu', { number: '' }],
    ['địa danh', { place: ' ' }],
    ['trích yếu nội dung', { title: [] }],
    ['trích yếu công văn (V/v)', { kind: 'CV', title: '' }],
    ['nơi nhận', { recipients: [] }],
    ['chức vụ và họ tên người ký', { signature: { title: 'BÍ THƯ', name: '' } }],
    ['tên loại văn bản', { kind: 'XX' }],
    ['ô trong bảng (mỗi dòng cần 3 ô)', { body: [{ type: 'table', header: [['a', 'b', 'c']], rows: [['1', '2']] }] }],
    ['ô trong bảng (mỗi dòng cần 3 ô)', { body: [{ type: 'table', header: [['a', { text: 'b', span: 2 }]], rows: [['1', '2']] }] }],
    ['dòng tiêu đề của bảng', { body: [{ type: 'table', header: [], rows: [] }] }],
  ])('names the missing %s', (what, patch) => {
    const doc = { ...report, ...patch } as OutgoingDocument;
    expect(() => assertDocumentComplete(doc)).toThrow(expect.objectContaining({ code: 'DOCUMENT_INCOMPLETE', details: { missing: what } }));
  });
});
