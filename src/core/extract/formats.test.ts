import { describe, it, expect } from 'vitest';
import { extractDocument, extractWithSpans } from './extract.ts';

// Constructed examples in the layout of Nghị định 30/2020/NĐ-CP (state documents) and
// Hướng dẫn 36-HD/VPTW (Party documents); names and numbers are invented.
const STATE = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 594/KH-UBND
Quảng Nam, ngày 15 tháng 02 năm 2023

KẾ HOẠCH
Triển khai thực hiện Chương trình chuyển đổi số năm 2023
_______

Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia;
Thực hiện Công văn số 1234/BTTTT-CĐSQG ngày 10/01/2023 của Bộ Thông tin và Truyền thông;
Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm hoàn thành các chỉ tiêu trước ngày 15/12/2023.

II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành theo dõi việc thực hiện; định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.
2. Các sở, ban, ngành báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 20/6/2023 và ngày 10/12/2023.
3. Tổ chức sơ kết 6 tháng đầu năm vào tháng 7/2023; 15 giờ 00 ngày 20/5/2023 họp giao ban.

Nơi nhận:
- Bộ Thông tin và Truyền thông (b/c);
- TT Tỉnh ủy, TT HĐND tỉnh;
- Các sở, ban, ngành;
- Lưu: VT, KGVX.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

(Đã ký)

Trần Văn Tân
`;

const PARTY = `HUYỆN ỦY PHÚ NINH
*
Số 48-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Phú Ninh, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
tổ chức sơ kết giữa nhiệm kỳ

Thực hiện Hướng dẫn số 12-HD/BTCTU, ngày 20/02/2024 của Ban Tổ chức Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:

1. Các tổ chức cơ sở đảng tổ chức hội nghị sơ kết hoàn thành trong quý II/2024, gửi báo cáo về Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy) trước ngày 30/6/2024.
2. Văn phòng Huyện ủy tổng hợp, báo cáo Ban Thường vụ Huyện ủy vào cuối quý III.

Nơi nhận:
- Ban Tổ chức Tỉnh ủy (b/c),
- Các tổ chức cơ sở đảng,
- Lưu VPHU.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn Bình
`;

describe('state format (Nghị định 30/2020/NĐ-CP layout)', () => {
  const x = extractDocument(STATE, { fileName: 'state.txt' });
  it('reads the heading block and the signature', () => {
    expect(x).toMatchObject({
      kind: 'KH', number: '594/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh', place: 'Quảng Nam', date: '2023-02-15',
      title: 'Triển khai thực hiện Chương trình chuyển đổi số năm 2023',
    });
    expect(x.signer).toEqual({ capacity: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Tân' });
    expect(x.recipients).toEqual(['Bộ Thông tin và Truyền thông (b/c)', 'TT Tỉnh ủy, TT HĐND tỉnh', 'Các sở, ban, ngành', 'Lưu: VT, KGVX.']);
  });
  it('reads citations, deadlines, assignments and reports', () => {
    expect(x.implements.map((r) => r.number)).toEqual(['749/QĐ-TTg', '1234/BTTTT-CĐSQG']);
    expect(x.references).toContainEqual({ kind: 'QĐ', number: '749/QĐ-TTg', date: '2020-06-03' });
    expect(x.deadlines.map((d) => [d.text, d.due])).toEqual([
      ['trước ngày 15/12/2023', { type: 'date', value: '2023-12-15' }],
      ['định kỳ hằng quý', { type: 'recurring', value: { every: 'quarter', from: null } }],
      ['trước ngày 20/6/2023', { type: 'date', value: '2023-06-20' }],
      ['ngày 10/12/2023', { type: 'date', value: '2023-12-10' }],
      ['6 tháng đầu năm', { type: 'half', value: '2023-H1' }],
      ['tháng 7/2023', { type: 'month', value: '2023-07' }],
      ['15 giờ 00 ngày 20/5/2023', { type: 'date', value: '2023-05-20' }],
    ]);
    expect(x.assignments).toEqual([{ lead: ['Sở Thông tin và Truyền thông'], support: ['các sở, ban, ngành'] }]);
    expect(x.reports.map((r) => [r.to, r.due.map((d) => d.type)])).toEqual([
      ['Ủy ban nhân dân tỉnh', ['recurring']],
      ['Sở Thông tin và Truyền thông', ['date', 'date']],
    ]);
  });
});

describe('Party format (Hướng dẫn 36-HD/VPTW layout)', () => {
  const { extraction: x, spans } = extractWithSpans(PARTY, { fileName: 'party.txt' });
  it('reads the heading block and the body', () => {
    expect(x).toMatchObject({ kind: 'KH', number: '48-KH/HU', issuer: 'Ban Thường vụ Huyện ủy', place: 'Phú Ninh', date: '2024-03-05', title: 'tổ chức sơ kết giữa nhiệm kỳ' });
    expect(x.implements).toEqual([{ kind: 'HD', number: '12-HD/BTCTU', date: '2024-02-20' }]);
    expect(x.deadlines.map((d) => d.due)).toEqual([
      { type: 'quarter', value: '2024-Q2' },
      { type: 'date', value: '2024-06-30' },
      { type: 'quarter-end', value: '2024-Q3' },
    ]);
    expect(x.reports).toEqual([
      { from: 'Các tổ chức cơ sở đảng', to: 'Ban Thường vụ Huyện ủy', via: 'Văn phòng Huyện ủy', due: [{ type: 'date', value: '2024-06-30' }] },
      { from: 'Văn phòng Huyện ủy', to: 'Ban Thường vụ Huyện ủy', via: null, due: [{ type: 'quarter-end', value: '2024-Q3' }] },
    ]);
    expect(x.signer).toEqual({ capacity: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn Bình' });
  });
  it('gives the span of every item in the input', () => {
    x.deadlines.forEach((d, i) => expect(PARTY.slice(spans.deadlines[i]!.start, spans.deadlines[i]!.end)).toBe(d.text));
    x.recipients.forEach((r, i) => expect(PARTY.slice(spans.recipients[i]!.start, spans.recipients[i]!.end)).toBe(r));
    expect(PARTY.slice(spans.number!.start, spans.number!.end)).toBe('48-KH/HU');
    expect(spans.references[0]!.length).toBeGreaterThan(0);
  });
  it('reads the Youth Union number form', () => {
    expect(extractDocument('BCH ĐOÀN TỈNH\nSố: 05-KH/ĐTN\nKẾ HOẠCH\nhoạt động hè', { fileName: 'a' })).toMatchObject({ kind: 'KH', number: '05-KH/ĐTN', title: 'hoạt động hè', issuer: 'BCH ĐOÀN TỈNH' });
  });
});

// A second constructed state plan: collective names of bodies ("các sở, ban, ngành", "UBND các
// huyện, thị xã, thành phố") are one party to an assignment or a report, not three.
const STATE_COLLECTIVE = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/KH-UBND
Quảng Nam, ngày 05 tháng 6 năm 2023

KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 08/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ về công tác chuyển đổi số năm 2023

Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị; Thực hiện Chỉ thị số 08/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:

II. NHIỆM VỤ
1. Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành xây dựng Đề án, hoàn thành trong quý III/2023.
2. UBND các huyện, thị xã, thành phố báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Thông tin và Truyền thông) định kỳ hằng quý.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Anh Tuấn
`;

describe('collective names of bodies', () => {
  it('keeps "các sở, ban, ngành" and "UBND các huyện, thị xã, thành phố" whole', () => {
    const x = extractDocument(STATE_COLLECTIVE, { fileName: 'collective.txt' });
    expect(x.assignments).toEqual([{ lead: ['Sở Thông tin và Truyền thông'], support: ['các sở, ban, ngành'] }]);
    expect(x.reports).toEqual([
      { from: 'UBND các huyện, thị xã, thành phố', to: 'Ủy ban nhân dân tỉnh', via: 'Sở Thông tin và Truyền thông', due: [{ type: 'recurring', value: { every: 'quarter', from: null } }] },
    ]);
    expect(x.deadlines.map((d) => d.text)).toEqual(['hoàn thành trong quý III/2023', 'định kỳ hằng quý']);
  });
});
