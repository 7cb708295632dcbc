import { api } from '../api-client.ts';
import { useSearchQuery } from './server-search.ts';
import type { SearchSource } from './server-search.ts';
import { unitKeys } from './unit-queries.ts';
import type { UnitSearchItem, UnitSearchResult } from './unit-queries.ts';

/** Units whose names contain the words typed, diacritics ignored: what the unit pickers search. */
export const UNIT_SEARCH: SearchSource<UnitSearchItem, UnitSearchResult> = {
  key: unitKeys.search,
  fetch: (text, signal) => api.get<UnitSearchResult>('/api/units', { q: text, limit: 20 }, signal),
  minLength: 2,
};

/** Units whose names contain the words of `q`, diacritics ignored. */
export function useUnitSearch(q: string) {
  return useSearchQuery(UNIT_SEARCH, q);
}
