import type { Due, Every } from './types.ts';
import { formatViDate } from '../text/dates.ts';
import { dueLabel } from './words.ts';
import type { IsoDate } from '../ids.ts';

/**
 * Turning a `Due` into concrete periods and due dates (DESIGN.md "Deadlines"): a month is due on its
 * last day, a quarter on its last day, a recurring obligation yields one period per period from its
 * start to the horizon, `term-years` resolve against the unit's term of office, and `continuous` has
 * no due date but belongs to every periodic report. The clock is an argument.
 */
export interface Period {
  /** Stable key of the period within one task or obligation: "2022-Q1", "2022-03", "2022", "2022-03-31", "once". */
  key: string;
  /** How a Vietnamese reader names it (words.ts `dueLabel`, a day as dd/mm/yyyy): "Quý I/2022", "Tháng 3/2022", "Năm 2022", "31/03/2022". */
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** The day it is due; null for continuous work and for a deadline relative to an event not yet dated. */
  due: IsoDate | null;
}

export interface ResolveContext {
  /** The day the plan takes effect (its publication): recurring periods start from here. */
  from: IsoDate;
  /** The last day periods are generated for (end of the plan's horizon or of the term). */
  until: IsoDate;
  /** The unit's term of office, for `term-years`. */
  term?: { start: IsoDate; end: IsoDate } | null;
  /** The date of the event a `relative` deadline hangs on (a conference, a study session), if known. */
  eventDate?: IsoDate | null;
  /** Upper bound on generated periods (daily obligations over years would be absurd). */
  maxPeriods?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` as IsoDate;
}

function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

export function lastDayOfMonth(y: number, m: number): IsoDate {
  return toIso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** Adds days to a date (negative to go back). */
export function addDays(d: IsoDate, days: number): IsoDate {
  const [y, m, day] = parts(d);
  return new Date(Date.UTC(y, m - 1, day + days)).toISOString().slice(0, 10) as IsoDate;
}

function addYears(d: IsoDate, years: number): IsoDate {
  const [y, m, day] = parts(d);
  const last = Number(lastDayOfMonth(y + years, m).slice(8));
  return toIso(y + years, m, Math.min(day, last));
}

function monthPeriod(y: number, m: number): Period {
  const end = lastDayOfMonth(y, m);
  const key = `${y}-${pad(m)}`;
  return { key, label: dueLabel({ type: 'month', value: key }), start: toIso(y, m, 1), end, due: end };
}

function quarterPeriod(y: number, q: number): Period {
  const end = lastDayOfMonth(y, q * 3);
  const key = `${y}-Q${q}`;
  return { key, label: dueLabel({ type: 'quarter', value: key }), start: toIso(y, q * 3 - 2, 1), end, due: end };
}

function halfPeriod(y: number, h: number): Period {
  const end = h === 1 ? toIso(y, 6, 30) : toIso(y, 12, 31);
  const key = `${y}-H${h}`;
  return { key, label: dueLabel({ type: 'half', value: key }), start: h === 1 ? toIso(y, 1, 1) : toIso(y, 7, 1), end, due: end };
}

function yearPeriod(y: number): Period {
  return { key: `${y}`, label: dueLabel({ type: 'year', value: String(y) }), start: toIso(y, 1, 1), end: toIso(y, 12, 31), due: toIso(y, 12, 31) };
}

const termYearLabel = (n: number) => dueLabel({ type: 'term-years', value: { years: [n] } });

function dayPeriod(d: IsoDate): Period {
  return { key: d, label: formatViDate(d), start: d, end: d, due: d };
}

/** The Monday-to-Sunday week containing `d` (Vietnamese weeks start on Monday: "thứ Hai hằng tuần"). */
function weekPeriod(d: IsoDate): Period {
  const [y, m, day] = parts(d);
  const dow = (new Date(Date.UTC(y, m - 1, day)).getUTCDay() + 6) % 7;
  const start = addDays(d, -dow);
  const end = addDays(start, 6);
  return { key: `W${start}`, label: `Tuần ${formatViDate(start)} - ${formatViDate(end)}`, start, end, due: end };
}

/** The period of kind `every` that contains `d`. */
export function periodContaining(every: Every, d: IsoDate): Period {
  const [y, m] = parts(d);
  switch (every) {
    case 'day':
      return dayPeriod(d);
    case 'week':
      return weekPeriod(d);
    case 'month':
      return monthPeriod(y, m);
    case 'quarter':
      return quarterPeriod(y, Math.ceil(m / 3));
    case 'half-year':
      return halfPeriod(y, m <= 6 ? 1 : 2);
    case 'year':
      return yearPeriod(y);
  }
}

/** The single period a fixed (non-recurring) due names, or null when it names none. */
export function fixedPeriod(due: Due, ctx: ResolveContext): Period | null {
  switch (due.type) {
    case 'date':
      return dayPeriod(due.value);
    case 'month': {
      const [y, m] = due.value.split('-').map(Number) as [number, number];
      return monthPeriod(y, m);
    }
    case 'quarter':
    case 'quarter-end': {
      const [y, q] = due.value.split('-Q').map(Number) as [number, number];
      return quarterPeriod(y, q);
    }
    case 'half': {
      const [y, h] = due.value.split('-H').map(Number) as [number, number];
      return halfPeriod(y, h);
    }
    case 'year':
      return yearPeriod(Number(due.value));
    case 'range': {
      const a = fixedPeriod(due.value.from, ctx);
      const b = fixedPeriod(due.value.to, ctx);
      if (!a || !b) return b ?? a;
      return { key: `${a.key}..${b.key}`, label: `${a.label} - ${b.label}`, start: a.start, end: b.end, due: b.due };
    }
    case 'relative': {
      if (!ctx.eventDate) return { key: 'once', label: `${Math.abs(due.value.days)} ngày ${due.value.days < 0 ? 'trước' : 'sau'} sự kiện`, start: ctx.from, end: ctx.until, due: null };
      const d = addDays(ctx.eventDate, due.value.days);
      return { ...dayPeriod(d), key: 'once' };
    }
    default:
      return null;
  }
}

/**
 * The periods a due yields between `ctx.from` and `ctx.until`, in date order. A fixed due yields
 * one period (even when it lies before `from`: an overdue task is still a task); a recurring due
 * one per period that ends on or after `from` and starts on or before `until`.
 */
export function resolveDue(due: Due, ctx: ResolveContext): Period[] {
  const max = ctx.maxPeriods ?? 400;
  switch (due.type) {
    case 'continuous':
      return [{ key: 'continuous', label: 'Thường xuyên', start: ctx.from, end: ctx.until, due: null }];
    case 'from': {
      const start = fixedPeriod(due.value, ctx)?.start ?? ctx.from;
      return [{ key: 'continuous', label: `Thường xuyên từ ${formatViDate(start)}`, start, end: ctx.until, due: null }];
    }
    case 'recurring': {
      const startAt = due.value.from ? (fixedPeriod(due.value.from, ctx)?.start ?? ctx.from) : ctx.from;
      const first = startAt > ctx.from ? startAt : ctx.from;
      const out: Period[] = [];
      let p = periodContaining(due.value.every, first);
      while (p.start <= ctx.until && out.length < max) {
        out.push(p);
        p = periodContaining(due.value.every, addDays(p.end, 1));
      }
      return out;
    }
    case 'term-years': {
      const term = ctx.term;
      if (!term) return due.value.years.map((n) => ({ key: `term-${n}`, label: termYearLabel(n), start: ctx.from, end: ctx.until, due: null }));
      return due.value.years.map((n) => {
        // Year n of a term runs from its n-1st anniversary to the day before its nth.
        const start = addYears(term.start, n - 1);
        const end = addDays(addYears(term.start, n), -1);
        const capped = end > term.end ? term.end : end;
        return { key: `term-${n}`, label: `${termYearLabel(n)} (${formatViDate(start)} - ${formatViDate(capped)})`, start, end: capped, due: capped };
      });
    }
    default: {
      const p = fixedPeriod(due, ctx);
      return p ? [p] : [];
    }
  }
}

/** Status of one task or report instance (issue "backbone"): what the dashboards count. */
export type InstanceStatus = 'not_due' | 'due_soon' | 'overdue' | 'done_on_time' | 'done_late';

export const INSTANCE_STATUS_LABELS: Record<InstanceStatus, { vi: string; en: string }> = {
  not_due: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành trễ hạn', en: 'Done late' },
};

/**
 * The status of an instance on `today`. Done on the due day counts as on time; "due soon" is
 * within `soonDays` days before the due date; an instance without a due date is never overdue.
 */
export function instanceStatus(i: { due: IsoDate | null; doneOn: IsoDate | null }, today: IsoDate, soonDays = 7): InstanceStatus {
  if (i.doneOn) return i.due && i.doneOn > i.due ? 'done_late' : 'done_on_time';
  if (!i.due) return 'not_due';
  if (today > i.due) return 'overdue';
  if (addDays(today, soonDays) >= i.due) return 'due_soon';
  return 'not_due';
}

/** Whole days from `due` to `today` (positive when late). */
export function daysLate(due: IsoDate, today: IsoDate): number {
  const [a, b] = [parts(due), parts(today)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}
