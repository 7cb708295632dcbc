import { Anchor, List } from '@mantine/core';

/** Evidence, attachments: a list of names, each opening its file in a new tab when it has an address. */
export function LinkList({ items, spacing }: { items: readonly { label: string; url?: string | null }[]; spacing?: number }) {
  return (
    <List size="sm" spacing={spacing}>
      {items.map((x, i) => (
        <List.Item key={i}>
          {x.url ? (
            <Anchor href={x.url} target="_blank" rel="noreferrer">
              {x.label}
            </Anchor>
          ) : (
            x.label
          )}
        </List.Item>
      ))}
    </List>
  );
}
