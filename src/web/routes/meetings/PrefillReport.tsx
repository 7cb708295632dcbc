import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconFileReport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PrefillResult } from '#shared/meetings.ts';
import type { ObligationList } from '#shared/reports.ts';
import { api } from '../../api-client.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import { Hint } from '../../components/Hint.tsx';

/**
 * The reports of the plan a session carried out that the unit has still to send: each can be
 * prefilled from the sessions held (a draft the unit corrects before sending it).
 */
export function PrefillReport({ unitId, planId }: { unitId: string; planId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useQuery({
    queryKey: ['meetings', 'open-reports', unitId],
    queryFn: () => api.get<ObligationList>(`/api/units/${unitId}/obligations`, { status: 'open', limit: 100 }),
  });
  const prefill = useMutationWithNotice({
    mutationFn: (id: string) => api.post<PrefillResult>(`/api/obligation-instances/${id}/meeting-figures`),
    notice: (out) => t('meetings.prefill.done', { count: Object.keys(out.figures).length }),
  });
  const reports = (open.data?.items ?? []).filter((o) => o.planId === planId);
  if (reports.length === 0) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('meetings.prefill.title')}>
      <Stack gap="xs">
        <Text fw={600}>{t('meetings.prefill.title')}</Text>
        <Hint>{t('meetings.prefill.hint')}</Hint>
        {reports.map((r) => (
          <Button key={r.id} variant="light" leftSection={<IconFileReport size={18} aria-hidden />} onClick={() => prefill.mutate(r.id, { onSuccess: () => navigate(`/obligation-instances/${r.id}`) })} styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={8}>
            {r.title} ({r.periodLabel})
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
