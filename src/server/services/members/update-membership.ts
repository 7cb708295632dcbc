import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { MemberCategory, Position } from '#core/org-tree/kinds.ts';
import { codeArray } from '../../db/queries/members.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { membershipFor } from './scope.ts';

/**
 * Changes the category or the positions of a current membership. Throws MEMBERSHIP_NOT_FOUND,
 * FORBIDDEN, MEMBERSHIP_ENDED (a past membership is history and stays as it was).
 */
export async function updateMembership(
  id: string,
  input: { category?: MemberCategory | undefined; positions?: Position[] | undefined },
  { actor, tx, now }: ServiceContext,
): Promise<void> {
  const m = await membershipFor(tx, actor, id, 'manage_members', true);
  if (m.validTo !== null) {
    throw new DomainError('MEMBERSHIP_ENDED', 'Quá trình sinh hoạt này đã kết thúc; chỉ sửa được quá trình đang sinh hoạt.');
  }
  if (input.category === undefined && input.positions === undefined) return;
  const category = input.category ?? m.category;
  const positions = input.positions ? [...new Set(input.positions)] : m.positions;
  await tx.execute(sql`UPDATE membership SET category = ${category}, positions = ${codeArray(positions)}::text[] WHERE id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'membership.update', entity: 'membership', entityId: id, unitPath: m.path,
    before: { category: m.category, positions: m.positions }, after: { category, positions },
  }, now);
}
