import { describe, expect, it } from 'vitest';
import { taskChoices } from './task-choices.ts';

const month = (taskId: string, m: number, over: Partial<Parameters<typeof taskChoices>[0][number]> = {}) => {
  const mm = String(m).padStart(2, '0');
  return {
    id: `${taskId}-${m}`, planId: 'p48', planNumber: '48-KH/ĐUK', planTitle: 'Kế hoạch học tập', taskId, taskText: 'Tổ chức học tập, quán triệt Nghị quyết',
    periodKey: `2026-${mm}`, periodLabel: `Tháng ${m}/2026`, periodStart: `2026-${mm}-01`, dueDate: `2026-${mm}-28`, state: 'open' as const, ...over,
  };
};

describe('the tasks a meeting can fulfil', () => {
  it('offers each instance once with its period, only those begun by the meeting day', () => {
    const all = Array.from({ length: 10 }, (_, i) => month('t1', i + 1));
    const out = taskChoices(all, '2026-03-12');
    expect(out).toEqual([
      {
        group: '48-KH/ĐUK',
        items: [
          { value: 't1-1', label: 'Tổ chức học tập, quán triệt Nghị quyết — Tháng 1/2026' },
          { value: 't1-2', label: 'Tổ chức học tập, quán triệt Nghị quyết — Tháng 2/2026' },
          { value: 't1-3', label: 'Tổ chức học tập, quán triệt Nghị quyết — Tháng 3/2026' },
        ],
      },
    ]);
  });

  it('leaves out done instances and the same task and period listed twice', () => {
    const out = taskChoices([month('t1', 1, { state: 'done' }), month('t1', 2), month('t1', 2, { id: 'again' }), month('t1', 3)], '2026-12-31');
    expect(out[0]!.items.map((i) => i.value)).toEqual(['t1-2', 't1-3']);
  });

  it('groups by plan and keeps the period when the task text is long', () => {
    const long = 'Quán triệt '.repeat(30).trim();
    const out = taskChoices(
      [month('t1', 3, { taskText: long }), month('t2', 3, { planId: 'p05', planNumber: null, planTitle: 'Kế hoạch của chi bộ', taskText: 'Sinh hoạt chuyên đề' })],
      '2026-03-20',
    );
    expect(out.map((g) => g.group)).toEqual(['48-KH/ĐUK', 'Kế hoạch của chi bộ']);
    expect(out[0]!.items[0]!.label).toMatch(/… — Tháng 3\/2026$/);
    expect(out[0]!.items[0]!.label.length).toBeLessThan(170);
  });

  it('keeps a task without a period (one-off) open whatever the day', () => {
    const once = month('t3', 1, { periodKey: 'once', periodLabel: '', periodStart: null, dueDate: '2026-09-30', taskText: 'Tổng kết' });
    expect(taskChoices([once], '2026-02-01')).toEqual([{ group: '48-KH/ĐUK', items: [{ value: 't3-1', label: 'Tổng kết' }] }]);
  });
});
