import { Anchor, Badge, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { INSTANCE_STATUS_LABELS, OBLIGATION_STATUS_LABELS } from '#shared/reports.ts';
import { CardList } from '../CardList.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { useLang } from '../use-lang.ts';
import { DEADLINE_COLORS } from './work-items.ts';
import type { WorkItem } from './work-items.ts';
import classes from './work.module.css';

interface Props {
  items: WorkItem[];
  label: string;
  /** Tasks can be chosen for one action on many (and opened to update). */
  selectable?: boolean;
  selected?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  onOpenTask?: (item: WorkItem) => void;
  /** The item to bring into view (a notification's link). */
  highlight?: string | null;
  /** Leave out the plan of each item (the list is one plan's). */
  hidePlan?: boolean;
}

/** What a unit must do, one card per task or report: its plan, period, due date and how late it is. */
export function WorkList({ items, label, selectable, selected, onToggle, onOpenTask, highlight, hidePlan }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  // Overdue work stands out; the item a notification points to is ringed and can be scrolled to.
  const card = (x: WorkItem) => ({
    className: `${classes.item} ${x.status === 'overdue' ? classes.late : ''} ${highlight === x.id ? classes.highlight : ''}`,
    id: `work-${x.id}`,
    'aria-label': x.title,
  });
  return (
    <CardList items={items} label={label} itemKey={(x) => `${x.kind}-${x.id}`} cardProps={card}>
      {(x) => {
        const overdue = x.status === 'overdue';
        return (
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {selectable && x.kind === 'task' && (
              <Checkbox
                size="md"
                mt={2}
                checked={selected?.has(x.id) ?? false}
                onChange={() => onToggle?.(x.id)}
                aria-label={t('home.choose', { title: x.title })}
              />
            )}
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="sm" variant="light" color={x.kind === 'task' ? 'blue' : 'grape'} tt="none" radius="sm" style={{ flexShrink: 0 }} mt={2}>
                  {x.kind === 'task' ? t('home.task') : t('home.report')}
                </Badge>
                {x.kind === 'report' ? (
                  <Anchor component={Link} to={`/obligation-instances/${x.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {x.title}
                  </Anchor>
                ) : onOpenTask ? (
                  <UnstyledButton onClick={() => onOpenTask(x)} className={classes.taskTitle} aria-label={t('home.updateTask', { title: x.title })}>
                    {x.title}
                  </UnstyledButton>
                ) : (
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {x.title}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {!hidePlan && (
                  <>
                    <Anchor component={Link} to={`/plans/${x.planId}`} size="xs" c="dimmed" td="underline">
                      {x.planNumber ?? x.planTitle ?? t('plans.noNumber')}
                    </Anchor>
                    {' · '}
                  </>
                )}
                {x.periodLabel}
              </Text>
              {x.task?.progressNote && (
                <Text size="xs" lineClamp={2}>
                  {t('home.lastNote', { note: x.task.progressNote })}
                </Text>
              )}
              <Group gap={6}>
                <Badge variant="light" color={DEADLINE_COLORS[x.status]} tt="none" radius="sm">
                  {INSTANCE_STATUS_LABELS[x.status][lang]}
                </Badge>
                {x.report && x.report.status !== 'pending' && (
                  <Badge variant="outline" color={x.report.status === 'returned' ? 'orange' : 'gray'} tt="none" radius="sm">
                    {OBLIGATION_STATUS_LABELS[x.report.status][lang]}
                  </Badge>
                )}
                <Text size="sm" fw={overdue ? 600 : 400} c={overdue ? 'red.8' : undefined}>
                  {x.dueDate ? t('home.due', { date: formatDate(x.dueDate) }) : t('home.noDue')}
                  {overdue && x.daysLate !== null && ` · ${t('home.daysLate', { n: formatNumber(x.daysLate) })}`}
                </Text>
              </Group>
            </Stack>
          </Group>
        );
      }}
    </CardList>
  );
}
