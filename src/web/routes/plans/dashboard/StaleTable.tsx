import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../components/format.ts';
import { formatViDateTime } from '../../../../core/text/dates.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { usePlanStale } from '../plan-queries.ts';

const DAYS = ['14', '30', '60', '90'];

/** Units with open work of the plan that have changed nothing for a while: the ones to call. */
export function StaleTable({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState('30');
  const stale = usePlanStale(planId, unitId, Number(days));
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" id="stale-days">
          {t('plans.dash.staleFor')}
        </Text>
        <SegmentedControl
          aria-labelledby="stale-days"
          size="xs"
          value={days}
          onChange={setDays}
          data={DAYS.map((d) => ({ value: d, label: t('plans.dash.daysN', { n: d }) }))}
        />
      </Group>
      {stale.isPending ? (
        <PageLoader />
      ) : stale.isError ? (
        <ErrorAlert error={stale.error} onRetry={() => void stale.refetch()} />
      ) : stale.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.dash.noStale', { n: days })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" aria-label={t('plans.dash.staleTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.dash.unit')}</Table.Th>
                <Table.Th ta="right">{t('plans.dash.openItems')}</Table.Th>
                <Table.Th>{t('plans.dash.lastUpdate')}</Table.Th>
                <Table.Th ta="right">{t('plans.dash.daysSince')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stale.data.items.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.openItems)}</Table.Td>
                  <Table.Td>{formatViDateTime(u.lastUpdateAt)}</Table.Td>
                  <Table.Td ta="right" c="orange.8" fw={600}>
                    {t('plans.dash.daysN', { n: formatNumber(u.daysSinceUpdate) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
