import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { periodContaining } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import type { CampaignView } from '#shared/meetings.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { campaignReach } from '../../db/queries/meetings.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';

export const campaignNotFound = () => new DomainError('CAMPAIGN_NOT_FOUND', 'Không tìm thấy đợt sinh hoạt chính trị hoặc bạn không có quyền xem.');

/** "Tháng 4/2022" for "2022-04". */
export function monthLabel(month: string): string {
  return periodContaining('month', `${month}-01` as IsoDate).label;
}

/**
 * GET /api/campaigns/:id: a campaign with its plan and task and, month by month, the documents and
 * topics to cover. Seen by the campaign's unit and the levels above, and by the cells it
 * addresses. Throws CAMPAIGN_NOT_FOUND.
 */
export async function getCampaign(id: string, { actor, tx }: ServiceContext): Promise<CampaignView> {
  if (!(await campaignReach(tx, actor, id, 'read')).read) throw campaignNotFound();
  const r = await tx.execute<{ unitId: string; unitName: string; path: string; title: string; planId: string | null; planNumber: string | null; planTitle: string | null; taskId: string | null; taskText: string | null; hidden: boolean }>(sql`
    SELECT c.unit_id AS "unitId", cu.name AS "unitName", cu.path::text AS path, c.title, c.plan_id AS "planId", d.number AS "planNumber",
           d.title AS "planTitle", c.task_id AS "taskId", t.text AS "taskText", ${secretHiddenSql(actor, sql`c.plan_id`)} AS hidden
    FROM campaign c JOIN unit cu ON cu.id = c.unit_id LEFT JOIN document d ON d.id = c.plan_id LEFT JOIN task t ON t.id = c.task_id
    WHERE c.id = ${id}`);
  // The cells a campaign addresses may not read every plan it carries out.
  const c = maskSecret(r.rows[0]!, r.rows[0]!.hidden, { planNumber: 'number', planTitle: 'plan', taskText: 'task' });
  const months = await tx.execute<{ id: string; month: string; topics: string[] }>(sql`
    SELECT id, month, topics FROM campaign_month WHERE campaign_id = ${id} ORDER BY month`);
  const docs = await tx.execute<{ monthId: string; hidden: boolean } & CampaignView['months'][number]['documents'][number]>(sql`
    SELECT cd.month_id AS "monthId", d.id, d.kind, d.number, d.title, d.issued_on::text AS "issuedOn", cd.note, ${secretHiddenSql(actor, sql`d.id`)} AS hidden
    FROM campaign_document cd JOIN campaign_month cm ON cm.id = cd.month_id JOIN document d ON d.id = cd.document_id
    WHERE cm.campaign_id = ${id} ORDER BY cd.ord`);
  return {
    id,
    unit: { id: c.unitId, name: c.unitName },
    title: c.title,
    plan: c.planId ? { id: c.planId, number: c.planNumber, title: c.planTitle ?? '' } : null,
    task: c.taskId ? { id: c.taskId, text: c.taskText ?? '' } : null,
    months: months.rows.map((m) => ({
      id: m.id,
      month: m.month,
      label: monthLabel(m.month),
      topics: m.topics,
      documents: docs.rows.filter((d) => d.monthId === m.id).map(({ monthId: _m, hidden, ...d }) => maskSecret(d, hidden, { number: 'number', title: 'document' })),
    })),
    permissions: { edit: can(actor, 'write', c.path as TreePath) },
  };
}
