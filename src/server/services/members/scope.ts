import type { Action } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Tx } from '../../db/client.ts';
import { MEMBERSHIP_COLUMNS } from '../../db/queries/members.ts';
import type { MembershipRow } from '../../db/queries/members.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import { sql } from 'drizzle-orm';

/**
 * Loading what a members use case acts on, with the access check of the tree: out of the actor's
 * sight is "not found" (nothing is revealed), in sight but not allowed is FORBIDDEN.
 */
function check(actor: Actor, action: Action, path: TreePath, notFound: () => DomainError): void {
  if (can(actor, action, path)) return;
  if (!can(actor, 'read', path)) throw notFound();
  throw new DomainError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
}

const unitNotFound = () => new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
const personNotFound = () => new DomainError('PERSON_NOT_FOUND', 'Không tìm thấy người này hoặc bạn không có quyền xem.');
const membershipNotFound = () => new DomainError('MEMBERSHIP_NOT_FOUND', 'Không tìm thấy quá trình sinh hoạt này hoặc bạn không có quyền xem.');

export async function unitFor(tx: Tx, actor: Actor, id: string, action: Action, forUpdate = false): Promise<UnitRow> {
  const u = await lookupUnit(tx, id, forUpdate);
  if (!u) throw unitNotFound();
  check(actor, action, u.path, unitNotFound);
  return u;
}

export async function personFor(tx: Tx, actor: Actor, id: string, action: Action, forUpdate = false): Promise<PersonRow> {
  const p = await lookupPerson(tx, id, forUpdate);
  if (!p) throw personNotFound();
  check(actor, action, p.path, personNotFound);
  return p;
}

export async function membershipFor(tx: Tx, actor: Actor, id: string, action: Action, forUpdate = false): Promise<MembershipRow> {
  const m = await lookupMembership(tx, id, forUpdate);
  if (!m) throw membershipNotFound();
  check(actor, action, m.path, membershipNotFound);
  return m;
}

/** Refuses a unit that was dissolved or merged: it takes no new members. */
export function requireActive(unit: UnitRow): void {
  if (unit.validTo !== null) {
    throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập, không thể thêm hay chuyển thành viên đến.`);
  }
}

/** A person that is not deleted, or null; `forUpdate` locks the row. */
async function lookupPerson(tx: Tx, id: string, forUpdate = false): Promise<PersonRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF p') : sql.raw('');
  const r = await tx.execute<PersonRow>(sql`
    SELECT ${PERSON_COLUMNS} FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ${id} AND p.deleted_at IS NULL ${lock}`);
  return r.rows[0] ?? null;
}

/** A membership of a person that is not deleted, or null; `forUpdate` locks the row. */
async function lookupMembership(tx: Tx, id: string, forUpdate = false): Promise<MembershipRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF m') : sql.raw('');
  const r = await tx.execute<MembershipRow>(sql`
    SELECT ${MEMBERSHIP_COLUMNS} FROM membership m JOIN unit u ON u.id = m.unit_id JOIN person p ON p.id = m.person_id
    WHERE m.id = ${id} AND p.deleted_at IS NULL ${lock}`);
  return r.rows[0] ?? null;
}

/** A person as stored, with the path of the managing unit (where access to the person is decided). */
export type PersonRow = {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string;
  path: TreePath;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  partyCardNo: string | null;
  joinedPartyOn: string | null;
  jobTitle: string | null;
};

const PERSON_COLUMNS = sql.raw(`p.id, p.full_name AS "fullName", p.unit_id AS "unitId", u.name AS "unitName", u.path::text AS path,
  p.gender, p.birth_date::text AS "birthDate", p.phone, p.email, p.party_card_no AS "partyCardNo",
  p.joined_party_on::text AS "joinedPartyOn", p.job_title AS "jobTitle"`);
