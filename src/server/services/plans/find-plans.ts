import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { CounterRow } from '#core/rollup/counters.ts';
import { progressFromCounters } from '#core/rollup/counters.ts';
import { foldForSearch, foldDiacritics } from '#core/text/fold.ts';
import type { PlanList, PlanListItem, PlanListQuery } from '#shared/plans.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import { planVisibleSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';

type Row = Omit<PlanListItem, 'progress' | 'implementingPlan' | 'publishedAt'> & {
  publishedAt: Date | null;
  counters: CounterRow[] | null;
  implId: string | null;
  implStatus: PlanListItem['status'] | null;
  total: number;
};

/**
 * Plans of a unit, newest first: `issued` — the plans it made (drafts included); `to_carry_out` —
 * published plans addressed to it, with its progress on each and its own implementing plan (a
 * cancelled one left out: the unit may make another). Cancelled plans only with `status=cancelled`.
 * `q` searches number and title without diacritics. Throws UNIT_NOT_FOUND.
 */
export async function findPlans(q: PlanListQuery, { actor, tx, now }: ServiceContext): Promise<PlanList> {
  const unit = await lookupUnit(tx, q.unitId);
  if (!unit || !can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
  const conds: SQL[] = [sql`d.deleted_at IS NULL`, planVisibleSql(actor)];
  const carry = q.view === 'to_carry_out';
  // A unit's own plan is among those it issued, never among those it is given to carry out.
  if (carry) conds.push(sql`p.status <> 'draft' AND p.unit_id <> ${unit.id} AND EXISTS (SELECT 1 FROM plan_audience a WHERE a.plan_id = p.id AND a.unit_id = ${unit.id})`);
  else conds.push(sql`p.unit_id = ${unit.id}`);
  // A cancelled plan shows only when asked for ("Đã thu hồi"): it is no longer work for anyone.
  conds.push(q.status ? sql`p.status = ${q.status}` : sql`p.status <> 'cancelled'`);
  const words = foldForSearch(q.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  for (const w of words) conds.push(sql`${foldedSql(sql`coalesce(d.number, '') || ' ' || coalesce(d.title, '')`)} LIKE ${`%${w.replace(/[%_\\]/g, '\\$&')}%`}`);
  const perUnit = carry
    ? sql`,
        (SELECT json_agg(json_build_object('item', c.item, 'dueDate', c.due_date, 'total', c.total, 'done', c.done, 'doneLate', c.done_late))
           FROM progress_counter c WHERE c.plan_id = p.id AND c.unit_id = ${unit.id}) AS counters,
        impl.id AS "implId", impl.status AS "implStatus"`
    : sql`, NULL AS counters, NULL AS "implId", NULL AS "implStatus"`;
  const implJoin = carry
    ? sql`LEFT JOIN LATERAL (SELECT c.id, c.status FROM plan c JOIN document cd ON cd.id = c.id AND cd.deleted_at IS NULL
                             WHERE c.parent_plan_id = p.id AND c.unit_id = ${unit.id} AND c.status <> 'cancelled'
                             ORDER BY (c.status = 'published') DESC, c.created_at DESC LIMIT 1) impl ON TRUE`
    : sql``;
  const r = await tx.execute<Row>(sql`
    SELECT p.id, p.unit_id AS "unitId", pu.name AS "unitName", d.number, coalesce(d.title, '') AS title, d.issued_on::text AS "issuedOn",
           p.status, d.confidentiality, p.published_at AS "publishedAt", p.parent_plan_id AS "parentPlanId"${perUnit},
           count(*) OVER ()::int AS total
    FROM plan p JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id ${implJoin}
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY coalesce(p.published_at, p.created_at) DESC, p.id
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const today = vietnamDate(now);
  return {
    items: r.rows.map(({ total: _t, counters, implId, implStatus, publishedAt, ...p }) => ({
      ...p,
      publishedAt: publishedAt ? new Date(publishedAt).toISOString() : null,
      progress: carry ? progressFromCounters(counters ?? [], today) : null,
      implementingPlan: implId && implStatus ? { id: implId, status: implStatus } : null,
    })),
    total: r.rows[0]?.total ?? 0,
  };
}

// Every precomposed Latin letter that folds to one other letter (Vietnamese and the rest), and
// A–Z: PostgreSQL's translate() then folds like foldDiacritics without the unaccent extension.
const FOLD = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [[0x41, 0x5a], [0xc0, 0x24f], [0x1e00, 0x1eff]];
  for (const [a, b] of ranges) {
    for (let c = a; c <= b; c++) {
      const ch = String.fromCodePoint(c);
      const f = foldDiacritics(ch);
      if (f !== ch && f.length === 1) {
        from += ch;
        to += f;
      }
    }
  }
  // Combining marks (text not in NFC) are dropped: translate() deletes what `from` has beyond `to`.
  for (let c = 0x300; c <= 0x36f; c++) from += String.fromCodePoint(c);
  return { from, to };
})();

/** `expr` folded in SQL the way foldDiacritics folds in JavaScript (lower case, no diacritics, đ → d). */
function foldedSql(expr: SQL): SQL {
  return sql`translate(${expr}, ${FOLD.from}, ${FOLD.to})`;
}
