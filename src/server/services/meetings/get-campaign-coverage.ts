import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import type { CampaignCoverage } from '#shared/meetings.ts';
import { campaignCellSql } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { campaignNotFound, monthLabel } from './get-campaign.ts';

/**
 * GET /api/campaigns/:id/coverage: which cells covered which month — for every cell the campaign
 * addresses within `unit` (default: the campaign's unit) and that existed during its months, the meeting it held for each month (date
 * and content covered), and per month how many cells covered it. A cell sees its own row only.
 * Throws CAMPAIGN_NOT_FOUND, UNIT_NOT_FOUND.
 */
export async function getCampaignCoverage(id: string, q: { unit?: string | undefined }, s: ServiceContext): Promise<CampaignCoverage> {
  const { actor, tx } = s;
  const c = (await tx.execute<{ title: string; unitId: string; path: string }>(sql`
    SELECT c.title, c.unit_id AS "unitId", cu.path::text AS path FROM campaign c JOIN unit cu ON cu.id = c.unit_id WHERE c.id = ${id}`)).rows[0];
  if (!c) throw campaignNotFound();
  // Without `unit`, the campaign's unit when the reader sees it; a cell must name itself.
  const unit = await unitFor(tx, actor, q.unit ?? c.unitId, 'read');
  if (!q.unit && !can(actor, 'read', c.path as TreePath)) throw campaignNotFound();
  const months = await tx.execute<{ id: string; month: string }>(sql`SELECT id, month FROM campaign_month WHERE campaign_id = ${id} ORDER BY month`);
  const cells = await tx.execute<{ id: string; name: string; parentName: string | null }>(sql`
    SELECT x.id, x.name, pu.name AS "parentName"
    FROM campaign c JOIN unit cu ON cu.id = c.unit_id JOIN unit x ON ${campaignCellSql()} LEFT JOIN unit pu ON pu.id = x.parent_id
    WHERE c.id = ${id} AND x.path <@ ${unit.path}::ltree
      -- cells that existed at some time during the campaign's months
      AND x.valid_from <= (SELECT (max(month) || '-01')::date + interval '1 month' - interval '1 day' FROM campaign_month WHERE campaign_id = c.id)
      AND (x.valid_to IS NULL OR x.valid_to > (SELECT (min(month) || '-01')::date FROM campaign_month WHERE campaign_id = c.id))
    ORDER BY pu.name NULLS FIRST, x.name
    LIMIT 2000`);
  const held = cells.rows.length === 0
    ? []
    : (await tx.execute<{ unitId: string; monthId: string; meetingId: string; date: string; content: string | null }>(sql`
        SELECT DISTINCT ON (m.unit_id, m.campaign_month_id) m.unit_id AS "unitId", m.campaign_month_id AS "monthId", m.id AS "meetingId",
               m.held_on::text AS date, m.content
        FROM meeting m JOIN campaign_month cm ON cm.id = m.campaign_month_id
        WHERE cm.campaign_id = ${id} AND m.status = 'held' AND m.unit_id = ANY(${`{${cells.rows.map((x) => x.id).join(',')}}`}::uuid[])
        ORDER BY m.unit_id, m.campaign_month_id, m.held_on`)).rows;
  const key = (u: string, mo: string) => `${u}|${mo}`;
  const byKey = new Map(held.map((h) => [key(h.unitId, h.monthId), h] as const));
  const rows = cells.rows.map((x) => {
    const ms = months.rows.map((mo) => {
      const h = byKey.get(key(x.id, mo.id));
      return { monthId: mo.id, meetingId: h?.meetingId ?? null, date: h?.date ?? null, content: h?.content ?? null };
    });
    return { unitId: x.id, name: x.name, parentName: x.parentName, months: ms, covered: ms.filter((m) => m.meetingId).length };
  });
  return {
    campaign: { id, title: c.title },
    unit: { id: unit.id, name: unit.name },
    months: months.rows.map((mo) => ({ id: mo.id, month: mo.month, label: monthLabel(mo.month), covered: rows.filter((r) => r.months.some((m) => m.monthId === mo.id && m.meetingId)).length })),
    cells: rows,
    total: rows.length,
  };
}
