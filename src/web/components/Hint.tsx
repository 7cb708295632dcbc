import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A dimmed line: what a list says when it is empty, or a word on how to use what is above it. */
export function Hint({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
