// Sample outgoing documents of the three profiles, shaped on the seeds (Trà Vinh ĐUK, a provincial
// UBND, a Youth Union bloc committee). Used by the .docx tests; not a test file itself.
import type { IsoDate } from '#core/ids.ts';
import { formatViRatio } from '#core/documents-out/format-vi.ts';
import type { OutgoingDocument } from '#core/documents-out/model.ts';
import { numberSymbol } from '#core/documents-out/numbering.ts';
import { signatureCapacity, signingForLine } from '#core/documents-out/profiles.ts';

const units: Array<[string, number, number]> = [
  ['Đảng bộ Sở Giáo dục và Đào tạo', 412, 398],
  ['Đảng bộ Sở Y tế', 655, 630],
  ['Đảng bộ Công an tỉnh', 1020, 1004],
  ['Chi bộ Sở Tư pháp', 38, 35],
  ['Đảng bộ Bưu điện tỉnh', 919, 842],
];
const members = units.reduce((n, [, all]) => n + all, 0);
const attended = units.reduce((n, [, , done]) => n + done, 0);

/** A consolidated report of the Trà Vinh ĐUK: "Số 60-BC/ĐUK", 18/4/2022. */
export const consolidatedReport: OutgoingDocument = {
  profile: 'party',
  issuer: { superior: ['ĐẢNG BỘ TỈNH TRÀ VINH'], body: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP'] },
  number: numberSymbol({ seq: 60, kind: 'BC', issuerAbbrev: 'ĐUK', profile: 'party' }),
  place: 'Trà Vinh',
  date: '2022-04-18' as IsoDate,
  kind: 'BC',
  title: ['kết quả tổ chức đợt sinh hoạt chính trị về', 'xây dựng, chỉnh đốn Đảng và hệ thống chính trị'],
  body: [
    {
      type: 'paragraph',
      text: 'Thực hiện Kế hoạch số 60-KH/ĐUK, ngày 18/4/2022 của Ban Thường vụ Đảng ủy Khối về tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị, Ban Thường vụ Đảng ủy Khối báo cáo kết quả như sau:',
    },
    { type: 'heading', level: 1, text: 'KẾT QUẢ THỰC HIỆN' },
    { type: 'heading', level: 2, text: 'Công tác lãnh đạo, chỉ đạo' },
    {
      type: 'paragraph',
      text: [
        { text: 'Các chi, đảng bộ cơ sở đã tổ chức quán triệt cho ' },
        { text: `${formatViRatio(attended, members)} đảng viên`, bold: true },
        { text: ', kết quả theo từng đơn vị như sau:' },
      ],
    },
    {
      type: 'table',
      header: [['STT', 'Đơn vị', 'Số đảng viên', 'Đã tham gia', 'Tỷ lệ']],
      widths: [8, 42, 16, 16, 14],
      rows: [
        ...units.map(([name, all, done], i) => [{ text: String(i + 1), align: 'center' }, name, all, done, { percent: { part: done, whole: all } }] as const),
        [{ text: '' }, { text: 'Tổng cộng', bold: true }, { count: members, bold: true }, { count: attended, bold: true }, { percent: { part: attended, whole: members }, bold: true }],
      ],
    },
    { type: 'heading', level: 1, text: 'NHIỆM VỤ THỜI GIAN TỚI' },
    {
      type: 'bullets',
      items: [
        'Chỉ đạo các chi, đảng bộ cơ sở chưa hoàn thành tổ chức sinh hoạt chính trị trong tháng 5/2022.',
      ],
    },
  ],
  recipients: ['Ban Tuyên giáo Tỉnh ủy', 'Thường trực Đảng ủy Khối', 'Các chi, đảng bộ cơ sở', 'Lưu Văn phòng ĐUK'],
  signature: { capacity: signatureCapacity('party', 'Ban Thường vụ'), title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Minh' },
};

/** A plan of a provincial People's Committee: "Số: 594/KH-UBND", signed by a deputy. */
export const statePlan: OutgoingDocument = {
  profile: 'state',
  issuer: { superior: [], body: ['ỦY BAN NHÂN DÂN', 'TỈNH TRÀ VINH'] },
  number: numberSymbol({ seq: 594, kind: 'KH', issuerAbbrev: 'UBND', profile: 'state' }),
  place: 'Trà Vinh',
  date: '2022-02-08' as IsoDate,
  kind: 'KH',
  title: ['triển khai thực hiện Kết luận số 21-KL/TW', 'trong các cơ quan hành chính nhà nước tỉnh'],
  body: [
    { type: 'heading', level: 1, text: 'MỤC ĐÍCH, YÊU CẦU' },
    { type: 'paragraph', text: 'Quán triệt sâu rộng đến cán bộ, công chức, viên chức và người lao động nội dung Kết luận số 21-KL/TW.' },
    { type: 'heading', level: 1, text: 'NHIỆM VỤ CỤ THỂ' },
    { type: 'bullets', items: ['Các sở, ban, ngành tỉnh xây dựng kế hoạch thực hiện trong quý I/2022.', 'Báo cáo kết quả trước ngày 15/12/2022.'] },
  ],
  recipients: ['Thường trực Tỉnh ủy', 'Chủ tịch, các PCT UBND tỉnh', 'Các sở, ban, ngành tỉnh', 'Lưu: VT, NC'],
  signature: { capacity: signatureCapacity('state', 'Ủy ban nhân dân'), signingFor: signingForLine('state', 'Chủ tịch'), title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn Hẳn' },
};

/** A plan of a Youth Union bloc committee: "Số: 133-KH/TĐTN-BCNLĐ". */
export const youthPlan: OutgoingDocument = {
  profile: 'youth',
  issuer: { superior: ['THÀNH ĐOÀN TP. HỒ CHÍ MINH'], body: ['BCH ĐOÀN KHỐI', 'DÂN - CHÍNH - ĐẢNG TP'] },
  number: numberSymbol({ seq: 133, kind: 'KH', issuerAbbrev: 'TĐTN-BCNLĐ', profile: 'youth' }),
  place: 'TP. Hồ Chí Minh',
  date: '2022-04-27' as IsoDate,
  kind: 'KH',
  title: ['tuyên truyền, phổ biến và triển khai thực hiện', 'Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng'],
  body: [
    { type: 'paragraph', text: 'Căn cứ Kế hoạch số 80-KH/ĐUK ngày 21/4/2022 của Ban Thường vụ Đảng ủy Khối, Ban Thường vụ Đoàn Khối xây dựng kế hoạch như sau:' },
    { type: 'heading', level: 1, text: 'MỤC ĐÍCH, YÊU CẦU' },
    { type: 'paragraph', text: 'Quán triệt, tuyên truyền Kết luận 21, thống nhất về nhận thức và hành động từ cấp Khối đến cơ sở.' },
    { type: 'heading', level: 1, text: 'TỔ CHỨC THỰC HIỆN' },
    { type: 'bullets', items: ['Cấp Khối: xây dựng kế hoạch và triển khai đến các cơ sở Đoàn.', 'Cơ sở Đoàn: lồng ghép kết quả vào báo cáo năm.'] },
  ],
  recipients: ['Ban Thường vụ Thành Đoàn', 'Đảng ủy Khối', 'Các cơ sở Đoàn trực thuộc', 'Lưu VP'],
  signature: { capacity: signatureCapacity('youth', 'Ban Thường vụ'), title: 'BÍ THƯ', name: 'Trần Thị Thu' },
};

/** An urging letter (công văn đôn đốc) of the ĐUK: no kind line, "V/v" under the number. */
export const urgingLetter: OutgoingDocument = {
  profile: 'party',
  issuer: { superior: ['ĐẢNG BỘ TỈNH TRÀ VINH'], body: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP'] },
  number: numberSymbol({ seq: 7, kind: 'CV', issuerAbbrev: 'ĐUK', profile: 'party' }),
  place: 'Trà Vinh',
  date: '2022-05-03' as IsoDate,
  kind: 'CV',
  title: 'đôn đốc báo cáo kết quả đợt sinh hoạt chính trị',
  addressees: ['Đảng bộ Bưu điện tỉnh', 'Chi bộ Sở Tư pháp'],
  body: [
    { type: 'paragraph', text: 'Đến ngày 03/5/2022, các đơn vị sau chưa gửi báo cáo kết quả tổ chức đợt sinh hoạt chính trị theo Kế hoạch số 60-KH/ĐUK:' },
    { type: 'table', header: [['STT', 'Đơn vị', 'Hạn báo cáo', 'Số ngày trễ']], widths: [8, 52, 22, 18], rows: [
        [{ text: '1', align: 'center' }, 'Đảng bộ Bưu điện tỉnh', { text: '30/4/2022', align: 'center' }, 3],
        [{ text: '2', align: 'center' }, 'Chi bộ Sở Tư pháp', { text: '30/4/2022', align: 'center' }, 3],
      ],
    },
    { type: 'paragraph', text: 'Ban Thường vụ Đảng ủy Khối đề nghị các đơn vị khẩn trương gửi báo cáo trước ngày 10/5/2022.' },
  ],
  recipients: ['Như trên', 'Lưu Văn phòng ĐUK'],
  signature: { capacity: signatureCapacity('party', 'Ban Thường vụ'), title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Minh' },
};
