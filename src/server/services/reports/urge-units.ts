import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { UrgeInput, UrgeResult } from '#shared/reports.ts';
import { LEADER_ROLES_SQL } from '../../db/queries/notifications.ts';
import { itemInSentence } from '#core/plans/secrecy.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { obligationScope } from './obligation-scope.ts';

/**
 * Urges (đôn đốc) in one action every unit of the subtree that has not submitted the report of a
 * period — past the due date (`scope: 'overdue'`, the default) or at all (`'not_submitted'`): each
 * leader of each such unit gets the message. One statement whatever the number of units; the
 * same message to the same unit on the same day is sent once (a repeated click sends nothing
 * new). Needs `write` on the subtree's unit. Audited once.
 *
 * Throws OBLIGATION_NOT_FOUND, NOT_FOUND, FORBIDDEN, REPORT_CLOSED (plan not published),
 * PERIOD_UNKNOWN.
 */
export async function urgeUnits(obligationId: string, input: UrgeInput, { actor, tx, now }: ServiceContext): Promise<UrgeResult> {
  const { obligation, unit } = await obligationScope(tx, actor, obligationId, input.unit, 'write');
  if (obligation.planStatus !== 'published') throw new DomainError('REPORT_CLOSED', 'Kế hoạch chưa ban hành hoặc đã bị hủy.');
  const period = await tx.execute<{ label: string; due: string | null }>(sql`
    SELECT period_label AS label, to_char(due_date, 'DD/MM/YYYY') AS due FROM obligation_instance
    WHERE plan_id = ${obligation.planId} AND obligation_id = ${obligation.id} AND period_key = ${input.period} LIMIT 1`);
  const p = period.rows[0];
  if (!p) throw new DomainError('PERIOD_UNKNOWN', `Yêu cầu báo cáo này không có kỳ "${input.period}".`);

  const today = vietnamDate(now);
  const hash = createHash('sha256').update(input.message).digest('hex').slice(0, 16);
  const overdueOnly = input.scope === 'overdue' ? sql`AND oi.due_date < ${today}::date` : sql``;
  const title = `${unit.name} đôn đốc gửi ${itemInSentence('report', obligation.title, obligation.secret)} (${p.label})`;
  const r = await tx.execute<{ units: number; created: number; unreached: { id: string; name: string }[] | null }>(sql`
    WITH targets AS (
      SELECT oi.id, oi.unit_id, oi.due_date FROM obligation_instance oi
      WHERE oi.plan_id = ${obligation.planId} AND oi.obligation_id = ${obligation.id} AND oi.period_key = ${input.period}
        AND oi.unit_path <@ ${unit.path}::ltree AND oi.status IN ('pending', 'draft', 'returned') ${overdueOnly}
        ${input.reach === 'received' ? sql`AND oi.receiver_unit_id = ${unit.id}` : sql``}
    ), recipients AS (
      SELECT DISTINCT t.id, t.unit_id, t.due_date, g.user_id
      FROM targets t
      JOIN user_grant g ON g.unit_id = t.unit_id AND g.revoked_at IS NULL AND g.role IN ${LEADER_ROLES_SQL}
      JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
    ), ins AS (
      INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
      SELECT user_id, unit_id, 'urge', ${title}::text,
             ${input.message}::text || coalesce(E'\n' || 'Hạn báo cáo: ' || to_char(due_date, 'DD/MM/YYYY') || '.', ''),
             '/obligation-instances/' || id, 'urge:' || id || ':' || ${today}::text || ':' || ${hash}::text, ${now.toISOString()}::timestamptz
      FROM recipients
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(DISTINCT unit_id)::int FROM targets) AS units, (SELECT count(*)::int FROM ins) AS created,
           (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
            FROM (SELECT DISTINCT unit_id FROM targets t WHERE NOT EXISTS (SELECT 1 FROM recipients r WHERE r.unit_id = t.unit_id)) x
            JOIN unit u ON u.id = x.unit_id) AS unreached`);
  const out = r.rows[0]!;
  await writeAudit(tx, actor, {
    action: 'report.urge',
    entity: 'report_obligation',
    entityId: obligation.id,
    unitPath: unit.path,
    after: { period: input.period, scope: input.scope, reach: input.reach, message: input.message, units: out.units, notifications: out.created },
  }, now);
  return { units: out.units, notifications: out.created, unreached: out.unreached ?? [] };
}
