import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserSummary } from '#shared/users.ts';
import { api } from '../../api-client.ts';

export const USERS_PAGE = 25;
export const userKeys = { all: ['users'] as const, list: (q: string, page: number) => ['users', q, page] as const };

/** Users the signed-in user may see (their subtree), searchable. */
export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: userKeys.list(q, page),
    queryFn: ({ signal }) => api.get<{ items: UserSummary[]; total: number }>('/api/users', { q: q.trim(), limit: USERS_PAGE, offset: (page - 1) * USERS_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}
