/**
 * Unit kinds of the organisation tree (GLOSSARY.md "Organisation"). The Party tree, the state
 * bodies and each mass organisation form trees of their own; `family` says which one a kind
 * belongs to, which later decides the document format (Party, state, Youth Union).
 */
export const UNIT_KINDS = {
  central: { family: 'party', vi: 'Ban Chấp hành Trung ương', en: 'Central Committee', level: 0 },
  province_committee: { family: 'party', vi: 'Tỉnh ủy, Thành ủy', en: 'Provincial party committee', level: 1 },
  district_committee: { family: 'party', vi: 'Huyện ủy, Thị ủy, Quận ủy', en: 'District party committee', level: 2 },
  bloc_committee: { family: 'party', vi: 'Đảng ủy Khối', en: 'Bloc party committee', level: 2 },
  department: { family: 'party', vi: 'Ban, văn phòng của cấp ủy', en: 'Committee department', level: 3 },
  grassroots: { family: 'party', vi: 'Đảng bộ cơ sở', en: 'Grassroots party organisation', level: 3 },
  grassroots_cell: { family: 'party', vi: 'Chi bộ cơ sở', en: 'Grassroots party cell', level: 3 },
  sub_grassroots: { family: 'party', vi: 'Đảng bộ bộ phận', en: 'Intermediate party organisation', level: 4 },
  cell: { family: 'party', vi: 'Chi bộ', en: 'Party cell', level: 4 },
  state_body: { family: 'state', vi: 'Cơ quan nhà nước (UBND, sở, ngành)', en: 'State body', level: 2 },
  youth_city: { family: 'youth', vi: 'Thành Đoàn, Tỉnh Đoàn', en: 'City / provincial youth union', level: 1 },
  youth_bloc: { family: 'youth', vi: 'Đoàn Khối', en: 'Bloc youth union', level: 2 },
  youth_grassroots: { family: 'youth', vi: 'Đoàn cơ sở', en: 'Grassroots youth union', level: 3 },
  youth_cell: { family: 'youth', vi: 'Chi đoàn', en: 'Youth union cell', level: 4 },
  mass_org: { family: 'mass', vi: 'Tổ chức đoàn thể (Công đoàn, Hội Phụ nữ, Hội Cựu chiến binh, MTTQ)', en: 'Mass organisation', level: 3 },
} as const;

export type UnitKind = keyof typeof UNIT_KINDS;
export type UnitFamily = (typeof UNIT_KINDS)[UnitKind]['family'];
export const UNIT_KIND_NAMES = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

/** Kinds that count as "grassroots" for a plan addressed to "all grassroots organisations and cells". */
export const GRASSROOTS_KINDS: readonly UnitKind[] = ['grassroots', 'grassroots_cell', 'sub_grassroots', 'cell', 'youth_grassroots', 'youth_cell'];

/**
 * The grassroots kinds of a unit's own tree: a Party committee's "all grassroots organisations
 * and cells" are Party ones, a youth union's are youth ones. Families without grassroots kinds
 * of their own (state bodies, mass organisations) reach every grassroots kind.
 */
export function grassrootsKindsOf(kind: UnitKind | undefined): readonly UnitKind[] {
  if (!kind) return GRASSROOTS_KINDS;
  const family = UNIT_KINDS[kind].family;
  const own = GRASSROOTS_KINDS.filter((k) => UNIT_KINDS[k].family === family);
  return own.length > 0 ? own : GRASSROOTS_KINDS;
}

/** Member categories (GLOSSARY.md "People"). */
export const MEMBER_CATEGORIES = {
  party_full: { vi: 'Đảng viên chính thức', en: 'Full party member' },
  party_probationary: { vi: 'Đảng viên dự bị', en: 'Probationary party member' },
  youth: { vi: 'Đoàn viên', en: 'Youth union member' },
  association: { vi: 'Hội viên', en: 'Association member' },
  cadre: { vi: 'Cán bộ, công chức, viên chức', en: 'Cadre, civil servant' },
  worker: { vi: 'Người lao động', en: 'Worker' },
  masses: { vi: 'Quần chúng', en: 'Non-member' },
} as const;
export type MemberCategory = keyof typeof MEMBER_CATEGORIES;
export const MEMBER_CATEGORY_NAMES = Object.keys(MEMBER_CATEGORIES) as [MemberCategory, ...MemberCategory[]];

/** Positions a person holds in a unit (membership roles), distinct from access roles of users. */
export const POSITIONS = {
  secretary: { vi: 'Bí thư', en: 'Secretary' },
  deputy_secretary: { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  committee_member: { vi: 'Cấp ủy viên', en: 'Committee member' },
  standing_member: { vi: 'Ủy viên Ban Thường vụ', en: 'Standing committee member' },
  inspector: { vi: 'Ủy viên Ủy ban Kiểm tra', en: 'Inspection commission member' },
  rapporteur: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  propagandist: { vi: 'Tuyên truyền viên', en: 'Propagandist' },
  head: { vi: 'Người đứng đầu', en: 'Head of unit' },
} as const;
export type Position = keyof typeof POSITIONS;
export const POSITION_NAMES = Object.keys(POSITIONS) as [Position, ...Position[]];
