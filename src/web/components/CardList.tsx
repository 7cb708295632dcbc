import { Paper, Stack } from '@mantine/core';
import type { PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** What one card may carry besides its content: a class, an id to scroll to, its own accessible name. */
export type CardProps = PaperProps & { className?: string; id?: string; 'aria-label'?: string };

interface Props<T> {
  items: readonly T[];
  /** The list's accessible name. */
  label: string;
  itemKey: (item: T) => string;
  children: (item: T) => ReactNode;
  cardProps?: (item: T) => CardProps;
}

/** A list of cards, one per item: what a phone shows instead of a table too wide for it. */
export function CardList<T>({ items, label, itemKey, children, cardProps }: Props<T>) {
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((item) => (
        <Paper component="li" key={itemKey(item)} withBorder p="sm" {...cardProps?.(item)}>
          {children(item)}
        </Paper>
      ))}
    </Stack>
  );
}
