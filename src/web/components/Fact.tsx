import { Box, Text } from '@mantine/core';
import type { MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  children: ReactNode;
  /** The label in capitals, as on the pages of a unit, a person or a meeting. */
  caps?: boolean;
  size?: 'sm';
  /** Kept as typed, line breaks included (minutes, notes). */
  pre?: boolean;
  mt?: MantineSpacing;
}

/** One particular of a record: a small dimmed label over its value, a dash when there is none. */
export function Fact({ label, children, caps, size, pre, mt }: Props) {
  return (
    <Box mt={mt}>
      <Text size="xs" c="dimmed" tt={caps ? 'uppercase' : undefined} fw={600}>
        {label}
      </Text>
      <Text component="div" size={size} style={{ overflowWrap: 'anywhere', whiteSpace: pre ? 'pre-wrap' : undefined }}>
        {children || children === 0 ? children : <Text span c="dimmed">—</Text>}
      </Text>
    </Box>
  );
}
