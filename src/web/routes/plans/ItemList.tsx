import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { Hint } from '../../components/Hint.tsx';
import { moved } from './ItemCard.tsx';

/** What a card does to its item in the list: change it, move it to another place, take it out. */
export interface ItemEdit<T> {
  onChange: (item: T) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** What the card of one item gets from the list: its place, how to change it, its errors (keyed by field, "text", "audience.unitIds"). */
export interface ItemCardProps<T> extends ItemEdit<T> {
  index: number;
  count: number;
  errors: Record<string, string>;
}

interface Props<T> {
  id: string;
  /** The list's title, what it says when there is no item yet, the label of "add". */
  words: { title: string; empty: string; add: string };
  items: T[];
  onChange: (items: T[]) => void;
  /** A new item, for "add". */
  create: () => T;
  children: (item: T, index: number, edit: ItemEdit<T>) => ReactNode;
}

/** The tasks, or the reports, of the plan being edited: one card each, which can change, move or go, and "add" at the foot. */
export function ItemList<T extends { uid: string }>({ id, words, items, onChange, create, children }: Props<T>) {
  const edit = (i: number): ItemEdit<T> => ({
    onChange: (item) => onChange(items.map((y, j) => (j === i ? item : y))),
    onMove: (to) => onChange(moved(items, i, to)),
    onRemove: () => onChange(items.filter((_, j) => j !== i)),
  });
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {words.title}
      </Title>
      <Stack gap="sm">
        {items.length === 0 && <Hint>{words.empty}</Hint>}
        {items.map((item, i) => (
          <Fragment key={item.uid}>{children(item, i, edit(i))}</Fragment>
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => onChange([...items, create()])}>
            {words.add}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
