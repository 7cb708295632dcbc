import { describe, expect, it } from 'vitest';
import { firstNonEmpty } from './use-choice-param.ts';

const VIEWS = ['issued', 'to_carry_out'] as const;

describe('the tab a page opens on', () => {
  it('opens on the first tab that holds something', () => {
    expect(firstNonEmpty(VIEWS, { issued: 0, to_carry_out: 1 })).toBe('to_carry_out');
    expect(firstNonEmpty(VIEWS, { issued: 3, to_carry_out: 1 })).toBe('issued');
    expect(firstNonEmpty(VIEWS, { issued: 2, to_carry_out: undefined })).toBe('issued');
  });

  it('opens on the first tab when every tab is empty', () => {
    expect(firstNonEmpty(VIEWS, { issued: 0, to_carry_out: 0 })).toBe('issued');
  });

  it('waits while a count that decides it is unknown', () => {
    expect(firstNonEmpty(VIEWS, { issued: undefined, to_carry_out: 4 })).toBeUndefined();
    expect(firstNonEmpty(VIEWS, { issued: 0, to_carry_out: undefined })).toBeUndefined();
  });
});
