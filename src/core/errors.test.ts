import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './errors.ts';
import type { DomainErrorCode } from './errors.ts';

describe('DomainError', () => {
  it('carries one of the known codes and a message for the user', () => {
    const e = new DomainError('PLAN_NOT_DRAFT', 'Kế hoạch đã ban hành, không sửa được.');
    expect(e.code).toBe('PLAN_NOT_DRAFT');
    expect(e.message).toBe('Kế hoạch đã ban hành, không sửa được.');
    expect(isDomainError(e)).toBe(true);
  });

  it('refuses a misspelled code at compile time (npm run check runs tsc over this file)', () => {
    // @ts-expect-error 'PLAN_NOT_DRAFTT' is not a DomainErrorCode
    const misspelled = new DomainError('PLAN_NOT_DRAFTT', 'Kế hoạch đã ban hành.');
    // @ts-expect-error a code is never any string
    const anyString: DomainErrorCode = String('PLAN_NOT_DRAFT');
    expect([misspelled.code, anyString]).toEqual(['PLAN_NOT_DRAFTT', 'PLAN_NOT_DRAFT']);
  });

  it('is recognised by its shape when it crossed a module-instance boundary', () => {
    expect(isDomainError({ name: 'DomainError', code: 'NOT_FOUND', message: 'Không tìm thấy.' })).toBe(true);
    expect(isDomainError(new Error('NOT_FOUND'))).toBe(false);
    expect(isDomainError({ name: 'DomainError' })).toBe(false);
  });
});
