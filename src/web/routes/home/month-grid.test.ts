import { describe, expect, it } from 'vitest';
import { addMonths, monthGrid } from './month-grid.ts';

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
});
