import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CardList } from './CardList.tsx';
import { DataTable } from './DataTable.tsx';
import type { Column, TableLook } from './DataTable.tsx';
import { idOf } from './DataTable.tsx';
import { Loaded } from './Loaded.tsx';
import { Pager } from './Pager.tsx';
import type { Paging } from './Pager.tsx';

interface Props<T> extends TableLook {
  /** One page of the list, with how many there are in all. */
  query: UseQueryResult<{ items: T[]; total: number }>;
  /** The list's accessible name. */
  label: string;
  /** What tells rows apart; the row's id when not given. */
  rowKey?: (row: T) => string;
  /** The table's columns; without them the list is cards only. */
  columns?: readonly Column<T>[];
  minWidth?: number;
  /** One card per row: on screens narrower than `tableFrom`, and always without columns. */
  card?: (row: T) => ReactNode;
  tableFrom?: string;
  /** What shows when there is nothing to list. */
  empty: ReactNode;
  /** The line above the list: how many there are. */
  count?: (total: number) => string;
  paging?: Paging;
  details?: (row: T) => ReactNode;
}

/**
 * A list that comes from the server a page at a time: a spinner while it loads, the error with a
 * retry, what to say when it is empty, else how many there are, the rows (a table, or cards on a
 * phone) and the page buttons.
 */
export function PagedTable<T>({ query, label, rowKey = idOf, columns, minWidth = 640, card, tableFrom = '48em', empty, count, paging, details, ...look }: Props<T>) {
  const wide = useMediaQuery(`(min-width: ${tableFrom})`, true);
  return (
    <Loaded query={query}>
      {({ items, total }) =>
        items.length === 0 ? (
          empty
        ) : (
          <>
            {count && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {count(total)}
              </Text>
            )}
            {columns && (wide || !card) ? (
              <DataTable columns={columns} rows={items} rowKey={rowKey} label={label} minWidth={minWidth} details={details} {...look} />
            ) : (
              <CardList items={items} label={label} itemKey={rowKey}>
                {(row) => card?.(row)}
              </CardList>
            )}
            {paging && <Pager {...paging} total={total} />}
          </>
        )
      }
    </Loaded>
  );
}
