import { Table } from '@mantine/core';
import type { MantineSpacing, TableThProps } from '@mantine/core';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Figures: right-aligned, header and cells. */
  numeric?: boolean;
  /** Dates and numbers that must not break over two lines. */
  nowrap?: boolean;
  /** The cell that names its row, for screen readers (a th of the row). */
  rowHeader?: boolean;
  /** The header cell's width and style. */
  th?: TableThProps;
  /** A cell's own look (colour, weight), from its row. */
  td?: (row: T) => { c?: string; fw?: number };
}

/** The id of a row that has one: most rows come from records with an id. */
export function idOf(row: unknown): string {
  return String((row as { id?: unknown }).id);
}

export interface TableLook {
  striped?: boolean;
  highlightOnHover?: boolean;
  /** Row height: 'sm' for the lists of a page, less for dense figures; 'compact' is Mantine's own. */
  verticalSpacing?: MantineSpacing | number | 'compact';
}

interface Props<T> extends TableLook {
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** What tells rows apart; the row's id when not given. */
  rowKey?: (row: T) => string;
  /** The table's accessible name. */
  label: string;
  /** Narrower screens scroll the table sideways rather than squeeze its columns. */
  minWidth: number;
  /** A row's details, shown across the table under it (null when closed). */
  details?: (row: T) => ReactNode;
  /** The totals row. */
  footer?: T;
  mb?: MantineSpacing;
}

/** A table from its columns: the header, one row per item, optional details under a row and a totals row. */
export function DataTable<T>({ columns, rows, rowKey = idOf, label, minWidth, details, footer, mb, striped = true, highlightOnHover, verticalSpacing = 'sm' }: Props<T>) {
  const cells = (row: T) =>
    columns.map((c) => {
      const props = { ta: c.numeric ? ('right' as const) : undefined, style: c.nowrap ? { whiteSpace: 'nowrap' as const } : undefined, ...c.td?.(row) };
      return c.rowHeader ? (
        <Table.Th key={c.key} scope="row" fw={500} {...props}>
          {c.cell(row)}
        </Table.Th>
      ) : (
        <Table.Td key={c.key} {...props}>
          {c.cell(row)}
        </Table.Td>
      );
    });
  return (
    <Table.ScrollContainer minWidth={minWidth} mb={mb}>
      <Table striped={striped} highlightOnHover={highlightOnHover} verticalSpacing={verticalSpacing === 'compact' ? undefined : verticalSpacing} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} {...c.th}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const more = details?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <Table.Tr>{cells(row)}</Table.Tr>
                {more && (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length} bg="gray.0">
                      {more}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
        {footer && (
          <Table.Tfoot>
            <Table.Tr fw={700}>{cells(footer)}</Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
