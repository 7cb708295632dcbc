import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { IsoDate } from '#core/ids.ts';
import { audienceKey } from '#core/plans/audience.ts';
import { minimumHorizon, planHorizon, publicationPeriods } from '#core/plans/periods.ts';
import { NO_DUE } from '#core/rollup/counters.ts';
import type { Tx } from '../../db/client.ts';
import type { PlanRow, PlanItem } from '../../db/queries/plans.ts';
import type { TreePath } from '#core/access/scope.ts';
import type { Audience } from '#core/plans/audience.ts';
import { grassrootsKindsOf } from '#core/org-tree/kinds.ts';
import { maskSecret, planInSentence } from '#core/plans/secrecy.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';

/**
 * Creating the instances of a published plan: for every unit an item is addressed to, one task
 * instance or obligation instance per period, all in a few INSERT … SELECT statements over the
 * audience (never one round trip per unit). Existing instances are kept (idempotent).
 */

/** Items that go to the same units: one audience rule, or an explicit list of units. */
export interface InstanceGroup {
  /** A condition on the units (as `u`) that get these items. */
  units: SQL;
  items: PlanItem[];
}

/** Groups items by audience rule, each limited to `only` units when given. */
export function groupsByAudience(plan: Pick<PlanRow, 'unitId' | 'unitPath' | 'unitKind'>, items: readonly PlanItem[], only: readonly string[] | null): InstanceGroup[] {
  const byKey = new Map<string, InstanceGroup>();
  const planUnit = { id: plan.unitId, path: plan.unitPath, kind: plan.unitKind };
  for (const item of items) {
    const key = audienceKey(item.audience);
    let g = byKey.get(key);
    if (!g) {
      const rule = audienceSql(item.audience, planUnit);
      g = { units: only ? sql`${rule} AND u.id = ANY(${`{${only.join(',')}}`}::uuid[])` : rule, items: [] };
      byKey.set(key, g);
    }
    g.items.push(item);
  }
  return [...byKey.values()];
}

const PERIOD_RECORD = sql.raw(`p(item_id uuid, key text, label text, start date, end_date date, due date, open_end boolean,
  bounded boolean, term_dep boolean, term_start date, term_end date)`);

/**
 * Creates the audience rows and instances of `groups` for units active on `from`. Periods start at
 * `from` and run to each unit's horizon (core/plans/periods.ts). With `countNow`, the new instances
 * are added to the progress counters in the same statements (for a few units added to a large
 * plan); otherwise the caller rebuilds the counters. With `fresh` (publishing: the plan has no
 * audience or instance yet), rows are inserted without the conflict checks that make adding units
 * idempotent, a quarter of the cost of an instance. Returns how many instances were created (task
 * and obligation instances together).
 */
export async function createInstances(
  tx: Tx,
  planId: string,
  groups: readonly InstanceGroup[],
  from: IsoDate,
  now: Date,
  opts: { countNow?: boolean; fresh?: boolean } = {},
): Promise<number> {
  const at = now.toISOString();
  const minUntil = minimumHorizon(from);
  let created = 0;
  let audienceWritten = false;
  for (const g of groups) {
    const where = sql`${activeOnSql(from)} AND ${g.units}`;
    const stats = await tx.execute<{ n: number; maxEnd: string | null }>(sql`
      SELECT count(*)::int AS n, max(u.term_end)::text AS "maxEnd" FROM unit u WHERE ${where}`);
    const { n, maxEnd } = stats.rows[0]!;
    if (n === 0) continue;
    const widest = planHorizon(from, maxEnd as IsoDate | null);
    const needsTerms = g.items.some((i) => JSON.stringify(i.dues).includes('"term-years"'));
    const terms = needsTerms
      ? (await tx.execute<{ start: IsoDate; end: IsoDate }>(sql`
          SELECT DISTINCT u.term_start::text AS start, u.term_end::text AS "end" FROM unit u
          WHERE ${where} AND u.term_start IS NOT NULL AND u.term_end IS NOT NULL`)).rows
      : [];

    await tx.execute(sql`
      INSERT INTO plan_audience (plan_id, unit_id, added_at)
      SELECT ${planId}, u.id, ${at} FROM unit u WHERE ${where}
      ${opts.fresh && !audienceWritten ? sql`` : sql`ON CONFLICT (plan_id, unit_id) DO NOTHING`}`);
    audienceWritten = true;

    for (const item of ['task', 'report'] as const) {
      const rows = g.items
        .filter((i) => i.item === item)
        .flatMap((i) =>
          publicationPeriods(i.dues, from, widest, terms).map((p) => ({
            item_id: i.id, key: p.key, label: p.label, start: p.start, end_date: p.end, due: p.due,
            open_end: p.openEnd, bounded: p.bounded, term_dep: p.termDependent, term_start: p.term?.start ?? null, term_end: p.term?.end ?? null,
          })),
        );
      if (rows.length === 0) continue;
      const target = item === 'task'
        ? sql.raw('task_instance (task_id, plan_id, unit_id, unit_path, province_id, period_key, period_label, period_start, period_end, due_date, updated_at)')
        : sql.raw('obligation_instance (obligation_id, plan_id, unit_id, unit_path, province_id, period_key, period_label, period_start, period_end, due_date, updated_at)');
      const conflict = item === 'task' ? sql.raw('(task_id, unit_id, period_key)') : sql.raw('(obligation_id, unit_id, period_key)');
      const r = await tx.execute<{ n: number }>(sql`
        WITH ins AS (
          INSERT INTO ${target}
          SELECT p.item_id, ${planId}::uuid, u.id, u.path, u.province_id, p.key, p.label, p.start,
                 CASE WHEN p.open_end THEN h.until ELSE p.end_date END, p.due, ${at}::timestamptz
          FROM unit u
          CROSS JOIN LATERAL (
            SELECT CASE WHEN u.term_end > ${minUntil}::date THEN u.term_end ELSE ${minUntil}::date END AS until,
                   CASE WHEN u.term_start IS NOT NULL AND u.term_end IS NOT NULL THEN u.term_start END AS ts,
                   CASE WHEN u.term_start IS NOT NULL AND u.term_end IS NOT NULL THEN u.term_end END AS te
          ) h
          JOIN json_to_recordset(${JSON.stringify(rows)}::json) AS ${PERIOD_RECORD}
            ON (NOT p.term_dep OR (p.term_start IS NOT DISTINCT FROM h.ts AND p.term_end IS NOT DISTINCT FROM h.te))
           AND (NOT p.bounded OR p.start <= h.until)
          WHERE ${where}
          ${opts.fresh ? sql`` : sql`ON CONFLICT ${conflict} DO NOTHING`}
          RETURNING unit_path, due_date
        )${opts.countNow ? sql`, counted AS (
          INSERT INTO progress_counter (plan_id, unit_id, item, due_date, total, done, done_late)
          SELECT ${planId}::uuid, l::uuid, ${item}, g.d, sum(g.n), 0, 0
          FROM (SELECT unit_path, coalesce(due_date, ${NO_DUE}::date) AS d, count(*)::int AS n FROM ins GROUP BY 1, 2) g,
               unnest(string_to_array(g.unit_path::text, '.')) AS l
          GROUP BY 2, g.d
          ON CONFLICT (plan_id, unit_id, item, due_date, slot) DO UPDATE SET total = progress_counter.total + EXCLUDED.total
          RETURNING 1
        )` : sql``}
        SELECT count(*)::int AS n FROM ins`);
      created += r.rows[0]!.n;
    }
  }
  return created;
}

/**
 * Notifies the leaders and staff of the addressed units (users granted secretary, deputy secretary
 * or staff on the unit itself) that a plan asks something of them: one INSERT … SELECT, once per
 * user and unit however often it runs. A notification may leave the system as an e-mail, so a
 * secret plan is named in it only as secret, whoever receives it.
 */
export async function notifyAudience(tx: Tx, plan: Pick<PlanRow, 'id' | 'unitId' | 'number' | 'title' | 'unitName' | 'confidentiality'>, now: Date, only: readonly string[] | null): Promise<void> {
  const secret = plan.confidentiality === 'secret';
  const shown = maskSecret({ number: plan.number, title: plan.title }, secret, { number: 'number', title: 'plan' });
  const title = `Kế hoạch mới cần triển khai: ${[shown.number, shown.title].filter(Boolean).join(' ')}`.slice(0, 500);
  const body = `${plan.unitName} ban hành ${planInSentence(plan, secret)}. Đơn vị có nhiệm vụ, báo cáo cần thực hiện theo kế hoạch.`;
  const onlyUnits = only ? sql`AND a.unit_id = ANY(${`{${only.join(',')}}`}::uuid[])` : sql``;
  await tx.execute(sql`
    INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
    SELECT DISTINCT ON (g.user_id, a.unit_id) g.user_id, a.unit_id, 'plan_published', ${title}, ${body}, ${`/plans/${plan.id}`},
           'plan_published:' || ${plan.id}::text || ':' || a.unit_id::text, ${now.toISOString()}::timestamptz
    FROM plan_audience a
    JOIN user_grant g ON g.unit_id = a.unit_id AND g.revoked_at IS NULL AND g.role IN ('secretary', 'deputy_secretary', 'staff')
    JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
    WHERE a.plan_id = ${plan.id} ${onlyUnits}
      -- A unit's own plan is not news to it: its work shows in its list, no "new plan to carry out".
      AND a.unit_id <> ${plan.unitId}
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * A condition true for the units (as `u`) an audience rule names for a plan of `planUnit`,
 * activity aside (the same rule as core/plans/audience.ts `inAudience`).
 */
function audienceSql(a: Audience, planUnit: { id: string; path: TreePath; kind?: UnitKind }): SQL {
  const kinds = a.kinds && a.kinds.length > 0 ? sql`u.kind = ANY(${`{${a.kinds.join(',')}}`}::text[])` : null;
  const below = sql`u.path <@ ${planUnit.path}::ltree AND u.id <> ${planUnit.id}`;
  switch (a.scope) {
    case 'grassroots':
      return sql`(${below} AND u.kind = ANY(${`{${grassrootsKindsOf(planUnit.kind).join(',')}}`}::text[])${kinds ? sql` AND ${kinds}` : sql``})`;
    case 'children':
      return sql`(u.parent_id = ${planUnit.id}${kinds ? sql` AND ${kinds}` : sql``})`;
    case 'self':
      return sql`(u.id = ${planUnit.id})`;
    case 'units':
      return sql`(u.id = ANY(${uuidArray(a.unitIds ?? [])}::uuid[]) AND u.path <@ ${planUnit.path}::ltree)`;
    case 'kinds':
      return kinds ? sql`(${below} AND ${kinds})` : sql`FALSE`;
  }
}

/** Units (as `u`) that exist on `on`: founded by then and not dissolved or merged away. */
function activeOnSql(on: string): SQL {
  return sql`(u.valid_from <= ${on}::date AND (u.valid_to IS NULL OR u.valid_to > ${on}::date))`;
}
