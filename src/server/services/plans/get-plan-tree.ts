import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { PlanTree } from '#shared/plans.ts';
import { planReach, planVisibleSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';

/**
 * GET /api/plans/:id/tree: the plan and the implementing plans below it, level by level down to
 * `maxDepth`, those the actor may see; by depth, then by unit name. Throws PLAN_NOT_FOUND.
 */
export async function getPlanTree(planId: string, q: { maxDepth: number; limit: number }, { actor, tx }: ServiceContext): Promise<PlanTree> {
  const reach = await planReach(tx, actor, planId, 'read');
  if (!reach.read) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  const r = await tx.execute<PlanTree[number] & { publishedAt: Date | null }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM plan WHERE id = ${planId}
      UNION ALL
      SELECT c.id, t.depth + 1 FROM plan c JOIN tree t ON c.parent_plan_id = t.id
      WHERE t.depth < ${q.maxDepth} AND c.status <> 'cancelled'
    )
    SELECT p.id, p.parent_plan_id AS "parentPlanId", tree.depth, p.unit_id AS "unitId", pu.name AS "unitName", d.number,
           coalesce(d.title, '') AS title, p.status, p.published_at AS "publishedAt"
    FROM tree JOIN plan p ON p.id = tree.id JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
    WHERE d.deleted_at IS NULL AND (tree.depth = 0 OR ${planVisibleSql(actor)})
    ORDER BY tree.depth, pu.name, p.id
    LIMIT ${q.limit}`);
  return r.rows.map((x) => ({ ...x, publishedAt: x.publishedAt ? new Date(x.publishedAt).toISOString() : null }));
}
