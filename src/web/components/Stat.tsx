import { Paper, Text } from '@mantine/core';
import { formatNumber } from './format.ts';

interface Props {
  label: string;
  value: number;
  /** The colour of a count above zero: what is late in red, what is due soon in orange. */
  color?: string;
  /** Smaller, for a row of five. */
  compact?: boolean;
}

/** A count to take in at a glance: a small label over a large number. */
export function Stat({ label, value, color, compact }: Props) {
  return (
    <Paper withBorder p={compact ? 'xs' : 'sm'}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={compact ? 22 : 24} fw={700} c={value > 0 ? color : undefined}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}
