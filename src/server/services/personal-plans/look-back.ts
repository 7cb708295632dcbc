import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { LookBack, LookBackComments, PlanSaved } from '#shared/personal-plans.ts';
import type { AuditAction } from '#shared/audit.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { PlanInSight } from './get-personal-plan.ts';
import { lookBackOf, planInSight } from './get-personal-plan.ts';

type Saved = { section: string; item: number; result: LookBack['items'][number]['result'] | null; account: string; comment: string };

/**
 * The year-end look back (seed 002 task 18: the remedies planned at the start of the year looked at
 * again in December) is written on the last confirmed version: the member's self-assessment of each
 * item, the secretary's comment on it. The confirmed version itself never changes.
 */
async function lookBackTarget(s: ServiceContext, roundId: string, personId: string, as: 'writer' | 'reviewer'): Promise<{ p: PlanInSight; current: Saved[] }> {
  const p = await planInSight(s.tx, s.actor, roundId, personId, true);
  if (as === 'reviewer' ? !p.reviewer : !(p.self || p.reviewer)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền ghi đánh giá cho kế hoạch này.');
  if (p.rec.confirmedOn === null) throw new DomainError('LOOK_BACK_TOO_EARLY', 'Chỉ tự đánh giá, nhận xét khi kế hoạch đã được chi bộ xác nhận.');
  return { p, current: lookBackOf(p) };
}

function place(current: Saved[], section: string, item: number): Saved {
  const at = current.find((x) => x.section === section && x.item === item);
  if (!at) throw new DomainError('PERSONAL_PLAN_INVALID', `Kế hoạch đã xác nhận không có nội dung ${item} ở phần "${section}".`);
  return at;
}

async function write(s: ServiceContext, p: PlanInSight, items: Saved[], action: AuditAction): Promise<PlanSaved> {
  await s.tx.execute(sql`UPDATE personal_plan SET look_back = ${JSON.stringify(items)}::jsonb, updated_at = ${s.now.toISOString()}
    WHERE round_id = ${p.round.id} AND person_id = ${p.rec.personId}`);
  await writeAudit(s.tx, s.actor, {
    action, entity: 'personal_plan', entityId: `${p.round.id}:${p.rec.personId}`, unitPath: p.rec.unitPath,
    after: { roundId: p.round.id, personId: p.rec.personId, fullName: p.rec.fullName, items: items.length },
  }, s.now);
  return { state: p.rec.state, version: p.rec.version, late: p.rec.late };
}

/** PUT …/look-back: the member's self-assessment of each item (done, partly, not done, with a short account). */
export async function saveLookBack(roundId: string, personId: string, input: LookBack, s: ServiceContext): Promise<PlanSaved> {
  const { p, current } = await lookBackTarget(s, roundId, personId, 'writer');
  for (const x of input.items) Object.assign(place(current, x.section, x.item), { result: x.result, account: x.account });
  return write(s, p, current, 'personal_plan.look_back');
}

/** PUT …/look-back/comments: the secretary's comment on each item. */
export async function saveLookBackComments(roundId: string, personId: string, input: LookBackComments, s: ServiceContext): Promise<PlanSaved> {
  const { p, current } = await lookBackTarget(s, roundId, personId, 'reviewer');
  for (const x of input.items) place(current, x.section, x.item).comment = x.comment;
  return write(s, p, current, 'personal_plan.comment');
}
