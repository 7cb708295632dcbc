import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { NO_FIGURES } from '#core/personal-plans/coverage.ts';
import type { Evidence } from '#shared/plans.ts';
import type { SentUp } from '#shared/personal-plans.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { countersAt } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { updateTaskInstance } from '../plans/update-task-instance.ts';
import { memberListUnit } from './find-round-members.ts';
import { roundFor } from './scope.ts';

/**
 * POST /api/rounds/:id/units/:unitId/send-up: the cell sends its confirmed plans upward (seed 003
 * §3, step 4). This fulfils the unit's task instance of the round's task — marked done, with the
 * figures as evidence — so the levels above see it as they see any task, and the report that asks
 * for it is prefilled. Needs `write` on the unit. Throws ROUND_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN,
 * NOTHING_CONFIRMED, ROUND_NOT_ASSIGNED.
 */
export async function sendUp(roundId: string, unitId: string, input: { note?: string | null | undefined }, s: ServiceContext): Promise<SentUp> {
  const { actor, tx, now } = s;
  const round = await roundFor(tx, actor, roundId);
  const unit = await memberListUnit(tx, actor, unitId);
  await unitFor(tx, actor, unitId, 'write');
  const f = (await countersAt(tx, [round.id], [unit.id])).get(`${round.id}:${unit.id}`) ?? NO_FIGURES;
  const done = round.kind === 'pledge' ? f.submitted : f.confirmed;
  if (done === 0) {
    throw new DomainError('NOTHING_CONFIRMED', round.kind === 'pledge' ? 'Chưa có cam kết nào được ký để gửi cấp trên.' : 'Chưa có kế hoạch cá nhân nào được xác nhận để gửi cấp trên.');
  }
  const ti = await tx.execute<{ id: string; evidence: Evidence[] }>(sql`
    SELECT id, evidence FROM task_instance WHERE task_id = ${round.taskId} AND unit_id = ${unit.id} AND status <> 'cancelled'
    ORDER BY period_start NULLS FIRST LIMIT 1`);
  const instance = ti.rows[0];
  if (!instance) throw new DomainError('ROUND_NOT_ASSIGNED', `"${unit.name}" không được giao nhiệm vụ "${round.taskText.slice(0, 120)}" của kế hoạch; không có gì để gửi lên.`);
  const what = round.kind === 'pledge' ? 'cam kết đã ký' : 'kế hoạch cá nhân đã xác nhận';
  const title = `${round.title}: ${done}/${f.must} ${what}`.slice(0, 300);
  const evidence: Evidence[] = [...instance.evidence.filter((e) => !e.title.startsWith(`${round.title}:`)), { title, url: null, note: input.note ?? null }].slice(-20);
  await updateTaskInstance(instance.id, { done: true, evidence }, s);
  await writeAudit(tx, actor, { action: 'round.send_up', entity: 'round', entityId: round.id, unitPath: unit.path, after: { unitId: unit.id, done, must: f.must } }, now);
  return { taskInstanceId: instance.id, confirmed: done, must: f.must };
}
