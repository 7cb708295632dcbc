import { Anchor, Badge, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useActingUnit } from '../../components/acting-unit.ts';
import { CardList } from '../../components/CardList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

import { Hint } from '../../components/Hint.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useMeetingLabels } from './meeting-labels.ts';
import { useUpcoming } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { formatDate } from '../../components/format.ts';

/** The sessions planned in the subtree of the unit the user acts for: to attend or supervise. */
export function UpcomingPage() {
  const { t } = useTranslation();
  const ml = useMeetingLabels();
  const acting = useActingUnit();
  const data = useUpcoming(acting.unitId ?? '');
  if (acting.loading || (acting.unitId && data.isPending)) return <PageLoader />;
  if (!acting.unitId) return null;
  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const items = data.data!.items;
  return (
    <>
      <PageHeader title={t('meetings.upcoming.title')} subtitle={t('meetings.upcoming.subtitle', { unit: acting.unitName })} />
      <MeetingsNav />
      {items.length === 0 ? (
        <EmptyState icon={<IconCalendarEvent size={40} aria-hidden />} title={t('meetings.upcoming.empty')} py="lg" />
      ) : (
        <CardList items={items} label={t('meetings.upcoming.title')} itemKey={(m) => m.id}>
          {(m) => (
            <>
              <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
                <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                  <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
                    {m.title}
                  </Anchor>
                  <Text size="sm">{m.unitName}</Text>
                  <Hint>{[ml.kind(m.kind), formatDate(m.date), m.startTime, m.place].filter(Boolean).join(' · ')}</Hint>
                </Stack>
                <Group gap={6}>
                  {m.notice.state === 'sent' && <Badge color="green" variant="light">{t('meetings.upcoming.sent')}</Badge>}
                  {m.notice.warning && <Badge color="orange">{t('meetings.noticeLate')}</Badge>}
                  {m.myRole && <Badge color="blue">{t('meetings.upcoming.registered', { role: ml.observer(m.myRole) })}</Badge>}
                </Group>
              </Group>
            </>
          )}
        </CardList>
      )}
    </>
  );
}
