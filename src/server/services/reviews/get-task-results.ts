import { isDomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { GradeInput } from '#core/reviews/grade-proposal.ts';
import { proposeGrade, refusalLines } from '#core/reviews/grade-proposal.ts';
import type { ReviewRuleSet } from '#core/reviews/rule-sets.ts';
import { ruleSetForPeriod } from '#core/reviews/rule-sets.ts';
import type { TaskResultsQuery, TaskResultsView } from '#shared/reviews.ts';
import { countTaskResults } from '../../db/queries/task-results.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';

/**
 * GET /api/units/:id/task-results: the task-results figures of the unit over [from, to], taken today
 * (in Vietnam) from its own task instances, and the grade they allow under the rule set in force on
 * `to` for a review of `kind` (docs/decisions/022-reviews-and-grading.md). Without `points` the
 * proposal says the review is not yet scored. A period no rule set covers, or whose kind the set in
 * force does not know, still has its figures, with the reason there is no proposal. Reading writes
 * nothing. Needs `read` on the unit. Throws UNIT_NOT_FOUND.
 */
export async function getTaskResults(unitId: string, q: TaskResultsQuery, { actor, tx, now }: ServiceContext): Promise<TaskResultsView> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  const on = vietnamDate(now);
  const { shares, ...counts } = await countTaskResults(tx, unit.id, { from: q.from, to: q.to }, on);
  const points = q.points ?? null;
  return { unitId: unit.id, kind: q.kind, points, figures: { from: q.from, to: q.to, on, ...counts, shares }, ...proposalFor(q, { points, tasks: counts }) };
}

/** The grade `input` allows under the rule set of the period, or why no rule set applies. */
function proposalFor(q: TaskResultsQuery, input: GradeInput): Pick<TaskResultsView, 'proposal' | 'noProposal'> {
  let set: ReviewRuleSet;
  try {
    set = ruleSetForPeriod(q.kind, q.to);
  } catch (e) {
    if (isDomainError(e) && (e.code === 'REVIEW_RULES_NONE' || e.code === 'REVIEW_KIND_NOT_ALLOWED')) return { proposal: null, noProposal: e.message };
    throw e;
  }
  const proposal = proposeGrade(set, input);
  return { proposal: { ...proposal, ruleSetLabel: set.label, lines: refusalLines(proposal) }, noProposal: null };
}
