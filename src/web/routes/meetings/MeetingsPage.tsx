import { Anchor, Badge, Button, EmptyState, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatViDate } from '../../../core/text/dates.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import { coverageText, useMeetingLabels } from './meeting-labels.ts';
import { MEETINGS_PAGE, useMeetings } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';

/** The study sessions and cell meetings of the unit the user acts for, newest first. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const acting = useActingUnit();
  const unit = useUnit(acting.unitId);
  if (acting.loading || (acting.unitId && unit.isPending)) return <PageLoader />;
  if (!acting.unitId) return <EmptyState icon={<IconCalendarEvent size={40} aria-hidden />} title={t('meetings.noUnit')} py="xl" />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data!;
  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        ancestors={u.ancestors}
        current={{ id: u.id, name: u.name }}
        subtitle={t('meetings.subtitle', { unit: u.name })}
        actions={
          u.validTo === null && (
            <Button component={Link} to="/meetings/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('meetings.plan')}
            </Button>
          )
        }
      />
      <MeetingsNav />
      <MeetingList key={u.id} unitId={u.id} />
    </>
  );
}

function MeetingList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const labels = useMeetingLabels();
  const [page, setPage] = useState(1);
  const list = useMeetings(unitId, page);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState icon={<IconCalendarEvent size={40} aria-hidden />} title={t('meetings.emptyTitle')} description={t('meetings.emptyBody')} py="lg" />;
  const pages = Math.max(1, Math.ceil(list.data.total / MEETINGS_PAGE));
  return (
    <Stack gap="xs">
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('meetings.listLabel')}>
        {list.data.items.map((m) => (
          <Paper component="li" key={m.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                <Anchor component={Link} to={`/meetings/${m.id}`} fw={600} py={4} style={{ overflowWrap: 'anywhere' }}>
                  {m.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {[labels.kind(m.kind), formatViDate(m.date), m.startTime, m.place].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Group gap={6}>
                <Badge variant="light" color={m.status === 'held' ? 'green' : m.status === 'cancelled' ? 'gray' : 'blue'}>{labels.status(m.status)}</Badge>
                {m.notice.warning && <Badge color="orange">{t('meetings.noticeLate')}</Badge>}
              </Group>
            </Group>
            {m.kind === 'study' && m.status !== 'cancelled' && (
              <Text size="sm" mt={4}>
                {t('meetings.studied')}: <strong>{coverageText(m.coverage)}</strong>
                {m.makeupCount > 0 && ` · ${t('meetings.makeupCount', { count: m.makeupCount })}`}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })} />
        </Group>
      )}
    </Stack>
  );
}
