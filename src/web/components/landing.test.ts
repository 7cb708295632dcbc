import { describe, expect, it } from 'vitest';
import type { Role } from '#core/access/roles.ts';
import { landingPath } from './landing.ts';

const user = (superuser: boolean, ...roles: Role[]) => ({ superuser, grants: roles.map((role, i) => ({ unitId: `u${i}`, unitName: `Đơn vị ${i}`, role })) });

describe('the page a user lands on after signing in', () => {
  it('sends the administrator to the tree', () => {
    expect(landingPath(user(true))).toBe('/units');
    expect(landingPath(user(true, 'secretary'))).toBe('/units');
  });

  it('sends whoever does a unit’s work to "Việc cần làm"', () => {
    expect(landingPath(user(false, 'secretary'))).toBe('/home');
    expect(landingPath(user(false, 'staff'))).toBe('/home');
    expect(landingPath(user(false, 'deputy_secretary'))).toBe('/home');
    expect(landingPath(user(false, 'committee_member'))).toBe('/home');
    expect(landingPath(user(false, 'viewer', 'secretary'))).toBe('/home');
  });

  it('sends an account that only reads to the tree', () => {
    expect(landingPath(user(false, 'viewer'))).toBe('/units');
    expect(landingPath(user(false, 'inspector'))).toBe('/units');
    expect(landingPath(user(false, 'member'))).toBe('/units');
    expect(landingPath(user(false))).toBe('/units');
  });
});
