import { addDays, daysLate } from '../deadline/resolve.ts';
import type { IsoDate } from '../ids.ts';

/**
 * When an open task or report gets a reminder (đôn đốc), as a pure function of its due date, the
 * day, and the plan's reminder days (default 7 and 1 days before). Each reminder has a step key;
 * the server stores it in the notification's dedupe key, so each step is sent once however often
 * the reminder job runs.
 *
 * - Before the due date, the step of threshold N covers the days from N days before up to the
 *   next smaller threshold (exclusive): with [7, 1], "d-7" is due from 7 to 2 days before and
 *   "d-1" on the last day before. A job that did not run on the exact day still sends it late in
 *   its window; a window missed entirely is skipped (the next step says the same, more urgently).
 * - On the due day: "d0".
 * - Once overdue: one reminder on the first day late and one every OVERDUE_REPEAT_DAYS after,
 *   keyed by the first day of each window ("overdue:2022-04-01"). A job that missed that day sends
 *   it up to OVERDUE_CATCH_UP_DAYS later, not after: the set of overdue work only grows, and the
 *   job must not re-examine all of it every run (the next repeat comes a week later).
 *
 * `reminderSql` in the server computes the same step for every instance in one statement; a
 * test checks that the two agree.
 */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];
export const OVERDUE_REPEAT_DAYS = 7;
export const OVERDUE_CATCH_UP_DAYS = 2;

export type ReminderStep =
  | { kind: 'before'; threshold: number; daysLeft: number; key: string }
  | { kind: 'due_day'; key: 'd0' }
  | { kind: 'overdue'; daysLate: number; key: string };

export function reminderStep(due: IsoDate, today: IsoDate, reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS): ReminderStep | null {
  const left = daysLate(today, due);
  if (left === 0) return { kind: 'due_day', key: 'd0' };
  if (left > 0) {
    const threshold = Math.min(...reminderDays.filter((n) => Number.isInteger(n) && n >= left));
    if (!Number.isFinite(threshold)) return null;
    return { kind: 'before', threshold, daysLeft: left, key: `d-${threshold}` };
  }
  const late = -left;
  if ((late - 1) % OVERDUE_REPEAT_DAYS >= OVERDUE_CATCH_UP_DAYS) return null;
  const windowStart = addDays(due, 1 + Math.floor((late - 1) / OVERDUE_REPEAT_DAYS) * OVERDUE_REPEAT_DAYS);
  return { kind: 'overdue', daysLate: late, key: `overdue:${windowStart}` };
}
