import { Button, EmptyState, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Stat } from '../../components/Stat.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import { mayWrite, useMe } from '../../components/use-me.ts';
import { TaskUpdateModal } from '../../components/work/TaskUpdateModal.tsx';
import { openWork } from '../../components/work/work-items.ts';
import type { WorkItem } from '../../components/work/work-items.ts';
import { useUnitObligations, useUnitTasks } from '../../components/work/work-queries.ts';
import { WorkList } from '../../components/work/WorkList.tsx';
import classes from './home.module.css';
import { BelowDay, useDueBelow } from './BelowDay.tsx';
import { belowMarks } from './month-grid.ts';
import { MonthCalendar } from './MonthCalendar.tsx';
import { ReceivedReports } from './ReceivedReports.tsx';

/**
 * "Việc cần làm": the acting unit's open tasks and reports by due date, overdue first, as a list or
 * a month calendar; several tasks can be marked done in one action with one note and evidence.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const acting = useActingUnit();
  const [params] = useSearchParams();
  const highlight = params.get('task');
  const tasks = useUnitTasks(acting.unitId);
  const reports = useUnitObligations(acting.unitId, 'open');
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const today = todayIso();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [day, setDay] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [updating, setUpdating] = useState<{ items: WorkItem[]; mode: 'single' | 'bulk' } | null>(null);
  const canWrite = mayWrite(me, acting.unitId);
  // The staff of a unit with units below it also see, on the calendar, what falls due below them.
  const unit = useUnit(canWrite ? acting.unitId : null);
  const staffBelow = canWrite && (unit.data?.childCount ?? 0) > 0;
  const dueBelow = useDueBelow(acting.unitId, month, staffBelow && view === 'calendar');

  const items = useMemo(() => openWork(tasks.data?.items ?? [], reports.data?.items ?? []), [tasks.data, reports.data]);
  const marks = useMemo(() => (staffBelow && dueBelow.data ? belowMarks(dueBelow.data.days, today) : undefined), [staffBelow, dueBelow.data, today]);

  useEffect(() => {
    if (highlight && items.some((x) => x.id === highlight)) document.getElementById(`work-${highlight}`)?.scrollIntoView({ block: 'center' });
  }, [highlight, items]);

  if (acting.loading) return <PageLoader />;
  if (!acting.unitId) {
    return <EmptyState icon={<IconChecklist size={40} aria-hidden />} title={t('plans.noUnitTitle')} description={t('plans.noUnitBody')} py="xl" />;
  }

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosen = items.filter((x) => x.kind === 'task' && selected.has(x.id));
  const overdue = items.filter((x) => x.status === 'overdue').length;
  const soon = items.filter((x) => x.status === 'due_soon').length;
  const dayItems = day ? items.filter((x) => x.dueDate === day) : [];
  const loading = tasks.isPending || reports.isPending;
  const error = tasks.error ?? reports.error;

  return (
    <>
      <PageHeader title={t('home.title')} subtitle={t('home.subtitle', { unit: acting.unitName })} />
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => {
            void tasks.refetch();
            void reports.refetch();
          }}
        />
      ) : loading ? (
        <PageLoader />
      ) : (
        <Stack gap="md">
          {canWrite && <ReceivedReports unitId={acting.unitId} />}
          <SimpleGrid cols={{ base: 3 }} spacing="sm" maw={560}>
            <Stat label={t('home.overdue')} value={overdue} color="red.8" />
            <Stat label={t('home.dueSoon')} value={soon} color="orange.8" />
            <Stat label={t('home.open')} value={items.length} />
          </SimpleGrid>
          <SegmentedControl
            aria-label={t('home.viewAs')}
            value={view}
            onChange={(v) => setView(v as 'list' | 'calendar')}
            data={[
              { value: 'list', label: t('home.list') },
              { value: 'calendar', label: t('home.calendar') },
            ]}
            w="fit-content"
          />
          {items.length === 0 && view === 'list' ? (
            <EmptyState icon={<IconCircleCheck size={40} aria-hidden />} title={t('home.emptyTitle')} description={t('home.emptyBody')} py="lg" />
          ) : view === 'list' ? (
            <WorkList
              items={items}
              label={t('home.listLabel')}
              selectable={canWrite}
              selected={selected}
              onToggle={toggle}
              onOpenTask={canWrite ? (x) => setUpdating({ items: [x], mode: 'single' }) : undefined}
              highlight={highlight}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <Paper withBorder p="sm">
                <MonthCalendar items={items} month={month} onMonth={setMonth} today={today} selectedDay={day} onSelectDay={setDay} below={marks} />
                {dueBelow.isError && <ErrorAlert error={dueBelow.error} onRetry={() => void dueBelow.refetch()} />}
              </Paper>
              <Stack gap="xs">
                <Title order={2} fz="h5">
                  {day ? t('home.dueOn', { date: formatDate(day) }) : t('home.pickDay')}
                </Title>
                {day && dayItems.length === 0 && (
                  <Hint>{t('home.nothingThatDay')}</Hint>
                )}
                {dayItems.length > 0 && (
                  <WorkList
                    items={dayItems}
                    label={t('home.dueOn', { date: formatDate(day) })}
                    selectable={canWrite}
                    selected={selected}
                    onToggle={toggle}
                    onOpenTask={canWrite ? (x) => setUpdating({ items: [x], mode: 'single' }) : undefined}
                  />
                )}
                {day && staffBelow && acting.unitId && <BelowDay key={day} unitId={acting.unitId} day={day} mark={marks?.get(day)} />}
              </Stack>
            </SimpleGrid>
          )}
          {chosen.length > 0 && (
            <div className={classes.bulkBar} role="region" aria-label={t('home.bulkBar')}>
              <Group justify="space-between" gap="sm">
                <Text size="sm" fw={600}>
                  {t('home.chosen', { n: chosen.length })}
                </Text>
                <Group gap="xs">
                  <Button variant="default" onClick={() => setSelected(new Set())}>
                    {t('home.clearChoice')}
                  </Button>
                  <Button leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={() => setUpdating({ items: chosen, mode: 'bulk' })}>
                    {t('home.markDone', { n: chosen.length })}
                  </Button>
                </Group>
              </Group>
            </div>
          )}
        </Stack>
      )}
      {updating && (
        <TaskUpdateModal
          tasks={updating.items.map((x) => x.task).filter((x): x is NonNullable<typeof x> => !!x)}
          mode={updating.mode}
          onClose={() => setUpdating(null)}
          onDone={() => setSelected(new Set())}
        />
      )}
    </>
  );
}
