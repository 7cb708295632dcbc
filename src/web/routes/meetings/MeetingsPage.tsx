import { Anchor, Badge, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MeetingList } from '#shared/meetings.ts';
import { ActingUnitPage } from '../../components/ActingUnitPage.tsx';

import { Hint } from '../../components/Hint.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePaging } from '../../components/use-paged-search.ts';
import { coverageText, useMeetingLabels } from './meeting-labels.ts';
import { MEETINGS_PAGE, useMeetings } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { formatDate } from '../../components/format.ts';

/** The study sessions and cell meetings of the unit the user acts for, newest first. */
export function MeetingsPage() {
  const { t } = useTranslation();
  return (
    <ActingUnitPage none={<EmptyState icon={<IconCalendarEvent size={40} aria-hidden />} title={t('meetings.noUnit')} py="xl" />}>
      {(u) => (
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
          <UnitMeetings key={u.id} unitId={u.id} />
        </>
      )}
    </ActingUnitPage>
  );
}

function UnitMeetings({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { page, paging } = usePaging(MEETINGS_PAGE);
  const list = useMeetings(unitId, page);
  const empty = <EmptyState icon={<IconCalendarEvent size={40} aria-hidden />} title={t('meetings.emptyTitle')} description={t('meetings.emptyBody')} py="lg" />;
  return (
    <Stack gap="xs">
      <PagedTable query={list} label={t('meetings.listLabel')} card={(m) => <MeetingCard m={m} />} empty={empty} paging={paging} />
    </Stack>
  );
}

function MeetingCard({ m }: { m: MeetingList['items'][number] }) {
  const { t } = useTranslation();
  const labels = useMeetingLabels();
  return (
    <>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Anchor component={Link} to={`/meetings/${m.id}`} fw={600} py={4} style={{ overflowWrap: 'anywhere' }}>
            {m.title}
          </Anchor>
          <Hint>{[labels.kind(m.kind), formatDate(m.date), m.startTime, m.place].filter(Boolean).join(' · ')}</Hint>
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
    </>
  );
}
