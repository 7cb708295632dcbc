import { Anchor, Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../components/format.ts';
import { formatViDate } from '../../../../core/text/dates.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { OVERDUE_PAGE, usePlanOverdue } from '../plan-queries.ts';

/** Tasks and reports past their due date in the subtree, most late first, with the days late. */
export function OverdueTable({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const overdue = usePlanOverdue(planId, unitId, page);
  if (overdue.isPending) return <PageLoader />;
  if (overdue.isError) return <ErrorAlert error={overdue.error} onRetry={() => void overdue.refetch()} />;
  const { items, total } = overdue.data;
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('plans.dash.noOverdue')}
      </Text>
    );
  }
  const pages = Math.ceil(total / OVERDUE_PAGE);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('plans.dash.overdueCount', { n: formatNumber(total) })}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-label={t('plans.dash.overdueTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.dash.unit')}</Table.Th>
              <Table.Th>{t('plans.dash.item')}</Table.Th>
              <Table.Th>{t('plans.dash.period')}</Table.Th>
              <Table.Th>{t('plans.dash.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('plans.dash.daysLate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((x) => (
              <Table.Tr key={`${x.item}-${x.instanceId}`}>
                <Table.Td>{x.unitName}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="sm" variant="light" color={x.item === 'task' ? 'blue' : 'grape'} tt="none" radius="sm" style={{ flexShrink: 0 }}>
                      {x.item === 'task' ? t('plans.dash.task') : t('plans.dash.report')}
                    </Badge>
                    {x.item === 'report' ? (
                      <Anchor component={Link} to={`/obligation-instances/${x.instanceId}`} size="sm">
                        {x.title}
                      </Anchor>
                    ) : (
                      <Text size="sm">{x.title}</Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{x.periodLabel}</Table.Td>
                <Table.Td>{formatViDate(x.dueDate)}</Table.Td>
                <Table.Td ta="right" c="red.8" fw={600}>
                  {t('plans.dash.daysN', { n: formatNumber(x.daysLate) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })} />
        </Group>
      )}
    </Stack>
  );
}
