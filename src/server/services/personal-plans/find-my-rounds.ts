import { sql } from 'drizzle-orm';
import type { MyRounds } from '#shared/personal-plans.ts';
import type { RoundRow } from '../../db/queries/personal-plans.ts';
import { ROUND_COLUMNS, ROUND_FROM } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { summariesOf } from './round-summary.ts';
import { personOfActor } from './scope.ts';

/** The rounds a member is shown at most (the newest). */
const MY_ROUNDS_MAX = 100;

/**
 * GET /api/my/rounds: what the rounds ask of the signed-in member's own person — each personal plan
 * with its form and state, each pledge signed or not, written or still pending in a roster — newest first. Empty for an account that
 * is not a member's.
 */
export async function findMyRounds({ actor, tx }: ServiceContext): Promise<MyRounds> {
  const personId = await personOfActor(tx, actor);
  if (personId === null) return { personId: null, items: [] };
  const r = await tx.execute<RoundRow & { recState: MyRounds['items'][number]['state']; recLate: boolean; signedOn: string | null; formLabel: string | null }>(sql`
    SELECT ${ROUND_COLUMNS}, x.state AS "recState", x.late AS "recLate", x.signed_on AS "signedOn", x.form_label AS "formLabel"
    FROM ${ROUND_FROM} JOIN (
      SELECT pp.round_id, pp.state, pp.late, NULL::text AS signed_on, f.label AS form_label
      FROM personal_plan pp JOIN plan_form f ON f.id = pp.form_id WHERE pp.person_id = ${personId}
      UNION ALL
      SELECT pl.round_id, CASE WHEN pl.signed_on IS NULL THEN 'pending' ELSE 'submitted' END, pl.late AND pl.signed_on IS NOT NULL, pl.signed_on::text, NULL
      FROM pledge pl WHERE pl.person_id = ${personId}
      UNION ALL
      SELECT rr.round_id, 'pending', false, NULL::text, f.label
      FROM round_roster rr CROSS JOIN LATERAL unnest(rr.person_ids, rr.form_ids) AS a(person_id, form_id) LEFT JOIN plan_form f ON f.id = coalesce(rr.form_id, a.form_id)
      WHERE rr.unit_id IN (SELECT m.unit_id FROM membership m WHERE m.person_id = ${personId}) AND a.person_id = ${personId}
        AND NOT EXISTS (SELECT 1 FROM personal_plan y WHERE y.round_id = rr.round_id AND y.person_id = ${personId})
        AND NOT EXISTS (SELECT 1 FROM pledge y WHERE y.round_id = rr.round_id AND y.person_id = ${personId})
    ) x ON x.round_id = r.id
    ORDER BY r.launched_on DESC, r.created_at DESC LIMIT ${MY_ROUNDS_MAX}`);
  const summaries = await summariesOf(tx, r.rows.map(({ recState: _s, recLate: _l, signedOn: _o, formLabel: _f, ...round }) => round));
  return {
    personId,
    items: r.rows.map((row, i) => ({ round: summaries[i]!, state: row.recState, late: row.recLate, signedOn: row.signedOn, formLabel: row.formLabel })),
  };
}
