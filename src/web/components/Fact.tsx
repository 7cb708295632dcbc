import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  children: ReactNode;
  /** The label in capitals, as on the pages of a unit, a person or a meeting. */
  caps?: boolean;
  size?: 'sm';
}

/** One particular of a record: a small dimmed label over its value, a dash when there is none. */
export function Fact({ label, children, caps, size }: Props) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt={caps ? 'uppercase' : undefined} fw={600}>
        {label}
      </Text>
      <Text component="div" size={size} style={{ overflowWrap: 'anywhere' }}>
        {children || children === 0 ? children : <Text span c="dimmed">—</Text>}
      </Text>
    </div>
  );
}
