import type { InstanceStatus } from '#core/deadline/resolve.ts';
import { daysLate, INSTANCE_STATUS_LABELS, instanceStatus } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import { isCounted } from '../../db/queries/reports.ts';

/**
 * The deadline side of an instance on `today`: chưa đến hạn / sắp đến hạn / quá hạn / hoàn thành
 * đúng hạn / hoàn thành trễ hạn, and the days late (of the first submission when it came late, of
 * today while the report is missing).
 */
export function deadlineView(
  i: { status: InstanceRow['status']; dueDate: IsoDate | null; firstSubmittedOn: IsoDate | null },
  today: IsoDate,
): { deadlineStatus: InstanceStatus; deadlineLabel: string; daysLate: number | null } {
  const doneOn = isCounted(i.status, i.firstSubmittedOn) ? i.firstSubmittedOn : null;
  const status = instanceStatus({ due: i.dueDate, doneOn }, today);
  let late: number | null = null;
  if (i.dueDate && doneOn && doneOn > i.dueDate) late = daysLate(i.dueDate, doneOn);
  else if (i.dueDate && !doneOn && today > i.dueDate) late = daysLate(i.dueDate, today);
  return { deadlineStatus: status, deadlineLabel: INSTANCE_STATUS_LABELS[status].vi, daysLate: late };
}

/** The link of an obligation instance in the web app (notifications point there). */
export const instanceLink = (id: string) => `/obligation-instances/${id}`;
