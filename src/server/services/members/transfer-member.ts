import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { formatViDate } from '#core/text/dates.ts';
import type { Transfer } from '#shared/members.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { MEMBERSHIP_COLUMNS } from '../../db/queries/members.ts';
import type { MembershipRow } from '../../db/queries/members.ts';
import type { ServiceContext } from '../context.ts';
import { moveAccountsWithMember } from './member-accounts.ts';
import { moveRoundRecords } from '../../db/queries/personal-plans.ts';
import { personFor, requireActive, unitFor } from './scope.ts';
import type { Tx } from '../../db/client.ts';

/**
 * Moves a person to another unit on a date: the open memberships in the managing unit end that
 * day (end reason `transferred`), a membership in the target unit starts that day with the same
 * category (or the one given), and the target becomes the managing unit. History is kept: on a
 * day before the transfer the person is listed under the old unit. The actor must manage the
 * members of both units. The person's accounts move with them: grants on the old unit are revoked
 * and each gets the member's grant on the new unit (moveAccountsWithMember). Throws PERSON_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE,
 * SAME_UNIT, DATE_BEFORE_MEMBERSHIP, DATE_BEFORE_UNIT, CATEGORY_REQUIRED.
 */
export async function transferMember(personId: string, input: Transfer, { actor, tx, now }: ServiceContext): Promise<void> {
  const person = await personFor(tx, actor, personId, 'manage_members', true);
  const target = await unitFor(tx, actor, input.toUnitId, 'manage_members');
  requireActive(target);
  if (target.id === person.unitId) throw new DomainError('SAME_UNIT', `${person.fullName} đang sinh hoạt tại "${target.name}".`);
  if (input.on < target.validFrom) {
    throw new DomainError('DATE_BEFORE_UNIT', `Ngày chuyển ${formatViDate(input.on)} trước ngày thành lập của "${target.name}" (${formatViDate(target.validFrom)}).`);
  }
  const open = await openMemberships(tx, person.id, person.unitId);
  const latest = open.reduce<string | null>((d, m) => (d === null || m.validFrom > d ? m.validFrom : d), null);
  if (latest !== null && input.on < latest) {
    throw new DomainError(
      'DATE_BEFORE_MEMBERSHIP',
      `Ngày chuyển ${formatViDate(input.on)} trước ngày bắt đầu sinh hoạt tại "${person.unitName}" (${formatViDate(latest)}). Hãy chọn ngày từ ${formatViDate(latest)} trở đi.`,
    );
  }
  const category = input.category ?? open[0]?.category;
  if (!category) {
    throw new DomainError('CATEGORY_REQUIRED', `${person.fullName} không còn sinh hoạt tại "${person.unitName}"; hãy chọn loại thành viên tại đơn vị mới.`);
  }
  if (open.length > 0) {
    await tx.execute(sql`UPDATE membership SET valid_to = ${input.on}::date, end_reason = 'transferred'
      WHERE id IN (${sql.join(open.map((m) => sql`${m.id}`), sql`, `)})`);
  }
  const created = await tx.execute<{ id: string }>(sql`
    INSERT INTO membership (person_id, unit_id, category, positions, valid_from) VALUES (${person.id}, ${target.id}, ${category}, '{}', ${input.on}::date)
    RETURNING id`);
  await tx.execute(sql`UPDATE person SET unit_id = ${target.id}, updated_at = now() WHERE id = ${person.id}`);
  // Their personal plans and pledges go with them, and count in the new unit from today (ADR 020).
  await moveRoundRecords(tx, [person.id], { id: target.id, path: target.path });
  const detail = {
    personId: person.id, fullName: person.fullName, on: input.on, note: input.note ?? null,
    from: { unitId: person.unitId, unitName: person.unitName, memberships: open.map((m) => m.id) },
    to: { unitId: target.id, unitName: target.name, membership: created.rows[0]!.id, category },
  };
  // Each side's leaders read the transfer in their own audit log.
  await writeAudit(tx, actor, { action: 'member.transfer_out', entity: 'person', entityId: person.id, unitPath: person.path, after: detail }, now);
  await writeAudit(tx, actor, { action: 'member.transfer_in', entity: 'person', entityId: person.id, unitPath: target.path, after: detail }, now);
  await moveAccountsWithMember(tx, actor, { personId: person.id, from: { id: person.unitId, path: person.path }, to: { id: target.id, path: target.path } }, now);
}

/** The open memberships of a person in one unit, locked. */
async function openMemberships(tx: Tx, personId: string, unitId: string): Promise<MembershipRow[]> {
  const r = await tx.execute<MembershipRow>(sql`
    SELECT ${MEMBERSHIP_COLUMNS} FROM membership m JOIN unit u ON u.id = m.unit_id
    WHERE m.person_id = ${personId} AND m.unit_id = ${unitId} AND m.valid_to IS NULL
    ORDER BY m.valid_from, m.created_at FOR UPDATE OF m`);
  return r.rows;
}
