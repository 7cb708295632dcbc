import type { DemoTree } from './spec.ts';
import { department, partyCell, partyOrg, youthCell } from './spec.ts';

/**
 * Thành phố Hồ Chí Minh (seed 000: plan 05-KH/ĐTN of 27/4/2022 of the Ban Thường vụ Đoàn Khối Dân -
 * Chính - Đảng Thành phố, under Thành Đoàn, carrying out plan 80-KH/ĐUK of 21/4/2022 of the Đảng ủy
 * Khối Dân - Chính - Đảng Thành phố). Two trees: the Youth Union's and the Party's. The grassroots
 * are agencies of the city; their cells and chi đoàn are illustrative. Both trees are kept as they
 * stood in 2022.
 */
export const HCM = {
  thanhUy: 'hcm.thanh-uy',
  duk: 'hcm.duk',
  thanhDoan: 'hcm.thanh-doan',
  doanKhoi: 'hcm.doan-khoi',
} as const;

export const hoChiMinhParty: DemoTree = {
  key: 'ho-chi-minh',
  region: 'south',
  cardPrefix: '79',
  root: {
    ref: HCM.thanhUy,
    kind: 'province_committee',
    name: 'Thành ủy Thành phố Hồ Chí Minh',
    shortName: 'TU',
    term: true,
    people: 'committee',
    size: 15,
    children: [
      department('Ban Tuyên giáo Thành ủy', { shortName: 'BTGTU', rapporteurs: 2 }),
      department('Văn phòng Thành ủy', { shortName: 'VPTU' }),
      {
        ref: HCM.duk,
        kind: 'bloc_committee',
        name: 'Đảng ủy Khối Dân - Chính - Đảng Thành phố',
        shortName: 'ĐUK',
        term: true,
        people: 'committee',
        size: 13,
        rapporteurs: 4,
        children: [
          department('Ban Tuyên giáo Đảng ủy Khối', { shortName: 'BTG', rapporteurs: 2 }),
          department('Ban Tổ chức Đảng ủy Khối', { shortName: 'BTC' }),
          department('Ủy ban Kiểm tra Đảng ủy Khối', { shortName: 'UBKT' }),
          department('Văn phòng Đảng ủy Khối', { shortName: 'VP' }),
          partyOrg('Đảng bộ Sở Tư pháp', ['Chi bộ Văn phòng', 'Chi bộ Phòng Bổ trợ tư pháp', 'Chi bộ Phòng Hành chính tư pháp'], { rapporteurs: 1 }),
          partyOrg('Đảng bộ Văn phòng Thành ủy', ['Chi bộ Phòng Tổng hợp', 'Chi bộ Phòng Quản trị - Tài vụ', 'Chi bộ Phòng Lưu trữ']),
          partyOrg('Đảng bộ Sở Tài chính', ['Chi bộ Văn phòng', 'Chi bộ Phòng Ngân sách', 'Chi bộ Phòng Tài chính đầu tư', 'Chi bộ Thanh tra Sở']),
          partyOrg('Đảng bộ Sở Nội vụ', ['Chi bộ Văn phòng', 'Chi bộ Phòng Tổ chức biên chế', 'Chi bộ Ban Thi đua - Khen thưởng']),
          partyOrg('Đảng bộ Cơ quan Thành Đoàn', ['Chi bộ Văn phòng Thành Đoàn', 'Chi bộ Ban Tuyên giáo Thành Đoàn', 'Chi bộ Ban Tổ chức Thành Đoàn']),
          partyCell('Chi bộ Thanh tra Thành phố'),
          partyCell('Chi bộ Văn phòng Ủy ban nhân dân Thành phố'),
        ],
      },
    ],
  },
  reform: [],
};

/** A grassroots youth union (Đoàn cơ sở) with its chi đoàn. */
function youthBase(name: string, cells: string[]) {
  return {
    kind: 'youth_grassroots' as const,
    name,
    people: 'youth_committee' as const,
    children: cells.map((c) => youthCell(c)),
  };
}

export const hoChiMinhYouth: DemoTree = {
  key: 'ho-chi-minh-youth',
  region: 'south',
  cardPrefix: '79',
  root: {
    ref: HCM.thanhDoan,
    kind: 'youth_city',
    name: 'Thành Đoàn Thành phố Hồ Chí Minh',
    shortName: 'Thành Đoàn',
    people: 'youth_committee',
    size: 11,
    children: [
      {
        ref: HCM.doanKhoi,
        kind: 'youth_bloc',
        name: 'Đoàn Khối Dân - Chính - Đảng Thành phố',
        shortName: 'Đoàn Khối DCĐ',
        people: 'youth_committee',
        size: 9,
        children: [
          youthBase('Đoàn cơ sở Sở Tư pháp', ['Chi đoàn Văn phòng Sở', 'Chi đoàn Phòng Bổ trợ tư pháp', 'Chi đoàn Trung tâm Trợ giúp pháp lý']),
          youthBase('Đoàn cơ sở Văn phòng Thành ủy', ['Chi đoàn Phòng Tổng hợp', 'Chi đoàn Phòng Quản trị - Tài vụ']),
          youthBase('Đoàn cơ sở Sở Tài chính', ['Chi đoàn Văn phòng Sở', 'Chi đoàn Phòng Ngân sách', 'Chi đoàn Thanh tra Sở']),
          youthBase('Đoàn cơ sở Sở Nội vụ', ['Chi đoàn Văn phòng Sở', 'Chi đoàn Ban Thi đua - Khen thưởng']),
          youthBase('Đoàn cơ sở Sở Kế hoạch và Đầu tư', ['Chi đoàn Văn phòng Sở', 'Chi đoàn Phòng Đăng ký kinh doanh', 'Chi đoàn Trung tâm Hỗ trợ doanh nghiệp']),
          youthBase('Đoàn cơ sở Thanh tra Thành phố', ['Chi đoàn Phòng Nghiệp vụ 1', 'Chi đoàn Phòng Nghiệp vụ 2']),
          youthBase('Đoàn cơ sở Văn phòng Ủy ban nhân dân Thành phố', ['Chi đoàn Phòng Hành chính - Tổ chức', 'Chi đoàn Trung tâm Tin học', 'Chi đoàn Phòng Kinh tế']),
          youthBase('Đoàn cơ sở Cơ quan Ban Tuyên giáo Thành ủy', ['Chi đoàn Phòng Tuyên truyền', 'Chi đoàn Phòng Lý luận chính trị']),
        ],
      },
    ],
  },
  reform: [],
};
