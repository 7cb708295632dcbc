import { PLAN_CANCEL_REASON_MAX } from '#shared/plans.ts';
import type { PlanStatus, PlanView } from '#shared/plans.ts';

/**
 * What the plan page offers, in the order of its buttons (docs/decisions/016-plan-lifecycle.md):
 * a draft is edited, published or deleted; a published plan gets units added or is cancelled
 * ("thu hồi") by a writer of its unit; every reader downloads the plan as a Word file.
 */
export type PlanAction = 'edit' | 'publish' | 'delete' | 'addAudience' | 'cancel' | 'exportWord';

export function planActions(plan: Pick<PlanView, 'status' | 'permissions'>, mayWriteUnit: boolean): PlanAction[] {
  const out: PlanAction[] = [];
  if (plan.status === 'draft') {
    if (plan.permissions.edit) out.push('edit');
    if (plan.permissions.publish) out.push('publish');
    if (plan.permissions.delete) out.push('delete');
  } else if (plan.status === 'published') {
    if (mayWriteUnit) out.push('addAudience');
    if (plan.permissions.cancel) out.push('cancel');
  }
  out.push('exportWord');
  return out;
}

/** The i18n key of what is wrong with a cancellation's reason, or null (the server's rule: 1 to 1,000 characters once trimmed). */
export function reasonProblem(reason: string): 'plans.cancel.reasonRequired' | 'plans.cancel.reasonTooLong' | null {
  const r = reason.trim();
  if (r === '') return 'plans.cancel.reasonRequired';
  if (r.length > PLAN_CANCEL_REASON_MAX) return 'plans.cancel.reasonTooLong';
  return null;
}

/** The plan list's filter: the plans in force (drafts and published), or the cancelled ones. */
export const LIST_FILTERS = ['current', 'cancelled'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The `status` the list asks the server for: none for the plans in force (the server leaves cancelled ones out). */
export function statusOfFilter(filter: ListFilter): PlanStatus | undefined {
  return filter === 'cancelled' ? 'cancelled' : undefined;
}
