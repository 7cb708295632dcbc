import { Anchor, Badge, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBellRinging, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { roleAllows } from '../../../core/access/roles.ts';
import { apiUrl } from '../../api-client.ts';
import { REPORT_STATE_LABELS, REPORT_STATES } from '../../../shared/reports.ts';
import type { ObligationStatusRow, ReportState } from '../../../shared/reports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useMe } from '../../components/use-me.ts';
import { STATUS_PAGE, useObligationStatus } from './report-queries.ts';
import { UrgeModal } from './UrgeModal.tsx';
import { useLang } from '../../components/use-lang.ts';

export const STATE_COLORS: Record<ReportState, string> = { submitted: 'green', late: 'orange', missing: 'red', returned: 'yellow', pending: 'gray' };

function Sum({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={value > 0 ? color : undefined}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

function Open({ row }: { row: ObligationStatusRow }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/obligation-instances/${row.instanceId}`} size="sm" aria-label={t('reports.status.openOf', { unit: row.unitName })}>
      {row.version > 0 ? t('reports.status.open') : t('reports.status.view')}
    </Anchor>
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
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit');
  const period = params.get('period');
  const state = (REPORT_STATES as readonly string[]).includes(params.get('state') ?? '') ? params.get('state')! : 'all';
  const [page, setPage] = useState(1);
  const [urging, setUrging] = useState(false);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const status = useObligationStatus(id, unit, period, state, page);
  const mayUrge = !!me && (me.superuser || me.grants.some((g) => roleAllows(g.role, 'write')));

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };

  if (status.isPending) return <PageLoader />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const pages = Math.max(1, Math.ceil(s.total / STATUS_PAGE));
  const stateBadge = (r: ObligationStatusRow) => (
    <Badge variant="light" color={STATE_COLORS[r.state]} tt="none" radius="sm">
      {REPORT_STATE_LABELS[r.state][lang]}
    </Badge>
  );

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
              href={apiUrl(`/api/obligations/${id}/status.xlsx`, { unit: s.unit.id, period, state: state === 'all' ? null : state })}
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
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          <Sum label={t('reports.status.expected')} value={s.summary.expected} />
          <Sum label={t('reports.status.submitted')} value={s.summary.submitted} color="green.8" />
          <Sum label={t('reports.status.late')} value={s.summary.late} color="orange.8" />
          <Sum label={t('reports.status.missing')} value={s.summary.missing} color="red.8" />
          <Sum label={t('reports.status.returned')} value={s.summary.returned} color="yellow.8" />
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
                data={[{ value: 'all', label: t('reports.status.allStates') }, ...REPORT_STATES.map((x) => ({ value: x, label: REPORT_STATE_LABELS[x][lang] }))]}
                value={state}
                onChange={(v) => setParam('state', v && v !== 'all' ? v : null)}
                allowDeselect={false}
                w={260}
              />
            </Group>
            {s.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reports.status.none')}
              </Text>
            ) : wide ? (
              <Table.ScrollContainer minWidth={760}>
                <Table striped verticalSpacing="xs" aria-label={t('reports.status.table')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plans.dash.unit')}</Table.Th>
                      <Table.Th>{t('reports.status.period')}</Table.Th>
                      <Table.Th>{t('reports.status.state')}</Table.Th>
                      <Table.Th ta="right">{t('reports.status.version')}</Table.Th>
                      <Table.Th>{t('reports.status.sentOn')}</Table.Th>
                      <Table.Th ta="right">{t('plans.dash.daysLate')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.items.map((r) => (
                      <Table.Tr key={r.instanceId}>
                        <Table.Td>{r.unitName}</Table.Td>
                        <Table.Td>{r.periodLabel}</Table.Td>
                        <Table.Td>{stateBadge(r)}</Table.Td>
                        <Table.Td ta="right">{r.version > 0 ? formatNumber(r.version) : '—'}</Table.Td>
                        <Table.Td>{r.submittedOn ? formatDate(r.submittedOn) : '—'}</Table.Td>
                        <Table.Td ta="right">{r.daysLate ? formatNumber(r.daysLate) : '—'}</Table.Td>
                        <Table.Td>
                          <Open row={r} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('reports.status.table')}>
                {s.items.map((r) => (
                  <Paper component="li" key={r.instanceId} withBorder p="sm">
                    <Text fw={600}>{r.unitName}</Text>
                    <Group gap={6} my={4}>
                      {stateBadge(r)}
                      <Text size="sm">{r.periodLabel}</Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {[
                        r.version > 0 ? t('reports.status.versionN', { n: r.version }) : null,
                        r.submittedOn ? formatDate(r.submittedOn) : null,
                        r.daysLate ? t('home.daysLate', { n: formatNumber(r.daysLate) }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                    <Open row={r} />
                  </Paper>
                ))}
              </Stack>
            )}
            {pages > 1 && (
              <Group justify="center">
                <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })} />
              </Group>
            )}
          </Stack>
        </Paper>
      </Stack>
      {urging && <UrgeModal status={s} period={period} onClose={() => setUrging(false)} />}
    </>
  );
}
