import { DomainError } from '#core/errors.ts';
import type { MemberCreate } from '#shared/members.ts';
import { insertMembers, takenPartyCards } from '../../db/queries/members.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { requireActive, unitFor } from './scope.ts';

/**
 * Adds a person to a unit: the person, managed by that unit, and a membership from `validFrom`.
 * Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE, PARTY_CARD_TAKEN.
 */
export async function createMember(unitId: string, input: MemberCreate, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  const unit = await unitFor(tx, actor, unitId, 'manage_members', true);
  requireActive(unit);
  if (input.partyCardNo && (await takenPartyCards(tx, [input.partyCardNo])).size > 0) {
    throw new DomainError('PARTY_CARD_TAKEN', `Số thẻ đảng viên "${input.partyCardNo}" đã được dùng cho một người khác.`);
  }
  const [id] = await insertMembers(tx, [{ unitId: unit.id, member: input }]);
  await writeAudit(tx, actor, { action: 'member.create', entity: 'person', entityId: id!, unitPath: unit.path, after: input }, now);
  return { id: id! };
}
