import type { Due, DueType, Every } from '#core/deadline/types.ts';
import { daysInMonth, isoDate, type IsoDate } from '#core/ids.ts';

/**
 * The values the deadline editor (DueEditor.tsx) works with: which types a form offers, the value a
 * type starts from, and reading typed years of a term. Words and labels come from
 * core/deadline/words.ts.
 */

/** The types a plan's editor offers, in the order shown: the times a plan sets for its own work. */
export const PLAN_DUE_TYPES: readonly DueType[] = ['date', 'month', 'quarter', 'half', 'year', 'recurring', 'continuous', 'term-years'];

/** The recurrences a plan offers: a daily obligation would ask for a report a day. */
export const PLAN_RECURRENCES: readonly Every[] = ['week', 'month', 'quarter', 'half-year', 'year'];

/** Points and spans of time: what the end of a range, or the start of a recurrence or of "from", can be. */
export const POINT_DUE_TYPES: readonly DueType[] = ['date', 'month', 'quarter', 'quarter-end', 'half', 'year'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A value of `type` to start from when a person picks it, near the day `near`: the end of its
 * month, its month, quarter, half and year, from January to December of its year, quarterly,
 * the first year of the term, five days before the event, from its year.
 */
export function defaultDue(type: DueType, near: IsoDate): Due {
  const y = Number(near.slice(0, 4));
  const m = Number(near.slice(5, 7));
  switch (type) {
    case 'date':
      return { type, value: isoDate(y, m, daysInMonth(y, m)) ?? near };
    case 'month':
      return { type, value: `${y}-${pad(m)}` };
    case 'quarter':
    case 'quarter-end':
      return { type, value: `${y}-Q${Math.ceil(m / 3)}` };
    case 'half':
      return { type, value: `${y}-H${m <= 6 ? 1 : 2}` };
    case 'year':
      return { type, value: String(y) };
    case 'range':
      return { type, value: { from: { type: 'month', value: `${y}-01` }, to: { type: 'month', value: `${y}-12` } } };
    case 'recurring':
      return { type, value: { every: 'quarter', from: null } };
    case 'continuous':
      return { type, value: null };
    case 'term-years':
      return { type, value: { years: [1] } };
    case 'relative':
      return { type, value: { days: -5, to: 'event' } };
    case 'from':
      return { type, value: { type: 'year', value: String(y) } };
  }
}

/** Reads "2, 4" or "năm 2 và 4" as years of a term (1–10), sorted; null when none is given. */
export function parseTermYears(text: string): number[] | null {
  const years = [...new Set(text.split(/[^\d]+/).filter(Boolean).map(Number))].filter((n) => Number.isInteger(n) && n >= 1 && n <= 10);
  return years.length > 0 ? years.sort((a, b) => a - b) : null;
}
