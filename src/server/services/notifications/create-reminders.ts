import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { itemInSentence, maskSecret } from '#core/plans/secrecy.ts';
import { OVERDUE_CATCH_UP_DAYS, OVERDUE_REPEAT_DAYS } from '#core/reports/reminders.ts';
import type { Tx } from '../../db/client.ts';
import { LEADER_ROLES_SQL } from '../../db/queries/notifications.ts';

export interface ReminderCounts {
  /** Notifications created for report obligations, tasks, and digests to the higher level. */
  reports: number;
  tasks: number;
  digests: number;
}

/**
 * The step of each open instance on `today`, in SQL: the twin of core/reports/reminders.ts
 * `reminderStep` (a test checks they agree). `left` is the number of days to the due date.
 */
function stepSql(today: IsoDate): SQL {
  return sql`CASE
    WHEN i.due_date = ${today}::date THEN 'd0'
    WHEN i.due_date < ${today}::date THEN
      CASE WHEN (${today}::date - i.due_date - 1) % ${OVERDUE_REPEAT_DAYS}::int < ${OVERDUE_CATCH_UP_DAYS}::int
           THEN 'overdue:' || to_char(i.due_date + 1 + ((${today}::date - i.due_date - 1) / ${OVERDUE_REPEAT_DAYS}::int) * ${OVERDUE_REPEAT_DAYS}::int, 'YYYY-MM-DD') END
    ELSE (SELECT 'd-' || min(n) FROM unnest(i.reminder_days) AS n WHERE n >= i.due_date - ${today}::date)
  END`;
}

/**
 * The open items that may be due a reminder on `today`, as (id, unit_id, plan_id, due_date,
 * reminder_days, item_id, period_label, link): report obligations not submitted (pending, draft,
 * returned) and open tasks, of published plans, of units still active, due within the longest
 * reminder window ahead or overdue. Both read a partial index on due_date.
 */
function openItemsSql(item: 'report' | 'task', today: IsoDate, horizon: number): SQL {
  const common = sql`JOIN plan p ON p.id = x.plan_id AND p.status = 'published'
    JOIN unit u ON u.id = x.unit_id AND (u.valid_to IS NULL OR u.valid_to > ${today}::date)`;
  const window = sql`x.due_date IS NOT NULL AND x.due_date <= ${today}::date + ${horizon}::int`;
  if (item === 'report') {
    return sql`
      SELECT x.id, x.unit_id, x.plan_id, x.due_date, p.reminder_days, x.obligation_id AS item_id, x.period_label,
             '/obligation-instances/' || x.id AS link
      FROM obligation_instance x ${common}
      WHERE x.status IN ('pending', 'draft', 'returned') AND ${window}`;
  }
  return sql`
    SELECT x.id, x.unit_id, x.plan_id, x.due_date, p.reminder_days, x.task_id AS item_id, x.period_label,
           '/task-instances/' || x.id AS link
    FROM task_instance x ${common}
    WHERE x.status = 'open' AND ${window}`;
}

/** The open items due a reminder on `today`, with their step. */
function stepsSql(item: 'report' | 'task', today: IsoDate, horizon: number): SQL {
  return sql`i AS (${openItemsSql(item, today, horizon)}),
    steps AS (
      SELECT i.*, ${stepSql(today)} AS step, i.due_date - ${today}::date AS days_left, to_char(i.due_date, 'DD/MM/YYYY') AS due_text
      FROM i
    )`;
}

/**
 * How each task or report due a reminder is named: by its text, or, of a secret plan, only as
 * secret (a reminder may leave the system as an e-mail). Named once per item, not per unit.
 */
async function itemNames(tx: Tx, item: 'report' | 'task', today: IsoDate, horizon: number): Promise<{ item_id: string; what: string }[]> {
  const text = item === 'report'
    ? sql`(SELECT ro.title FROM report_obligation ro WHERE ro.id = s.item_id)`
    : sql`(SELECT t.text FROM task t WHERE t.id = s.item_id)`;
  const r = await tx.execute<{ itemId: string; text: string; secret: boolean }>(sql`
    WITH ${stepsSql(item, today, horizon)}
    SELECT DISTINCT ON (s.item_id) s.item_id AS "itemId", ${text} AS text, d.confidentiality = 'secret' AS secret
    FROM steps s JOIN document d ON d.id = s.plan_id
    WHERE s.step IS NOT NULL`);
  return r.rows.map((x) => ({ item_id: x.itemId, what: itemInSentence(item, x.text, x.secret) }));
}

/**
 * Creates the reminders due on the Vietnam day of `now` for every open report and task: N days
 * before the due date (the plan's reminder days, default 7 and 1), on the due day, and when
 * overdue (core/reports/reminders.ts), to the leaders of the unit that owes it (secretary, deputy
 * secretary and staff grants on that unit). Each reminder's dedupe key is
 * `remind:{instanceId}:{step}`, inserted with ON CONFLICT DO NOTHING: running this again, on
 * another server process or after a restart, never sends a reminder twice. Per kind of item, one
 * statement names the items due a reminder and one INSERT … SELECT writes them, whatever the
 * number of units.
 */
export async function createReminders(tx: Tx, now: Date): Promise<Omit<ReminderCounts, 'digests'>> {
  const today = vietnamDate(now);
  const h = await tx.execute<{ horizon: number }>(sql`
    SELECT coalesce(max(n), 0)::int AS horizon FROM plan p, unnest(p.reminder_days) AS n WHERE p.status = 'published'`);
  const horizon = Math.max(0, Math.min(h.rows[0]?.horizon ?? 0, 366));
  const at = now.toISOString();
  const out = { reports: 0, tasks: 0 };
  for (const item of ['report', 'task'] as const) {
    const names = await itemNames(tx, item, today, horizon);
    if (names.length === 0) continue;
    const r = await tx.execute<{ n: number }>(sql`
      WITH ${stepsSql(item, today, horizon)},
      names AS (SELECT * FROM json_to_recordset(${JSON.stringify(names)}::json) AS x(item_id uuid, what text)),
      ins AS (
        INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
        SELECT DISTINCT ON (g.user_id, s.id) g.user_id, s.unit_id,
          CASE WHEN s.days_left < 0 THEN 'overdue' ELSE 'reminder' END,
          CASE WHEN s.days_left < 0 THEN 'Quá hạn ' || -s.days_left || ' ngày: ' || n.what
               WHEN s.days_left = 0 THEN 'Hôm nay đến hạn: ' || n.what
               ELSE 'Còn ' || s.days_left || ' ngày đến hạn: ' || n.what END,
          CASE WHEN s.days_left < 0 THEN 'Hạn ' || s.due_text || ' (' || s.period_label || '), đã quá ' || -s.days_left || ' ngày. Đề nghị khẩn trương hoàn thành và cập nhật.'
               ELSE 'Hạn ' || s.due_text || ' (' || s.period_label || ').' END,
          s.link, 'remind:' || s.id || ':' || s.step, ${at}::timestamptz
        FROM steps s
        JOIN names n ON n.item_id = s.item_id
        JOIN user_grant g ON g.unit_id = s.unit_id AND g.revoked_at IS NULL AND g.role IN ${LEADER_ROLES_SQL}
        JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
        WHERE s.step IS NOT NULL
        ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM ins`);
    out[item === 'report' ? 'reports' : 'tasks'] = r.rows[0]?.n ?? 0;
  }
  return out;
}

/** How many units the digest names before "and N more". */
const DIGEST_NAMES = 10;

/**
 * The daily digest to the higher level: for each published plan with overdue work, one
 * notification to each staff member of the plan's unit (staff grant on it) listing the units
 * late and how many items each, most first. Keyed `digest:{planId}:{day}`: once a day. A secret
 * plan is named only as secret: the digest may leave the system as an e-mail.
 */
export async function createOverdueDigest(tx: Tx, now: Date): Promise<number> {
  const today = vietnamDate(now);
  const overdue = await tx.execute<{ planId: string; number: string | null; title: string; secret: boolean; body: string }>(sql`
    WITH late AS (
      SELECT x.plan_id, x.unit_id FROM obligation_instance x
      WHERE x.status IN ('pending', 'draft', 'returned') AND x.due_date IS NOT NULL AND x.due_date < ${today}::date
      UNION ALL
      SELECT x.plan_id, x.unit_id FROM task_instance x
      WHERE x.status = 'open' AND x.due_date IS NOT NULL AND x.due_date < ${today}::date
    ), per_unit AS (
      SELECT l.plan_id, l.unit_id, u.name, count(*) AS n,
             row_number() OVER (PARTITION BY l.plan_id ORDER BY count(*) DESC, u.name) AS rank
      FROM late l
      JOIN plan p ON p.id = l.plan_id AND p.status = 'published'
      JOIN unit u ON u.id = l.unit_id AND (u.valid_to IS NULL OR u.valid_to > ${today}::date)
      GROUP BY l.plan_id, l.unit_id, u.name
    ), per_plan AS (
      SELECT plan_id, count(*) AS units, sum(n) AS items,
             string_agg(name || ' (' || n || ')', '; ' ORDER BY rank) FILTER (WHERE rank <= ${DIGEST_NAMES}::int) AS names
      FROM per_unit GROUP BY plan_id
    )
    SELECT pp.plan_id AS "planId", d.number, coalesce(d.title, '') AS title, d.confidentiality = 'secret' AS secret,
           pp.units || ' đơn vị có ' || pp.items || ' nhiệm vụ, báo cáo quá hạn: ' || pp.names
             || CASE WHEN pp.units > ${DIGEST_NAMES}::int THEN '; và ' || (pp.units - ${DIGEST_NAMES}::int) || ' đơn vị khác.' ELSE '.' END AS body
    FROM per_plan pp JOIN document d ON d.id = pp.plan_id`);
  if (overdue.rows.length === 0) return 0;
  const digests = overdue.rows.map((x) => {
    const shown = maskSecret(x, x.secret, { number: 'number', title: 'plan' });
    return { plan_id: x.planId, title: `Đơn vị quá hạn — ${shown.number ? `Kế hoạch số ${shown.number}` : shown.title || 'kế hoạch'}`, body: x.body };
  });
  const r = await tx.execute<{ n: number }>(sql`
    WITH ins AS (
      INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
      SELECT g.user_id, p.unit_id, 'digest', x.title, x.body,
             '/plans/' || p.id, 'digest:' || p.id || ':' || ${today}::text, ${now.toISOString()}::timestamptz
      FROM json_to_recordset(${JSON.stringify(digests)}::json) AS x(plan_id uuid, title text, body text)
      JOIN plan p ON p.id = x.plan_id
      JOIN user_grant g ON g.unit_id = p.unit_id AND g.revoked_at IS NULL AND g.role = 'staff'
      JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`);
  return r.rows[0]?.n ?? 0;
}
