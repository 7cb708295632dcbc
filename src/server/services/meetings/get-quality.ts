import { sql } from 'drizzle-orm';
import { unitIdOfLabel } from '#core/access/scope.ts';
import { toIso } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { MEETING_CELL_UNIT_KINDS } from '#core/meetings/kinds.ts';
import type { CellQuality } from '#core/meetings/quality.ts';
import { assessCellQuality } from '#core/meetings/quality.ts';
import { describeRules, ruleInForce, setsFor } from '#core/meetings/rules.ts';
import type { QualityQuery, QualityReport } from '#shared/meetings.ts';
import { findStoredRuleSets, qualityMeetingsOf } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';

/** Cells whose details are listed; the totals count every cell. */
const CELL_LIMIT = 300;

type Sum = Omit<QualityReport['total'], 'cells' | 'cellsOk'>;
const zero = (): Sum => ({ monthsExpected: 0, monthsHeld: 0, thematicExpected: 0, thematicOk: 0, meetingsAssessed: 0, meetingsOk: 0 });
function add(a: Sum, q: CellQuality['summary']): Sum {
  return {
    monthsExpected: a.monthsExpected + q.monthsExpected,
    monthsHeld: a.monthsHeld + q.monthsHeld,
    thematicExpected: a.thematicExpected + q.thematicExpected,
    thematicOk: a.thematicOk + q.thematicOk,
    meetingsAssessed: a.meetingsAssessed + q.meetingsAssessed,
    meetingsOk: a.meetingsOk + q.meetingsOk,
  };
}

/**
 * GET /api/meetings/quality: the meeting quality of every cell of a unit's subtree over a period
 * (default: the current year up to today), against the rule set in force on each date — monthly
 * regular meeting held, thematic meetings as the rule in force asks, and each meeting's duration,
 * materials, attendance, unexcused and consecutive absences — rolled up by direct sub-unit.
 * Throws UNIT_NOT_FOUND.
 */
export async function getQuality(q: QualityQuery, { actor, tx, now }: ServiceContext): Promise<QualityReport> {
  const unit = await unitFor(tx, actor, q.unit, 'read');
  const asOf = vietnamDate(now);
  const from = q.from ?? toIso(Number(asOf.slice(0, 4)), 1, 1);
  const to = q.to ?? (`${asOf.slice(0, 4)}-12-31` as IsoDate);
  const sets = await findStoredRuleSets(tx);
  const cells = await tx.execute<{ id: string; name: string; path: string; parentName: string | null; validFrom: IsoDate; validTo: IsoDate | null }>(sql`
    SELECT u.id, u.name, u.path::text AS path, pu.name AS "parentName", u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo"
    FROM unit u LEFT JOIN unit pu ON pu.id = u.parent_id
    WHERE u.path <@ ${unit.path}::ltree AND u.kind = ANY(${`{${MEETING_CELL_UNIT_KINDS.join(',')}}`}::text[])
      AND u.valid_from <= ${to}::date AND (u.valid_to IS NULL OR u.valid_to > ${from}::date)
    ORDER BY pu.name NULLS FIRST, u.name`);
  const meetings = await qualityMeetingsOf(tx, cells.rows.map((c) => c.id), to);
  const titles = new Map<string, string>();
  if (cells.rows.length > 0) {
    const r = await tx.execute<{ id: string; title: string }>(sql`
      SELECT id, title FROM meeting WHERE unit_id = ANY(${`{${cells.rows.map((c) => c.id).join(',')}}`}::uuid[]) AND held_on >= ${from}::date AND held_on <= ${to}::date`);
    for (const x of r.rows) titles.set(x.id, x.title);
  }

  const depth = unit.path.split('.').length;
  const children = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE parent_id = ${unit.id} ORDER BY name`);
  const byChild = new Map<string, { cells: number; cellsOk: number; sum: Sum }>();
  let total = { cells: 0, cellsOk: 0, sum: zero() };
  const details: QualityReport['cells'] = [];
  for (const c of cells.rows) {
    const qual = assessCellQuality({ meetings: meetings.get(c.id) ?? [], ruleSets: setsFor(sets, c.path), from, to, asOf, unitFrom: c.validFrom, unitTo: c.validTo });
    total = { cells: total.cells + 1, cellsOk: total.cellsOk + (qual.summary.ok ? 1 : 0), sum: add(total.sum, qual.summary) };
    const labels = c.path.split('.');
    if (labels.length > depth) {
      const key = unitIdOfLabel(labels[depth]!);
      const cur = byChild.get(key) ?? { cells: 0, cellsOk: 0, sum: zero() };
      byChild.set(key, { cells: cur.cells + 1, cellsOk: cur.cellsOk + (qual.summary.ok ? 1 : 0), sum: add(cur.sum, qual.summary) });
    }
    if (details.length < CELL_LIMIT) {
      details.push({
        unitId: c.id,
        name: c.name,
        parentName: c.parentName,
        summary: qual.summary,
        months: qual.months,
        thematic: qual.thematic.map(({ ruleSetId: _r, ...t }) => t),
        meetings: qual.meetings.map((m) => ({ id: m.id, date: m.date, kind: m.kind, title: titles.get(m.id) ?? '', ok: m.ok, ruleSetId: m.ruleSetId, checks: m.checks })),
      });
    }
  }
  // The sets that applied to some cell during the period.
  const used = sets.filter((s) => {
    const cellsUnder = cells.rows.filter((c) => setsFor([s], c.path).length > 0);
    return cellsUnder.some((c) => {
      const own = setsFor(sets, c.path);
      return s === ruleInForce(own, from) || (s.validFrom > from && s.validFrom <= to && own.includes(s));
    });
  });
  return {
    unit: { id: unit.id, name: unit.name },
    from,
    to,
    asOf,
    ruleSets: used.map((s) => ({ id: s.id, name: s.name, source: s.source, validFrom: s.validFrom, rules: describeRules(s.rules) })),
    total: { cells: total.cells, cellsOk: total.cellsOk, ...total.sum },
    children: children.rows.filter((c) => byChild.has(c.id)).map((c) => {
      const x = byChild.get(c.id)!;
      return { unitId: c.id, name: c.name, cells: x.cells, cellsOk: x.cellsOk, ...x.sum };
    }),
    cells: details,
    cellsOmitted: Math.max(0, cells.rows.length - details.length),
  };
}
