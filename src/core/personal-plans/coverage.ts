import type { PlanState } from './plan-states.ts';

/**
 * What a round's coverage counts at a unit (docs/decisions/020): the members it asks, those who
 * submitted (a pledge: signed), those whose plan was confirmed, those who submitted or signed after
 * the deadline, the leaders it asks for example-setting items and those who registered them. The
 * counters of a unit hold the figures of its whole subtree; a member counts in the unit that
 * manages them now.
 */
export type RoundFigures = {
  must: number;
  submitted: number;
  confirmed: number;
  late: number;
  leaders: number;
  leadersRegistered: number;
};

export const NO_FIGURES: RoundFigures = { must: 0, submitted: 0, confirmed: 0, late: 0, leaders: 0, leadersRegistered: 0 };
export const FIGURE_NAMES = Object.keys(NO_FIGURES) as (keyof RoundFigures)[];

/** A member's plan as the counters see it; `pending`: asked, nothing written yet. */
export type CountedPlan = {
  state: 'pending' | PlanState;
  /** The day a version was first confirmed; it stays while an amendment is being written. */
  confirmedOn: string | null;
  /** The first submission came after the deadline. */
  late: boolean;
  leader: boolean;
};

/**
 * What one plan adds to the figures. A plan counts as submitted while it waits, once confirmed,
 * and while an amendment of a confirmed plan is written; a returned plan does not count until it
 * is submitted again (as a returned report does).
 */
export function planFigures(p: CountedPlan): RoundFigures {
  const confirmed = p.confirmedOn !== null ? 1 : 0;
  const submitted = p.state === 'submitted' || p.state === 'confirmed' || confirmed === 1 ? 1 : 0;
  const leader = p.leader ? 1 : 0;
  return { must: 1, submitted, confirmed, late: p.late ? 1 : 0, leaders: leader, leadersRegistered: leader * submitted };
}

/** What one member's pledge adds: signed counts as submitted (a pledge has nothing to confirm). */
export function pledgeFigures(p: { signedOn: string | null; late: boolean }): RoundFigures {
  const signed = p.signedOn !== null ? 1 : 0;
  return { ...NO_FIGURES, must: 1, submitted: signed, late: signed * (p.late ? 1 : 0) };
}

export function addFigures(a: RoundFigures, b: RoundFigures, sign: 1 | -1 = 1): RoundFigures {
  const out = { ...NO_FIGURES };
  for (const k of FIGURE_NAMES) out[k] = a[k] + sign * b[k];
  return out;
}

export function isZero(f: RoundFigures): boolean {
  return FIGURE_NAMES.every((k) => f[k] === 0);
}

/** Figures with what the screens derive from them: who is overdue on `today`, and the two rates. */
export interface Coverage extends RoundFigures {
  /** Asked and not submitted (or signed) once the deadline has passed. */
  overdue: number;
  percentSubmitted: number | null;
  percentConfirmed: number | null;
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.floor((part * 100) / whole));

/** The coverage of figures on `today` against the deadline to submit (YYYY-MM-DD; the day itself is on time). */
export function coverageOf(f: RoundFigures, submitBy: string | null, today: string): Coverage {
  const overdue = submitBy !== null && today > submitBy ? f.must - f.submitted : 0;
  return { ...f, overdue, percentSubmitted: percent(f.submitted, f.must), percentConfirmed: percent(f.confirmed, f.must) };
}
