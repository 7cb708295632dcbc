import type { UnitKind } from '#core/org-tree/kinds.ts';

const NEXT: Partial<Record<UnitKind, UnitKind>> = {
  central: 'province_committee',
  province_committee: 'district_committee',
  district_committee: 'grassroots',
  bloc_committee: 'grassroots',
  grassroots: 'cell',
  sub_grassroots: 'cell',
  youth_city: 'youth_bloc',
  youth_bloc: 'youth_grassroots',
  youth_grassroots: 'youth_cell',
};

/** The kind a new sub-unit most likely has, given its parent's kind. */
export function suggestedChildKind(parent: string): UnitKind {
  return NEXT[parent as UnitKind] ?? 'cell';
}
