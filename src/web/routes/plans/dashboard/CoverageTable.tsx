import { Badge, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitWithParent } from '#shared/units.ts';
import type { Coverage } from '#shared/plans.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { Column } from '../../../components/DataTable.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../components/format.ts';
import { Hint } from '../../../components/Hint.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { usePlanCoverage } from '../plan-queries.ts';
import { RateBar } from './RateBar.tsx';

const SHOWN = 8;

function Uncovered({ row }: { row: Coverage[number] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (row.uncovered.length === 0) {
    return (
      <Badge color="green" variant="light" tt="none" radius="sm">
        {t('plans.coverage.allCovered')}
      </Badge>
    );
  }
  const shown = all ? row.uncovered : row.uncovered.slice(0, SHOWN);
  return (
    <Stack gap={2}>
      {shown.map((u) => (
        <Text size="sm" key={u.unitId}>
          {unitWithParent(u.name, u.parentName)}{' '}
          <Text span size="xs" c="dimmed">
            ({u.hasPlan ? t('plans.coverage.planLacksTask') : t('plans.coverage.noPlan')})
          </Text>
        </Text>
      ))}
      {row.uncovered.length > SHOWN && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setAll((v) => !v)}>
          {all ? t('plans.coverage.fewer') : t('plans.coverage.more', { n: formatNumber(row.uncovered.length - SHOWN) })}
        </Button>
      )}
    </Stack>
  );
}

/** How many of the units a task is addressed to carry it out in their own plan. */
function Covered({ row }: { row: Coverage[number] }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{t('plans.coverage.ofUnits', { covered: formatNumber(row.covered), addressed: formatNumber(row.addressed) })}</Text>
      <RateBar rate={row.addressed ? row.covered / row.addressed : 0} counted={row.addressed > 0} label={t('plans.coverage.covered')} />
    </>
  );
}

/** Which tasks of the plan no lower unit's implementing plan carries out yet, and in which units. */
export function CoverageTable({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const coverage = usePlanCoverage(planId, unitId);
  if (coverage.isPending) return <PageLoader />;
  if (coverage.isError) return <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const rows = coverage.data.filter((r) => r.addressed > 0);
  if (rows.length === 0) return <Hint>{t('plans.coverage.none')}</Hint>;
  const columns: Column<Coverage[number]>[] = [
    { key: 'task', header: t('plans.coverage.task'), cell: (r) => `${r.ord}. ${r.text}` },
    { key: 'covered', header: t('plans.coverage.covered'), th: { w: 200 }, cell: (r) => <Covered row={r} /> },
    { key: 'uncovered', header: t('plans.coverage.uncovered'), cell: (r) => <Uncovered row={r} /> },
  ];
  return <DataTable label={t('plans.coverage.table')} rows={rows} rowKey={(r) => r.taskId} columns={columns} minWidth={720} verticalSpacing="xs" />;
}
