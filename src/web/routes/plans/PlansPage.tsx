import { Anchor, Badge, Button, EmptyState, Group, Pagination, Paper, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconClipboardList, IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CONFIDENTIALITY_LABELS, PLAN_STATUS_LABELS } from '../../../shared/plans.ts';
import type { PlanListItem } from '../../../shared/plans.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import layout from '../../components/layout.module.css';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { mayWrite, useMe } from '../../components/use-me.ts';
import { ImplementingAction } from './ImplementingAction.tsx';
import { PLANS_PAGE, usePlans } from './plan-queries.ts';
import type { PlanListView } from './plan-queries.ts';
import { STATUS_COLORS } from './plan-words.ts';
import { useLang } from '../../components/use-lang.ts';

function StatusBadges({ p }: { p: PlanListItem }) {
  const lang = useLang();
  return (
    <Group gap={4}>
      <Badge variant="light" color={STATUS_COLORS[p.status]} tt="none" radius="sm">
        {PLAN_STATUS_LABELS[p.status][lang]}
      </Badge>
      {p.confidentiality === 'secret' && (
        <Badge variant="filled" color="red" tt="none" radius="sm">
          {CONFIDENTIALITY_LABELS.secret[lang]}
        </Badge>
      )}
    </Group>
  );
}

/** What the unit has done of a plan addressed to it: tasks done, reports sent, what is overdue. */
function Progress({ p }: { p: PlanListItem }) {
  const { t } = useTranslation();
  if (!p.progress) return null;
  const { tasks, reports } = p.progress;
  const overdue = tasks.overdue + reports.missing;
  return (
    <Stack gap={2}>
      <Text size="sm">{t('plans.list.tasksDone', { done: formatNumber(tasks.done), total: formatNumber(tasks.total) })}</Text>
      <Text size="sm">{t('plans.list.reportsSent', { done: formatNumber(reports.submitted), total: formatNumber(reports.expected) })}</Text>
      {overdue > 0 && (
        <Badge color="red" variant="light" tt="none" radius="sm" w="fit-content">
          {t('plans.list.overdue', { n: formatNumber(overdue) })}
        </Badge>
      )}
    </Stack>
  );
}

function PlanLink({ p }: { p: PlanListItem }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/plans/${p.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {p.number ?? t('plans.noNumber')}
      <Text span fw={400} c="var(--mantine-color-text)">
        {' — '}
        {p.title}
      </Text>
    </Anchor>
  );
}

function PlanTable({ items, view, unitId, canWrite }: { items: PlanListItem[]; view: PlanListView; unitId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const carry = view === 'to_carry_out';
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label={carry ? t('plans.list.toCarryOut') : t('plans.list.issued')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.list.plan')}</Table.Th>
            <Table.Th w={130}>{t('plans.fields.issuedOn')}</Table.Th>
            {carry ? (
              <>
                <Table.Th w={220}>{t('plans.list.progress')}</Table.Th>
                <Table.Th w={260}>{t('plans.list.ownPlan')}</Table.Th>
              </>
            ) : (
              <Table.Th w={170}>{t('plans.list.status')}</Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <PlanLink p={p} />
                {carry && (
                  <Text size="xs" c="dimmed">
                    {p.unitName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(p.issuedOn)}</Table.Td>
              {carry ? (
                <>
                  <Table.Td>
                    <Progress p={p} />
                  </Table.Td>
                  <Table.Td>
                    <ImplementingAction plan={p} unitId={unitId} canWrite={canWrite} />
                  </Table.Td>
                </>
              ) : (
                <Table.Td>
                  <StatusBadges p={p} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlanCards({ items, view, unitId, canWrite }: { items: PlanListItem[]; view: PlanListView; unitId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const carry = view === 'to_carry_out';
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={carry ? t('plans.list.toCarryOut') : t('plans.list.issued')}>
      {items.map((p) => (
        <Paper component="li" key={p.id} withBorder p="sm">
          <Stack gap={6}>
            <PlanLink p={p} />
            <Text size="xs" c="dimmed">
              {[carry ? p.unitName : null, p.issuedOn ? formatDate(p.issuedOn) : null].filter(Boolean).join(' · ')}
            </Text>
            {carry ? (
              <>
                <Progress p={p} />
                <ImplementingAction plan={p} unitId={unitId} canWrite={canWrite} />
              </>
            ) : (
              <StatusBadges p={p} />
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

const VIEWS: PlanListView[] = ['issued', 'to_carry_out'];

/** The acting unit's plans: those it issued (drafts included) and those it must carry out. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const acting = useActingUnit();
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'issued';
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const [page, setPage] = useState(1);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const plans = usePlans(acting.unitId, view, q, page);
  const canWrite = mayWrite(me, acting.unitId);

  if (acting.loading) return <PageLoader />;
  if (!acting.unitId) {
    return <EmptyState icon={<IconClipboardList size={40} aria-hidden />} title={t('plans.noUnitTitle')} description={t('plans.noUnitBody')} py="xl" />;
  }
  const total = plans.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PLANS_PAGE));
  const unitId = acting.unitId;

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        subtitle={t('plans.subtitle', { unit: acting.unitName })}
        actions={
          canWrite ? (
            <Button component={Link} to="/plans/new" leftSection={<IconFilePlus size={18} aria-hidden />}>
              {t('plans.create')}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={view}
        onChange={(v) => {
          setParams(v && v !== 'issued' ? { view: v } : {}, { replace: true });
          setPage(1);
        }}
      >
        <Tabs.List mb="md" className={layout.tabList}>
          <Tabs.Tab value="issued">{t('plans.list.issued')}</Tabs.Tab>
          <Tabs.Tab value="to_carry_out">{t('plans.list.toCarryOut')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('plans.list.search')}
            placeholder={t('plans.list.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
            maw={420}
          />
          {plans.isPending ? (
            <PageLoader />
          ) : plans.isError ? (
            <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
          ) : plans.data.items.length === 0 ? (
            <EmptyState
              icon={<IconClipboardList size={40} aria-hidden />}
              title={t('plans.list.emptyTitle')}
              description={q ? t('plans.list.noMatch') : view === 'issued' ? t('plans.list.emptyIssued') : t('plans.list.emptyToCarryOut')}
              py="lg"
            />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('plans.list.count', { n: formatNumber(total) })}
              </Text>
              {wide ? (
                <PlanTable items={plans.data.items} view={view} unitId={unitId} canWrite={canWrite} />
              ) : (
                <PlanCards items={plans.data.items} view={view} unitId={unitId} canWrite={canWrite} />
              )}
              {pages > 1 && (
                <Group justify="center">
                  <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })} />
                </Group>
              )}
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}
