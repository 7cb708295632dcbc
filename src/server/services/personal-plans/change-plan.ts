import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import { checkPlan } from '#core/personal-plans/check-plan.ts';
import { addFigures, planFigures } from '#core/personal-plans/coverage.ts';
import type { CountedPlan } from '#core/personal-plans/coverage.ts';
import { isLeader } from '#core/personal-plans/forms.ts';
import type { PlanAction } from '#core/personal-plans/plan-states.ts';
import { isLate, stepPlan } from '#core/personal-plans/plan-states.ts';
import { formatViDate } from '#core/text/dates.ts';
import type { PlanSaved, PlanSections, PlanSubmit } from '#shared/personal-plans.ts';
import type { AuditAction } from '#shared/audit.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { addToRoundCounters } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import type { PlanInSight } from './get-personal-plan.ts';
import { planInSight } from './get-personal-plan.ts';

type Rec = PlanInSight['rec'];
type Change = Partial<Pick<Rec, 'state' | 'version' | 'late' | 'submittedOn' | 'confirmedOn' | 'leader'>>;

const counted = (r: Pick<Rec, 'state' | 'confirmedOn' | 'late' | 'leader'>): CountedPlan => ({ state: r.state, confirmedOn: r.confirmedOn, late: r.late, leader: r.leader });

/**
 * Loads a plan the actor acts on, locked: the member on their own plan, or who reviews it (the
 * secretary where the member is managed, or the committees above). Anyone else who may read it is
 * FORBIDDEN; anyone who may not is answered as if it did not exist.
 */
async function planToChange(s: ServiceContext, roundId: string, personId: string, as: 'writer' | 'reviewer'): Promise<PlanInSight> {
  const p = await planInSight(s.tx, s.actor, roundId, personId, true);
  if (as === 'reviewer' ? !p.reviewer : !(p.self || p.reviewer)) {
    throw new DomainError('FORBIDDEN', as === 'reviewer' ? 'Chỉ bí thư chi bộ (hoặc cấp ủy cấp trên) được trả lại, xác nhận kế hoạch này.' : 'Bạn không có quyền sửa kế hoạch này.');
  }
  return p;
}

function step(p: PlanInSight, action: PlanAction): void {
  const state = p.rec.state === 'pending' ? 'draft' : p.rec.state;
  const r = stepPlan(state, action, p.self ? 'member' : 'secretary');
  if (!r.ok) throw new DomainError('PERSONAL_PLAN_STATE', r.message);
}

/** Writes the plan's new state and adds what it changes to the round's counters, in the caller's transaction. */
async function writeRecord(s: ServiceContext, p: PlanInSight, change: Change): Promise<PlanSaved> {
  const next = { ...p.rec, ...change };
  await s.tx.execute(sql`
    UPDATE personal_plan SET state = ${next.state}, version = ${next.version}, late = ${next.late}, submitted_on = ${next.submittedOn},
      confirmed_on = ${next.confirmedOn}, leader = ${next.leader}, updated_at = ${s.now.toISOString()}
    WHERE round_id = ${p.round.id} AND person_id = ${p.rec.personId}`);
  await addToRoundCounters(s.tx, p.round.id, p.rec.unitPath, addFigures(planFigures(counted(next)), planFigures(counted(p.rec)), -1));
  return { state: next.state, version: next.version, late: next.late };
}

async function audit(s: ServiceContext, p: PlanInSight, action: AuditAction, after: Record<string, unknown>): Promise<void> {
  // The audit says what happened to whose plan, never what the plan says (read only along the member's line).
  await writeAudit(s.tx, s.actor, {
    action, entity: 'personal_plan', entityId: `${p.round.id}:${p.rec.personId}`, unitPath: p.rec.unitPath,
    after: { roundId: p.round.id, personId: p.rec.personId, fullName: p.rec.fullName, ...after },
  }, s.now);
}

/**
 * Writes the items into the current version when it is a draft never submitted, else into a new
 * version (a submitted, returned or confirmed version is never edited). Returns the version number.
 */
async function writeItems(s: ServiceContext, p: PlanInSight, sections: PlanSections): Promise<number> {
  const current = p.versions.at(-1);
  const at = s.now.toISOString();
  const onBehalf = !p.self;
  if (current && current.submittedOn === null && current.returnedAt === null && current.confirmedOn === null) {
    await s.tx.execute(sql`
      UPDATE personal_plan_version SET sections = ${JSON.stringify(sections)}::jsonb, written_by = ${s.actor.userId}, on_behalf = ${onBehalf}, saved_at = ${at}
      WHERE round_id = ${p.round.id} AND person_id = ${p.rec.personId} AND version = ${current.version}`);
    return current.version;
  }
  const version = p.rec.version + 1;
  await s.tx.execute(sql`
    INSERT INTO personal_plan_version (round_id, person_id, version, sections, written_by, on_behalf, saved_at)
    VALUES (${p.round.id}, ${p.rec.personId}, ${version}, ${JSON.stringify(sections)}::jsonb, ${s.actor.userId}, ${onBehalf}, ${at})`);
  return version;
}

/** PUT /api/rounds/:id/plans/:personId: saves a draft (it may still break the form's bounds). */
export async function savePlan(roundId: string, personId: string, input: { sections: PlanSections }, s: ServiceContext): Promise<PlanSaved> {
  const p = await planToChange(s, roundId, personId, 'writer');
  step(p, { kind: 'save' });
  const version = await writeItems(s, p, input.sections);
  await audit(s, p, 'personal_plan.save', { version, onBehalf: !p.self });
  return writeRecord(s, p, { state: 'draft', version, leader: isLeader(p.rec.positions) });
}

/**
 * POST /api/rounds/:id/plans/:personId/submit: the member (or the secretary, from the paper form,
 * with the day it was handed in) submits the plan to the cell. The form's bounds are checked here
 * ("Kế hoạch năm cần từ 1 đến 2 nội dung"); a submission after the deadline is accepted and marked
 * late — the plan's first submission decides whether it counts late.
 * Throws PERSONAL_PLAN_STATE, PERSONAL_PLAN_INVALID, SIGNED_IN_FUTURE.
 */
export async function submitPlan(roundId: string, personId: string, input: PlanSubmit, s: ServiceContext): Promise<PlanSaved> {
  const p = await planToChange(s, roundId, personId, 'writer');
  step(p, { kind: 'submit' });
  const today = vietnamDate(s.now);
  const on = p.self ? today : (input.submittedOn ?? today);
  if (on > today) throw new DomainError('SIGNED_IN_FUTURE', `Ngày nộp ${formatViDate(on)} sau ngày hôm nay.`);
  const sections = input.sections ?? p.versions.at(-1)?.sections ?? {};
  const issues = checkPlan(p.form, p.rec.positions, sections);
  if (issues.length > 0) {
    throw new DomainError('PERSONAL_PLAN_INVALID', issues[0]!.message, {
      fields: issues.map((i) => ({ path: `sections.${i.section}${i.item === null ? '' : `.${i.item - 1}`}`, message: i.message })),
    });
  }
  const version = await writeItems(s, p, sections);
  const late = isLate(on, p.round.submitBy);
  await s.tx.execute(sql`
    UPDATE personal_plan_version SET submitted_on = ${on}, late = ${late}
    WHERE round_id = ${p.round.id} AND person_id = ${personId} AND version = ${version}`);
  await audit(s, p, 'personal_plan.submit', { version, submittedOn: on, late, onBehalf: !p.self });
  const first = p.rec.submittedOn === null;
  return writeRecord(s, p, { state: 'submitted', version, submittedOn: on, late: first ? late : p.rec.late, leader: isLeader(p.rec.positions) });
}

/** POST …/return: the reviewer returns a submitted plan with what to correct. */
export async function returnPlan(roundId: string, personId: string, input: { comment: string }, s: ServiceContext): Promise<PlanSaved> {
  const p = await planToChange(s, roundId, personId, 'reviewer');
  step(p, { kind: 'return', comment: input.comment });
  await s.tx.execute(sql`
    UPDATE personal_plan_version SET returned_at = ${s.now.toISOString()}, returned_by = ${s.actor.userId}, return_comment = ${input.comment}
    WHERE round_id = ${p.round.id} AND person_id = ${personId} AND version = ${p.rec.version}`);
  await audit(s, p, 'personal_plan.return', { version: p.rec.version });
  return writeRecord(s, p, { state: 'returned' });
}

/** POST …/confirm: the reviewer confirms a submitted plan; the version never changes again. */
export async function confirmPlan(roundId: string, personId: string, s: ServiceContext): Promise<PlanSaved> {
  const p = await planToChange(s, roundId, personId, 'reviewer');
  step(p, { kind: 'confirm' });
  const today = vietnamDate(s.now);
  await s.tx.execute(sql`
    UPDATE personal_plan_version SET confirmed_on = ${today}, confirmed_by = ${s.actor.userId}, confirmed_unit_id = ${p.rec.unitId}
    WHERE round_id = ${p.round.id} AND person_id = ${personId} AND version = ${p.rec.version}`);
  await audit(s, p, 'personal_plan.confirm', { version: p.rec.version, confirmedOn: today });
  return writeRecord(s, p, { state: 'confirmed', confirmedOn: p.rec.confirmedOn ?? today });
}

/** POST …/amend: a confirmed plan is amended in a new version (a copy of the confirmed one), both kept. */
export async function amendPlan(roundId: string, personId: string, s: ServiceContext): Promise<PlanSaved> {
  const p = await planToChange(s, roundId, personId, 'writer');
  step(p, { kind: 'amend' });
  const version = p.rec.version + 1;
  await s.tx.execute(sql`
    INSERT INTO personal_plan_version (round_id, person_id, version, sections, written_by, on_behalf, saved_at)
    SELECT round_id, person_id, ${version}, sections, ${s.actor.userId}, ${!p.self}, ${s.now.toISOString()} FROM personal_plan_version
    WHERE round_id = ${p.round.id} AND person_id = ${personId} AND version = ${p.rec.version}`);
  await audit(s, p, 'personal_plan.amend', { version });
  return writeRecord(s, p, { state: 'draft', version });
}
