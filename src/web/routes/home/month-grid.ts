/** The 6 × 7 days shown for a month (weeks from Monday), as YYYY-MM-DD. */
export function monthGrid(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const start = Date.UTC(y, m - 1, 1 - offset);
  return Array.from({ length: 42 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** "2022-03" moved by `by` months. */
export function addMonths(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** The first and last day a month's grid shows: the window to ask what falls due below for. */
export function gridWindow(month: string): { from: string; to: string } {
  const days = monthGrid(month);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** What falls due below on a day, as the API counts it (DueBelowDay). */
export interface BelowCounts {
  date: string;
  reports: { notSent: number; submitted: number; accepted: number };
  tasks: { open: number; done: number };
}

/** What a day of the calendar says of the units below: reports not sent, tasks not done, and whether they are late. */
export interface BelowMark {
  /** Reports the unit receives due that day and not sent yet. */
  reports: number;
  /** Tasks of the units below due that day and not done. */
  tasks: number;
  /** The day has passed with something still not sent or not done (quá hạn); otherwise it falls due (đến hạn). */
  late: boolean;
}

/**
 * The marks of the days with something still owed below; a day where everything was sent and done
 * has no mark (what was accepted or done is no work left).
 */
export function belowMarks(days: readonly BelowCounts[], today: string): Map<string, BelowMark> {
  const out = new Map<string, BelowMark>();
  for (const d of days) {
    const owed = d.reports.notSent + d.tasks.open;
    if (owed === 0) continue;
    out.set(d.date, { reports: d.reports.notSent, tasks: d.tasks.open, late: d.date < today });
  }
  return out;
}
