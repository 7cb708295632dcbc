import { sql } from 'drizzle-orm';
import type { CampaignListSchema } from '#shared/meetings.ts';
import type { z } from '#shared/common.ts';
import { campaignCellSql, campaignVisibleSql } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';

/**
 * GET /api/campaigns?unit=: the campaigns a unit takes part in or runs — those of the levels above
 * that address a cell of the unit's subtree, and those of the unit and the units below it —
 * newest first, as far as the reader may see them. Throws UNIT_NOT_FOUND.
 */
export async function findCampaigns(unitId: string, { actor, tx }: ServiceContext): Promise<z.infer<typeof CampaignListSchema>> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  const r = await tx.execute<z.infer<typeof CampaignListSchema>['items'][number]>(sql`
    SELECT c.id, c.unit_id AS "unitId", cu.name AS "unitName", c.title,
           coalesce(min(cm.month), '') AS "firstMonth", coalesce(max(cm.month), '') AS "lastMonth", count(cm.id)::int AS months
    FROM campaign c JOIN unit cu ON cu.id = c.unit_id LEFT JOIN campaign_month cm ON cm.campaign_id = c.id
    WHERE (cu.path <@ ${unit.path}::ltree
           OR (cu.path @> ${unit.path}::ltree AND EXISTS (SELECT 1 FROM unit x WHERE x.path <@ ${unit.path}::ltree AND ${campaignCellSql()})))
      AND ${campaignVisibleSql(actor)}
    GROUP BY c.id, cu.name
    ORDER BY max(cm.month) DESC NULLS LAST, c.created_at DESC
    LIMIT 200`);
  return { items: r.rows };
}
