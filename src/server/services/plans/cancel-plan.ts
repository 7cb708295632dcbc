import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { planCancelledNotice } from '#core/plans/cancellation.ts';
import type { CancelInput, CancelResult } from '#shared/plans.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { followCarriedOut } from '../../db/queries/carried-out.ts';
import { lookupPlan } from '../../db/queries/plans.ts';
import { rebuildCounters } from '../../db/queries/progress.ts';
import type { ServiceContext } from '../context.ts';

/** The leaders of the units a condition (on `n.unit_id`) names, with the notification each gets. */
export async function notifyUnits(
  tx: Tx,
  o: { units: SQL; kind: string; title: string; body: string; link: string; dedupe: string; except: string; now: Date },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
    SELECT DISTINCT ON (g.user_id, g.unit_id) g.user_id, g.unit_id, ${o.kind}, ${o.title}, ${o.body}, ${o.link},
           ${o.dedupe} || ':' || g.unit_id::text, ${o.now.toISOString()}::timestamptz
    FROM user_grant g JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
    WHERE g.revoked_at IS NULL AND g.role IN ('secretary', 'deputy_secretary', 'staff') AND g.user_id <> ${o.except}
      AND g.unit_id IN (${o.units})
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
}

/**
 * POST /api/plans/:id/cancel: cancels ("thu hồi") a published plan with a reason, in one
 * transaction. The plan and every instance of it are kept, marked cancelled with who, when and
 * why; the counters are rebuilt (a cancelled instance counts nowhere), so the dashboards, status
 * pages and exports drop its work; a superior's task a cancelled instance carried out follows the
 * instances still carrying it out (db/queries/carried-out.ts); the leaders of the units it was
 * addressed to are told why. Needs `write` on the plan's unit. docs/decisions/016-plan-lifecycle.md.
 * Throws PLAN_NOT_FOUND, FORBIDDEN, PLAN_NOT_PUBLISHED (409: a draft is deleted, a cancelled plan stays so).
 */
export async function cancelPlan(planId: string, input: CancelInput, { actor, tx, now }: ServiceContext): Promise<CancelResult> {
  const plan = await lookupPlan(tx, planId, true);
  if (!plan || !can(actor, 'read', plan.unitPath)) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', plan.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền thu hồi kế hoạch này.');
  if (plan.status === 'draft') throw new DomainError('PLAN_NOT_PUBLISHED', 'Dự thảo chưa ban hành nên không cần thu hồi; hãy xóa dự thảo.');
  if (plan.status === 'cancelled') throw new DomainError('PLAN_NOT_PUBLISHED', 'Kế hoạch đã bị thu hồi.');
  const reason = input.reason.trim();
  const at = now.toISOString();
  await tx.execute(sql`
    UPDATE plan SET status = 'cancelled', cancelled_at = ${at}, cancelled_by = ${actor.userId}, cancel_reason = ${reason}, updated_at = ${at}
    WHERE id = ${planId}`);
  const tasks = await tx.execute<{ id: string }>(sql`
    UPDATE task_instance SET status = 'cancelled', cancelled_at = ${at}, cancelled_by = ${actor.userId}, cancel_reason = ${reason},
      updated_at = ${at}, updated_by = ${actor.userId}
    WHERE plan_id = ${planId} AND status <> 'cancelled'
    RETURNING id`);
  const reports = await tx.execute<{ id: string }>(sql`
    UPDATE obligation_instance SET status = 'cancelled', cancelled_at = ${at}, cancelled_by = ${actor.userId}, cancel_reason = ${reason}, updated_at = ${at}
    WHERE plan_id = ${planId} AND status <> 'cancelled'
    RETURNING id`);
  await rebuildCounters(tx, planId);
  // A unit's task of the superior's plan that this plan's task carried out is the unit's own again,
  // or follows the other instances still carrying it out.
  await followCarriedOut(tx, tasks.rows.map((r) => r.id), actor.userId, now);
  const notice = planCancelledNotice({ number: plan.number, title: plan.title, unitName: plan.unitName, secret: plan.confidentiality === 'secret' }, reason);
  await notifyUnits(tx, {
    units: sql`SELECT a.unit_id FROM plan_audience a WHERE a.plan_id = ${planId} AND a.unit_id <> ${plan.unitId}`,
    kind: 'plan_cancelled', ...notice, link: `/plans/${planId}`, dedupe: `plan_cancelled:${planId}`, except: actor.userId, now,
  });
  const out = { tasks: tasks.rows.length, reports: reports.rows.length };
  await writeAudit(tx, actor, { action: 'plan.cancel', entity: 'plan', entityId: planId, unitPath: plan.unitPath, before: { status: plan.status }, after: { reason, ...out } }, now);
  return out;
}
