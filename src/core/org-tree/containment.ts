import type { UnitKind } from './kinds.ts';
import { UNIT_KINDS } from './kinds.ts';

/**
 * Which kind of unit may sit directly under which (the "kind" rule of a tree import).
 *
 * The Party tree follows the Charter's levels: a provincial committee under the Central Committee, a
 * district or bloc committee under a provincial one (a bloc also under the Central Committee), a
 * grassroots organisation or grassroots cell under a provincial, district or bloc committee, an
 * intermediate organisation under a grassroots organisation, a cell under a grassroots or
 * intermediate organisation or directly under a district or bloc committee, and a committee's
 * departments (Ban, Văn phòng, Ủy ban Kiểm tra) under any committee down to the grassroots one.
 *
 * State bodies, mass organisations and the Youth Union form trees of their own: a unit sits under a
 * unit of its own family of a higher level (a family with a single kind nests in itself), or under a
 * Party unit led by a committee (any but a department) of the same level or the level just above,
 * as a Đảng ủy Khối leads its Đoàn Khối and the Công đoàn of the Khối, and a Đảng bộ cơ sở its
 * Công đoàn and Đoàn cơ sở. A Party unit never sits under a unit of another family.
 */
const PARTY_PARENTS: Readonly<Partial<Record<UnitKind, readonly UnitKind[]>>> = {
  central: [],
  province_committee: ['central'],
  district_committee: ['province_committee'],
  bloc_committee: ['central', 'province_committee'],
  department: ['central', 'province_committee', 'district_committee', 'bloc_committee', 'grassroots'],
  grassroots: ['province_committee', 'district_committee', 'bloc_committee'],
  grassroots_cell: ['province_committee', 'district_committee', 'bloc_committee'],
  sub_grassroots: ['grassroots'],
  cell: ['grassroots', 'sub_grassroots', 'district_committee', 'bloc_committee'],
};

const familySize = (family: string): number => Object.values(UNIT_KINDS).filter((k) => k.family === family).length;

/** True when a unit of kind `childKind` may be a direct sub-unit of a unit of kind `parentKind`. */
export function mayContain(parentKind: UnitKind, childKind: UnitKind): boolean {
  const parent = UNIT_KINDS[parentKind];
  const child = UNIT_KINDS[childKind];
  if (child.family === 'party') return PARTY_PARENTS[childKind]?.includes(parentKind) ?? false;
  if (parent.family === child.family) return parent.level < child.level || familySize(child.family) === 1;
  return parent.family === 'party' && parentKind !== 'department' && parent.level <= child.level && child.level <= parent.level + 1;
}
