import { List } from '@mantine/core';
import type { ListProps } from '@mantine/core';

/** A bulleted list of sentences (the rules of a rule set, the recipients of a plan, how figures are counted). */
export function TextList({ items, ...props }: { items: readonly string[] } & Omit<ListProps, 'children'>) {
  return (
    <List {...props}>
      {items.map((x) => (
        <List.Item key={x}>{x}</List.Item>
      ))}
    </List>
  );
}
