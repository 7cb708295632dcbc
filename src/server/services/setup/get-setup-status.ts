import { sql } from 'drizzle-orm';
import type { SetupStatus } from '#shared/setup.ts';
import type { Db } from '../../db/client.ts';

/**
 * How far the installation is set up, for the first-run guide (system administrators only). The
 * counts read whole tables: at national size the membership count is an index-only scan of the
 * active memberships (~5.6 million entries, a few hundred milliseconds), acceptable for a page an
 * administrator opens while setting up, not for a page every user sees.
 */
export async function getSetupStatus(db: Db): Promise<SetupStatus> {
  const r = await db.execute<Omit<SetupStatus, 'topUnits'> & { topUnits: SetupStatus['topUnits'] | null }>(sql`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM unit WHERE parent_id IS NULL AND valid_to IS NULL) AS "topUnits",
      (SELECT count(*)::int FROM unit WHERE valid_to IS NULL) AS units,
      (SELECT count(DISTINCT person_id)::int FROM membership WHERE valid_to IS NULL) AS members,
      (SELECT count(*)::int FROM app_user WHERE NOT superuser AND disabled_at IS NULL) AS accounts,
      (SELECT count(DISTINCT m.person_id)::int FROM membership m
        WHERE m.valid_to IS NULL AND 'secretary' = ANY (m.positions)
          AND NOT EXISTS (SELECT 1 FROM app_user au WHERE au.person_id = m.person_id AND au.disabled_at IS NULL)) AS "secretariesWithoutAccount"`);
  const row = r.rows[0]!;
  return { ...row, topUnits: row.topUnits ?? [] };
}
