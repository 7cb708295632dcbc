import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Hint } from '../../components/Hint.tsx';

/** "Đã học tập 28/30 (93%)" with a bar: the figure a secretary and the level above look for. */
export function CoverageStat({ studied, mustStudy, percent, label }: { studied: number; mustStudy: number; percent: number | null; label?: string }) {
  const { t } = useTranslation();
  const text = `${studied}/${mustStudy}`;
  return (
    <Stack gap={4} role="group" aria-label={`${label ?? t('meetings.studied')}: ${text}`}>
      <Group gap="xs" align="baseline">
        <Hint>{label ?? t('meetings.studied')}</Hint>
        <Text fw={700} fz="xl" data-testid="coverage">
          {text}
        </Text>
        {percent !== null && <Text c="dimmed">({percent}%)</Text>}
      </Group>
      <Progress value={mustStudy === 0 ? 0 : (studied * 100) / mustStudy} color={percent === 100 ? 'green' : 'blue'} aria-hidden />
    </Stack>
  );
}
