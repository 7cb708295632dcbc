import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../../components/UnitName.tsx';
import type { Column } from '../../../components/DataTable.tsx';
import { formatDateTime, formatNumber } from '../../../components/format.ts';
import { Hint } from '../../../components/Hint.tsx';
import { PagedTable } from '../../../components/PagedTable.tsx';
import { usePlanStale } from '../plan-queries.ts';
import type { StaleUnit } from '../plan-queries.ts';

const DAYS = ['14', '30', '60', '90'];

/** Units with open work of the plan that have changed nothing for a while: the ones to call. */
export function StaleTable({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState('30');
  const stale = usePlanStale(planId, unitId, Number(days));
  const columns: Column<StaleUnit>[] = [
    { key: 'unit', header: t('plans.dash.unit'), cell: (u) => <UnitName parentName={u.parentName}>{u.name}</UnitName> },
    { key: 'open', header: t('plans.dash.openItems'), numeric: true, cell: (u) => formatNumber(u.openItems) },
    { key: 'last', header: t('plans.dash.lastUpdate'), cell: (u) => formatDateTime(u.lastUpdateAt) },
    { key: 'since', header: t('plans.dash.daysSince'), numeric: true, td: () => ({ c: 'orange.8', fw: 600 }), cell: (u) => t('plans.dash.daysN', { n: formatNumber(u.daysSinceUpdate) }) },
  ];
  const empty = <Hint>{t('plans.dash.noStale', { n: days })}</Hint>;
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
      <PagedTable query={stale} label={t('plans.dash.staleTable')} rowKey={(u) => u.unitId} columns={columns} minWidth={560} verticalSpacing="xs" empty={empty} />
    </Stack>
  );
}
