import { Group, Progress, Text } from '@mantine/core';
import { formatRate } from '../../../components/format.ts';

/** The colour of a share: green when most is done, orange half way, red below. */
export function rateColor(rate: number): string {
  if (rate >= 0.8) return 'green';
  if (rate >= 0.5) return 'yellow';
  return 'red';
}

/** A rate as a bar and its figure ("95,56%"); "—" without a bar when nothing was counted. */
export function RateBar({ rate, counted, label }: { rate: number; counted: boolean; label: string }) {
  const text = formatRate(rate, counted);
  return (
    <Group gap="xs" wrap="nowrap" miw={130}>
      {counted && <Progress value={rate * 100} color={rateColor(rate)} size="lg" radius="sm" style={{ flex: 1 }} aria-label={`${label}: ${text}`} />}
      <Text size="sm" ta="right" miw={62} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {text}
      </Text>
    </Group>
  );
}
