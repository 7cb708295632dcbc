import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Hint } from './Hint.tsx';

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Said when there is none. */
  empty: string;
  gap?: number;
  children: (item: T) => ReactNode;
}

/** A short bulleted list of records (a unit's leaders, the units merged into it), or a word that there are none. */
export function Bullets<T>({ items, itemKey, empty, gap = 4, children }: Props<T>) {
  if (items.length === 0) return <Hint>{empty}</Hint>;
  return (
    <Stack component="ul" gap={gap} m={0} pl="md">
      {items.map((item) => (
        <li key={itemKey(item)}>{children(item)}</li>
      ))}
    </Stack>
  );
}
