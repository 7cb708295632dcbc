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

/** Units whose names on `on` contained the words typed: the search of the tree at a past date. */
function unitSearchOn(on: string): SearchSource<UnitSearchItem, UnitSearchResult> {
  return {
    key: (text) => unitKeys.search(text, on),
    fetch: (text, signal) => api.get<UnitSearchResult>('/api/units', { q: text, limit: 20, on }, signal),
    minLength: 2,
  };
}

/** Units whose names contain the words of `q`, diacritics ignored; with `on`, the names they had that day. */
export function useUnitSearch(q: string, on: string | null = null) {
  return useSearchQuery(on ? unitSearchOn(on) : UNIT_SEARCH, q);
}
