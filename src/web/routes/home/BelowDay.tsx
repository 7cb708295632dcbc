import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DueBelow, DueBelowItems } from '#shared/reports.ts';
import { api } from '../../api-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { belowText } from './MonthCalendar.tsx';
import type { BelowMark } from './month-grid.ts';
import { gridWindow } from './month-grid.ts';

const PAGE = 20;
/** The most a day lists at once (the API's page size); the plans' status pages list the rest. */
const MAX = 200;

/** What falls due below the unit over the days of a month's grid, for its staff's calendar. */
export function useDueBelow(unitId: string | null, month: string, enabled: boolean) {
  const window = gridWindow(month);
  return useQuery({
    queryKey: ['due-below', unitId, window.from, window.to],
    queryFn: () => api.get<DueBelow>(`/api/units/${unitId}/due-below`, window),
    enabled: enabled && !!unitId,
    placeholderData: keepPreviousData,
  });
}

/**
 * A day of the calendar, for the staff of a committee: the reports sent to the unit and the tasks of
 * the units below due that day, not sent and not done first, each a link to the unit's report (and
 * the report's status across units) or to the plan.
 */
export function BelowDay({ unitId, day, mark }: { unitId: string; day: string; mark: BelowMark | undefined }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const q = useQuery({
    queryKey: ['due-below-items', unitId, day, limit],
    queryFn: () => api.get<DueBelowItems>(`/api/units/${unitId}/due-below/items`, { date: day, limit }),
    placeholderData: keepPreviousData,
  });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  if (!data) return null;
  const date = formatDate(day);
  return (
    <Stack gap={6} component="section" aria-labelledby={`below-${day}`}>
      <Title order={3} fz="h6" id={`below-${day}`}>
        {t('home.below.title')}
      </Title>
      {mark && (
        <Text size="sm" fw={600} c={mark.late ? 'red.8' : 'orange.9'}>
          {belowText(t, mark)}
        </Text>
      )}
      {data.total === 0 ? (
        <Hint>{t('home.below.none')}</Hint>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('home.below.list', { date })}>
          {data.items.map((x) => (
            <li key={x.instanceId}>
              <Group gap={8} wrap="wrap">
                <Badge variant="light" color={x.item === 'report' ? 'blue' : 'gray'} tt="none" radius="sm">
                  {x.item === 'report' ? t('home.report') : t('home.task')}
                </Badge>
                {x.item === 'report' ? (
                  <Anchor component={Link} to={`/obligation-instances/${x.instanceId}`} fw={600} size="sm">
                    {x.unitName}
                  </Anchor>
                ) : (
                  <Text fw={600} size="sm">
                    {x.unitName}
                  </Text>
                )}
                <Badge variant="light" color={x.open ? (mark?.late ? 'red' : 'orange') : 'green'} tt="none" radius="sm">
                  {t(`home.below.state.${x.state}`)}
                </Badge>
              </Group>
              <Group gap={8} wrap="wrap" mt={2}>
                <Text size="sm" c="dimmed">
                  {x.title} · {x.periodLabel}
                  {x.planNumber ? ` · ${x.planNumber}` : ''}
                </Text>
                {x.item === 'report' ? (
                  <Anchor component={Link} to={`/obligations/${x.itemId}/status?unit=${unitId}&period=${encodeURIComponent(x.periodKey)}`} size="sm">
                    {t('home.below.status')}
                  </Anchor>
                ) : (
                  <Anchor component={Link} to={`/plans/${x.planId}`} size="sm">
                    {t('home.below.plan')}
                  </Anchor>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {data.total > data.items.length && limit < MAX && (
        <Button variant="subtle" size="xs" w="fit-content" loading={q.isFetching} onClick={() => setLimit((n) => Math.min(n + PAGE, MAX))}>
          {t('home.below.more', { n: formatNumber(data.total - data.items.length) })}
        </Button>
      )}
      {data.total > data.items.length && limit >= MAX && <Hint>{t('home.received.more', { n: formatNumber(data.total - data.items.length) })}</Hint>}
    </Stack>
  );
}
