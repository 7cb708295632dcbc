import { useQuery } from '@tanstack/react-query';
import type { Me } from '#shared/auth.ts';
import { roleAllows } from '#core/access/roles.ts';
import type { Action } from '#core/access/roles.ts';
import { api, setCsrfToken } from '../api-client.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, their grants and the CSRF token (kept by the API client). */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** True when the user may do `action` somewhere (a superuser, or a grant whose role allows it). */
export function mayAnywhere(me: Me | undefined, action: Action): boolean {
  if (!me) return false;
  return me.superuser || me.grants.some((g) => roleAllows(g.role, action));
}

/** True when the user may change things for `unitId` (fill reports, update tasks, make plans). */
export function mayWrite(me: Me | undefined, unitId: string | null): boolean {
  if (!me || !unitId) return false;
  return me.superuser || me.grants.some((g) => g.unitId === unitId && roleAllows(g.role, 'write'));
}
