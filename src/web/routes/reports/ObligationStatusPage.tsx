import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBellRinging, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../components/UnitName.tsx';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_STATE_LABELS, REPORT_STATES } from '#shared/reports.ts';
import type { ObligationStatusRow, ReportState } from '#shared/reports.ts';
import { apiUrl } from '../../api-client.ts';
import type { Column } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Stat } from '../../components/Stat.tsx';
import { useLang } from '../../components/use-lang.ts';
import { mayAnywhere, useMe } from '../../components/use-me.ts';
import { usePaging } from '../../components/use-paged-search.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { STATUS_PAGE, useObligationStatus } from './report-queries.ts';
import { UrgeModal } from './UrgeModal.tsx';

export const STATE_COLORS: Record<ReportState, string> = { submitted: 'green', late: 'orange', missing: 'red', returned: 'yellow', pending: 'gray' };

function Open({ row }: { row: ObligationStatusRow }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/obligation-instances/${row.instanceId}`} size="sm" aria-label={t('reports.status.openOf', { unit: row.unitName })}>
      {row.version > 0 ? t('reports.status.open') : t('reports.status.view')}
    </Anchor>
  );
}

function StateBadge({ row }: { row: ObligationStatusRow }) {
  const lang = useLang();
  return (
    <Badge variant="light" color={STATE_COLORS[row.state]} tt="none" radius="sm">
      {REPORT_STATE_LABELS[row.state][lang]}
    </Badge>
  );
}

/** For a unit that receives its own units' reports (a đảng bộ cơ sở): how far they are, and the way down. */
function Below({ row, period }: { row: ObligationStatusRow; period: string | null }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (!row.receives) return <>—</>;
  const next = new URLSearchParams(params);
  next.set('unit', row.unitId);
  next.delete('reach');
  if (period) next.set('period', period);
  return (
    <Anchor component={Link} to={`?${next.toString()}`} size="sm" aria-label={t('reports.status.belowOpen', { unit: row.unitName })}>
      {t('reports.status.belowOf', { submitted: formatNumber(row.receives.submitted), expected: formatNumber(row.receives.expected) })}
    </Anchor>
  );
}

/** A unit's report on a phone: the same as a row of the table. */
function StatusCard({ row }: { row: ObligationStatusRow }) {
  const { t } = useTranslation();
  return (
    <>
      <Text fw={600} component="div">
        <UnitName parentName={row.parentName}>{row.unitName}</UnitName>
      </Text>
      <Group gap={6} my={4}>
        <StateBadge row={row} />
        <Text size="sm">{row.periodLabel}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {[
          row.version > 0 ? t('reports.status.versionN', { n: row.version }) : null,
          row.submittedOn ? formatDate(row.submittedOn) : null,
          row.daysLate ? t('home.daysLate', { n: formatNumber(row.daysLate) }) : null,
          row.enteredOnBehalf ? t('reports.versions.onBehalf') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Group gap="md">
        <Open row={row} />
        {row.receives && <Below row={row} period={null} />}
      </Group>
    </>
  );
}

/**
 * The receiving level's view of one report: every unit of the subtree that owes it, whether it
 * sent it (on time, late, returned) or not, which version, when; open a unit's report; urge the late.
 */
export function ObligationStatusPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data;
  const id = useRouteId();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit');
  const period = params.get('period');
  const state = (['awaiting', ...REPORT_STATES] as readonly string[]).includes(params.get('state') ?? '') ? params.get('state')! : 'all';
  const reach = params.get('reach') === 'subtree' ? 'subtree' : 'received';
  const { page, setPage, paging } = usePaging(STATUS_PAGE);
  const [urging, setUrging] = useState(false);
  const status = useObligationStatus(id, unit, period, state, page, reach);
  const mayUrge = mayAnywhere(me, 'write');

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };

  const columns: Column<ObligationStatusRow>[] = [
    { key: 'unit', header: t('plans.dash.unit'), cell: (r) => <UnitName parentName={r.parentName}>{r.unitName}</UnitName> },
    { key: 'period', header: t('reports.status.period'), cell: (r) => r.periodLabel },
    { key: 'state', header: t('reports.status.state'), cell: (r) => <StateBadge row={r} /> },
    { key: 'version', header: t('reports.status.version'), numeric: true, cell: (r) => (r.version > 0 ? formatNumber(r.version) : '—') },
    { key: 'sent', header: t('reports.status.sentOn'), cell: (r) => (r.submittedOn ? formatDate(r.submittedOn) : '—') },
    { key: 'late', header: t('plans.dash.daysLate'), numeric: true, cell: (r) => (r.daysLate ? formatNumber(r.daysLate) : '—') },
    { key: 'below', header: t('reports.status.below'), cell: (r) => <Below row={r} period={period} /> },
    { key: 'open', header: '', cell: (r) => <Open row={r} /> },
  ];

  if (status.isPending) return <PageLoader />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;

  const card = (r: ObligationStatusRow) => <StatusCard row={r} />;
  const empty = <Hint>{t('reports.status.none')}</Hint>;
  return (
    <>
      <PageHeader
        title={t('reports.status.title')}
        subtitle={
          <Stack gap={2}>
            <span>{s.obligation.title}</span>
            <span>
              {s.unit.name} ·{' '}
              <Anchor component={Link} to={`/plans/${s.obligation.planId}`} size="sm">
                {t('reports.status.plan')}
              </Anchor>
            </span>
          </Stack>
        }
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              component="a"
              href={apiUrl(`/api/obligations/${id}/status.xlsx`, { unit: s.unit.id, period, state: state === 'all' ? null : state, reach: reach === 'subtree' ? reach : null })}
              download
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('reports.status.export')}
            </Button>
            {mayUrge && s.periods.length > 0 && (
              <Button color="orange" leftSection={<IconBellRinging size={18} aria-hidden />} onClick={() => setUrging(true)}>
                {t('reports.urge.open')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          <Stat label={t('reports.status.expected')} value={s.summary.expected} compact />
          <Stat label={t('reports.status.submitted')} value={s.summary.submitted} color="green.8" compact />
          <Stat label={t('reports.status.late')} value={s.summary.late} color="orange.8" compact />
          <Stat label={t('reports.status.missing')} value={s.summary.missing} color="red.8" compact />
          <Stat label={t('reports.status.returned')} value={s.summary.returned} color="yellow.8" compact />
          <Stat label={t('reports.status.awaiting')} value={s.summary.awaiting} color="blue.8" compact />
        </SimpleGrid>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Group gap="sm" align="flex-end">
              {s.periods.length > 1 && (
                <Select
                  label={t('reports.status.period')}
                  data={[{ value: '', label: t('reports.status.allPeriods') }, ...s.periods.map((p) => ({ value: p.key, label: p.label }))]}
                  value={period ?? ''}
                  onChange={(v) => setParam('period', v || null)}
                  allowDeselect={false}
                  w={220}
                />
              )}
              <Select
                label={t('reports.status.state')}
                data={[
                  { value: 'all', label: t('reports.status.allStates') },
                  { value: 'awaiting', label: t('reports.status.awaiting') },
                  ...REPORT_STATES.map((x) => ({ value: x, label: REPORT_STATE_LABELS[x][lang] })),
                ]}
                value={state}
                onChange={(v) => setParam('state', v && v !== 'all' ? v : null)}
                allowDeselect={false}
                w={260}
              />
              <Select
                label={t('reports.status.reach')}
                data={[
                  { value: 'received', label: t('reports.status.reachReceived') },
                  { value: 'subtree', label: t('reports.status.reachSubtree') },
                ]}
                value={reach}
                onChange={(v) => setParam('reach', v === 'subtree' ? 'subtree' : null)}
                allowDeselect={false}
                w={300}
              />
            </Group>
            <PagedTable query={status} label={t('reports.status.table')} rowKey={(r) => r.instanceId} columns={columns} minWidth={760} verticalSpacing="xs" card={card} empty={empty} paging={paging} />
          </Stack>
        </Paper>
      </Stack>
      {urging && <UrgeModal status={s} period={period} reach={reach} onClose={() => setUrging(false)} />}
    </>
  );
}
