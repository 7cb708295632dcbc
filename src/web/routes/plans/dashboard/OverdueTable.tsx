import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../../components/UnitName.tsx';
import { Link } from 'react-router-dom';
import type { OverdueItem } from '#shared/plans.ts';
import type { Column } from '../../../components/DataTable.tsx';
import { formatNumber } from '../../../components/format.ts';
import { Hint } from '../../../components/Hint.tsx';
import { PagedTable } from '../../../components/PagedTable.tsx';
import { usePaging } from '../../../components/use-paged-search.ts';
import { OVERDUE_PAGE, usePlanOverdue } from '../plan-queries.ts';
import { formatViDate } from '#core/text/dates.ts';

/** Tasks and reports past their due date in the subtree, most late first, with the days late. */
export function OverdueTable({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const { page, paging } = usePaging(OVERDUE_PAGE);
  const overdue = usePlanOverdue(planId, unitId, page);
  const columns: Column<OverdueItem>[] = [
    { key: 'unit', header: t('plans.dash.unit'), cell: (x) => <UnitName parentName={x.parentName}>{x.unitName}</UnitName> },
    {
      key: 'item',
      header: t('plans.dash.item'),
      cell: (x) => (
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
      ),
    },
    { key: 'period', header: t('plans.dash.period'), cell: (x) => x.periodLabel },
    { key: 'due', header: t('plans.dash.dueDate'), cell: (x) => formatViDate(x.dueDate) },
    { key: 'late', header: t('plans.dash.daysLate'), numeric: true, td: () => ({ c: 'red.8', fw: 600 }), cell: (x) => t('plans.dash.daysN', { n: formatNumber(x.daysLate) }) },
  ];
  const rowKey = (x: OverdueItem) => `${x.item}-${x.instanceId}`;
  const empty = <Hint>{t('plans.dash.noOverdue')}</Hint>;
  const count = (total: number) => t('plans.dash.overdueCount', { n: formatNumber(total) });
  return (
    <Stack gap="xs">
      <PagedTable query={overdue} label={t('plans.dash.overdueTable')} rowKey={rowKey} columns={columns} minWidth={720} verticalSpacing="xs" empty={empty} count={count} paging={paging} />
    </Stack>
  );
}
