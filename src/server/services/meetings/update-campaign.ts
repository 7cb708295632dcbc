import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { CampaignUpdate } from '#shared/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkCampaignPlan, writeMonths } from './campaign-months.ts';
import { checkPath } from './scope.ts';

const campaignNotFound = () => new DomainError('CAMPAIGN_NOT_FOUND', 'Không tìm thấy đợt sinh hoạt chính trị hoặc bạn không có quyền xem.');

/**
 * PUT /api/campaigns/:id: the campaign as a whole — title, plan and task, months with their
 * documents and topics (see writeMonths). Needs `write` on the campaign's unit.
 * Throws CAMPAIGN_NOT_FOUND, FORBIDDEN, MONTH_IN_USE and the errors of createCampaign.
 */
export async function updateCampaign(id: string, input: CampaignUpdate, { actor, tx, now }: ServiceContext): Promise<void> {
  const r = await tx.execute<{ unitId: string; path: string }>(sql`
    SELECT c.unit_id AS "unitId", u.path::text AS path FROM campaign c JOIN unit u ON u.id = c.unit_id WHERE c.id = ${id} FOR UPDATE OF c`);
  const c = r.rows[0];
  if (!c) throw campaignNotFound();
  checkPath(actor, 'write', c.path as TreePath, campaignNotFound);
  await checkCampaignPlan(tx, c.unitId, input.planId, input.taskId);
  const at = now.toISOString();
  await tx.execute(sql`
    UPDATE campaign SET title = ${input.title}, plan_id = ${input.planId ?? null}, task_id = ${input.taskId ?? null}, updated_at = ${at} WHERE id = ${id}`);
  await writeMonths(tx, actor, id, c.path as TreePath, input.months, at);
  await writeAudit(tx, actor, {
    action: 'campaign.update', entity: 'campaign', entityId: id, unitPath: c.path,
    after: { title: input.title, months: input.months.map((m) => m.month) },
  }, now);
}
