import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../../shared/plans.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { usePlanCoverage } from '../plan-queries.ts';
import { RateBar } from './RateBar.tsx';
import { Hint } from '../../../components/Hint.tsx';

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
          {u.name}{' '}
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

/** Which tasks of the plan no lower unit's implementing plan carries out yet, and in which units. */
export function CoverageTable({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const coverage = usePlanCoverage(planId, unitId);
  if (coverage.isPending) return <PageLoader />;
  if (coverage.isError) return <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const rows = coverage.data.filter((r) => r.addressed > 0);
  if (rows.length === 0) {
    return (
      <Hint>{t('plans.coverage.none')}</Hint>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-label={t('plans.coverage.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.coverage.task')}</Table.Th>
            <Table.Th w={200}>{t('plans.coverage.covered')}</Table.Th>
            <Table.Th>{t('plans.coverage.uncovered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.taskId}>
              <Table.Td>
                {r.ord}. {r.text}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('plans.coverage.ofUnits', { covered: formatNumber(r.covered), addressed: formatNumber(r.addressed) })}</Text>
                <RateBar rate={r.addressed ? r.covered / r.addressed : 0} counted={r.addressed > 0} label={t('plans.coverage.covered')} />
              </Table.Td>
              <Table.Td>
                <Uncovered row={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
