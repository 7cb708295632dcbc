import { describe, expect, it } from 'vitest';
import { withParam } from './use-choice-param.ts';
import { unitHref } from './unit-queries.ts';

describe('the address of a unit of the tree at a past date', () => {
  it('keeps the day in the address of a unit opened from that day\'s tree', () => {
    expect(unitHref('u-1', '2022-06-01')).toBe('/units/u-1?on=2022-06-01');
    expect(unitHref('u-1', null)).toBe('/units/u-1');
    expect(unitHref('u-1')).toBe('/units/u-1');
  });

  it('keeps the day when a tab is chosen on the unit\'s page, and the tab when the day goes', () => {
    const page = new URLSearchParams('on=2022-06-01');
    expect(withParam(page, 'tab', 'history').toString()).toBe('on=2022-06-01&tab=history');
    expect(withParam(new URLSearchParams('on=2022-06-01&tab=history'), 'tab', null).toString()).toBe('on=2022-06-01');
    expect(withParam(new URLSearchParams('on=2022-06-01&tab=history'), 'on', null).toString()).toBe('tab=history');
    // The parameters given are not changed.
    expect(page.toString()).toBe('on=2022-06-01');
  });
});
