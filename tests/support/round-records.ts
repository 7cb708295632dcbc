import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

/**
 * Every record of a round as rows `(person_id, unit_id, …)`, recounted apart from the server's own
 * query: the rows written, and a pending row for each member of the roster with none yet
 * (docs/decisions/021). Plans give `state, confirmed_on, late, leader, form_id`; pledges
 * `signed_on, late`.
 */
export function allRecords(kind: 'personal_plan' | 'pledge', roundId: string): SQL {
  if (kind === 'pledge') {
    return sql`
      SELECT person_id, unit_id, signed_on, late FROM pledge WHERE round_id = ${roundId}
      UNION ALL
      SELECT a.person_id, rr.unit_id, NULL::date, false FROM round_roster rr, unnest(rr.person_ids) AS a(person_id)
      WHERE rr.round_id = ${roundId} AND (SELECT kind FROM round WHERE id = ${roundId}) = 'pledge' AND a.person_id NOT IN (SELECT person_id FROM pledge WHERE round_id = ${roundId})`;
  }
  return sql`
    SELECT person_id, unit_id, state, confirmed_on, late, leader, form_id FROM personal_plan WHERE round_id = ${roundId}
    UNION ALL
    SELECT a.person_id, rr.unit_id, 'pending', NULL::date, false, a.person_id = ANY(rr.leader_ids), coalesce(rr.form_id, a.form_id)
    FROM round_roster rr, unnest(rr.person_ids, rr.form_ids) AS a(person_id, form_id)
    WHERE rr.round_id = ${roundId} AND (SELECT kind FROM round WHERE id = ${roundId}) = 'personal_plan' AND a.person_id NOT IN (SELECT person_id FROM personal_plan WHERE round_id = ${roundId})`;
}
