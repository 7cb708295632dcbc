import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { PlanSections, PlanVersion } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';

/** A version as stored, with the path of the unit it was confirmed under (for a former cell's reading). */
export type VersionRow = PlanVersion & { confirmedUnder: TreePath | null; returnedBy: string | null };

/** Every version of a member's plan in a round, oldest first, with who wrote and confirmed each. */
export async function versionsOf(tx: Tx, roundId: string, personId: string): Promise<VersionRow[]> {
  const r = await tx.execute<VersionRow>(sql`
    SELECT v.version, v.sections, coalesce(wp.full_name, w.username) AS "writtenBy", v.on_behalf AS "onBehalf", v.saved_at AS "savedAt",
           v.submitted_on::text AS "submittedOn", v.late, v.returned_at AS "returnedAt", v.return_comment AS "returnComment",
           v.returned_by AS "returnedBy", v.confirmed_on::text AS "confirmedOn", coalesce(cp.full_name, c.username) AS "confirmedBy",
           cu.path::text AS "confirmedUnder"
    FROM personal_plan_version v
    LEFT JOIN app_user w ON w.id = v.written_by LEFT JOIN person wp ON wp.id = w.person_id
    LEFT JOIN app_user c ON c.id = v.confirmed_by LEFT JOIN person cp ON cp.id = c.person_id
    LEFT JOIN unit cu ON cu.id = v.confirmed_unit_id
    WHERE v.round_id = ${roundId} AND v.person_id = ${personId}
    ORDER BY v.version`);
  return r.rows.map((v) => ({ ...v, savedAt: new Date(v.savedAt).toISOString(), returnedAt: v.returnedAt === null ? null : new Date(v.returnedAt).toISOString() }));
}

/** The sections of a version with each item's optional fields made explicit (as the API answers them). */
export function normalSections(sections: PlanSections): PlanSections {
  return Object.fromEntries(Object.entries(sections).map(([k, items]) => [k, items.map((it) => ({ text: it.text, area: it.area ?? null, group: it.group ?? null }))]));
}
