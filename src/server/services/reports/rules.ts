import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, isWithin } from '#core/access/scope.ts';
import { roleAllows } from '#core/access/roles.ts';
import { DomainError } from '#core/errors.ts';

/**
 * Who may accept or return a unit's report: the receiving level. That is a user who may `write`
 * on the plan's unit (the committee that asked for the report, or above it; its departments'
 * staff such as the Ban Tuyên giáo hold their grant on the committee) through a grant under which
 * the reporting unit lies strictly below — so no unit ever reviews its own report.
 */
export function canReview(actor: Actor, i: { planUnitPath: TreePath; unitPath: TreePath }): boolean {
  if (actor.superuser) return true;
  return actor.grants.some(
    (g) => roleAllows(g.role, 'write') && isWithin(i.planUnitPath, g.unitPath) && isWithin(i.unitPath, g.unitPath) && i.unitPath !== g.unitPath,
  );
}

/** Who may fill and submit a unit's report: whoever may `write` on that unit. */
export function canSubmit(actor: Actor, unitPath: TreePath): boolean {
  return can(actor, 'write', unitPath);
}

export function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Không tìm thấy hoặc bạn không có quyền xem.');
}

/** NOT_FOUND when the actor cannot even read the unit (nothing is revealed), FORBIDDEN otherwise. */
export function refuse(actor: Actor, unitPath: TreePath, message: string): DomainError {
  return can(actor, 'read', unitPath) ? new DomainError('FORBIDDEN', message) : notFound();
}
