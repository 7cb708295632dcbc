import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Paging } from './Pager.tsx';

/** A list read a page at a time: the page shown, and what the page buttons need. */
export function usePaging(pageSize: number): { page: number; setPage: (page: number) => void; paging: Paging } {
  const [page, setPage] = useState(1);
  return { page, setPage, paging: { page, pageSize, onPageChange: setPage } };
}

/**
 * A searched list read a page at a time: the text typed, the same text once typing pauses (what is
 * searched), and the page, which goes back to the first whenever the search or a filter changes.
 */
export function usePagedSearch(pageSize: number) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const { page, setPage, paging } = usePaging(pageSize);
  return {
    text,
    q,
    page,
    search: (next: string) => {
      setText(next);
      setPage(1);
    },
    /** Call when a filter beside the search changes. */
    firstPage: () => setPage(1),
    paging,
  };
}
