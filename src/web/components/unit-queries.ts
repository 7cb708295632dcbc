import { useQuery } from '@tanstack/react-query';
import type { UnitDetail, UnitSummary } from '#shared/units.ts';
import { api } from '../api-client.ts';

/** A unit as a form holds it: its id, and its name to show. */
export interface UnitRef {
  id: string;
  name: string;
}

export type UnitSearchItem = UnitSummary & { path: string[] };
export interface UnitSearchResult {
  items: UnitSearchItem[];
  total: number;
}

export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  children: (id: string, on: string | null) => ['units', 'children', id, on ?? 'now'] as const,
  search: (q: string) => ['units', 'search', q] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

/** The units at the top of what the user may see. */
export function useRootUnits() {
  return useQuery({ queryKey: unitKeys.roots(), queryFn: () => api.get<UnitSearchResult>('/api/units') });
}

/** Sub-units of a unit, now or as the tree stood on `on`. */
export function useChildUnits(id: string, on: string | null, enabled = true) {
  return useQuery({
    queryKey: unitKeys.children(id, on),
    queryFn: () => api.get<UnitSummary[]>(`/api/units/${id}/children`, { on }),
    enabled,
  });
}

export function useUnit(id: string | null | undefined) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? ''),
    queryFn: () => api.get<UnitDetail>(`/api/units/${id}`),
    enabled: !!id,
  });
}
