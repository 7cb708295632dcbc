import { Accordion, Anchor, Badge, Group, List, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../components/format.ts';

import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TextList } from '../../components/TextList.tsx';
import { DrillLink } from './DrillLink.tsx';
import { useMeetingLabels } from './meeting-labels.ts';
import { useQuality } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { recentYears, usePageUnit } from './use-page-unit.ts';

const ratio = (a: number, b: number) => `${a}/${b}`;

/** Meeting quality of the cells of a subtree against the rule sets in force, by sub-unit and by cell. */
export function QualityPage() {
  const { t } = useTranslation();
  const ml = useMeetingLabels();
  const page = usePageUnit();
  const today = todayIso();
  const [year, setYear] = useState(today.slice(0, 4));
  const data = useQuality(page.unitId ?? '', year);
  if (page.loading || (page.unitId && data.isPending)) return <PageLoader />;
  if (!page.unitId) return null;
  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const q = data.data!;
  const byUnit: Column<(typeof q.children)[number]>[] = [
    { key: 'unit', header: t('meetings.coverage.unit'), rowHeader: true, cell: (c) => <DrillLink name={c.name} onClick={() => page.setUnit(c.unitId)} /> },
    { key: 'cells', header: t('meetings.quality.cellsOk'), numeric: true, cell: (c) => ratio(c.cellsOk, c.cells) },
    { key: 'months', header: t('meetings.quality.monthsHeld'), numeric: true, cell: (c) => ratio(c.monthsHeld, c.monthsExpected) },
    { key: 'thematic', header: t('meetings.quality.thematicOk'), numeric: true, cell: (c) => ratio(c.thematicOk, c.thematicExpected) },
    { key: 'meetings', header: t('meetings.quality.meetingsOk'), numeric: true, cell: (c) => ratio(c.meetingsOk, c.meetingsAssessed) },
  ];
  return (
    <>
      <PageHeader title={t('meetings.quality.pageTitle')} subtitle={q.unit.name} />
      <MeetingsNav />
      <Stack gap="md">
        <Select label={t('meetings.coverage.year')} data={recentYears(today)} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={140} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {[
            [t('meetings.quality.cellsOk'), ratio(q.total.cellsOk, q.total.cells)],
            [t('meetings.quality.monthsHeld'), ratio(q.total.monthsHeld, q.total.monthsExpected)],
            [t('meetings.quality.thematicOk'), ratio(q.total.thematicOk, q.total.thematicExpected)],
            [t('meetings.quality.meetingsOk'), ratio(q.total.meetingsOk, q.total.meetingsAssessed)],
          ].map(([label, value]) => (
            <Paper key={label} withBorder p="sm">
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={700} fz="lg">
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        {q.children.length > 0 && (
          <DataTable label={t('meetings.quality.byUnit')} rows={q.children} rowKey={(c) => c.unitId} columns={byUnit} minWidth={560} verticalSpacing="compact" />
        )}
        <Title order={2} fz="h4">
          {t('meetings.quality.cells')}
        </Title>
        <Accordion variant="separated" multiple>
          {q.cells.map((c) => (
            <Accordion.Item key={c.unitId} value={c.unitId}>
              <Accordion.Control>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={500}>
                    {c.name}
                    {c.parentName && <Text span c="dimmed" size="sm"> — {c.parentName}</Text>}
                  </Text>
                  <Badge color={c.summary.ok ? 'green' : 'orange'} variant="light">
                    {c.summary.ok ? t('meetings.quality.ok') : t('meetings.quality.notOk')}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <Text size="sm">
                    {t('meetings.quality.monthsLine', { held: c.summary.monthsHeld, expected: c.summary.monthsExpected })}
                    {c.months.some((m) => !m.held) && ` (${t('meetings.quality.missing')}: ${c.months.filter((m) => !m.held).map((m) => m.label).join(', ')})`}
                  </Text>
                  {c.thematic.length > 0 && (
                    <Text size="sm">
                      {t('meetings.quality.thematicLine')}: {c.thematic.map((x) => `${x.label} ${x.held}/${x.required}`).join('; ')}
                    </Text>
                  )}
                  <List size="sm" spacing={4}>
                    {c.meetings.map((m) => (
                      <List.Item key={m.id} icon={m.ok ? <IconCheck size={16} color="green" aria-label={t('meetings.quality.ok')} /> : <IconX size={16} color="red" aria-label={t('meetings.quality.notOk')} />}>
                        <Anchor component={Link} to={`/meetings/${m.id}`}>
                          {formatDate(m.date)} — {m.title || ml.kind(m.kind)}
                        </Anchor>
                        {!m.ok && (
                          <Text size="xs" c="dimmed">
                            {m.checks.filter((x) => !x.ok).map((x) => `${ml.check(x.code)}: ${x.detail}`).join(' ')}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {q.cellsOmitted > 0 && <Text size="sm" c="dimmed">{t('meetings.quality.omitted', { count: q.cellsOmitted })}</Text>}
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>
            {t('meetings.quality.rulesApplied')}
          </Text>
          {q.ruleSets.map((s) => (
            <Stack key={s.id} gap={2} mb="xs">
              <Text size="sm">
                <strong>{s.name}</strong> ({t('meetings.rules.from', { date: formatDate(s.validFrom) })}) — {s.source}
              </Text>
              <TextList items={s.rules} size="xs" />
            </Stack>
          ))}
        </Paper>
      </Stack>
    </>
  );
}
