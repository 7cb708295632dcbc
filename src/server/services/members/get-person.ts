import { sql } from 'drizzle-orm';
import type { MemberCategory, Position } from '#core/org-tree/kinds.ts';
import type { PersonDetail } from '#shared/members.ts';
import type { ServiceContext } from '../context.ts';
import { personFor } from './scope.ts';

/**
 * A person with every membership, past ones included, oldest first. Throws PERSON_NOT_FOUND when
 * the person is deleted or out of the actor's sight.
 */
export async function getPerson(id: string, { actor, tx }: ServiceContext): Promise<PersonDetail> {
  const p = await personFor(tx, actor, id, 'read');
  const memberships = await tx.execute<PersonDetail['memberships'][number] & { category: MemberCategory; positions: Position[] }>(sql`
    SELECT m.id, m.unit_id AS "unitId", u.name AS "unitName", m.category, m.positions, m.valid_from::text AS "validFrom",
           m.valid_to::text AS "validTo", m.end_reason AS "endReason"
    FROM membership m JOIN unit u ON u.id = m.unit_id
    WHERE m.person_id = ${id}
    ORDER BY m.valid_from, m.valid_to NULLS LAST, m.created_at`);
  return {
    id: p.id,
    fullName: p.fullName,
    unitId: p.unitId,
    unitName: p.unitName,
    gender: p.gender,
    birthDate: p.birthDate,
    phone: p.phone,
    email: p.email,
    partyCardNo: p.partyCardNo,
    joinedPartyOn: p.joinedPartyOn,
    jobTitle: p.jobTitle,
    memberships: memberships.rows,
  };
}
