import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';

/** The access roles that make a user one of a unit's leaders, who receive its reminders and urgings. */
export const LEADER_ROLES = ['secretary', 'deputy_secretary', 'staff'] as const;
const LEADER_ROLES_SQL = sql.raw(`('${LEADER_ROLES.join("', '")}')`);

export interface UnitMessage {
  unitId: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  /** Per user: a second message with the same key is not created (ON CONFLICT DO NOTHING). */
  dedupeKey: string | null;
}

/**
 * Creates one notification per message for every leader of its unit (active users holding a
 * secretary, deputy secretary or staff grant on that very unit), in one statement. Returns the
 * notifications created and, per message, whether its unit had any leader to notify.
 */
export async function notifyUnitLeaders(tx: Tx, messages: readonly UnitMessage[], now: Date): Promise<{ created: number; unitsWithoutLeaders: string[] }> {
  if (messages.length === 0) return { created: 0, unitsWithoutLeaders: [] };
  const json = JSON.stringify(messages.map((m) => ({ unit_id: m.unitId, kind: m.kind, title: m.title, body: m.body, link: m.link, dedupe_key: m.dedupeKey })));
  const r = await tx.execute<{ created: number; without: string[] | null }>(sql`
    WITH msg AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(unit_id uuid, kind text, title text, body text, link text, dedupe_key text)
    ), recipients AS (
      SELECT DISTINCT msg.*, g.user_id
      FROM msg
      JOIN user_grant g ON g.unit_id = msg.unit_id AND g.revoked_at IS NULL AND g.role IN ${LEADER_ROLES_SQL}
      JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
    ), ins AS (
      INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
      SELECT user_id, unit_id, kind, title, body, link, dedupe_key, ${now.toISOString()}::timestamptz FROM recipients
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM ins) AS created,
           (SELECT array_agg(DISTINCT msg.unit_id::text) FROM msg WHERE NOT EXISTS (SELECT 1 FROM recipients r WHERE r.unit_id = msg.unit_id)) AS without`);
  const row = r.rows[0];
  return { created: row?.created ?? 0, unitsWithoutLeaders: row?.without ?? [] };
}
