import type { Action } from '../../../core/access/roles.ts';
import type { Actor, TreePath } from '../../../core/access/scope.ts';
import { can } from '../../../core/access/scope.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Tx } from '../../db/client.ts';
import type { MembershipRow, PersonRow } from '../../db/queries/members.ts';
import { lookupMembership, lookupPerson } from '../../db/queries/members.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { lookupUnit } from '../../db/queries/units.ts';

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
