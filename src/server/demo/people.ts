import type { IsoDate } from '#core/ids.ts';
import type { MemberCategory, Position, UnitKind } from '#core/org-tree/kinds.ts';
import type { Gender, Region } from './names.ts';
import { Rng, demoUuid, vietnameseName } from './names.ts';
import type { PeopleProfile } from './spec.ts';

/** A person of the demo with the one membership they start with. */
export interface PlannedPerson {
  id: string;
  unitId: string;
  fullName: string;
  gender: Gender;
  birthDate: IsoDate;
  partyCardNo: string | null;
  joinedPartyOn: IsoDate | null;
  jobTitle: string | null;
  category: MemberCategory;
  positions: Position[];
  validFrom: IsoDate;
}

export interface PeopleContext {
  region: Region;
  families: readonly (readonly [string, number])[];
  /** The next party card number of the province (8 digits, unique). */
  nextCard: () => string;
}

export interface PeopleUnit {
  id: string;
  key: string;
  kind: UnitKind;
  name: string;
  profile: PeopleProfile;
  size: number | undefined;
  rapporteurs: number | undefined;
  validFrom: IsoDate;
}

/** Whom a profile draws: ages (birth years) of its members and of its leaders, share of men, usual size. */
const PROFILES: Record<PeopleProfile, { born: [number, number]; leaders: [number, number]; men: number; size: [number, number] }> = {
  committee: { born: [1963, 1982], leaders: [1960, 1972], men: 0.75, size: [7, 9] },
  cell: { born: [1964, 1999], leaders: [1962, 1985], men: 0.55, size: [8, 25] },
  department: { born: [1968, 1995], leaders: [1964, 1978], men: 0.55, size: [3, 6] },
  youth_committee: { born: [1987, 1998], leaders: [1985, 1992], men: 0.55, size: [5, 7] },
  youth_cell: { born: [1992, 2004], leaders: [1990, 1998], men: 0.5, size: [8, 25] },
  veterans: { born: [1948, 1972], leaders: [1948, 1962], men: 0.92, size: [8, 20] },
  women: { born: [1965, 1998], leaders: [1965, 1982], men: 0, size: [10, 20] },
  union: { born: [1968, 1998], leaders: [1965, 1980], men: 0.5, size: [10, 20] },
  workers_union: { born: [1970, 2000], leaders: [1968, 1985], men: 0.8, size: [12, 25] },
  front: { born: [1950, 1992], leaders: [1955, 1975], men: 0.55, size: [8, 16] },
};

/** Kinds whose committee has a standing committee (Ban Thường vụ) and two deputy secretaries. */
const UPPER_COMMITTEES: readonly UnitKind[] = ['province_committee', 'district_committee', 'bloc_committee', 'youth_city', 'youth_bloc'];

/** Party members of a cell who joined recently are probationary (dự bị) for twelve months. */
const PROBATION_FROM = '2024-09-01';
const PROBATION_TO = '2025-01-31';
/** Full members of the 2020 - 2025 term joined before it began. */
const JOINED_BEFORE = '2020-09-30';

function headTitle(unitName: string): string {
  if (unitName.startsWith('Ủy ban Kiểm tra')) return 'Chủ nhiệm Ủy ban Kiểm tra';
  if (unitName.startsWith('Văn phòng')) return 'Chánh Văn phòng';
  return 'Trưởng ban';
}

/**
 * The people of one unit, drawn from a generator seeded by the unit's key: the same people on
 * every start. The first people of a unit hold its positions (bí thư first).
 */
export function generatePeople(unit: PeopleUnit, ctx: PeopleContext): PlannedPerson[] {
  const rng = new Rng(unit.key);
  const profile = PROFILES[unit.profile];
  const upper = UPPER_COMMITTEES.includes(unit.kind);
  const size = unit.size ?? (unit.profile === 'youth_committee' && upper ? 9 : rng.int(...profile.size));
  const probationAllowed = unit.validFrom < PROBATION_FROM;
  const people: PlannedPerson[] = [];

  const names = new Set<string>();
  for (let i = 0; i < size; i++) {
    const gender: Gender = rng.chance(profile.men) ? 'nam' : 'nu';
    let fullName = vietnameseName(rng, gender, ctx.region, ctx.families);
    // Two people of one unit with the same full name would only confuse the demo.
    while (names.has(fullName)) fullName = vietnameseName(rng, gender, ctx.region, ctx.families);
    names.add(fullName);
    const leader = i === 0 || (i < 3 && (unit.profile === 'committee' || unit.profile === 'youth_committee'));
    const born = leader ? profile.leaders : profile.born;
    const birthDate = rng.date(`${born[0]}-01-01`, `${born[1]}-12-31`);
    const positions: Position[] = [];
    let category: MemberCategory;
    let jobTitle: string | null = null;
    let party: 'full' | 'probationary' | null = null;

    switch (unit.profile) {
      case 'committee': {
        category = 'party_full';
        party = 'full';
        if (i === 0) positions.push('secretary');
        else if (i === 1 || (upper && i === 2)) positions.push('deputy_secretary');
        else positions.push('committee_member');
        if (upper && i < Math.max(4, Math.round(size / 3))) positions.push('standing_member');
        if (!upper && size >= 9 && i < 3) positions.push('standing_member');
        break;
      }
      case 'cell': {
        const holdsPosition = i === 0 || (i === 1 && size >= 10) || (i < 4 && size >= 15);
        party = !holdsPosition && probationAllowed && rng.chance(0.08) ? 'probationary' : 'full';
        category = party === 'full' ? 'party_full' : 'party_probationary';
        if (i === 0) positions.push('secretary');
        else if (i === 1 && size >= 10) positions.push('deputy_secretary');
        else if (i < 4 && size >= 15) positions.push('committee_member');
        else if (i === 4 && rng.chance(0.5)) positions.push('propagandist');
        break;
      }
      case 'department': {
        category = 'cadre';
        party = 'full';
        const inspection = unit.name.startsWith('Ủy ban Kiểm tra');
        if (i === 0) positions.push('head');
        if (inspection) positions.push('inspector');
        jobTitle = i === 0 ? headTitle(unit.name) : inspection ? 'Kiểm tra viên' : 'Chuyên viên';
        break;
      }
      case 'youth_committee': {
        category = 'youth';
        if (i === 0) positions.push('secretary');
        else if (i === 1 || (upper && i === 2)) positions.push('deputy_secretary');
        else positions.push('committee_member');
        if (upper && i < 5) positions.push('standing_member');
        break;
      }
      case 'youth_cell': {
        category = 'youth';
        if (i === 0) positions.push('secretary');
        else if (i === 1 && size >= 10) positions.push('deputy_secretary');
        else if (i === 2 && size >= 12) positions.push('committee_member');
        break;
      }
      case 'veterans':
      case 'women':
      case 'union':
      case 'workers_union':
      case 'front': {
        if (i === 0) {
          positions.push('head');
          jobTitle = unit.profile === 'front' ? 'Chủ tịch Ủy ban Mặt trận' : 'Chủ tịch';
        } else if (i < 3) {
          positions.push('committee_member');
        }
        if (unit.profile === 'union') category = 'cadre';
        else if (unit.profile === 'workers_union') category = i > 0 && rng.chance(0.8) ? 'worker' : 'cadre';
        else if (unit.profile === 'front') category = i < 3 ? 'cadre' : rng.chance(0.7) ? 'masses' : 'association';
        else category = 'association';
        break;
      }
    }

    let joinedPartyOn: IsoDate | null = null;
    let validFrom = unit.validFrom;
    if (party === 'full') {
      const birthYear = Number(birthDate.slice(0, 4));
      const from = `${birthYear + 19}-01-01`;
      const to = `${Math.min(birthYear + 40, 2020)}-09-30`;
      joinedPartyOn = rng.date(from, to < JOINED_BEFORE ? to : JOINED_BEFORE);
    } else if (party === 'probationary') {
      joinedPartyOn = rng.date(PROBATION_FROM, PROBATION_TO);
      validFrom = joinedPartyOn;
    }

    people.push({
      id: demoUuid(`${unit.key}#${i}`),
      unitId: unit.id,
      fullName,
      gender,
      birthDate,
      partyCardNo: party ? ctx.nextCard() : null,
      joinedPartyOn,
      jobTitle,
      category,
      positions,
      validFrom,
    });
  }

  // Rapporteurs (báo cáo viên) are drawn from the committee or the staff, never the secretary.
  const rapporteurs = Math.min(unit.rapporteurs ?? 0, Math.max(0, people.length - 1));
  for (let r = 0; r < rapporteurs; r++) people[people.length - 1 - r]!.positions.push('rapporteur');
  return people;
}
