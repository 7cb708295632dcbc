import { describe, expect, it } from 'vitest';
import { DUE_TYPES } from '#core/deadline/words.ts';
import type { IsoDate } from '#core/ids.ts';
import { DueSchema } from '#shared/plans.ts';
import { PLAN_DUE_TYPES, POINT_DUE_TYPES, defaultDue, parseTermYears } from './due-values.ts';

describe('a new deadline of each type', () => {
  it.each(DUE_TYPES)('%s starts from a valid value near the given day', (type) => {
    const due = defaultDue(type, '2024-02-10' as IsoDate);
    expect(due.type).toBe(type);
    expect(DueSchema.safeParse(due).success).toBe(true);
  });

  it("a date starts at the end of the month, a quarter and a half at the given day's", () => {
    expect(defaultDue('date', '2024-02-10' as IsoDate)).toEqual({ type: 'date', value: '2024-02-29' });
    expect(defaultDue('date', '2022-12-31' as IsoDate)).toEqual({ type: 'date', value: '2022-12-31' });
    expect(defaultDue('quarter', '2024-08-01' as IsoDate)).toEqual({ type: 'quarter', value: '2024-Q3' });
    expect(defaultDue('half', '2024-07-01' as IsoDate)).toEqual({ type: 'half', value: '2024-H2' });
  });

  it('offers only known types, and nested deadlines only points of time', () => {
    for (const type of [...PLAN_DUE_TYPES, ...POINT_DUE_TYPES]) expect(DUE_TYPES).toContain(type);
    expect(POINT_DUE_TYPES).not.toContain('range');
    expect(POINT_DUE_TYPES).not.toContain('recurring');
  });
});

describe('typed years of a term', () => {
  it('reads the years of a term, sorted, without repeats, within 1–10', () => {
    expect(parseTermYears('4, 2')).toEqual([2, 4]);
    expect(parseTermYears('năm thứ 2 và năm thứ 2')).toEqual([2]);
    expect(parseTermYears('0, 11')).toBeNull();
    expect(parseTermYears('')).toBeNull();
  });
});
