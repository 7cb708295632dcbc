import type { DemoTree } from './spec.ts';
import { department, partyCell, partyOrg } from './spec.ts';

/**
 * Trà Vinh (seed 004: plan 60-KH/ĐUK of 18/4/2022 of the Đảng ủy Khối các cơ quan và doanh nghiệp,
 * carrying out Hướng dẫn 40-HD/BTGTU of the Ban Tuyên giáo Tỉnh ủy). The grassroots organisations are
 * usual provincial departments and one enterprise; their cells are illustrative.
 *
 * The tree is kept as it stood in 2022 on purpose: the demo also needs an organisation whose tree did
 * not change (in reality this Khối too ended in 2025, and Trà Vinh joined Vĩnh Long on 01/7/2025).
 */
export const TV = {
  tinhUy: 'tv.tinh-uy',
  duk: 'tv.duk',
} as const;

export const traVinh: DemoTree = {
  key: 'tra-vinh',
  region: 'south',
  cardPrefix: '84',
  // Khmer families of Trà Vinh often carry these family names.
  families: [['Thạch', 3], ['Kim', 1.5], ['Sơn', 1.5], ['Danh', 0.5]],
  root: {
    ref: TV.tinhUy,
    kind: 'province_committee',
    name: 'Tỉnh ủy Trà Vinh',
    shortName: 'TU',
    term: true,
    people: 'committee',
    size: 13,
    children: [
      department('Ban Tổ chức Tỉnh ủy', { shortName: 'BTCTU' }),
      department('Ban Tuyên giáo Tỉnh ủy', { shortName: 'BTGTU', rapporteurs: 2 }),
      department('Ủy ban Kiểm tra Tỉnh ủy', { shortName: 'UBKTTU' }),
      department('Văn phòng Tỉnh ủy', { shortName: 'VPTU' }),
      {
        ref: TV.duk,
        kind: 'bloc_committee',
        name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh',
        shortName: 'ĐUK',
        term: true,
        people: 'committee',
        size: 11,
        rapporteurs: 3,
        children: [
          department('Ban Tuyên giáo Đảng ủy Khối', { shortName: 'BTG', rapporteurs: 2 }),
          department('Ban Tổ chức Đảng ủy Khối', { shortName: 'BTC' }),
          department('Ủy ban Kiểm tra Đảng ủy Khối', { shortName: 'UBKT' }),
          department('Văn phòng Đảng ủy Khối', { shortName: 'VP' }),
          partyOrg('Đảng bộ Sở Tài chính', ['Chi bộ Văn phòng', 'Chi bộ Phòng Quản lý ngân sách', 'Chi bộ Thanh tra Sở'], { rapporteurs: 1 }),
          partyOrg('Đảng bộ Sở Y tế', ['Chi bộ Văn phòng', 'Chi bộ Phòng Nghiệp vụ Y', 'Chi bộ Chi cục Dân số - Kế hoạch hóa gia đình']),
          partyOrg('Đảng bộ Sở Giáo dục và Đào tạo', ['Chi bộ Văn phòng', 'Chi bộ Phòng Giáo dục Trung học', 'Chi bộ Phòng Giáo dục dân tộc']),
          partyOrg('Đảng bộ Sở Nông nghiệp và Phát triển nông thôn', ['Chi bộ Văn phòng', 'Chi bộ Chi cục Thủy lợi', 'Chi bộ Chi cục Thủy sản', 'Chi bộ Chi cục Phát triển nông thôn']),
          partyOrg('Đảng bộ Công ty Điện lực Trà Vinh', ['Chi bộ Văn phòng', 'Chi bộ Điện lực Châu Thành', 'Chi bộ Điện lực Cầu Ngang']),
          partyCell('Chi bộ Sở Tư pháp'),
          partyCell('Chi bộ Sở Ngoại vụ'),
          partyCell('Chi bộ Sở Văn hóa, Thể thao và Du lịch'),
        ],
      },
    ],
  },
  reform: [],
};
