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
  roots: (on: string | null = null) => (on ? (['units', 'roots', on] as const) : (['units', 'roots'] as const)),
  children: (id: string, on: string | null) => ['units', 'children', id, on ?? 'now'] as const,
  search: (q: string, on: string | null = null) => (on ? (['units', 'search', q, on] as const) : (['units', 'search', q] as const)),
  /** A unit's page data; as it stood on `on` below the same key, so that invalidating a unit's key refreshes both. */
  detail: (id: string, on: string | null = null) => (on ? (['units', 'detail', id, on] as const) : (['units', 'detail', id] as const)),
};

/**
 * The address of a unit's page; with `on`, the page of the unit as it stood that day (the tree of a
 * past date keeps its date when a unit is opened).
 */
export function unitHref(id: string, on: string | null = null): string {
  return on ? `/units/${id}?on=${on}` : `/units/${id}`;
}

/** The units at the top of what the user may see, today or as they stood on `on`. */
export function useRootUnits(on: string | null = null) {
  return useQuery({ queryKey: unitKeys.roots(on), queryFn: () => api.get<UnitSearchResult>('/api/units', { on }) });
}

/** Sub-units of a unit, now or as the tree stood on `on`. */
export function useChildUnits(id: string, on: string | null, enabled = true) {
  return useQuery({
    queryKey: unitKeys.children(id, on),
    queryFn: () => api.get<UnitSummary[]>(`/api/units/${id}/children`, { on }),
    enabled,
  });
}

/** A unit's page data, today or as it stood on `on`. */
export function useUnit(id: string | null | undefined, on: string | null = null) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? '', on),
    queryFn: () => api.get<UnitDetail>(`/api/units/${id}`, { on }),
    enabled: !!id,
  });
}
