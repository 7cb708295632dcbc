/**
 * Who receives a unit's report: the Party's chain of reporting (seed 001: "các chi bộ trực thuộc
 * báo cáo về Đảng ủy cơ sở; Đảng ủy cơ sở tổng hợp, báo cáo về Ban Thường vụ Đảng ủy Khối"). A plan
 * addressed to several levels gives the same report to a grassroots đảng bộ and to its cells; the
 * cells report to their đảng bộ, which consolidates them into its own report to the committee that
 * issued the plan. A unit with no reporting unit between it and the plan's unit reports to the
 * plan's unit. The plan's unit itself, when it owes the report (a report to its own superior),
 * reports to its parent.
 *
 * The receiving unit reviews (accepts or returns) the report, follows it on its status page and
 * consolidates it; the units above see it by drill-down. docs/decisions/014-reporting-chain.md.
 */
import type { TreePath } from '../access/scope.ts';
import { unitIdOfLabel } from '../access/scope.ts';

/** The unit ids of a path, from the root down. */
export function pathUnitIds(path: TreePath): string[] {
  return path.split('.').map(unitIdOfLabel);
}

/**
 * The unit that receives the report of the unit at `unitPath`: the nearest unit above it, up to
 * the plan's unit, that owes the same report; else the plan's unit. For the plan's unit itself,
 * its parent (null at the root of the tree). A unit outside the plan's subtree reports to the
 * plan's unit.
 */
export function receiverOf(unitPath: TreePath, planUnitPath: TreePath, owes: (unitId: string) => boolean): string | null {
  const chain = pathUnitIds(unitPath);
  const plan = pathUnitIds(planUnitPath);
  const planUnitId = plan[plan.length - 1]!;
  if (unitPath === planUnitPath) return chain.length > 1 ? chain[chain.length - 2]! : null;
  const inside = unitPath.startsWith(`${planUnitPath}.`);
  if (!inside) return planUnitId;
  // Ancestors strictly between the plan's unit and the unit, nearest first.
  for (let i = chain.length - 2; i >= plan.length; i--) {
    if (owes(chain[i]!)) return chain[i]!;
  }
  return planUnitId;
}
