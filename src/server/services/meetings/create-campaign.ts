import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CampaignCreate } from '#shared/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { requireActive, unitFor } from '../members/scope.ts';
import { checkCampaignPlan, writeMonths } from './campaign-months.ts';

/**
 * POST /api/campaigns: a committee defines a political-activity campaign — its months and, for each
 * month, the documents and topics to cover (seed 004: April to November 2022). Cells record their
 * monthly meetings against its months. Needs `write` on the unit.
 * Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE, PLAN_NOT_OF_UNIT, PLAN_NOT_PUBLISHED,
 * TASK_NOT_IN_PLAN, DOCUMENT_NOT_FOUND, CITATION_INVALID.
 */
export async function createCampaign(input: CampaignCreate, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  const unit = await unitFor(tx, actor, input.unitId, 'write');
  requireActive(unit);
  await checkCampaignPlan(tx, unit.id, input.planId, input.taskId);
  const id = randomUUID();
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO campaign (id, unit_id, title, plan_id, task_id, created_by, created_at, updated_at)
    VALUES (${id}, ${unit.id}, ${input.title}, ${input.planId ?? null}, ${input.taskId ?? null}, ${actor.userId}, ${at}, ${at})`);
  await writeMonths(tx, actor, id, unit.path, input.months, at);
  await writeAudit(tx, actor, {
    action: 'campaign.create', entity: 'campaign', entityId: id, unitPath: unit.path,
    after: { title: input.title, months: input.months.map((m) => m.month) },
  }, now);
  return { id };
}
