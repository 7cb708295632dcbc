import type { IsoDate } from '#core/ids.ts';
import type { DemoTree, UnitSpec } from './spec.ts';
import { cell, department, massOrg } from './spec.ts';

/**
 * Hà Tĩnh, thị xã Kỳ Anh (seed 003: a commune Đảng ủy carrying out plans 33-KH/ThU and 45-KH/ThU of
 * the Thị ủy Kỳ Anh, with its Ban Tuyên giáo Đảng ủy, UBKT Đảng ủy, the Mặt trận and the mass
 * organisations of the commune, and its chi bộ). The communes and wards are those of thị xã Kỳ Anh;
 * the names of villages, residential groups and their cells are illustrative.
 */
export const KA = {
  tinhUy: 'ka.tinh-uy',
  thiUy: 'ka.thi-uy',
  haiNinh: 'ka.hai-ninh',
  kyHoa: 'ka.ky-hoa',
} as const;

/** Cells of Kỳ Hoa by their keys (a unit without a ref of its own is known by its parent's key and its name). */
export const KA_CELLS = {
  kyHoaVillages: ['Chi bộ thôn Tân Hoa', 'Chi bộ thôn Hoa Sơn', 'Chi bộ thôn Tây Yên'].map((n) => `${KA.kyHoa}/${n}`),
  kyHoaPrimarySchool: `${KA.kyHoa}/Chi bộ Trường Tiểu học Kỳ Hoa`,
} as const;

/** The Đảng ủy of a commune or ward, its two departments, its Mặt trận and mass organisations, its cells. */
function commune(ref: string, level: 'xã' | 'phường', place: string, cells: string[]): UnitSpec {
  const where = `${level} ${place}`;
  return {
    ref,
    kind: 'grassroots',
    name: `Đảng ủy ${where}`,
    term: true,
    people: 'committee',
    children: [
      department(`Ban Tuyên giáo Đảng ủy ${where}`, { ref: `${ref}.btg`, rapporteurs: 1 }),
      department(`Ủy ban Kiểm tra Đảng ủy ${where}`, { ref: `${ref}.ubkt`, size: 3 }),
      ...cells.map((c) => cell(c)),
      massOrg(`Ủy ban Mặt trận Tổ quốc Việt Nam ${where}`, 'front', { ref: `${ref}.mttq`, shortName: `UBMTTQ ${where}` }),
      { ref: `${ref}.doan`, kind: 'youth_grassroots', name: `Đoàn ${where}`, people: 'youth_cell' },
      massOrg(`Hội Liên hiệp Phụ nữ ${where}`, 'women', { ref: `${ref}.phu-nu` }),
    ],
  };
}

const REFORM = '2025-07-01' as IsoDate;
const MERGED = ['ka.ky-ha', 'ka.ky-ninh'];

export const kyAnh: DemoTree = {
  key: 'ky-anh',
  region: 'central',
  cardPrefix: '42',
  root: {
    ref: KA.tinhUy,
    kind: 'province_committee',
    name: 'Tỉnh ủy Hà Tĩnh',
    shortName: 'TU',
    term: true,
    people: 'committee',
    size: 13,
    children: [
      department('Ban Tổ chức Tỉnh ủy', { shortName: 'BTCTU' }),
      department('Ban Tuyên giáo Tỉnh ủy', { shortName: 'BTGTU' }),
      department('Văn phòng Tỉnh ủy', { shortName: 'VPTU' }),
      {
        ref: KA.thiUy,
        kind: 'district_committee',
        name: 'Thị ủy Kỳ Anh',
        shortName: 'ThU',
        term: true,
        people: 'committee',
        size: 11,
        rapporteurs: 2,
        children: [
          department('Ban Tổ chức Thị ủy', { ref: 'ka.thi-uy.btc' }),
          department('Ban Tuyên giáo Thị ủy', { ref: 'ka.thi-uy.btg', rapporteurs: 2 }),
          department('Ủy ban Kiểm tra Thị ủy', { ref: 'ka.thi-uy.ubkt' }),
          department('Văn phòng Thị ủy', { ref: 'ka.thi-uy.vp' }),
          commune(KA.kyHoa, 'xã', 'Kỳ Hoa', [
            'Chi bộ thôn Tân Hoa', 'Chi bộ thôn Hoa Sơn', 'Chi bộ thôn Tây Yên', 'Chi bộ Trường Tiểu học Kỳ Hoa',
            'Chi bộ Trường THCS Kỳ Hoa', 'Chi bộ Quân sự xã',
          ]),
          commune('ka.ky-ha', 'xã', 'Kỳ Hà', ['Chi bộ thôn Hải Hà', 'Chi bộ thôn Đông Hà', 'Chi bộ thôn Tây Hà', 'Chi bộ Trường Mầm non Kỳ Hà']),
          commune('ka.ky-ninh', 'xã', 'Kỳ Ninh', ['Chi bộ thôn Ninh Hải', 'Chi bộ thôn Ninh Thành', 'Chi bộ thôn Ninh Tân', 'Chi bộ Trường Tiểu học Kỳ Ninh']),
          commune('ka.hung-tri', 'phường', 'Hưng Trí', [
            'Chi bộ Tổ dân phố Hưng Bình', 'Chi bộ Tổ dân phố Hưng Hòa', 'Chi bộ Tổ dân phố Hưng Thịnh',
            'Chi bộ Trường THCS Hưng Trí', 'Chi bộ Công an phường',
          ]),
          commune('ka.ky-trinh', 'phường', 'Kỳ Trinh', ['Chi bộ Tổ dân phố Trường Yên', 'Chi bộ Tổ dân phố Đông Yên', 'Chi bộ Tổ dân phố Ba Đồng', 'Chi bộ Trường Tiểu học Kỳ Trinh']),
          commune('ka.ky-thinh', 'phường', 'Kỳ Thịnh', ['Chi bộ Tổ dân phố Tây Lộc', 'Chi bộ Tổ dân phố Hoành Sơn', 'Chi bộ Tổ dân phố Thịnh Lợi', 'Chi bộ Trường Mầm non Kỳ Thịnh']),
        ],
      },
    ],
  },
  /*
   * The 2025 reform: Kết luận 127-KL/TW (02/2025) and Nghị quyết 60-NQ/TW (12/4/2025) ended the
   * district level; from 01/7/2025 the Thị ủy Kỳ Anh ends, the communes and wards are rearranged and
   * their Đảng ủy come directly under the Tỉnh ủy. The real arrangement joined more communes; the demo
   * merges Kỳ Hà and Kỳ Ninh into the Đảng ủy phường Hải Ninh and moves the others unchanged.
   */
  reform: [
    {
      kind: 'create',
      on: REFORM,
      parent: KA.tinhUy,
      unit: {
        ref: KA.haiNinh,
        kind: 'grassroots',
        name: 'Đảng ủy phường Hải Ninh',
        term: true,
        children: [
          { ref: 'ka.hai-ninh.xdd', kind: 'department', name: 'Ban Xây dựng Đảng Đảng ủy phường Hải Ninh' },
          { ref: 'ka.hai-ninh.ubkt', kind: 'department', name: 'Ủy ban Kiểm tra Đảng ủy phường Hải Ninh' },
          { ref: 'ka.hai-ninh.mttq', kind: 'mass_org', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Hải Ninh', shortName: 'UBMTTQ phường Hải Ninh' },
          { ref: 'ka.hai-ninh.doan', kind: 'youth_grassroots', name: 'Đoàn phường Hải Ninh' },
          { ref: 'ka.hai-ninh.phu-nu', kind: 'mass_org', name: 'Hội Liên hiệp Phụ nữ phường Hải Ninh' },
        ],
      },
    },
    ...(['btg:xdd', 'ubkt:ubkt', 'mttq:mttq', 'doan:doan', 'phu-nu:phu-nu'] as const).map((pair) => {
      const [from, to] = pair.split(':') as [string, string];
      return {
        kind: 'merge' as const,
        on: REFORM,
        sources: MERGED.map((c) => `${c}.${from}`),
        into: `${KA.haiNinh}.${to}`,
        keepLeadersOf: `${MERGED[0]}.${from}`,
        note: 'Sắp xếp đơn vị hành chính cấp xã.',
      };
    }),
    {
      kind: 'merge',
      on: REFORM,
      sources: MERGED,
      into: KA.haiNinh,
      keepLeadersOf: MERGED[0]!,
      note: 'Sắp xếp đơn vị hành chính cấp xã: hợp nhất xã Kỳ Hà, xã Kỳ Ninh thành phường Hải Ninh.',
    },
    {
      kind: 'move',
      on: REFORM,
      units: ['ka.ky-hoa', 'ka.hung-tri', 'ka.ky-trinh', 'ka.ky-thinh'],
      to: KA.tinhUy,
      note: 'Không tổ chức cấp huyện; đảng bộ xã, phường trực thuộc Tỉnh ủy.',
    },
    ...['ka.thi-uy.btc', 'ka.thi-uy.btg', 'ka.thi-uy.ubkt', 'ka.thi-uy.vp', KA.thiUy].map((unit) => ({
      kind: 'dissolve' as const,
      on: REFORM,
      unit,
      note: 'Kết thúc hoạt động của đảng bộ cấp huyện.',
    })),
  ],
};
