import { Button, Stack } from '@mantine/core';
import { IconFileReport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RoundCoverage, RoundPrefillResult } from '#shared/personal-plans.ts';
import type { ObligationList } from '#shared/reports.ts';
import { api } from '../../api-client.ts';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';

/**
 * The reports of the round's plan the unit has still to send: each can be prefilled from the round's
 * figures at the unit (a draft the unit corrects before sending it).
 */
export function PrefillFromRound({ r }: { r: RoundCoverage }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useQuery({
    queryKey: ['personal-plans', 'open-reports', r.unit.id],
    queryFn: () => api.get<ObligationList>(`/api/units/${r.unit.id}/obligations`, { status: 'open', limit: 100 }),
  });
  const prefill = useMutationWithNotice({
    mutationFn: (id: string) => api.post<RoundPrefillResult>(`/api/obligation-instances/${id}/round-figures`, { roundId: r.round.id }),
    notice: (out) => t('personalPlans.prefill.done', { count: Object.keys(out.figures).length }),
  });
  const reports = (open.data?.items ?? []).filter((o) => o.planId === r.round.planId);
  if (reports.length === 0) return null;
  return (
    <Section title={t('personalPlans.prefill.title')} id="round-prefill">
      <Stack gap="xs">
        <Hint>{t('personalPlans.prefill.hint')}</Hint>
        {reports.map((o) => (
          <Button key={o.id} variant="light" leftSection={<IconFileReport size={18} aria-hidden />} onClick={() => prefill.mutate(o.id, { onSuccess: () => navigate(`/obligation-instances/${o.id}`) })} styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={8}>
            {o.title} ({o.periodLabel})
          </Button>
        ))}
      </Stack>
    </Section>
  );
}
