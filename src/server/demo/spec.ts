import type { IsoDate } from '#core/ids.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import type { Region } from './names.ts';

/**
 * Who fills a unit of the demo, and in which roles:
 * - `committee`: the elected committee (cấp ủy) of a Tỉnh ủy, Thị ủy, Đảng ủy Khối or Đảng bộ cơ sở:
 *   bí thư, phó bí thư, ủy viên ban thường vụ, cấp ủy viên; full party members
 * - `cell`: the party members of a chi bộ: bí thư, phó bí thư, chi ủy viên, tuyên truyền viên, mostly
 *   full members and a few probationary ones
 * - `department`: the cadres of a Ban, Văn phòng or Ủy ban Kiểm tra, with its head
 * - `youth_committee`: the executive committee of a Thành Đoàn, Đoàn Khối or Đoàn cơ sở
 * - `youth_cell`: the đoàn viên of a chi đoàn (or of a commune's Đoàn with no chi đoàn)
 * - `veterans`, `women`: hội viên of a Hội Cựu chiến binh, Hội Phụ nữ
 * - `union`: union members who are civil servants (Công đoàn Viên chức)
 * - `workers_union`: union members of an enterprise, mostly workers
 * - `front`: the Mặt trận Tổ quốc of a commune: non-members (quần chúng) and hội viên
 */
export type PeopleProfile =
  | 'committee'
  | 'cell'
  | 'department'
  | 'youth_committee'
  | 'youth_cell'
  | 'veterans'
  | 'women'
  | 'union'
  | 'workers_union'
  | 'front';

export interface UnitSpec {
  /** A name the loader knows the unit by (restructuring steps and demo users refer to it). */
  ref?: string;
  kind: UnitKind;
  name: string;
  shortName?: string;
  /** An elected committee with a term of office (2020 - 2025). */
  term?: boolean;
  people?: PeopleProfile;
  /** How many people; drawn from the profile's usual range when left out. */
  size?: number;
  /** How many committee members are also rapporteurs (báo cáo viên). */
  rapporteurs?: number;
  children?: UnitSpec[];
}

/**
 * A dated restructuring step, carried out with the same services a user would call, so the
 * tree of 2022 and today's tree differ exactly as they would after real use.
 * - `create`: a new unit (and sub-units) from `on`, with its people
 * - `move`: units move under another parent
 * - `merge`: units end and their members and sub-units pass to `into`; the members that came from
 *   `keepLeadersOf` keep their positions (they become the leaders of the merged unit)
 * - `rename`: a new name from `on`
 * - `dissolve`: the unit ends; memberships still open end that day ("transferred_out")
 */
export type ReformStep =
  | { kind: 'create'; on: IsoDate; parent: string; unit: UnitSpec; note?: string }
  | { kind: 'move'; on: IsoDate; units: string[]; to: string; note: string }
  | { kind: 'merge'; on: IsoDate; sources: string[]; into: string; keepLeadersOf?: string; note: string }
  | { kind: 'rename'; on: IsoDate; unit: string; name: string; shortName?: string | null }
  | { kind: 'dissolve'; on: IsoDate; unit: string; note: string };

/** One organisation of the demo: a tree as it stood in the 2020 - 2025 term, and what changed since. */
export interface DemoTree {
  /** Prefix of every generated key and id (stable across starts). */
  key: string;
  region: Region;
  /** First two digits of the party card numbers of the tree (the province's administrative code). */
  cardPrefix: string;
  /** Local family names added to the regional list. */
  families?: readonly (readonly [string, number])[];
  root: UnitSpec;
  reform: ReformStep[];
}

export const TERM_FROM = '2020-10-01' as IsoDate;

/** A department (Ban, Văn phòng, Ủy ban Kiểm tra) of a committee. */
export function department(name: string, o: Partial<UnitSpec> = {}): UnitSpec {
  return { kind: 'department', name, people: 'department', ...o };
}

/** A party cell (chi bộ trực thuộc) of a Đảng bộ. */
export function cell(name: string, o: Partial<UnitSpec> = {}): UnitSpec {
  return { kind: 'cell', name, people: 'cell', ...o };
}

/** A grassroots party organisation with cells (Đảng bộ cơ sở) and an elected committee. */
export function partyOrg(name: string, cells: (string | UnitSpec)[], o: Partial<UnitSpec> = {}): UnitSpec {
  const { children = [], ...rest } = o;
  return {
    kind: 'grassroots',
    name,
    term: true,
    people: 'committee',
    children: [...cells.map((c) => (typeof c === 'string' ? cell(c) : c)), ...children],
    ...rest,
  };
}

/** A grassroots party cell without sub-units (chi bộ cơ sở). */
export function partyCell(name: string, o: Partial<UnitSpec> = {}): UnitSpec {
  return { kind: 'grassroots_cell', name, term: true, people: 'cell', ...o };
}

/** A mass organisation (Công đoàn, Hội Cựu chiến binh, Hội Phụ nữ, Mặt trận). */
export function massOrg(name: string, people: PeopleProfile, o: Partial<UnitSpec> = {}): UnitSpec {
  return { kind: 'mass_org', name, people, ...o };
}

/** A youth-union cell (chi đoàn). */
export function youthCell(name: string, o: Partial<UnitSpec> = {}): UnitSpec {
  return { kind: 'youth_cell', name, people: 'youth_cell', ...o };
}
