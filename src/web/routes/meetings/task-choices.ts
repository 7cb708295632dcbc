import type { TaskInstanceView } from '#shared/plans.ts';

type Instance = Pick<TaskInstanceView, 'id' | 'planId' | 'planNumber' | 'planTitle' | 'taskId' | 'taskText' | 'periodKey' | 'periodLabel' | 'periodStart' | 'dueDate' | 'state'>;

export interface TaskChoiceGroup {
  /** The plan: its number, else its title. */
  group: string;
  items: { value: string; label: string }[];
}

/** The longest task text a choice shows before "…": the period after it is never cut. */
const TEXT_MAX = 140;

const shorten = (text: string) => (text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1).trimEnd()}…` : text);

/**
 * The tasks a meeting held on `date` can fulfil, one choice per task and period ("Học tập, quán
 * triệt … — Tháng 3/2026"), grouped by plan: the open instances whose period has begun by that day
 * (the one it falls in, and earlier ones still open), not those of later periods. The same task and
 * period offered twice (through two plans' lists) is offered once. Choices in a plan follow the
 * task, then the period.
 */
export function taskChoices(instances: readonly Instance[], date: string | null): TaskChoiceGroup[] {
  const seen = new Set<string>();
  const groups = new Map<string, { group: string; rows: Instance[] }>();
  for (const x of instances) {
    if (x.state !== 'open') continue;
    if (date && x.periodStart && x.periodStart > date) continue;
    const key = `${x.taskId}|${x.periodKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const g = groups.get(x.planId) ?? { group: x.planNumber ?? x.planTitle, rows: [] };
    g.rows.push(x);
    groups.set(x.planId, g);
  }
  const names = new Map<string, number>();
  return [...groups.values()].map((g) => {
    // Two plans without a number and with the same title stay two groups.
    const n = (names.get(g.group) ?? 0) + 1;
    names.set(g.group, n);
    const order = [...new Set(g.rows.map((r) => r.taskId))];
    const rows = [...g.rows].sort((a, b) => order.indexOf(a.taskId) - order.indexOf(b.taskId) || (a.periodStart ?? a.dueDate ?? '').localeCompare(b.periodStart ?? b.dueDate ?? ''));
    return {
      group: n > 1 ? `${g.group} (${n})` : g.group,
      items: rows.map((r) => ({ value: r.id, label: r.periodLabel ? `${shorten(r.taskText)} — ${r.periodLabel}` : shorten(r.taskText) })),
    };
  });
}
