import type { Due } from '../deadline/types.ts';
import type { IsoDate } from '../ids.ts';
import type { Period } from '../deadline/resolve.ts';
import { resolveDue } from '../deadline/resolve.ts';

/**
 * The periods a published plan asks of one unit (DESIGN.md "Deadlines"). Recurring work runs from
 * the day of publication to the unit's horizon: the end of its term of office or one year after
 * publication, whichever is later. `term-years` resolve against the unit's term.
 *
 * Publishing to thousands of units resolves each due once, not once per unit: `publicationPeriods`
 * resolves to the widest horizon of the audience and marks how each period depends on the unit, so
 * the database can keep, per unit, exactly what `periodsForUnit` would give it.
 */

export interface UnitTerm {
  start: IsoDate | null;
  end: IsoDate | null;
}

function addOneYear(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4)) + 1;
  const md = d.slice(4);
  // 29 February has no anniversary: the day before 1 March.
  return (md === '-02-29' ? `${y}-02-28` : `${y}${md}`) as IsoDate;
}

/** One year after `published` (the shortest horizon of any unit). */
export function minimumHorizon(published: IsoDate): IsoDate {
  return addOneYear(published);
}

/** The last day periods are generated for a unit: its term's end or one year after publication, whichever is later. */
export function planHorizon(published: IsoDate, termEnd: IsoDate | null): IsoDate {
  const year = addOneYear(published);
  return termEnd && termEnd > year ? termEnd : year;
}

/** A term usable by `resolveDue`: both ends known, else none. */
export function usableTerm(t: UnitTerm | null | undefined): { start: IsoDate; end: IsoDate } | null {
  return t && t.start && t.end ? { start: t.start, end: t.end } : null;
}

/** The single period of an item without a deadline: it is to be done, with no due date. */
export function undatedPeriod(published: IsoDate, until: IsoDate): Period {
  return { key: 'once', label: 'Không quy định thời hạn', start: published, end: until, due: null };
}

/**
 * The periods of an item for one unit, in order, each key once: the union over its dues (a report
 * "trước ngày 30/5/2022 và ngày 30/11/2022" has two), or one undated period when it has no due.
 * A recurring due that starts after the unit's horizon gives it nothing.
 */
export function periodsForUnit(dues: readonly Due[] | Due | null, published: IsoDate, term: UnitTerm | null): Period[] {
  const list = dues === null ? [] : Array.isArray(dues) ? (dues as readonly Due[]) : [dues as Due];
  const until = planHorizon(published, term?.end ?? null);
  const ctx = { from: published, until, term: usableTerm(term) };
  const out: Period[] = [];
  const seen = new Set<string>();
  for (const due of list) {
    for (const p of resolveDue(due, ctx)) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      out.push(p);
    }
  }
  return list.length > 0 ? out : [undatedPeriod(published, until)];
}

/** How a period resolved at the widest horizon applies to one unit. */
export interface PublicationPeriod extends Period {
  /** Recurring: kept for a unit only when it starts on or before the unit's horizon. */
  bounded: boolean;
  /** Open-ended (continuous work, undated): it ends on the unit's horizon. */
  openEnd: boolean;
  /** Set for periods of `term-years`: only for units whose usable term is exactly this one (null: units without a term). */
  term: { start: IsoDate; end: IsoDate } | null;
  termDependent: boolean;
}

type Dependence = 'fixed' | 'bounded' | 'open' | 'term';

function dependence(due: Due): Dependence {
  switch (due.type) {
    case 'recurring':
      return 'bounded';
    case 'continuous':
    case 'from':
    case 'relative':
      return 'open';
    case 'term-years':
      return 'term';
    default:
      return 'fixed';
  }
}

/**
 * The periods of an item for a whole audience, resolved once: at `widest` (the latest horizon of
 * any unit of the audience) and, for `term-years`, once per distinct term among `terms`. Applying
 * `applyToUnit` to the result gives, for every unit, exactly `periodsForUnit` (keys and dates).
 */
export function publicationPeriods(
  dues: readonly Due[] | Due | null,
  published: IsoDate,
  widest: IsoDate,
  terms: readonly { start: IsoDate; end: IsoDate }[],
): PublicationPeriod[] {
  const list = dues === null ? [] : Array.isArray(dues) ? (dues as readonly Due[]) : [dues as Due];
  const out: PublicationPeriod[] = [];
  const byKey = new Map<string, PublicationPeriod[]>();
  const push = (p: PublicationPeriod) => {
    const same = byKey.get(p.key) ?? [];
    // The same key from two dues: one row, kept for a unit when either due would keep it.
    const twin = same.find((q) => q.termDependent === p.termDependent && q.term?.start === p.term?.start && q.term?.end === p.term?.end);
    if (twin) {
      twin.bounded = twin.bounded && p.bounded;
      return;
    }
    same.push(p);
    byKey.set(p.key, same);
    out.push(p);
  };
  const base = { from: published, until: widest };
  for (const due of list) {
    const dep = dependence(due);
    if (dep === 'term') {
      for (const term of [...terms, null]) {
        for (const p of resolveDue(due, { ...base, term })) {
          push({ ...p, bounded: false, openEnd: term === null, term, termDependent: true });
        }
      }
      continue;
    }
    for (const p of resolveDue(due, base)) push({ ...p, bounded: dep === 'bounded', openEnd: dep === 'open', term: null, termDependent: false });
  }
  if (list.length === 0) out.push({ ...undatedPeriod(published, widest), bounded: false, openEnd: true, term: null, termDependent: false });
  return out;
}

/** The periods of `publicationPeriods` that belong to one unit, as that unit sees them (the reference for the SQL that does the same). */
export function applyToUnit(periods: readonly PublicationPeriod[], published: IsoDate, term: UnitTerm | null): Period[] {
  const until = planHorizon(published, term?.end ?? null);
  const t = usableTerm(term);
  const out: Period[] = [];
  const seen = new Set<string>();
  for (const p of periods) {
    if (p.termDependent && (p.term?.start ?? null) !== (t?.start ?? null)) continue;
    if (p.termDependent && (p.term?.end ?? null) !== (t?.end ?? null)) continue;
    if (p.bounded && p.start > until) continue;
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    out.push({ key: p.key, label: p.label, start: p.start, end: p.openEnd ? until : p.end, due: p.due });
  }
  return out;
}
