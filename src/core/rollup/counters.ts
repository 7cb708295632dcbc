import type { TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';
import type { IsoDate } from '../ids.ts';

/**
 * The roll-up of a plan's progress over a subtree, and the counters that keep it current.
 * `progress_counter` holds, for each unit and each due date, how many task or report instances of
 * its subtree exist, are done, and were done late; a change of one instance adds a delta to the
 * counters of the unit and every ancestor. What counts (the dashboards say so in words):
 * - a task is done when marked done; cancelled instances count nowhere;
 * - a task is overdue when not done and its due date has passed; tasks without a due date
 *   (continuous work) are never overdue;
 * - a report is submitted when a version was submitted and not returned (a returned report counts
 *   again once resubmitted);
 *   late when its first submission came after the due date; missing when not submitted and past due;
 * - "due so far" is what the rates divide by: everything due by today, continuous work, and what
 *   was done (or submitted) ahead of its date. Dividing by the whole plan would keep a year of
 *   monthly work near zero until December.
 */
export type Item = 'task' | 'report';

/** No due date ("thường xuyên") is kept in a bucket of its own, after every real date. */
export const NO_DUE = '9999-12-31' as IsoDate;

export interface CountedInstance {
  item: Item;
  unitPath: TreePath;
  due: IsoDate | null;
  /** The day it was done (task) or first submitted (report); null when not. */
  doneOn: IsoDate | null;
  cancelled: boolean;
}

export interface Contribution {
  total: number;
  done: number;
  doneLate: number;
}

/** What one instance adds to the counters of its due bucket. */
export function contribution(i: Pick<CountedInstance, 'due' | 'doneOn' | 'cancelled'>): Contribution {
  if (i.cancelled) return { total: 0, done: 0, doneLate: 0 };
  const done = i.doneOn !== null ? 1 : 0;
  const late = i.doneOn !== null && i.due !== null && i.doneOn > i.due ? 1 : 0;
  return { total: 1, done, doneLate: late };
}

/** The delta a change from `before` to `after` adds to the counters (same due bucket assumed). */
export function delta(before: Contribution, after: Contribution): Contribution {
  return { total: after.total - before.total, done: after.done - before.done, doneLate: after.doneLate - before.doneLate };
}

export interface CounterRow {
  item: Item;
  dueDate: IsoDate;
  total: number;
  done: number;
  doneLate: number;
}

export interface Progress {
  tasks: { total: number; dueSoFar: number; done: number; overdue: number };
  reports: { expected: number; dueSoFar: number; submitted: number; late: number; missing: number };
}

/** Progress of one subtree on `today` from its counter rows. */
export function progressFromCounters(rows: readonly CounterRow[], today: IsoDate): Progress {
  const p: Progress = { tasks: { total: 0, dueSoFar: 0, done: 0, overdue: 0 }, reports: { expected: 0, dueSoFar: 0, submitted: 0, late: 0, missing: 0 } };
  for (const r of rows) {
    const pastDue = r.dueDate !== NO_DUE && r.dueDate < today;
    const notYetDue = r.dueDate !== NO_DUE && r.dueDate > today;
    const dueSoFar = notYetDue ? r.done : r.total;
    if (r.item === 'task') {
      p.tasks.total += r.total;
      p.tasks.dueSoFar += dueSoFar;
      p.tasks.done += r.done;
      if (pastDue) p.tasks.overdue += r.total - r.done;
    } else {
      p.reports.expected += r.total;
      p.reports.dueSoFar += dueSoFar;
      p.reports.submitted += r.done;
      p.reports.late += r.doneLate;
      if (pastDue) p.reports.missing += r.total - r.done;
    }
  }
  return p;
}

/** The same figures counted directly from the instances of the subtree under `root` (the reference for tests). */
export function progressByRecount(instances: readonly CountedInstance[], root: TreePath, today: IsoDate): Progress {
  const rows: CounterRow[] = instances
    .filter((i) => isWithin(i.unitPath, root))
    .map((i) => ({ item: i.item, dueDate: i.due ?? NO_DUE, ...contribution(i) }));
  return progressFromCounters(rows, today);
}

/** Counter rows of `total` minus those of `parts`, bucket by bucket: what the unit holds itself when `total` covers its subtree and `parts` its children's. */
export function counterRowsMinus(total: readonly CounterRow[], parts: readonly (readonly CounterRow[])[]): CounterRow[] {
  const key = (r: CounterRow) => `${r.item}|${r.dueDate}`;
  const out = new Map<string, CounterRow>();
  for (const r of total) {
    const cur = out.get(key(r)) ?? { item: r.item, dueDate: r.dueDate, total: 0, done: 0, doneLate: 0 };
    out.set(key(r), { ...cur, total: cur.total + r.total, done: cur.done + r.done, doneLate: cur.doneLate + r.doneLate });
  }
  for (const r of parts.flat()) {
    const cur = out.get(key(r)) ?? { item: r.item, dueDate: r.dueDate, total: 0, done: 0, doneLate: 0 };
    out.set(key(r), { ...cur, total: cur.total - r.total, done: cur.done - r.done, doneLate: cur.doneLate - r.doneLate });
  }
  return [...out.values()].filter((r) => r.total !== 0 || r.done !== 0 || r.doneLate !== 0);
}

/** Rate in [0, 1] with no division by zero: nothing to do counts as nothing done yet. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Every prefix of a path, the path itself included: the units whose counters an instance feeds. */
export function ancestorPaths(path: TreePath): TreePath[] {
  const labels = path.split('.');
  return labels.map((_, i) => labels.slice(0, i + 1).join('.') as TreePath);
}
