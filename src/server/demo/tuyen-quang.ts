import type { IsoDate } from '#core/ids.ts';
import type { DemoTree } from './spec.ts';
import { cell, department, massOrg, partyCell, partyOrg, youthCell } from './spec.ts';

/**
 * Tuyên Quang (seeds 001 and 002: plan 48-KH/ĐUK of 11/3/2022 and the plan on Kết luận 21-KL/TW of the
 * Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh, which speak of "18 sở, ngành cấp tỉnh", its Ban Tuyên
 * giáo, Ban Tổ chức, Ủy ban Kiểm tra, Văn phòng and "các đoàn thể Khối"). The grassroots organisations are the usual
 * provincial departments, agencies and one enterprise; their cells are illustrative.
 */
export const TQ = {
  tinhUy: 'tq.tinh-uy',
  duk: 'tq.duk',
  dukBtg: 'tq.duk.btg',
  dukUbkt: 'tq.duk.ubkt',
  taiChinh: 'tq.so-tai-chinh',
  taiChinhVanPhong: 'tq.so-tai-chinh.van-phong',
  keHoach: 'tq.so-ke-hoach',
} as const;

const MERGE_SO = '2025-03-01' as IsoDate;

export const tuyenQuang: DemoTree = {
  key: 'tuyen-quang',
  region: 'north',
  cardPrefix: '08',
  // Tày and other local family names are common in Tuyên Quang.
  families: [['Ma', 2], ['Nông', 2], ['Hà', 2], ['Quan', 0.5], ['Triệu', 1]],
  root: {
    ref: TQ.tinhUy,
    kind: 'province_committee',
    name: 'Tỉnh ủy Tuyên Quang',
    shortName: 'TU',
    term: true,
    people: 'committee',
    size: 15,
    children: [
      department('Ban Tổ chức Tỉnh ủy', { shortName: 'BTCTU' }),
      department('Ban Tuyên giáo Tỉnh ủy', { shortName: 'BTGTU', rapporteurs: 2 }),
      department('Ban Dân vận Tỉnh ủy', { shortName: 'BDVTU' }),
      department('Ban Nội chính Tỉnh ủy', { shortName: 'BNCTU' }),
      department('Ủy ban Kiểm tra Tỉnh ủy', { shortName: 'UBKTTU' }),
      department('Văn phòng Tỉnh ủy', { shortName: 'VPTU' }),
      {
        ref: TQ.duk,
        kind: 'bloc_committee',
        name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh',
        shortName: 'ĐUK',
        term: true,
        people: 'committee',
        size: 13,
        rapporteurs: 4,
        children: [
          department('Ban Tuyên giáo Đảng ủy Khối', { ref: TQ.dukBtg, shortName: 'BTG', rapporteurs: 2 }),
          department('Ban Tổ chức Đảng ủy Khối', { shortName: 'BTC' }),
          department('Ủy ban Kiểm tra Đảng ủy Khối', { ref: TQ.dukUbkt, shortName: 'UBKT' }),
          department('Văn phòng Đảng ủy Khối', { shortName: 'VP' }),
          // The 18 grassroots party organisations: 10 Đảng bộ with cells, 8 chi bộ cơ sở.
          partyOrg('Đảng bộ Sở Tài chính', [
            cell('Chi bộ Văn phòng', { ref: TQ.taiChinhVanPhong }),
            'Chi bộ Phòng Quản lý ngân sách',
            'Chi bộ Phòng Tài chính doanh nghiệp',
            'Chi bộ Thanh tra Sở',
          ], { ref: TQ.taiChinh, rapporteurs: 1 }),
          partyOrg('Đảng bộ Sở Giáo dục và Đào tạo', [
            'Chi bộ Văn phòng',
            'Chi bộ Phòng Giáo dục Trung học',
            'Chi bộ Phòng Giáo dục Mầm non - Tiểu học',
            'Chi bộ Phòng Khảo thí và Quản lý chất lượng',
          ], { rapporteurs: 1 }),
          partyOrg('Đảng bộ Công ty Điện lực Tuyên Quang', [
            'Chi bộ Văn phòng',
            'Chi bộ Phòng Kỹ thuật',
            'Chi bộ Điện lực Thành phố',
            'Chi bộ Điện lực Sơn Dương',
            'Chi bộ Điện lực Hàm Yên',
          ], { children: [massOrg('Công đoàn Công ty Điện lực Tuyên Quang', 'workers_union')] }),
          partyOrg('Đảng bộ Sở Y tế', ['Chi bộ Văn phòng', 'Chi bộ Phòng Nghiệp vụ Y', 'Chi bộ Phòng Kế hoạch - Tài chính']),
          partyOrg('Đảng bộ Sở Kế hoạch và Đầu tư', [
            'Chi bộ Phòng Đăng ký kinh doanh',
            'Chi bộ Phòng Tổng hợp, Quy hoạch',
            'Chi bộ Phòng Kinh tế đối ngoại',
          ], { ref: TQ.keHoach }),
          partyOrg('Đảng bộ Sở Nông nghiệp và Phát triển nông thôn', [
            'Chi bộ Văn phòng',
            'Chi bộ Chi cục Kiểm lâm',
            'Chi bộ Chi cục Thủy lợi',
            'Chi bộ Chi cục Trồng trọt và Bảo vệ thực vật',
          ]),
          partyOrg('Đảng bộ Sở Giao thông vận tải', ['Chi bộ Văn phòng', 'Chi bộ Phòng Quản lý giao thông', 'Chi bộ Thanh tra Sở']),
          partyOrg('Đảng bộ Sở Tài nguyên và Môi trường', ['Chi bộ Văn phòng', 'Chi bộ Chi cục Quản lý đất đai', 'Chi bộ Văn phòng Đăng ký đất đai']),
          partyOrg('Đảng bộ Sở Lao động - Thương binh và Xã hội', ['Chi bộ Văn phòng', 'Chi bộ Phòng Người có công', 'Chi bộ Trung tâm Dịch vụ việc làm']),
          partyOrg('Đảng bộ Cơ quan Tỉnh ủy', [
            'Chi bộ Văn phòng Tỉnh ủy',
            'Chi bộ Ban Tổ chức Tỉnh ủy',
            'Chi bộ Ban Tuyên giáo Tỉnh ủy',
            'Chi bộ Ủy ban Kiểm tra Tỉnh ủy',
          ], { rapporteurs: 2 }),
          partyCell('Chi bộ Sở Tư pháp'),
          partyCell('Chi bộ Sở Nội vụ'),
          partyCell('Chi bộ Sở Công Thương'),
          partyCell('Chi bộ Sở Khoa học và Công nghệ'),
          partyCell('Chi bộ Sở Ngoại vụ'),
          partyCell('Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc tỉnh'),
          partyCell('Chi bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh'),
          partyCell('Chi bộ Liên đoàn Lao động tỉnh'),
          // The mass organisations of the Khối ("các đoàn thể Khối").
          {
            kind: 'youth_bloc',
            name: 'Đoàn Thanh niên Khối các cơ quan và doanh nghiệp tỉnh',
            shortName: 'Đoàn Khối',
            people: 'youth_committee',
            children: [
              youthCell('Chi đoàn Sở Tài chính'),
              youthCell('Chi đoàn Sở Giáo dục và Đào tạo'),
              youthCell('Chi đoàn Công ty Điện lực Tuyên Quang'),
            ],
          },
          massOrg('Công đoàn Viên chức tỉnh', 'union'),
          massOrg('Hội Cựu chiến binh Khối các cơ quan và doanh nghiệp tỉnh', 'veterans', { shortName: 'Hội CCB Khối' }),
        ],
      },
    ],
  },
  /*
   * In reality the review of Nghị quyết 18-NQ/TW (Kết luận 121-KL/TW, 01/2025) ended the Đảng bộ Khối
   * các cơ quan và doanh nghiệp tỉnh: from February 2025 its grassroots went to the new Đảng bộ các cơ
   * quan Đảng tỉnh and Đảng bộ Ủy ban nhân dân tỉnh. The demo keeps the Khối active on purpose: the seed
   * plans are its plans, and a user acting for it must be able to roll them out to its grassroots and
   * cells today. The 2025 reform of the district level is shown on Kỳ Anh (ky-anh.ts); here only the
   * merger of the provincial departments (01/3/2025) is applied, inside the Khối. The merger of Tuyên
   * Quang and Hà Giang (01/7/2025) is left out as well.
   */
  reform: [
    {
      kind: 'merge',
      on: MERGE_SO,
      sources: [TQ.keHoach],
      into: TQ.taiChinh,
      note: 'Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính.',
    },
  ],
};
