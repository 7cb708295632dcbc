import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { Tx } from '../client.ts';

/**
 * Sets the receiving unit of the obligation instances of `planId` (of the subtree `within` when
 * given) — the rule of src/core/reports/chain.ts in one statement: for each instance, its
 * ancestors below the plan's unit are looked up nearest first in the instances of the same
 * obligation and period (the unique index answers each), else the plan's unit; the plan's unit's
 * own report goes to its parent. Run after instances are created or units moved; only rows whose
 * receiver changes are written. Returns how many changed.
 */
export async function setReceivers(tx: Tx, planId: string, within?: TreePath): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH computed AS (
      SELECT x.id,
        CASE
          WHEN x.unit_path = p.unit_path THEN
            CASE WHEN nlevel(p.unit_path) > 1 THEN subltree(p.unit_path, nlevel(p.unit_path) - 2, nlevel(p.unit_path) - 1)::text::uuid END
          WHEN NOT (x.unit_path <@ p.unit_path) THEN p.unit_id
          ELSE coalesce((
            SELECT a.unit_id FROM generate_series(nlevel(x.unit_path) - 2, nlevel(p.unit_path), -1) AS k
            JOIN obligation_instance a ON a.obligation_id = x.obligation_id AND a.period_key = x.period_key
              AND a.unit_id = subltree(x.unit_path, k, k + 1)::text::uuid AND a.status <> 'cancelled'
            ORDER BY k DESC LIMIT 1), p.unit_id)
        END AS receiver
      FROM obligation_instance x JOIN plan p ON p.id = x.plan_id
      WHERE x.plan_id = ${planId} ${within ? sql`AND x.unit_path <@ ${within}::ltree` : sql``}
    ), changed AS (
      UPDATE obligation_instance oi SET receiver_unit_id = c.receiver
      FROM computed c WHERE oi.id = c.id AND oi.receiver_unit_id IS DISTINCT FROM c.receiver
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM changed`);
  return r.rows[0]!.n;
}
