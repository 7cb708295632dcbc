import { formatViPercent } from '../documents-out/format-vi.ts';
import type { IsoDate } from '../ids.ts';

/**
 * The task-results figures of a unit over a review period, from its task instances (the backbone's
 * `task_instance`), as evidence beside 366's conditions: how many tasks counted, done on time, done
 * late, not done, and done beyond requirements ("vượt mức").
 *
 * Which instances count in a period [from, to], judged as on `asOf` (default: `to`; earlier when the
 * review is held before the period ends, as year-end reviews in December are):
 * - a cancelled instance never counts (a withdrawn task is counted nowhere, ADR 016);
 * - an instance with a due date counts when the due date falls within the period — the period it was
 *   owed in is the one it is judged in, whenever it was done. Done on or before the due date: on time;
 *   done later but by `asOf`: late; not done by `asOf`: not done. One due within the period but after
 *   `asOf` and not yet done is `pending`: not counted, it may still be done on time;
 * - an instance without a due date (regular work, "thường xuyên") counts when it was done within the
 *   period (by `asOf`), and then on time: it cannot be late, and an open one is ongoing rather than
 *   failed, so counting it as not done would punish every standing duty; counting the ones done gives
 *   them their place among the tasks completed (and their "vượt mức").
 * Done means status 'done' with a done date, as the backbone's instanceStatus reads it.
 * Exceeding: a counted instance done (on time or late) and marked beyond requirements.
 */

/** Stored statuses of a task instance (migration 0005). */
export type TaskInstanceState = 'open' | 'done' | 'cancelled';

export interface TaskInstanceFact {
  due: IsoDate | null;
  status: TaskInstanceState;
  doneOn: IsoDate | null;
  /** Done beyond requirements ("vượt mức"). */
  beyond: boolean;
}

export interface ReviewPeriodDates {
  from: IsoDate;
  to: IsoDate;
}

/** What a counted instance came to. */
export type TaskOutcome = 'on_time' | 'late' | 'not_done';

/** Shares of the counted tasks, each from 0 to 1; null when nothing counted. */
export interface TaskShares {
  onTime: number;
  late: number;
  notDone: number;
  exceeding: number;
}

export interface TaskResults {
  counted: number;
  onTime: number;
  late: number;
  notDone: number;
  exceeding: number;
  /** Due within the period after `asOf` and not yet done: not counted. */
  pending: number;
  shares: TaskShares | null;
}

/** How the instance counts in the period on `asOf`: its outcome, 'pending', or null when it does not count. */
export function taskOutcome(i: TaskInstanceFact, period: ReviewPeriodDates, asOf: IsoDate = period.to): TaskOutcome | 'pending' | null {
  if (i.status === 'cancelled') return null;
  const end = asOf < period.to ? asOf : period.to;
  const doneBy = i.status === 'done' && i.doneOn !== null && i.doneOn <= end ? i.doneOn : null;
  if (i.due === null) return doneBy !== null && doneBy >= period.from ? 'on_time' : null;
  if (i.due < period.from || i.due > period.to) return null;
  if (doneBy === null) return i.due > end ? 'pending' : 'not_done';
  return doneBy <= i.due ? 'on_time' : 'late';
}

/** The figures of `instances` in `period` on `asOf` (default: the period's end). */
export function taskResults(instances: readonly TaskInstanceFact[], period: ReviewPeriodDates, asOf: IsoDate = period.to): TaskResults {
  const r = { counted: 0, onTime: 0, late: 0, notDone: 0, exceeding: 0, pending: 0 };
  for (const i of instances) {
    const o = taskOutcome(i, period, asOf);
    if (o === null) continue;
    if (o === 'pending') {
      r.pending++;
      continue;
    }
    r.counted++;
    if (o === 'on_time') r.onTime++;
    else if (o === 'late') r.late++;
    else r.notDone++;
    if (o !== 'not_done' && i.beyond) r.exceeding++;
  }
  return { ...r, shares: taskShares(r) };
}

/** The shares of counted figures (however they were counted: here or in SQL); null when nothing counted. */
export function taskShares(r: Pick<TaskResults, 'counted' | 'onTime' | 'late' | 'notDone' | 'exceeding'>): TaskShares | null {
  return r.counted === 0 ? null : { onTime: r.onTime / r.counted, late: r.late / r.counted, notDone: r.notDone / r.counted, exceeding: r.exceeding / r.counted };
}

/**
 * `part / whole` as a Vietnamese percentage, truncated to two places and without trailing zeros
 * ("25%", "33,33%", "20,04%"): truncation never shows a share as reaching a bar it misses, and the
 * places keep 20,04% from reading as 20% beside a bar of "≤ 20%".
 */
export function shareText(part: number, whole: number): string {
  return formatViPercent(part, whole, 2).replace(/(,\d*?)0+%$/, '$1%').replace(/,%$/, '%');
}
