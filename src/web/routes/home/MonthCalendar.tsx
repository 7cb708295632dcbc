import { ActionIcon, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { useLang } from '../../components/use-lang.ts';
import type { WorkItem } from '../../components/work/work-items.ts';
import classes from './home.module.css';
import type { BelowMark } from './month-grid.ts';
import { addMonths, monthGrid } from './month-grid.ts';
import { formatDate } from '../../components/format.ts';

interface Props {
  items: WorkItem[];
  /** "2022-03" */
  month: string;
  onMonth: (month: string) => void;
  today: string;
  selectedDay: string | null;
  onSelectDay: (day: string | null) => void;
  /** For the staff of a committee: what is still owed below on each day (belowMarks). */
  below?: Map<string, BelowMark>;
}

const WEEKDAYS = { vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

/** What a day says of the units below, in words: "3 báo cáo đơn vị trực thuộc quá hạn, 1 nhiệm vụ … quá hạn". */
export function belowText(t: (key: string, o: Record<string, unknown>) => string, mark: BelowMark): string {
  const parts: string[] = [];
  if (mark.reports > 0) parts.push(t(mark.late ? 'home.below.reportsLate' : 'home.below.reportsDue', { n: mark.reports }));
  if (mark.tasks > 0) parts.push(t(mark.late ? 'home.below.tasksLate' : 'home.below.tasksDue', { n: mark.tasks }));
  return parts.join(', ');
}

/**
 * A month of deadlines: each day shows how much of the unit's own work is due (red when something is
 * overdue) and, apart, what the units below still owe that day; a day opens its list.
 */
export function MonthCalendar({ items, month, onMonth, today, selectedDay, onSelectDay, below }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const days = monthGrid(month);
  const byDay = new Map<string, WorkItem[]>();
  for (const x of items) if (x.dueDate) byDay.set(x.dueDate, [...(byDay.get(x.dueDate) ?? []), x]);
  const [y, m] = month.split('-');
  const title = t('home.monthTitle', { month: Number(m), year: y });
  const weeks = Array.from({ length: 6 }, (_, w) => days.slice(w * 7, w * 7 + 7));

  return (
    <div>
      <Group justify="space-between" mb="xs">
        <ActionIcon variant="default" size="lg" onClick={() => onMonth(addMonths(month, -1))} aria-label={t('home.prevMonth')}>
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Text fw={600} aria-live="polite">
          {title}
        </Text>
        <ActionIcon variant="default" size="lg" onClick={() => onMonth(addMonths(month, 1))} aria-label={t('home.nextMonth')}>
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <table className={classes.calendar} aria-label={title}>
        <thead>
          <tr>
            {WEEKDAYS[lang].map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const due = byDay.get(day) ?? [];
                const late = due.some((x) => x.status === 'overdue');
                const mark = below?.get(day);
                const owed = mark ? mark.reports + mark.tasks : 0;
                const label = [
                  due.length > 0 ? t('home.dayItems', { date: formatDate(day), n: due.length }) : formatDate(day),
                  ...(mark ? [belowText(t, mark)] : []),
                ].join('; ');
                return (
                  <td key={day}>
                    <UnstyledButton
                      className={[
                        classes.day,
                        day.slice(0, 7) !== month ? classes.outside : '',
                        day === today ? classes.today : '',
                        day === selectedDay ? classes.selected : '',
                      ].join(' ')}
                      onClick={() => onSelectDay(day === selectedDay ? null : day)}
                      aria-label={label}
                      aria-pressed={day === selectedDay}
                    >
                      <Text size="sm" span>
                        {Number(day.slice(8))}
                      </Text>
                      {due.length > 0 && <span className={`${classes.count} ${late ? classes.countLate : ''}`}>{due.length}</span>}
                      {owed > 0 && <span className={`${classes.countBelow} ${mark?.late ? classes.countBelowLate : ''}`}>{owed}</span>}
                    </UnstyledButton>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {below && below.size > 0 && (
        <Group gap="md" mt="xs" aria-hidden>
          <Group gap={4}>
            <span className={classes.count}>1</span>
            <Text size="xs">{t('home.below.legendOwn')}</Text>
          </Group>
          <Group gap={4}>
            <span className={classes.countBelow}>1</span>
            <Text size="xs">{t('home.below.legendBelow')}</Text>
          </Group>
        </Group>
      )}
    </div>
  );
}
