import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';

/** Where a picker finds its items: one search on the server for the text typed. */
export interface SearchSource<T, L extends { items: T[] } = { items: T[] }> {
  key: (text: string) => QueryKey;
  fetch: (text: string, signal: AbortSignal) => Promise<L>;
  /** The shortest text searched; 0 lists the first items before anything is typed. */
  minLength: number;
}

/** The items `source` finds for `text` (trimmed); the last ones found stay while the next search runs. */
export function useSearchQuery<T, L extends { items: T[] }>(source: SearchSource<T, L>, text: string) {
  const term = text.trim();
  return useQuery({
    queryKey: source.key(term),
    queryFn: ({ signal }) => source.fetch(term, signal),
    enabled: term.length >= source.minLength,
    placeholderData: keepPreviousData,
  });
}

/**
 * Typing into a picker that searches the server: the text as typed and what was found for it once
 * typing pauses. `skip` is a text not searched for: the chosen item's own name, which a single
 * select shows in its box.
 */
export function useServerSearch<T, L extends { items: T[] }>(source: SearchSource<T, L>, skip?: string) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const found = useSearchQuery(source, typed === skip ? '' : typed);
  const searched = typed.length >= source.minLength && !found.isFetching;
  return {
    search,
    setSearch,
    found: found.data?.items ?? [],
    /** Nothing found yet because too little was typed: the picker says how to search rather than "nothing found". */
    needsMore: source.minLength > 0 && !searched,
  };
}
