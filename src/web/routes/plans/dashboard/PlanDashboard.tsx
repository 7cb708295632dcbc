import { Anchor, Breadcrumbs, Button, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { apiUrl } from '../../../api-client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDate, formatNumber, formatRate } from '../../../components/format.ts';
import { Hint } from '../../../components/Hint.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Section } from '../../../components/Section.tsx';
import { useUnit } from '../../../components/unit-queries.ts';
import type { UnitRef } from '../../../components/unit-queries.ts';
import { usePlanHeatmap, usePlanSummary } from '../plan-queries.ts';
import { HeatmapGrid } from './HeatmapGrid.tsx';
import { OverdueTable } from './OverdueTable.tsx';
import { ProgressTable } from './ProgressTable.tsx';
import { StaleTable } from './StaleTable.tsx';

function Stat({ label, value, note, color }: { label: string; value: string; note?: string; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/** The path from the dashboard's top unit to the unit looked at, each step a way back up. */
function DrillPath({ root, unitId, onDrill }: { root: UnitRef; unitId: string; onDrill: (u: UnitRef | null) => void }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId === root.id ? null : unitId);
  if (unitId === root.id) return null;
  const ancestors = unit.data?.ancestors ?? [];
  const from = ancestors.findIndex((a) => a.id === root.id);
  const between = from >= 0 ? ancestors.slice(from + 1) : [];
  return (
    <nav aria-label={t('plans.dash.levels')}>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component="button" type="button" size="sm" onClick={() => onDrill(null)}>
          {root.name}
        </Anchor>
        {between.map((a) => (
          <Anchor component="button" type="button" size="sm" key={a.id} onClick={() => onDrill(a)}>
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="page">
          {unit.data?.name ?? '…'}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

/**
 * A plan's dashboard for one unit of the tree (`?unit=`, default the top unit the reader sees):
 * completion and on-time rates of each direct child, the heat map, what is overdue and who has
 * gone quiet, and how the figures are counted. Clicking a unit shows the same one level down.
 */
export function PlanDashboard({ planId, root, obligations, canCancel = false }: { planId: string; root: UnitRef; obligations: { id: string; title: string }[]; canCancel?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? root.id;
  const summary = usePlanSummary(planId, unitId);
  const heatmap = usePlanHeatmap(planId, unitId);
  const drill = (u: UnitRef | null) => {
    const next = new URLSearchParams(params);
    next.set('tab', 'progress');
    if (u && u.id !== root.id) next.set('unit', u.id);
    else next.delete('unit');
    setParams(next);
  };

  if (summary.isPending) return <PageLoader />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const { tasks, reports } = s.unit;

  return (
    <Stack gap="md">
      <DrillPath root={root} unitId={unitId} onDrill={drill} />
      <Hint>{t('plans.dash.asOf', { unit: s.unit.name, date: formatDate(s.asOf) })}</Hint>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat
          label={t('plans.dash.taskCompletion')}
          value={formatRate(s.rates.taskCompletion, tasks.dueSoFar > 0)}
          note={t('plans.dash.ofTasks', { done: formatNumber(tasks.done), due: formatNumber(tasks.dueSoFar), total: formatNumber(tasks.total) })}
        />
        <Stat
          label={t('plans.dash.reportSubmission')}
          value={formatRate(s.rates.reportSubmission, reports.dueSoFar > 0)}
          note={t('plans.dash.ofReports', { done: formatNumber(reports.submitted), due: formatNumber(reports.dueSoFar), total: formatNumber(reports.expected) })}
        />
        <Stat label={t('plans.dash.tasksOverdue')} value={formatNumber(tasks.overdue)} color={tasks.overdue > 0 ? 'red.8' : undefined} />
        <Stat label={t('plans.dash.reportsMissing')} value={formatNumber(reports.missing)} color={reports.missing > 0 ? 'red.8' : undefined} />
      </SimpleGrid>

      <Section
        id="dash-progress"
        title={t('plans.dash.byUnit')}
        action={
          s.children.length > 0 && (
            <Button variant="default" size="xs" component="a" href={apiUrl(`/api/plans/${planId}/progress.xlsx`, { unit: unitId })} download leftSection={<IconDownload size={16} aria-hidden />}>
              {t('plans.dash.exportProgress')}
            </Button>
          )
        }
      >
        {s.children.length === 0 ? (
          <Hint>{t('plans.dash.noChildren')}</Hint>
        ) : (
          <ProgressTable summary={s} onDrill={drill} />
        )}
      </Section>

      {obligations.length > 0 && (
        <Section id="dash-reports" title={t('plans.dash.reportStatus', { unit: s.unit.name })}>
          <List spacing={4}>
            {obligations.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={`/obligations/${r.id}/status?unit=${unitId}`} aria-label={t('plans.dash.reportStatusOf', { title: r.title })}>
                  {r.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Section>
      )}

      {s.children.length > 0 && (
        <Section id="dash-heatmap" title={t('plans.dash.heatmap')}>
          <Loaded query={heatmap}>{(h) => (h.tasks.length === 0 ? <Hint>{t('plans.dash.noTasks')}</Hint> : <HeatmapGrid heatmap={h} onDrill={drill} />)}</Loaded>
        </Section>
      )}

      <Section id="dash-overdue" title={t('plans.dash.overdue')}>
        <OverdueTable key={unitId} planId={planId} unitId={unitId} canCancel={canCancel} />
      </Section>

      <Section id="dash-stale" title={t('plans.dash.stale')}>
        <StaleTable planId={planId} unitId={unitId} />
      </Section>

      <Section id="dash-how" title={t('plans.dash.how')}>
        <Stack component="ul" gap={4} m={0} pl="md">
          {s.explanation.map((line) => (
            <Text component="li" size="sm" key={line}>
              {line}
            </Text>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}
