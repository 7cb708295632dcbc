import { Anchor, Breadcrumbs, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollupRow } from '#shared/meetings.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber, todayIso } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TextList } from '../../components/TextList.tsx';
import { coverageRows } from './coverage-rows.ts';
import { CoverageStat } from './CoverageStat.tsx';
import { DrillLink } from './DrillLink.tsx';
import { useCoverage } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { recentYears, usePageUnit } from './use-page-unit.ts';

/** A unit's share of members who studied, as a bar and a percentage. */
function Share({ row }: { row: RollupRow }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={row.mustStudy === 0 ? 0 : (row.studied * 100) / row.mustStudy} style={{ flex: 1 }} aria-hidden />
      <Text size="sm" w={44} ta="right">
        {row.percent === null ? '—' : `${row.percent}%`}
      </Text>
    </Group>
  );
}

/** Coverage of the study sessions of a unit's subtree, by direct sub-unit, with drill-down. */
export function CoveragePage() {
  const { t } = useTranslation();
  const page = usePageUnit();
  const today = todayIso();
  const [year, setYear] = useState(today.slice(0, 4));
  const from = `${year}-01-01`;
  const to = year === today.slice(0, 4) ? today : `${year}-12-31`;
  const data = useCoverage(page.unitId ?? '', from, to);
  if (page.loading || (page.unitId && data.isPending)) return <PageLoader />;
  if (!page.unitId) return null;
  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const r = data.data!;
  const rows = coverageRows(r, (unit) => t('meetings.coverage.own', { unit }));
  const columns: Column<RollupRow>[] = [
    { key: 'unit', header: t('meetings.coverage.unit'), rowHeader: true, cell: (row) => (row.unitId !== r.unit.id ? <DrillLink name={row.name} onClick={() => page.setUnit(row.unitId)} /> : row.name) },
    { key: 'sessions', header: t('meetings.coverage.sessionsCol'), numeric: true, cell: (row) => formatNumber(row.sessions) },
    { key: 'units', header: t('meetings.coverage.unitsCol'), numeric: true, cell: (row) => `${formatNumber(row.units.held)}/${formatNumber(row.units.addressed)}` },
    { key: 'studied', header: t('meetings.coverage.studiedCol'), numeric: true, cell: (row) => `${formatNumber(row.studied)}/${formatNumber(row.mustStudy)}` },
    { key: 'share', header: t('meetings.coverage.share'), th: { w: '30%' }, cell: (row) => <Share row={row} /> },
  ];
  return (
    <>
      <PageHeader title={t('meetings.coverage.title')} subtitle={r.unit.name} />
      <MeetingsNav />
      <Stack gap="md">
        <Group gap="xs" align="flex-end" wrap="wrap">
          {r.ancestors.length > 0 && (
            <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', flex: '1 1 16rem' }} aria-label={t('meetings.coverage.path')}>
              {r.ancestors.map((a) => (
                <Anchor key={a.id} size="sm" component="button" type="button" onClick={() => page.setUnit(a.id)}>
                  {a.name}
                </Anchor>
              ))}
              <Text size="sm">{r.unit.name}</Text>
            </Breadcrumbs>
          )}
          <Select label={t('meetings.coverage.year')} data={recentYears(today)} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={140} />
        </Group>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('meetings.coverage.total')}>
          <CoverageStat studied={r.total.studied} mustStudy={r.total.mustStudy} percent={r.total.percent} label={t('meetings.coverage.totalOf', { unit: r.unit.name })} />
          <Text size="sm" mt={4}>
            {t('meetings.coverage.unitsHeld', { held: formatNumber(r.total.units.held), addressed: formatNumber(r.total.units.addressed) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('meetings.coverage.sessions', { count: r.total.sessions })}
          </Text>
        </Paper>
        <DataTable label={t('meetings.coverage.table')} rows={rows} rowKey={(row) => `${row.unitId}-${row.name}`} columns={columns} minWidth={520} highlightOnHover verticalSpacing="compact" />
        <TextList items={r.explanation} size="sm" c="dimmed" />
      </Stack>
    </>
  );
}
