/**
 * The files a province's set-up imports (issue 15): its tree list and its member list, as a
 * committee's office would fill in the templates — deterministic for a seed, so two runs import
 * the same files.
 */
import { Rng, vietnameseName } from '#server/demo/names.ts';
import { cellName, grassrootsName, PLACES } from './names.ts';

export interface ProvinceShape {
  /** District committees under the province. */
  districts: number;
  /** Grassroots organisations under each district committee. */
  grassrootsPerDistrict: number;
  /** Units in all (the province itself not counted): the rest are cells, spread over the grassroots organisations. */
  units: number;
  /** Members in all, spread over the cells; the first of each cell is its secretary. */
  members: number;
}

/** A province of about 10,000 units and 150,000 members: 30 districts of 20 grassroots organisations, ~15.6 cells each. */
export const PROVINCE_SHAPE: ProvinceShape = { districts: 30, grassrootsPerDistrict: 20, units: 10_000, members: 150_000 };

export interface SetUpFiles {
  /** The tree list (CSV, UTF-8): every unit below the province, with the province's code `T` as the top parent. */
  treeCsv: string;
  /** The member list (CSV, UTF-8): every member with the code of their cell and, for one in each cell, "Bí thư". */
  membersCsv: string;
  cells: number;
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const line = (cells: string[]) => cells.map(quote).join(',');

/** The province's files; `topCode` is the code of the province unit already created. */
export function provinceFiles(shape: ProvinceShape, seed = 'set-up', topCode = 'T'): SetUpFiles {
  const rng = new Rng(seed);
  const tree: string[] = [line(['Mã đơn vị', 'Tên đơn vị', 'Tên viết tắt', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Nhiệm kỳ', 'Ngày thành lập'])];
  const grassroots: string[] = [];
  for (let d = 1; d <= shape.districts; d++) {
    const code = `${topCode}.H${String(d).padStart(2, '0')}`;
    tree.push(line([code, `Huyện ủy ${PLACES[(d - 1) % PLACES.length]} ${d}`, `HU${d}`, 'district_committee', topCode, '2020 - 2025', '01/01/2020']));
    for (let g = 1; g <= shape.grassrootsPerDistrict; g++) {
      const gcode = `${code}.${String(g).padStart(2, '0')}`;
      grassroots.push(gcode);
      tree.push(line([gcode, grassrootsName(rng, 'district', true, g), '', 'grassroots', code, '2020 - 2025', '01/01/2020']));
    }
  }
  const cells = shape.units - shape.districts - grassroots.length;
  const cellCodes: string[] = [];
  for (let c = 0; c < cells; c++) {
    const parent = grassroots[c % grassroots.length]!;
    const j = Math.floor(c / grassroots.length);
    const code = `${parent}.${String(j + 1).padStart(2, '0')}`;
    cellCodes.push(code);
    tree.push(line([code, `${cellName(rng, 'district', j)} (${j + 1})`, '', 'cell', parent, '2022 - 2025', '01/06/2020']));
  }
  const members: string[] = [line(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại thành viên', 'Chức vụ', 'Ngày vào đơn vị', 'Mã đơn vị'])];
  for (let m = 0; m < shape.members; m++) {
    const cell = cellCodes[m % cellCodes.length]!;
    const first = m < cellCodes.length;
    const gender = rng.chance(0.45) ? 'nu' : 'nam';
    const fullName = vietnameseName(rng, gender, 'north');
    const year = 1960 + rng.int(0, 40);
    members.push(line([fullName, gender === 'nu' ? 'Nữ' : 'Nam', `15/0${1 + rng.int(0, 8)}/${year}`, 'Đảng viên chính thức', first ? 'Bí thư' : '', '01/07/2020', cell]));
  }
  return { treeCsv: `${tree.join('\n')}\n`, membersCsv: `${members.join('\n')}\n`, cells };
}
