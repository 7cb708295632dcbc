import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { formatViDate } from '#core/text/dates.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { endAccountsWithMembership } from './member-accounts.ts';
import { membershipFor } from './scope.ts';

/**
 * Ends a membership on `on` (left, deceased, expelled…); the person and the history are kept.
 * When it was the person's last open membership their accounts end with it (disabled, signed out,
 * grants revoked: endAccountsWithMembership), in the same transaction. Throws MEMBERSHIP_NOT_FOUND, FORBIDDEN, MEMBERSHIP_ENDED, DATE_BEFORE_MEMBERSHIP.
 */
export async function endMembership(
  id: string,
  input: { on: IsoDate; reason: string; note?: string | undefined },
  { actor, tx, now }: ServiceContext,
): Promise<void> {
  const m = await membershipFor(tx, actor, id, 'manage_members', true);
  if (m.validTo !== null) throw new DomainError('MEMBERSHIP_ENDED', `Quá trình sinh hoạt này đã kết thúc ngày ${formatViDate(m.validTo)}.`);
  if (input.on < m.validFrom) {
    throw new DomainError(
      'DATE_BEFORE_MEMBERSHIP',
      `Ngày kết thúc ${formatViDate(input.on)} trước ngày bắt đầu sinh hoạt tại đơn vị (${formatViDate(m.validFrom)}).`,
    );
  }
  await tx.execute(sql`UPDATE membership SET valid_to = ${input.on}::date, end_reason = ${input.reason} WHERE id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'membership.end', entity: 'membership', entityId: id, unitPath: m.path,
    before: { validTo: null }, after: { validTo: input.on, endReason: input.reason, note: input.note ?? null },
  }, now);
  await endAccountsWithMembership(tx, actor, { id: m.personId, unitPath: m.path, reason: input.reason }, now);
}
