import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkProgress } from '#shared/common.ts';
import { formatNumber } from './format.ts';

/**
 * How far long work on the server is ("Đang tạo tài khoản… 4.200 / 10.000"), from the progress
 * lines of a streamed answer (api.upload / api.postWithProgress with `onWork`). The step names
 * the thing counted; its label is `work.<step>` in the translations.
 */
export function WorkProgressBar({ progress }: { progress: WorkProgress | null }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">
        {t(`work.${progress.step}`, { defaultValue: t('work.default') })} {formatNumber(progress.done)} / {formatNumber(progress.total)} ({percent}%)
      </Text>
      <Progress value={percent} aria-label={t('work.default')} animated={progress.done < progress.total} />
    </Stack>
  );
}
