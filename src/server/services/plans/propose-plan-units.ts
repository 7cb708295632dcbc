import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { proposeUnitsForText } from '#core/org-tree/match-unit-names.ts';
import type { PlanUnitProposals } from '#shared/plans.ts';
import { lookupPlan, planReach } from '../../db/queries/plans.ts';
import { unitNameIndex } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The units the names of a plan draft stand for, as the document wrote them: the lead and support
 * of its tasks, the recipient and channel of its report obligations. Matched among the plan's
 * unit, its departments and whole subtree, and the units above it (their names only, as a unit's
 * page shows them); each name with the units to pre-select and the other matches as suggestions.
 * Needs `write` on the plan. Throws PLAN_NOT_FOUND, FORBIDDEN.
 */
export async function proposePlanUnits(planId: string, { actor, tx }: ServiceContext): Promise<PlanUnitProposals> {
  const reach = await planReach(tx, actor, planId, 'write');
  const plan = reach.read ? await lookupPlan(tx, planId) : null;
  if (!plan) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!reach.allowed) throw new DomainError('FORBIDDEN', 'Bạn không có quyền sửa kế hoạch này.');
  const r = await tx.execute<{ text: string }>(sql`
    SELECT DISTINCT x.text FROM (
      SELECT unnest(lead_text || support_text) AS text FROM task WHERE plan_id = ${planId}
      UNION ALL SELECT to_text FROM report_obligation WHERE plan_id = ${planId}
      UNION ALL SELECT via_text FROM report_obligation WHERE plan_id = ${planId}
    ) x WHERE x.text IS NOT NULL AND btrim(x.text) <> '' ORDER BY x.text`);
  if (r.rows.length === 0) return { names: [] };
  const index = await unitNameIndex(tx, plan.unitId, plan.unitPath);
  const names = new Map(index.entries.map((e) => [e.unit.id, e.unit.name]));
  return {
    names: r.rows.map(({ text }) => {
      const p = proposeUnitsForText(text, index);
      return {
        text,
        selected: p.selected.map((id) => ({ id, name: names.get(id) ?? '' })),
        exact: p.exact,
        matches: p.matches.map((m) => ({ id: m.unitId, name: names.get(m.unitId) ?? '', strength: m.strength, relation: m.relation })),
      };
    }),
  };
}
