import { useQueries } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { UnitDetail } from '#shared/units.ts';
import { api } from '../api-client.ts';
import { unitKeys } from './unit-queries.ts';
import type { UnitRef } from './unit-queries.ts';

/** Names of units a form knows only by id (a loaded plan keeps the ids of its chosen units), looked up once for the whole form. */
export const UnitNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The name to show for a chosen unit: its own, or the one looked up. */
export function useUnitName(): (u: UnitRef) => string {
  const names = useContext(UnitNamesContext);
  return (u) => u.name || names.get(u.id) || '…';
}

/**
 * Names of units known only by id: read once each from the unit's page data. Ids whose name is
 * already known are not asked for.
 */
export function useUnitNames(ids: readonly string[], known: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  const results = useQueries({
    queries: missing.map((id) => ({
      queryKey: unitKeys.detail(id),
      queryFn: () => api.get<UnitDetail>(`/api/units/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map(known);
  results.forEach((r, i) => {
    if (r.data) names.set(missing[i]!, r.data.name);
  });
  return names;
}
