import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { Hint } from '../../components/Hint.tsx';
import { moved } from './ItemHeader.tsx';

/** What a card does to its item in the list: change it, move it to another place, take it out. */
export interface ItemEdit<T> {
  onChange: (item: T) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

interface Props<T> {
  id: string;
  title: string;
  /** Said when there is no item yet. */
  empty: string;
  addLabel: string;
  items: T[];
  onChange: (items: T[]) => void;
  /** A new item, for "add". */
  create: () => T;
  children: (item: T, index: number, edit: ItemEdit<T>) => ReactNode;
}

/** The tasks, or the reports, of the plan being edited: one card each, which can change, move or go, and "add" at the foot. */
export function ItemList<T extends { uid: string }>({ id, title, empty, addLabel, items, onChange, create, children }: Props<T>) {
  const edit = (i: number): ItemEdit<T> => ({
    onChange: (item) => onChange(items.map((y, j) => (j === i ? item : y))),
    onMove: (to) => onChange(moved(items, i, to)),
    onRemove: () => onChange(items.filter((_, j) => j !== i)),
  });
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      <Stack gap="sm">
        {items.length === 0 && <Hint>{empty}</Hint>}
        {items.map((item, i) => (
          <Fragment key={item.uid}>{children(item, i, edit(i))}</Fragment>
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => onChange([...items, create()])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
