import { describe, expect, it } from 'vitest';
import { nextStep, stepsDone } from './setup-queries.ts';

const empty = { topUnits: [], units: 0, members: 0, accounts: 0, secretariesWithoutAccount: 0 };
const top = [{ id: 'a', name: 'Đảng ủy Khối' }];

describe('the first-run guide', () => {
  it('goes step by step from an empty installation', () => {
    expect(nextStep(empty)).toBe('top');
    expect(nextStep({ ...empty, topUnits: top, units: 1 })).toBe('tree');
    expect(nextStep({ ...empty, topUnits: top, units: 81 })).toBe('members');
    expect(nextStep({ ...empty, topUnits: top, units: 81, members: 1000, secretariesWithoutAccount: 60 })).toBe('accounts');
    expect(nextStep({ ...empty, topUnits: top, units: 81, members: 1000, accounts: 60 })).toBeNull();
  });

  it('keeps the accounts step open while a secretary has no account', () => {
    const done = stepsDone({ ...empty, topUnits: top, units: 81, members: 1000, accounts: 59, secretariesWithoutAccount: 1 });
    expect(done).toEqual({ top: true, tree: true, members: true, accounts: false });
  });
});
