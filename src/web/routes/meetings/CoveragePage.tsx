import { Anchor, Breadcrumbs, Group, List, Paper, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollupRow } from '../../../shared/meetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber, todayIso } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { CoverageStat } from './CoverageStat.tsx';
import { useCoverage } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { recentYears, usePageUnit } from './use-page-unit.ts';

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
  // Sub-units that held sessions first, each group in the server's (name) order.
  const children = [...r.children.filter((c) => c.sessions > 0), ...r.children.filter((c) => c.sessions === 0)];
  const rows: RollupRow[] = [...(r.own ? [{ ...r.own, name: t('meetings.coverage.own', { unit: r.own.name }) }] : []), ...children];
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
          <Text size="sm" c="dimmed" mt={4}>
            {t('meetings.coverage.sessions', { count: r.total.sessions })}
          </Text>
        </Paper>
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover aria-label={t('meetings.coverage.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.coverage.unit')}</Table.Th>
                <Table.Th ta="right">{t('meetings.coverage.sessionsCol')}</Table.Th>
                <Table.Th ta="right">{t('meetings.coverage.studiedCol')}</Table.Th>
                <Table.Th w="30%">{t('meetings.coverage.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.unitId}-${row.name}`}>
                  <Table.Th scope="row" fw={500}>
                    {row.unitId !== r.unit.id ? (
                      <Anchor component="button" type="button" onClick={() => page.setUnit(row.unitId)} ta="left">
                        {row.name}
                      </Anchor>
                    ) : (
                      row.name
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(row.sessions)}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(row.studied)}/{formatNumber(row.mustStudy)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Progress value={row.mustStudy === 0 ? 0 : (row.studied * 100) / row.mustStudy} style={{ flex: 1 }} aria-hidden />
                      <Text size="sm" w={44} ta="right">
                        {row.percent === null ? '—' : `${row.percent}%`}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <List size="sm" c="dimmed">
          {r.explanation.map((x) => (
            <List.Item key={x}>{x}</List.Item>
          ))}
        </List>
      </Stack>
    </>
  );
}
