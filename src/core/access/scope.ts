import type { Action, Role } from './roles.ts';
import { grantableRoles, roleAllows } from './roles.ts';

/**
 * A materialised tree path: the unit ids (hex, no hyphens) from the root down to the unit,
 * joined by dots, as stored in the `unit.path` ltree column.
 */
export type TreePath = string & { readonly __brand: 'TreePath' };

export interface GrantScope {
  unitId: string;
  unitPath: TreePath;
  role: Role;
}

/** Who is acting: the signed-in user and the scopes of their grants. */
export interface Actor {
  userId: string;
  username: string;
  superuser: boolean;
  grants: readonly GrantScope[];
}

/** The ltree label of a unit id (ltree labels on PostgreSQL 15 allow no hyphens). */
export function pathLabel(unitId: string): string {
  return unitId.replaceAll('-', '');
}

/** The unit id behind an ltree label (the inverse of pathLabel). */
export function unitIdOfLabel(label: string): string {
  return `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`;
}

export function childPath(parent: TreePath | null, unitId: string): TreePath {
  return (parent ? `${parent}.${pathLabel(unitId)}` : pathLabel(unitId)) as TreePath;
}

/** True when `path` is `ancestor` itself or lies below it. */
export function isWithin(path: TreePath, ancestor: TreePath): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** True when the actor may perform `action` on the unit at `path`. */
export function can(actor: Actor, action: Action, path: TreePath): boolean {
  if (actor.superuser) return true;
  return actor.grants.some((g) => roleAllows(g.role, action) && isWithin(path, g.unitPath));
}

/** The roots of the subtrees where the actor may perform `action`, with nested roots removed. */
export function scopeRoots(actor: Actor, action: Action): TreePath[] {
  const paths = actor.grants.filter((g) => roleAllows(g.role, action)).map((g) => g.unitPath);
  return paths.filter((p, i) => !paths.some((q, j) => j !== i && isWithin(p, q) && (p !== q || j < i)));
}

/** True when the actor may grant `role` on the unit at `path`. */
export function canGrant(actor: Actor, role: Role, path: TreePath): boolean {
  if (actor.superuser) return true;
  return actor.grants.some((g) => isWithin(path, g.unitPath) && grantableRoles(g.role).includes(role));
}
