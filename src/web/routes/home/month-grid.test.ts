import { describe, expect, it } from 'vitest';
import { addMonths, belowMarks, gridWindow, monthGrid } from './month-grid.ts';

describe('the month calendar', () => {
  it('shows six weeks from the Monday on or before the 1st', () => {
    const days = monthGrid('2022-03');
    expect(days).toHaveLength(42);
    expect(days[0]).toBe('2022-02-28');
    expect(days).toContain('2022-03-31');
    expect(new Date(`${days[0]}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('moves across year ends', () => {
    expect(addMonths('2022-12', 1)).toBe('2023-01');
    expect(addMonths('2022-01', -1)).toBe('2021-12');
  });

  it('asks for what falls due below over the days the grid shows, six weeks at most', () => {
    expect(gridWindow('2022-03')).toEqual({ from: '2022-02-28', to: '2022-04-10' });
    // February 2021 starts on a Monday: the grid still shows six weeks.
    expect(gridWindow('2021-02')).toEqual({ from: '2021-02-01', to: '2021-03-14' });
  });
});

describe('what a day says of the units below', () => {
  const day = (date: string, notSent: number, open: number, submitted = 0, done = 0) => ({ date, reports: { notSent, submitted, accepted: 0 }, tasks: { open, done } });

  it('counts the reports not sent and the tasks not done, late once the day has passed', () => {
    const marks = belowMarks([day('2022-03-10', 3, 1, 2, 4), day('2022-03-15', 2, 0), day('2022-03-25', 0, 5)], '2022-03-15');
    expect(marks.get('2022-03-10')).toEqual({ reports: 3, tasks: 1, late: true });
    // Due today is not late yet.
    expect(marks.get('2022-03-15')).toEqual({ reports: 2, tasks: 0, late: false });
    expect(marks.get('2022-03-25')).toEqual({ reports: 0, tasks: 5, late: false });
  });

  it('marks no day where everything was sent and done', () => {
    expect(belowMarks([day('2022-03-10', 0, 0, 4, 2)], '2022-03-15').size).toBe(0);
  });
});
