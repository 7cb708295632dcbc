import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { PersonUpdate } from '#shared/members.ts';
import { nameColumns, takenPartyCards } from '../../db/queries/members.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { personFor } from './scope.ts';

const COLUMN: Record<Exclude<keyof PersonUpdate, 'fullName'>, { column: string; date?: true }> = {
  gender: { column: 'gender' },
  birthDate: { column: 'birth_date', date: true },
  phone: { column: 'phone' },
  email: { column: 'email' },
  partyCardNo: { column: 'party_card_no' },
  joinedPartyOn: { column: 'joined_party_on', date: true },
  jobTitle: { column: 'job_title' },
};

/**
 * Edits a person's own fields (a field left out is kept, `null` clears it). A new name refreshes
 * the search and sort columns. Throws PERSON_NOT_FOUND, FORBIDDEN, PARTY_CARD_TAKEN.
 */
export async function updatePerson(id: string, input: PersonUpdate, { actor, tx, now }: ServiceContext): Promise<void> {
  const before = await personFor(tx, actor, id, 'manage_members', true);
  const sets: SQL[] = [];
  const changed: Record<string, unknown> = {};
  const was: Record<string, unknown> = {};
  if (input.fullName !== undefined) {
    const n = nameColumns(input.fullName);
    sets.push(sql`full_name = ${n.fullName}, name_folded = ${n.nameFolded}, sort_key = ${n.sortKey}`);
    changed.fullName = n.fullName;
    was.fullName = before.fullName;
  }
  for (const [key, spec] of Object.entries(COLUMN) as [keyof typeof COLUMN, (typeof COLUMN)[keyof typeof COLUMN]][]) {
    const raw = input[key];
    if (raw === undefined) continue;
    // An empty text clears the field, as null does.
    const value = raw === '' ? null : raw;
    sets.push(spec.date ? sql`${sql.identifier(spec.column)} = ${value}::date` : sql`${sql.identifier(spec.column)} = ${value}`);
    changed[key] = value;
    was[key] = before[key];
  }
  if (sets.length === 0) return;
  const card = changed.partyCardNo;
  if (typeof card === 'string' && card !== before.partyCardNo && (await takenPartyCards(tx, [card], id)).size > 0) {
    throw new DomainError('PARTY_CARD_TAKEN', `Số thẻ đảng viên "${card}" đã được dùng cho một người khác.`);
  }
  await tx.execute(sql`UPDATE person SET ${sql.join(sets, sql`, `)}, updated_at = now() WHERE id = ${id}`);
  await writeAudit(tx, actor, { action: 'person.update', entity: 'person', entityId: id, unitPath: before.path, before: was, after: changed }, now);
}
