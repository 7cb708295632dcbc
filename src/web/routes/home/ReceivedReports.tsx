import { Anchor, Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitWithParent } from '#shared/units.ts';
import { Link } from 'react-router-dom';
import type { ReceivedReports as Received } from '#shared/reports.ts';
import { api } from '../../api-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { Stat } from '../../components/Stat.tsx';

const PAGE = 20;

/**
 * For the staff of a unit that receives reports (a committee, a đảng bộ cơ sở): across all its
 * plans, what awaits its acceptance and who is late, most pressing first, with what falls due
 * this week and this month. Nothing is shown to a unit that receives no reports.
 */
export function ReceivedReports({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'awaiting' | 'late'>('awaiting');
  const q = useQuery({
    queryKey: ['received-reports', unitId, state],
    queryFn: () => api.get<Received>(`/api/units/${unitId}/received-reports`, { state, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  if (!data) return null;
  const s = data.summary;
  if (s.awaiting + s.late + s.dueThisMonth === 0) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="received-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="received-title">
          {t('home.received.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Stat label={t('home.received.awaiting')} value={s.awaiting} color="blue.8" compact />
          <Stat label={t('home.received.late')} value={s.late} color="red.8" compact />
          <Stat label={t('home.received.week')} value={s.dueThisWeek} color="orange.8" compact />
          <Stat label={t('home.received.month')} value={s.dueThisMonth} compact />
        </SimpleGrid>
        <SegmentedControl
          aria-label={t('home.received.title')}
          value={state}
          onChange={(v) => setState(v === 'late' ? 'late' : 'awaiting')}
          data={[
            { value: 'awaiting', label: `${t('home.received.awaiting')} (${formatNumber(s.awaiting)})` },
            { value: 'late', label: `${t('home.received.late')} (${formatNumber(s.late)})` },
          ]}
          w="fit-content"
        />
        {data.items.length === 0 ? (
          <Hint>{state === 'awaiting' ? t('home.received.noneAwaiting') : t('home.received.noneLate')}</Hint>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={state === 'awaiting' ? t('home.received.awaiting') : t('home.received.late')}>
            {data.items.map((r) => (
              <li key={r.instanceId}>
                <Group gap={8} wrap="wrap">
                  <Anchor component={Link} to={`/obligation-instances/${r.instanceId}`} fw={600} size="sm">
                    {unitWithParent(r.unitName, r.parentName)}
                  </Anchor>
                  <Text size="sm">
                    {r.title} · {r.periodLabel}
                    {r.planNumber ? ` · ${r.planNumber}` : ''}
                  </Text>
                  {state === 'awaiting' && r.submittedOn && (
                    <Badge variant="light" color="blue" tt="none" radius="sm">
                      {t('home.received.sentOn', { date: formatDate(r.submittedOn), n: r.version })}
                    </Badge>
                  )}
                  {state === 'late' && r.daysLate !== null && (
                    <Badge variant="light" color="red" tt="none" radius="sm">
                      {t('home.daysLate', { n: formatNumber(r.daysLate) })}
                    </Badge>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {data.total > data.items.length && <Hint>{t('home.received.more', { n: formatNumber(data.total - data.items.length) })}</Hint>}
      </Stack>
    </Paper>
  );
}
