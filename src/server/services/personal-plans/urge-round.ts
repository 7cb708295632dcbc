import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '#core/ids.ts';
import type { RoundUrge, RoundUrged } from '#shared/personal-plans.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { LEADER_ROLES_SQL } from '../../db/queries/notifications.ts';
import { roundRecords } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { roundFor } from './scope.ts';

/**
 * POST /api/rounds/:id/urge: urges (đôn đốc) in one action everyone of a unit's subtree the round
 * still waits for — plans not submitted (or returned and not resubmitted), pledges not signed: the
 * leaders of each unit where they are managed get the message with the number missing, and each of
 * those members who has an account gets it too. The same message the same day is sent once, as
 * the urging of reports does. Needs `write` on the unit. Audited once.
 * Throws ROUND_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN.
 */
export async function urgeRound(roundId: string, input: RoundUrge, { actor, tx, now }: ServiceContext): Promise<RoundUrged> {
  const round = await roundFor(tx, actor, roundId);
  const unit = await unitFor(tx, actor, input.unit, 'write');
  const today = vietnamDate(now);
  const hash = createHash('sha256').update(input.message).digest('hex').slice(0, 16);
  const waiting = round.kind === 'pledge'
    ? sql`SELECT x.person_id, x.unit_id FROM (${roundRecords(round.kind, round.id, { path: unit.path })}) x WHERE x.signed_on IS NULL`
    : sql`SELECT x.person_id, x.unit_id FROM (${roundRecords(round.kind, round.id, { path: unit.path })}) x
          WHERE x.state IN ('pending', 'draft', 'returned') AND x.confirmed_on IS NULL`;
  const what = round.kind === 'pledge' ? 'ký cam kết' : 'nộp kế hoạch cá nhân';
  const title = `${unit.name} đôn đốc ${what}: ${round.title}`.slice(0, 300);
  const due = round.submitBy ? `\nHạn: ${round.submitBy.slice(8, 10)}/${round.submitBy.slice(5, 7)}/${round.submitBy.slice(0, 4)}.` : '';
  const r = await tx.execute<{ units: number; members: number; created: number }>(sql`
    WITH waiting AS (${waiting}),
    per_unit AS (SELECT unit_id, count(*)::int AS n FROM waiting GROUP BY unit_id),
    recipients AS (
      SELECT DISTINCT ON (g.user_id, p.unit_id) g.user_id, p.unit_id, ${`/personal-plans/rounds/${round.id}?unit=`}::text || p.unit_id AS link,
             ${input.message}::text || E'\n' || 'Còn ' || p.n || ' người chưa ${sql.raw(what)}.' || ${due}::text AS body
      FROM per_unit p JOIN user_grant g ON g.unit_id = p.unit_id AND g.revoked_at IS NULL AND g.role IN ${LEADER_ROLES_SQL}
      JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
      UNION ALL
      SELECT au.id, w.unit_id, ${`/personal-plans/rounds/${round.id}/plans/`}::text || w.person_id, ${input.message}::text || ${due}::text
      FROM waiting w JOIN app_user au ON au.person_id = w.person_id AND au.disabled_at IS NULL
    ), ins AS (
      INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
      SELECT user_id, unit_id, 'urge', ${title}::text, body, link,
             'urge-round:' || ${round.id}::text || ':' || unit_id || ':' || ${today}::text || ':' || ${hash}::text, ${now.toISOString()}::timestamptz
      FROM recipients
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM per_unit) AS units, (SELECT count(*)::int FROM waiting) AS members, (SELECT count(*)::int FROM ins) AS created`);
  const out = r.rows[0]!;
  await writeAudit(tx, actor, {
    action: 'round.urge', entity: 'round', entityId: round.id, unitPath: unit.path,
    after: { message: input.message, units: out.units, members: out.members, notifications: out.created },
  }, now);
  return { units: out.units, members: out.members, notifications: out.created };
}
