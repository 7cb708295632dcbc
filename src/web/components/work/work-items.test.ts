import { describe, expect, it } from 'vitest';
import type { TaskInstanceView } from '#shared/plans.ts';
import type { ObligationRow } from '#shared/reports.ts';
import { openWork } from './work-items.ts';

function task(id: string, dueDate: string | null, status: TaskInstanceView['status'], state: TaskInstanceView['state'] = 'open'): TaskInstanceView {
  return {
    id, planId: 'p', planNumber: '48-KH/ĐUK', planTitle: 'Kế hoạch', taskId: 't', taskText: `Nhiệm vụ ${id}`, taskKind: 'task', unitId: 'u', unitName: 'Chi bộ',
    periodKey: 'k', periodLabel: 'Kỳ', periodStart: null, periodEnd: null, dueDate, state, status, statusLabel: status, daysLate: null, doneOn: null, beyond: false,
    progressNote: null, evidence: [], fulfilledByPlanId: null, updatedAt: '2022-03-01T00:00:00Z',
  };
}

function report(id: string, dueDate: string, deadlineStatus: ObligationRow['deadlineStatus'], status: ObligationRow['status']): ObligationRow {
  return {
    id, periodKey: 'k', periodLabel: 'Kỳ', periodStart: null, periodEnd: null, dueDate, status, deadlineStatus, deadlineLabel: deadlineStatus, daysLate: null,
    currentVersion: 0, firstSubmittedOn: null, obligationId: 'o', title: `Báo cáo ${id}`, planId: 'p', planNumber: null, planTitle: null, toText: null,
    viaText: null, toUnitName: null, viaUnitName: null,
  };
}

describe("a unit's open work", () => {
  it('puts overdue work first, then by due date, undated last, and leaves out what is done or sent', () => {
    const work = openWork(
      [
        task('a', '2022-04-30', 'not_due'),
        task('b', null, 'not_due'),
        task('c', '2022-03-31', 'overdue'),
        task('d', '2022-03-01', 'done_on_time', 'done'),
        task('e', '2022-04-02', 'due_soon'),
      ],
      [report('r1', '2022-03-15', 'overdue', 'returned'), report('r2', '2022-04-10', 'not_due', 'pending'), report('r3', '2022-03-10', 'done_on_time', 'submitted')],
    );
    expect(work.map((w) => w.id)).toEqual(['r1', 'c', 'e', 'r2', 'a', 'b']);
    expect(work.find((w) => w.id === 'r1')?.kind).toBe('report');
  });
});
