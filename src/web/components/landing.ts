import { roleAllows } from '#core/access/roles.ts';
import type { Me } from '#shared/auth.ts';

/**
 * Where a user lands after signing in (without a `?next=` page to go back to), from what the
 * server says of them: an administrator of the whole system on the organisation tree; anyone who
 * does a unit's work — a cell's secretary filling its reports, a committee's staff receiving
 * reports from below — on "Việc cần làm" (/home), which shows the staff what awaits them first;
 * an account that only reads (viewer, inspector, member) on the tree it may browse.
 */
export function landingPath(me: Pick<Me, 'superuser' | 'grants'>): '/home' | '/units' {
  if (me.superuser) return '/units';
  return me.grants.some((g) => roleAllows(g.role, 'write')) ? '/home' : '/units';
}
