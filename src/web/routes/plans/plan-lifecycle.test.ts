import { describe, expect, it } from 'vitest';
import { planActions, reasonProblem, statusOfFilter } from './plan-lifecycle.ts';

const perms = (p: Partial<{ edit: boolean; publish: boolean; delete: boolean; cancel: boolean }> = {}) => ({ edit: false, publish: false, delete: false, cancel: false, ...p });

describe('what the plan page offers', () => {
  it('offers a draft’s writer to edit, publish and delete it, and everyone the Word file', () => {
    expect(planActions({ status: 'draft', permissions: perms({ edit: true, publish: true, delete: true }) }, true)).toEqual(['edit', 'publish', 'delete', 'exportWord']);
    expect(planActions({ status: 'draft', permissions: perms() }, false)).toEqual(['exportWord']);
  });

  it('offers a published plan’s writer to add units and cancel it; a reader only the Word file', () => {
    expect(planActions({ status: 'published', permissions: perms({ cancel: true }) }, true)).toEqual(['addAudience', 'cancel', 'exportWord']);
    expect(planActions({ status: 'published', permissions: perms() }, false)).toEqual(['exportWord']);
  });

  it('offers nothing but the Word file once the plan is cancelled', () => {
    expect(planActions({ status: 'cancelled', permissions: perms({ edit: true, delete: true, cancel: true }) }, true)).toEqual(['exportWord']);
  });
});

describe('the reason of a cancellation', () => {
  it('is required and at most 1,000 characters once trimmed, as the server checks', () => {
    expect(reasonProblem('')).toBe('plans.cancel.reasonRequired');
    expect(reasonProblem('   \n ')).toBe('plans.cancel.reasonRequired');
    expect(reasonProblem('Ban hành nhầm đối tượng')).toBeNull();
    expect(reasonProblem(` ${'a'.repeat(1_000)} `)).toBeNull();
    expect(reasonProblem('a'.repeat(1_001))).toBe('plans.cancel.reasonTooLong');
  });
});

describe('the plan list’s filter', () => {
  it('asks for the cancelled plans only when they are chosen', () => {
    expect(statusOfFilter('current')).toBeUndefined();
    expect(statusOfFilter('cancelled')).toBe('cancelled');
  });
});
