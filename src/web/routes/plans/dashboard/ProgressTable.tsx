import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/plans.ts';
import { formatNumber, formatRate } from '../../../components/format.ts';
import { RateBar } from './RateBar.tsx';

type Row = PlanSummary['children'][number];

/** Which groups of columns the plan has: a plan without reports shows no report columns, and the other way round. */
interface Shown {
  tasks: boolean;
  reports: boolean;
}

function TaskCells({ tasks, rates }: Pick<Row, 'tasks' | 'rates'>) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(tasks.done)}/{formatNumber(tasks.total)}
        {tasks.overdue > 0 && (
          <Text size="xs" c="red.8">
            {t('plans.dash.overdueN', { n: formatNumber(tasks.overdue) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RateBar rate={rates.taskCompletion} counted={tasks.total > 0} label={t('plans.dash.taskCompletion')} />
      </Table.Td>
      <Table.Td ta="right">{formatRate(rates.taskOnTime, tasks.done + tasks.overdue > 0)}</Table.Td>
    </>
  );
}

function ReportCells({ reports, rates }: Pick<Row, 'reports' | 'rates'>) {
  const { t } = useTranslation();
  const notes = [
    reports.late > 0 && t('plans.dash.lateN', { n: formatNumber(reports.late) }),
    reports.missing > 0 && t('plans.dash.missingN', { n: formatNumber(reports.missing) }),
  ].filter(Boolean);
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(reports.submitted)}/{formatNumber(reports.expected)}
        {notes.length > 0 && (
          <Text size="xs" c={reports.missing > 0 ? 'red.8' : 'orange.8'}>
            {notes.join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RateBar rate={rates.reportSubmission} counted={reports.expected > 0} label={t('plans.dash.reportSubmission')} />
      </Table.Td>
      <Table.Td ta="right">{formatRate(rates.reportOnTime, reports.submitted + reports.missing > 0)}</Table.Td>
    </>
  );
}

function Cells({ row, shown }: { row: Pick<Row, 'tasks' | 'reports' | 'rates'>; shown: Shown }) {
  return (
    <>
      {shown.tasks && <TaskCells tasks={row.tasks} rates={row.rates} />}
      {shown.reports && <ReportCells reports={row.reports} rates={row.rates} />}
    </>
  );
}

/**
 * Completion and on-time rates of each direct child unit (its whole subtree counted), with the
 * unit's own total last; a unit's name opens the same view one level down.
 */
export function ProgressTable({ summary, onDrill }: { summary: PlanSummary; onDrill: (unit: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const shown: Shown = { tasks: summary.unit.tasks.total > 0, reports: summary.unit.reports.expected > 0 };
  if (!shown.tasks && !shown.reports) shown.tasks = true;
  return (
    <Table.ScrollContainer minWidth={shown.tasks && shown.reports ? 880 : 560}>
      <Table verticalSpacing="xs" striped highlightOnHover aria-label={t('plans.dash.progressTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.dash.unit')}</Table.Th>
            {shown.tasks && (
              <>
                <Table.Th>{t('plans.dash.tasks')}</Table.Th>
                <Table.Th>{t('plans.dash.taskCompletion')}</Table.Th>
                <Table.Th ta="right">{t('plans.dash.taskOnTime')}</Table.Th>
              </>
            )}
            {shown.reports && (
              <>
                <Table.Th>{t('plans.dash.reports')}</Table.Th>
                <Table.Th>{t('plans.dash.reportSubmission')}</Table.Th>
                <Table.Th ta="right">{t('plans.dash.reportOnTime')}</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.children.map((c) => (
            <Table.Tr key={c.unitId}>
              <Table.Td>
                <Anchor component="button" type="button" ta="left" size="sm" onClick={() => onDrill({ id: c.unitId, name: c.name })} aria-label={t('plans.dash.drill', { name: c.name })}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Cells row={c} shown={shown} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('plans.dash.total', { name: summary.unit.name })}</Table.Td>
            <Cells row={{ ...summary.unit, rates: summary.rates }} shown={shown} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
