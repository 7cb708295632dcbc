import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import { addFigures, pledgeFigures } from '#core/personal-plans/coverage.ts';
import { isLate } from '#core/personal-plans/plan-states.ts';
import { formatViDate } from '#core/text/dates.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { addToRoundCounters } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { lookupRecord, personOfActor, recordNotFound, reviews, roundFor, standingOf } from './scope.ts';

/**
 * POST /api/rounds/:id/pledges/:personId/sign: the member signs the pledge in the app (today), or
 * the secretary records a paper pledge with the day it was signed. After the deadline it is
 * accepted and marked late. Throws ROUND_NOT_FOUND, PERSONAL_PLAN_NOT_FOUND, FORBIDDEN,
 * PLEDGE_SIGNED, SIGNED_IN_FUTURE.
 */
export async function signPledge(roundId: string, personId: string, input: { signedOn?: string | undefined }, { actor, tx, now }: ServiceContext): Promise<{ signedOn: string; late: boolean }> {
  const round = await roundFor(tx, actor, roundId);
  if (round.kind !== 'pledge') throw recordNotFound();
  const rec = await lookupRecord(tx, round, personId, true);
  if (!rec) throw recordNotFound();
  const me = await personOfActor(tx, actor);
  const self = standingOf(actor, me, rec) === 'self';
  if (!self && !reviews(actor, me, rec)) {
    if (standingOf(actor, me, rec) === 'other') throw recordNotFound();
    throw new DomainError('FORBIDDEN', 'Chỉ người ký hoặc bí thư chi bộ được ghi nhận cam kết này.');
  }
  if (rec.signedOn !== null) throw new DomainError('PLEDGE_SIGNED', `${rec.fullName} đã ký cam kết ngày ${formatViDate(rec.signedOn)}.`);
  const today = vietnamDate(now);
  const on = self ? today : (input.signedOn ?? today);
  if (on > today) throw new DomainError('SIGNED_IN_FUTURE', `Ngày ký ${formatViDate(on)} sau ngày hôm nay.`);
  const late = isLate(on, round.submitBy);
  await tx.execute(sql`UPDATE pledge SET signed_on = ${on}, late = ${late}, entered_by = ${actor.userId}, on_behalf = ${!self}
    WHERE round_id = ${round.id} AND person_id = ${personId}`);
  await addToRoundCounters(tx, round.id, rec.unitPath, addFigures(pledgeFigures({ signedOn: on, late }), pledgeFigures({ signedOn: null, late: false }), -1));
  await writeAudit(tx, actor, {
    action: 'pledge.sign', entity: 'pledge', entityId: `${round.id}:${personId}`, unitPath: rec.unitPath,
    after: { roundId: round.id, personId, fullName: rec.fullName, signedOn: on, late, onBehalf: !self },
  }, now);
  return { signedOn: on, late };
}
