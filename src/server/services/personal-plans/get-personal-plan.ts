import { DomainError } from '#core/errors.ts';
import { checkPlan } from '#core/personal-plans/check-plan.ts';
import type { PlanForm } from '#core/personal-plans/forms.ts';
import { isLeader, sectionsFor } from '#core/personal-plans/forms.ts';
import { readableVersions } from '#core/personal-plans/readers.ts';
import type { LookBack, PersonalPlanView, PlanFormView } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';
import type { RoundRow } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { lookupForm } from './plan-forms.ts';
import type { VersionRow } from './plan-versions.ts';
import { normalSections, versionsOf } from './plan-versions.ts';
import { summaryOf } from './round-summary.ts';
import type { RecordRow } from './scope.ts';
import { lookupRecord, personOfActor, recordNotFound, reviews, roundFor, standingOf } from './scope.ts';

/** A member's plan with what the actor may see of it and do to it. */
export interface PlanInSight {
  round: RoundRow;
  rec: RecordRow;
  form: PlanFormView;
  versions: VersionRow[];
  /** The actor is the member. */
  self: boolean;
  /** The actor confirms, returns, or writes on the member's behalf. */
  reviewer: boolean;
}

/**
 * Loads a member's plan in a round for the actor, or throws PERSONAL_PLAN_NOT_FOUND (404) when the
 * actor may not read it (docs/decisions/020): the member, those who read plans where the member is
 * managed now, and a former cell for the versions it confirmed — never other members or siblings.
 */
export async function planInSight(tx: Tx, actor: ServiceContext['actor'], roundId: string, personId: string, forUpdate = false): Promise<PlanInSight> {
  const round = await roundFor(tx, actor, roundId);
  if (round.kind !== 'personal_plan') throw recordNotFound();
  const rec = await lookupRecord(tx, round, personId, forUpdate);
  if (!rec) throw recordNotFound();
  const actorPerson = await personOfActor(tx, actor);
  const standing = standingOf(actor, actorPerson, rec);
  const all = await versionsOf(tx, round.id, personId);
  let versions = all;
  if (standing === 'other') {
    const readable = new Set(readableVersions({ ...actor, personId: actorPerson }, { personId, managedAt: rec.unitPath, versions: all }));
    versions = all.filter((_, i) => readable.has(i));
    if (versions.length === 0) throw recordNotFound();
  }
  const form = await lookupForm(tx, rec.formId!);
  if (!form) throw new DomainError('FORM_NOT_FOUND', 'Không tìm thấy mẫu của kế hoạch này.');
  return { round, rec, form, versions, self: standing === 'self', reviewer: reviews(actor, actorPerson, rec) };
}

/** The look back of a plan as a list over the items of its last confirmed version. */
export function lookBackOf(p: PlanInSight): PersonalPlanView['lookBack'] {
  const confirmed = [...p.versions].reverse().find((v) => v.confirmedOn !== null);
  if (!confirmed) return [];
  const saved = (p.rec.lookBack ?? []) as (LookBack['items'][number] & { comment?: string })[];
  return Object.entries(confirmed.sections).flatMap(([section, items]) => items.map((_, i) => {
    const s = saved.find((x) => x.section === section && x.item === i + 1);
    return { section, item: i + 1, result: s?.result ?? null, account: s?.account ?? '', comment: s?.comment ?? '' };
  }));
}

/**
 * GET /api/rounds/:id/plans/:personId: a member's plan — the form and the sections they fill, the
 * versions the reader may see, what is wrong with the current one, the look back, and what the
 * reader may do. Throws ROUND_NOT_FOUND, PERSONAL_PLAN_NOT_FOUND.
 */
export async function getPersonalPlan(roundId: string, personId: string, { actor, tx }: ServiceContext): Promise<PersonalPlanView> {
  const p = await planInSight(tx, actor, roundId, personId);
  const { rec, form } = p;
  const filled = sectionsFor(form as PlanForm, rec.positions).map((s) => s.key);
  const current = p.versions.at(-1);
  const open = rec.state === 'pending' || rec.state === 'draft' || rec.state === 'returned';
  const writes = p.self || p.reviewer;
  return {
    round: await summaryOf(tx, p.round),
    person: { id: rec.personId, fullName: rec.fullName, unitId: rec.unitId, unitName: rec.unitName, positions: rec.positions },
    form,
    filled,
    leader: isLeader(rec.positions),
    state: rec.state,
    late: rec.late,
    submittedOn: rec.submittedOn,
    confirmedOn: rec.confirmedOn,
    versions: p.versions.map(({ confirmedUnder: _u, returnedBy: _b, ...v }) => ({ ...v, sections: normalSections(v.sections) })),
    issues: open ? checkPlan(form as PlanForm, rec.positions, current?.sections ?? {}) : [],
    lookBack: lookBackOf(p),
    can: {
      edit: writes && open,
      review: p.reviewer && rec.state === 'submitted',
      amend: writes && rec.state === 'confirmed',
      lookBack: writes && rec.confirmedOn !== null,
      comment: p.reviewer && rec.confirmedOn !== null,
    },
    onBehalf: !p.self && p.reviewer,
  };
}
