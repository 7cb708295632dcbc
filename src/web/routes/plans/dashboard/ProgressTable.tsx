import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '#shared/plans.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { Column } from '../../../components/DataTable.tsx';
import { formatNumber, formatRate } from '../../../components/format.ts';
import { RateBar } from './RateBar.tsx';

type Row = PlanSummary['children'][number];

/** A row of the table: a direct child unit, the unit's own work (`own`), or its total (`total`). */
type Line = Pick<Row, 'unitId' | 'name' | 'tasks' | 'reports' | 'rates'> & { total?: boolean; own?: boolean };

/** What one kind of work (tasks, reports) shows of a line. */
interface Work {
  done: number;
  /** What is due so far: the rate's whole. */
  of: number;
  /** The whole plan's count, shown when more than is due so far. */
  whole: number;
  /** What is late or missing, under the count. */
  notes: string[];
  notesColor: string;
  rate: number;
  onTime: number;
  onTimeCounted: boolean;
}

/** The three columns of one kind of work: how much is done, the rate as a bar, the on-time rate. */
function workColumns(key: string, words: { count: string; rate: string; onTime: string; whole: (n: number) => string }, work: (line: Line) => Work): Column<Line>[] {
  return [
    {
      key: `${key}-count`,
      header: words.count,
      nowrap: true,
      cell: (line) => {
        const w = work(line);
        return (
          <>
            {formatNumber(w.done)}/{formatNumber(w.of)}
            {w.whole > w.of && (
              <Text size="xs" c="dimmed">
                {words.whole(w.whole)}
              </Text>
            )}
            {w.notes.length > 0 && (
              <Text size="xs" c={w.notesColor}>
                {w.notes.join(', ')}
              </Text>
            )}
          </>
        );
      },
    },
    { key: `${key}-rate`, header: words.rate, cell: (line) => <RateBar rate={work(line).rate} counted={work(line).of > 0} label={words.rate} /> },
    { key: `${key}-on-time`, header: words.onTime, numeric: true, cell: (line) => formatRate(work(line).onTime, work(line).onTimeCounted) },
  ];
}

/**
 * Completion and on-time rates of each direct child unit (its whole subtree counted), then the
 * unit's own work, with the total last (the rows add up to it); a unit's name opens the same view one level down. A plan without reports
 * shows no report columns, and the other way round.
 */
export function ProgressTable({ summary, onDrill }: { summary: PlanSummary; onDrill: (unit: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const showReports = summary.unit.reports.expected > 0;
  const showTasks = summary.unit.tasks.total > 0 || !showReports;
  const whole = (n: number) => t('plans.dash.ofWhole', { n: formatNumber(n) });
  const tasks = workColumns('tasks', { count: t('plans.dash.tasks'), rate: t('plans.dash.taskCompletion'), onTime: t('plans.dash.taskOnTime'), whole }, ({ tasks: x, rates }) => ({
    done: x.done,
    of: x.dueSoFar,
    whole: x.total,
    notes: x.overdue > 0 ? [t('plans.dash.overdueN', { n: formatNumber(x.overdue) })] : [],
    notesColor: 'red.8',
    rate: rates.taskCompletion,
    onTime: rates.taskOnTime,
    onTimeCounted: x.done + x.overdue > 0,
  }));
  const reports = workColumns('reports', { count: t('plans.dash.reports'), rate: t('plans.dash.reportSubmission'), onTime: t('plans.dash.reportOnTime'), whole }, ({ reports: x, rates }) => ({
    done: x.submitted,
    of: x.dueSoFar,
    whole: x.expected,
    notes: [x.late > 0 && t('plans.dash.lateN', { n: formatNumber(x.late) }), x.missing > 0 && t('plans.dash.missingN', { n: formatNumber(x.missing) })].filter((n): n is string => !!n),
    notesColor: x.missing > 0 ? 'red.8' : 'orange.8',
    rate: rates.reportSubmission,
    onTime: rates.reportOnTime,
    onTimeCounted: x.submitted + x.missing > 0,
  }));
  const unit: Column<Line> = {
    key: 'unit',
    header: t('plans.dash.unit'),
    cell: (line) =>
      line.total ? (
        t('plans.dash.total', { name: line.name })
      ) : line.own ? (
        t('plans.dash.own', { name: line.name })
      ) : (
        <Anchor component="button" type="button" ta="left" size="sm" onClick={() => onDrill({ id: line.unitId, name: line.name })} aria-label={t('plans.dash.drill', { name: line.name })}>
          {line.name}
        </Anchor>
      ),
  };
  return (
    <DataTable
      label={t('plans.dash.progressTable')}
      rows={summary.own ? [...summary.children, { ...summary.own, own: true }] : summary.children}
      rowKey={(line) => (line.own ? `own-${line.unitId}` : line.unitId)}
      columns={[unit, ...(showTasks ? tasks : []), ...(showReports ? reports : [])]}
      minWidth={showTasks && showReports ? 880 : 560}
      verticalSpacing="xs"
      highlightOnHover
      footer={{ ...summary.unit, rates: summary.rates, total: true }}
    />
  );
}
