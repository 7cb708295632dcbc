import { Anchor, Badge, Button, EmptyState, Group, Paper, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { IconClipboardList, IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PlanListItem } from '#shared/plans.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import type { Column } from '../../components/DataTable.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import layout from '../../components/layout.module.css';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { firstNonEmpty, useChoiceParam } from '../../components/use-choice-param.ts';
import { mayWrite, useMe } from '../../components/use-me.ts';
import { usePagedSearch } from '../../components/use-paged-search.ts';
import { ImplementingAction } from './ImplementingAction.tsx';
import { LIST_FILTERS, statusOfFilter } from './plan-lifecycle.ts';
import type { ListFilter } from './plan-lifecycle.ts';
import { PLANS_PAGE, usePlans } from './plan-queries.ts';
import type { PlanListView } from './plan-queries.ts';
import { PlanBadges } from './PlanBadges.tsx';

function StatusBadges({ p }: { p: PlanListItem }) {
  return (
    <Group gap={4}>
      <PlanBadges plan={p} />
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

/** The columns of a list of plans: those a unit carries out show its progress and its own plan, those it issued their state. */
function usePlanColumns(view: PlanListView, unitId: string, canWrite: boolean): Column<PlanListItem>[] {
  const { t } = useTranslation();
  const carry = view === 'to_carry_out';
  const plan: Column<PlanListItem> = {
    key: 'plan',
    header: t('plans.list.plan'),
    cell: (p) => (
      <>
        <PlanLink p={p} />
        {carry && (
          <Text size="xs" c="dimmed">
            {p.unitName}
          </Text>
        )}
      </>
    ),
  };
  const issued: Column<PlanListItem> = { key: 'issued', header: t('plans.fields.issuedOn'), th: { w: 130 }, cell: (p) => formatDate(p.issuedOn) };
  if (!carry) return [plan, issued, { key: 'status', header: t('plans.list.status'), th: { w: 170 }, cell: (p) => <StatusBadges p={p} /> }];
  return [
    plan,
    issued,
    { key: 'progress', header: t('plans.list.progress'), th: { w: 220 }, cell: (p) => <Progress p={p} /> },
    { key: 'own', header: t('plans.list.ownPlan'), th: { w: 260 }, cell: (p) => <ImplementingAction plan={p} unitId={unitId} canWrite={canWrite} /> },
  ];
}

/** A plan on a phone: the same as a row of the table, one under the other. */
function PlanCard({ p, view, unitId, canWrite }: { p: PlanListItem; view: PlanListView; unitId: string; canWrite: boolean }) {
  const carry = view === 'to_carry_out';
  return (
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
  );
}

const VIEWS = ['issued', 'to_carry_out'] as const satisfies readonly PlanListView[];

/** The acting unit's plans: those it issued (drafts included) and those it must carry out. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const acting = useActingUnit();
  const [params] = useSearchParams();
  // Without a tab in the address, open on the first tab that holds a plan.
  const counted = !params.get('view');
  const issuedFirst = usePlans(counted ? acting.unitId : null, 'issued', '', 1);
  const carryFirst = usePlans(counted ? acting.unitId : null, 'to_carry_out', '', 1);
  const total = (q: typeof issuedFirst) => q.data?.total ?? (q.isError ? 0 : undefined);
  const opening = firstNonEmpty(VIEWS, { issued: total(issuedFirst), to_carry_out: total(carryFirst) });
  const [view, setView, { explicit }] = useChoiceParam('view', VIEWS, opening ?? VIEWS[0]);
  const list = usePagedSearch(PLANS_PAGE);
  // Plans in force, or the cancelled ones ("Đã thu hồi"), which no longer ask anything of anyone.
  const [filter, setFilter] = useState<ListFilter>('current');
  const plans = usePlans(acting.unitId, view, list.q, list.page, statusOfFilter(filter));
  const canWrite = mayWrite(me, acting.unitId);
  const columns = usePlanColumns(view, acting.unitId ?? '', canWrite);

  if (acting.loading || (!explicit && acting.unitId && opening === undefined)) return <PageLoader />;
  if (!acting.unitId) {
    return <EmptyState icon={<IconClipboardList size={40} aria-hidden />} title={t('plans.noUnitTitle')} description={t('plans.noUnitBody')} py="xl" />;
  }
  const unitId = acting.unitId;

  const label = view === 'to_carry_out' ? t('plans.list.toCarryOut') : t('plans.list.issued');
  const card = (p: PlanListItem) => <PlanCard p={p} view={view} unitId={unitId} canWrite={canWrite} />;
  const empty = (
    <EmptyState
      icon={<IconClipboardList size={40} aria-hidden />}
      title={t('plans.list.emptyTitle')}
      description={
        list.q ? t('plans.list.noMatch') : filter === 'cancelled' ? t('plans.list.emptyCancelled') : view === 'issued' ? t('plans.list.emptyIssued') : t('plans.list.emptyToCarryOut')
      }
      py="lg"
    />
  );
  const count = (total: number) => t('plans.list.count', { n: formatNumber(total) });
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
          setView(v);
          list.firstPage();
        }}
      >
        <Tabs.List mb="md" className={layout.tabList}>
          <Tabs.Tab value="issued">{t('plans.list.issued')}</Tabs.Tab>
          <Tabs.Tab value="to_carry_out">{t('plans.list.toCarryOut')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput label={t('plans.list.search')} placeholder={t('plans.list.searchPlaceholder')} value={list.text} onChange={list.search} maw={420} style={{ flexGrow: 1 }} />
            <SegmentedControl
              aria-label={t('plans.list.filter')}
              value={filter}
              onChange={(v) => {
                setFilter(LIST_FILTERS.find((f) => f === v) ?? 'current');
                list.firstPage();
              }}
              data={LIST_FILTERS.map((f) => ({ value: f, label: t(`plans.list.filter_${f}`) }))}
            />
          </Group>
          <PagedTable query={plans} label={label} columns={columns} minWidth={760} card={card} empty={empty} count={count} paging={list.paging} />
        </Stack>
      </Paper>
    </>
  );
}
