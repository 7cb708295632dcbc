import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { readsPlansManagedAt } from '#core/personal-plans/readers.ts';
import { foldForSearch } from '#core/text/fold.ts';
import type { RoundMemberRow, RoundMembers, RoundMembersQuery } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';
import { likeWord } from '../../db/queries/members.ts';
import type { RoundRow } from '../../db/queries/personal-plans.ts';
import { roundRecords } from '../../db/queries/personal-plans.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { roundFor } from './scope.ts';

/** Who may list a unit's members in a round: those who read their plans (the secretaries, the levels above). */
export async function memberListUnit(tx: Tx, actor: ServiceContext['actor'], unitId: string): Promise<UnitRow> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  if (!readsPlansManagedAt(actor, unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem danh sách kế hoạch cá nhân của đơn vị.');
  return unit;
}

const FILTERS: Record<'personal_plan' | 'pledge', Record<RoundMembersQuery['filter'], string>> = {
  personal_plan: {
    all: 'true',
    not_submitted: `x.state IN ('pending', 'draft', 'returned') AND x.confirmed_on IS NULL`,
    submitted: `x.state = 'submitted'`,
    returned: `x.state = 'returned'`,
    confirmed: 'x.confirmed_on IS NOT NULL',
    late: 'x.late',
  },
  pledge: {
    all: 'true',
    not_submitted: 'x.signed_on IS NULL',
    submitted: 'x.signed_on IS NOT NULL',
    returned: 'false',
    confirmed: 'false',
    late: 'x.late AND x.signed_on IS NOT NULL',
  },
};

/** The rows of a round's member list: its records in the unit (or its subtree), filtered, in Vietnamese name order. */
export async function roundMemberRows(tx: Tx, round: RoundRow, unit: UnitRow, q: Omit<RoundMembersQuery, 'limit' | 'offset'>, page: { limit: number; offset: number } | null): Promise<RoundMembers> {
  const records = roundRecords(round.kind, round.id, q.subtree === 'true' ? { path: unit.path } : { unitId: unit.id });
  const conds: SQL[] = [sql.raw(FILTERS[round.kind][q.filter])];
  for (const w of foldForSearch(q.q ?? '').split(' ').filter(Boolean).slice(0, 8)) conds.push(sql`p.name_folded LIKE ${likeWord(w)}`);
  const where = sql.join(conds, sql` AND `);
  const columns = round.kind === 'pledge'
    ? sql.raw(`NULL::text AS "formLabel", false AS leader, CASE WHEN x.signed_on IS NULL THEN 'pending' ELSE 'submitted' END AS state,
        (x.late AND x.signed_on IS NOT NULL) AS late, NULL::text AS "submittedOn", NULL::text AS "confirmedOn", x.signed_on::text AS "signedOn", x.on_behalf AS "onBehalf"`)
    : sql.raw(`(SELECT f.label FROM plan_form f WHERE f.id = x.form_id) AS "formLabel", x.leader, x.state, x.late, x.submitted_on::text AS "submittedOn",
        x.confirmed_on::text AS "confirmedOn", NULL::text AS "signedOn",
        coalesce((SELECT v.on_behalf FROM personal_plan_version v WHERE v.round_id = x.round_id AND v.person_id = x.person_id AND v.version = x.version), false) AS "onBehalf"`);
  const from = sql`(${records}) x JOIN person p ON p.id = x.person_id JOIN unit u ON u.id = x.unit_id`;
  const items = await tx.execute<RoundMemberRow>(sql`
    SELECT x.person_id AS "personId", p.full_name AS "fullName", x.unit_id AS "unitId", u.name AS "unitName", ${columns}
    FROM ${from} WHERE ${where}
    ORDER BY p.name_order, p.id ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`);
  const total = page ? (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`)).rows[0]?.n ?? 0 : items.rows.length;
  return { items: items.rows, total };
}

/**
 * GET /api/rounds/:id/members?unit=: who a round asks in a unit and where each stands (not
 * written, submitted, returned, confirmed, late), for those who read the unit's plans — never for
 * its other members. Throws ROUND_NOT_FOUND, UNIT_NOT_FOUND.
 */
export async function findRoundMembers(id: string, q: RoundMembersQuery, { actor, tx }: ServiceContext): Promise<RoundMembers> {
  const round = await roundFor(tx, actor, id);
  const unit = await memberListUnit(tx, actor, q.unit);
  return roundMemberRows(tx, round, unit, q, { limit: q.limit, offset: q.offset });
}
