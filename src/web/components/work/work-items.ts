import type { InstanceStatus } from '#core/deadline/resolve.ts';
import type { TaskInstanceView } from '#shared/plans.ts';
import type { ObligationRow } from '#shared/reports.ts';

/**
 * One list of what a unit must do next (the home page, a plan's page): open task instances and reports not yet
 * submitted, overdue first (most late first), then by due date, undated work last.
 */
export interface WorkItem {
  kind: 'task' | 'report';
  id: string;
  title: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  periodLabel: string;
  dueDate: string | null;
  status: InstanceStatus;
  daysLate: number | null;
  task?: TaskInstanceView;
  report?: ObligationRow;
}

export function taskItem(x: TaskInstanceView): WorkItem {
  return {
    kind: 'task',
    id: x.id,
    title: x.taskText,
    planId: x.planId,
    planNumber: x.planNumber,
    planTitle: x.planTitle,
    periodLabel: x.periodLabel,
    dueDate: x.dueDate,
    status: x.status,
    daysLate: x.daysLate,
    task: x,
  };
}

export function reportItem(x: ObligationRow): WorkItem {
  return {
    kind: 'report',
    id: x.id,
    title: x.title,
    planId: x.planId,
    planNumber: x.planNumber,
    planTitle: x.planTitle,
    periodLabel: x.periodLabel,
    dueDate: x.dueDate,
    status: x.deadlineStatus,
    daysLate: x.daysLate,
    report: x,
  };
}

/** Overdue first (most late first), then by due date, then undated; ties by title. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  const late = (x: WorkItem) => (x.status === 'overdue' ? 0 : 1);
  if (late(a) !== late(b)) return late(a) - late(b);
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'vi');
}

/** The open work of a unit, in the order it should be done. */
export function openWork(tasks: readonly TaskInstanceView[], reports: readonly ObligationRow[]): WorkItem[] {
  const open = [
    ...tasks.filter((x) => x.state === 'open').map(taskItem),
    ...reports.filter((x) => x.status === 'pending' || x.status === 'draft' || x.status === 'returned').map(reportItem),
  ];
  return open.sort(byUrgency);
}

export const DEADLINE_COLORS: Record<InstanceStatus, string> = {
  not_due: 'gray',
  due_soon: 'yellow',
  overdue: 'red',
  done_on_time: 'green',
  done_late: 'orange',
};
