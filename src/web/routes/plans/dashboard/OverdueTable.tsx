import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../../components/UnitName.tsx';
import { Link } from 'react-router-dom';
import type { OverdueItem } from '#shared/plans.ts';
import type { Column } from '../../../components/DataTable.tsx';
import { formatDate, formatNumber } from '../../../components/format.ts';
import { Hint } from '../../../components/Hint.tsx';
import { PagedTable } from '../../../components/PagedTable.tsx';
import { usePaging } from '../../../components/use-paged-search.ts';
import { CancelModal } from '../CancelModal.tsx';
import { cancelUrl, OVERDUE_PAGE, usePlanOverdue } from '../plan-queries.ts';

/**
 * Tasks and reports past their due date in the subtree, most late first, with the days late; a
 * writer of the plan's unit may cancel ("thu hồi") one unit's task or report of a period.
 */
export function OverdueTable({ planId, unitId, canCancel = false }: { planId: string; unitId: string; canCancel?: boolean }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<OverdueItem | null>(null);
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
          {x.returned && (
            <Badge size="sm" variant="light" color="orange" tt="none" radius="sm" style={{ flexShrink: 0 }}>
              {t('plans.dash.returnedBadge')}
            </Badge>
          )}
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
    { key: 'due', header: t('plans.dash.dueDate'), cell: (x) => formatDate(x.dueDate) },
    { key: 'late', header: t('plans.dash.daysLate'), numeric: true, td: () => ({ c: 'red.8', fw: 600 }), cell: (x) => t('plans.dash.daysN', { n: formatNumber(x.daysLate) }) },
  ];
  if (canCancel) {
    columns.push({
      key: 'cancel',
      header: t('plans.cancel.column'),
      cell: (x) => (
        <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setCancelling(x)}
          aria-label={t('plans.cancel.instanceOf', { item: x.title, unit: x.unitName, period: x.periodLabel })}>
          {t('plans.cancel.instanceOpen')}
        </Button>
      ),
    });
  }
  const rowKey = (x: OverdueItem) => `${x.item}-${x.instanceId}`;
  const empty = <Hint>{t('plans.dash.noOverdue')}</Hint>;
  const split = overdue.data;
  const count = (total: number) =>
    split ? t('plans.dash.overdueSplit', { tasks: formatNumber(split.tasks), reports: formatNumber(split.reports) }) : t('plans.dash.overdueCount', { n: formatNumber(total) });
  return (
    <Stack gap="xs">
      <PagedTable query={overdue} label={t('plans.dash.overdueTable')} rowKey={rowKey} columns={columns} minWidth={720} verticalSpacing="xs" empty={empty} count={count} paging={paging} />
      {cancelling && (
        <CancelModal
          title={cancelling.item === 'task' ? t('plans.cancel.taskTitle') : t('plans.cancel.reportTitle')}
          intro={t('plans.cancel.instanceIntro', { item: cancelling.title, unit: cancelling.unitName, period: cancelling.periodLabel })}
          url={cancelUrl(cancelling.item, cancelling.instanceId)}
          onClose={() => setCancelling(null)}
        />
      )}
    </Stack>
  );
}
