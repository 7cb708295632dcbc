import { describe, expect, it } from 'vitest';
import type { Actor, TreePath } from './scope.ts';
import { can, canGrant, childPath, isWithin, scopeRoots } from './scope.ts';

const p = (s: string) => s as TreePath;
const actor = (grants: Actor['grants'], superuser = false): Actor => ({ userId: 'u', username: 'u', superuser, grants });

describe('isWithin', () => {
  it('accepts the path itself and its descendants', () => {
    expect(isWithin(p('a.b'), p('a.b'))).toBe(true);
    expect(isWithin(p('a.b.c'), p('a.b'))).toBe(true);
  });
  it('rejects siblings that share a prefix of characters, and ancestors', () => {
    expect(isWithin(p('a.bc'), p('a.b'))).toBe(false);
    expect(isWithin(p('a'), p('a.b'))).toBe(false);
  });
});

describe('can', () => {
  const cellSecretary = actor([{ unitId: 'c1', unitPath: p('r.g.c1'), role: 'secretary' }]);
  it('lets a grant cover its unit and the subtree', () => {
    expect(can(cellSecretary, 'read', p('r.g.c1'))).toBe(true);
    expect(can(cellSecretary, 'manage_members', p('r.g.c1.x'))).toBe(true);
  });
  it('never reaches a sibling or the parent', () => {
    expect(can(cellSecretary, 'read', p('r.g.c2'))).toBe(false);
    expect(can(cellSecretary, 'read', p('r.g'))).toBe(false);
  });
  it('keeps read-only roles read-only', () => {
    const viewer = actor([{ unitId: 'r', unitPath: p('r'), role: 'viewer' }]);
    expect(can(viewer, 'read', p('r.g.c1'))).toBe(true);
    expect(can(viewer, 'manage_units', p('r.g.c1'))).toBe(false);
    const inspector = actor([{ unitId: 'r', unitPath: p('r'), role: 'inspector' }]);
    expect(can(inspector, 'read_audit', p('r.g'))).toBe(true);
    expect(can(inspector, 'write', p('r.g'))).toBe(false);
  });
  it('lets a superuser do anything', () => {
    expect(can(actor([], true), 'manage_users', p('z'))).toBe(true);
  });
});

describe('scopeRoots', () => {
  it('drops roots nested in another root', () => {
    const a = actor([
      { unitId: 'g', unitPath: p('r.g'), role: 'viewer' },
      { unitId: 'c', unitPath: p('r.g.c'), role: 'secretary' },
      { unitId: 'h', unitPath: p('r.h'), role: 'member' },
    ]);
    expect(scopeRoots(a, 'read').sort()).toEqual(['r.g', 'r.h']);
    expect(scopeRoots(a, 'manage_units')).toEqual(['r.g.c']);
  });
});

describe('canGrant', () => {
  it('lets a secretary grant non-admin roles in the subtree only', () => {
    const a = actor([{ unitId: 'g', unitPath: p('r.g'), role: 'secretary' }]);
    expect(canGrant(a, 'staff', p('r.g.c'))).toBe(true);
    expect(canGrant(a, 'admin', p('r.g.c'))).toBe(false);
    expect(canGrant(a, 'staff', p('r.h'))).toBe(false);
  });
});

describe('childPath', () => {
  it('strips hyphens so labels are valid ltree labels', () => {
    expect(childPath(p('aa'), '0192-ab')).toBe('aa.0192ab');
    expect(childPath(null, 'x-y')).toBe('xy');
  });
});
