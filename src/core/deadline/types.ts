/**
 * The normalised deadline of extraction/SCHEMA.md (`due`), as TypeScript types.
 * Parsing lives in parse.ts / find.ts; resolving to concrete dates belongs in resolve.ts.
 */
import type { IsoDate } from '../ids.ts';

export type Every = 'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year';

export type Due =
  | { type: 'date'; value: IsoDate }
  | { type: 'month'; value: string }
  | { type: 'quarter'; value: string }
  | { type: 'quarter-end'; value: string }
  | { type: 'half'; value: string }
  | { type: 'year'; value: string }
  | { type: 'range'; value: { from: Due; to: Due } }
  | { type: 'recurring'; value: { every: Every; from: Due | null } }
  | { type: 'continuous'; value: null }
  | { type: 'term-years'; value: { years: number[] } }
  | { type: 'relative'; value: { days: number; to: 'event' } }
  | { type: 'from'; value: Due };

export type DueType = Due['type'];

/**
 * How many objects deep a deadline may nest when it is read from outside: "from the first quarter"
 * is two, a range of two such deadlines five; nothing anyone writes comes near.
 */
export const DUE_NESTING = 12;

/** What a deadline is for: a task to do, a report to send, an event to hold. */
export type DeadlineWhat = 'task' | 'report' | 'event';

/** Structural equality of two dues (key order does not matter). */
export function dueEquals(a: Due | null | undefined, b: Due | null | undefined): boolean {
  return canonicalDue(a) === canonicalDue(b);
}

/** A stable string form of a due, for equality and hashing. */
export function canonicalDue(d: unknown): string {
  if (d === null || d === undefined) return 'null';
  if (Array.isArray(d)) return `[${d.map(canonicalDue).join(',')}]`;
  if (typeof d === 'object') {
    const o = d as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${k}:${canonicalDue(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(d);
}

/** The calendar year a due falls in or starts from, when it names one. */
export function yearOfDue(d: Due): number | null {
  switch (d.type) {
    case 'date':
    case 'month':
    case 'quarter':
    case 'quarter-end':
    case 'half':
    case 'year':
      return Number(d.value.slice(0, 4));
    case 'range':
      return yearOfDue(d.value.to);
    case 'from':
      return yearOfDue(d.value);
    case 'recurring':
      return d.value.from ? yearOfDue(d.value.from) : null;
    default:
      return null;
  }
}
