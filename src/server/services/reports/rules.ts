import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, isWithin } from '#core/access/scope.ts';
import { roleAllows } from '#core/access/roles.ts';
import { DomainError } from '#core/errors.ts';

/**
 * Who may accept or return a unit's report: the receiving unit (src/core/reports/chain.ts) — a
 * user who may `write` there through a grant on that very unit (its committee's staff, its
 * departments' staff such as the Ban Tuyên giáo, hold their grant on the committee). A level
 * above the receiver sees the report by drill-down but does not review it: a cell under a đảng bộ
 * cơ sở is reviewed by the đảng bộ, never by the Khối.
 */
export function canReview(actor: Actor, i: { receiverPath: TreePath | null; unitPath: TreePath }): boolean {
  if (actor.superuser) return true;
  if (i.receiverPath === null || i.receiverPath === i.unitPath) return false;
  return actor.grants.some((g) => roleAllows(g.role, 'write') && g.unitPath === i.receiverPath);
}

/**
 * Who may fill and submit a unit's report as the unit: a user who may `write` through a grant on
 * the unit itself. A level above may `write` there too, but its report would not be the unit's:
 * it enters one only as an explicit "nhập thay" (canEnterOnBehalf), marked so. The administrator
 * (and the system's own jobs) may act as any unit.
 */
export function canSubmit(actor: Actor, unitPath: TreePath): boolean {
  if (actor.superuser) return true;
  return actor.grants.some((g) => roleAllows(g.role, 'write') && g.unitPath === unitPath);
}

/**
 * Who may enter a unit's report on its behalf (from a paper report, for a unit without an
 * account): a user who may `write` on a unit strictly above it, or the administrator.
 */
export function canEnterOnBehalf(actor: Actor, unitPath: TreePath): boolean {
  if (actor.superuser) return true;
  return actor.grants.some((g) => roleAllows(g.role, 'write') && isWithin(unitPath, g.unitPath) && g.unitPath !== unitPath);
}

export function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Không tìm thấy hoặc bạn không có quyền xem.');
}

/** NOT_FOUND when the actor cannot even read the unit (nothing is revealed), FORBIDDEN otherwise. */
export function refuse(actor: Actor, unitPath: TreePath, message: string): DomainError {
  return can(actor, 'read', unitPath) ? new DomainError('FORBIDDEN', message) : notFound();
}
