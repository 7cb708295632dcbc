import { vietnamDate } from '#core/ids.ts';
import type { MemberList, MemberListQuery } from '#shared/members.ts';
import { countMembers, findMemberRows } from '../../db/queries/members.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from './scope.ts';
import { readTogether } from '../../db/read-together.ts';

/**
 * The members of a unit on a day (default: today in Vietnam), a page at a time, in Vietnamese
 * name order; `q` searches the name without diacritics, `subtree` includes the sub-units.
 * Throws UNIT_NOT_FOUND when the unit is out of the actor's sight.
 */
export async function findMembers(unitId: string, q: MemberListQuery, { actor, tx, now }: ServiceContext): Promise<MemberList> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  const filter = { unitId, unitPath: unit.path, on: q.on ?? vietnamDate(now), subtree: q.subtree === 'true', q: q.q, category: q.category };
  const [rows, total] = await readTogether(tx, [() => findMemberRows(tx, filter, { limit: q.limit, offset: q.offset }), () => countMembers(tx, filter)]);
  return {
    items: rows.map((r) => ({
      personId: r.personId,
      membershipId: r.membershipId,
      fullName: r.fullName,
      gender: r.gender,
      birthDate: r.birthDate,
      category: r.category,
      positions: r.positions,
      validFrom: r.validFrom,
      validTo: r.validTo,
      partyCardNo: r.partyCardNo,
      phone: r.phone,
    })),
    total,
  };
}
