import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberRow, PersonDetail } from '#shared/members.ts';
import { api } from '../../api-client.ts';

export const PAGE_SIZE = 20;

export const memberKeys = {
  all: ['members'] as const,
  list: (unitId: string, q: string, category: string | null, page: number) => ['members', 'list', unitId, q, category ?? '', page] as const,
  person: (id: string) => ['members', 'person', id] as const,
};

/** One page of a unit's current members, searchable without diacritics. */
export function useMemberList(unitId: string, q: string, category: string | null, page: number) {
  return useQuery({
    queryKey: memberKeys.list(unitId, q, category, page),
    queryFn: ({ signal }) =>
      api.get<{ items: MemberRow[]; total: number }>(`/api/units/${unitId}/members`, { q: q.trim(), category, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: memberKeys.person(id), queryFn: () => api.get<PersonDetail>(`/api/people/${id}`) });
}
