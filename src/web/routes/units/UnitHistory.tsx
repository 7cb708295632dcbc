import { Anchor, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowsSplit, IconArrowsJoin, IconCirclePlus, IconPencil, IconArrowMoveRight, IconCircleX, IconPoint } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitDetail } from '#shared/units.ts';

import { Bullets } from '../../components/Bullets.tsx';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';
import { formatViDate } from '#core/text/dates.ts';

type Event = UnitDetail['events'][number];
type Named = { id: string; name: string };

const ICONS: Record<string, ReactNode> = {
  create: <IconCirclePlus size={14} aria-hidden />,
  rename: <IconPencil size={14} aria-hidden />,
  move: <IconArrowMoveRight size={14} aria-hidden />,
  merge: <IconArrowsJoin size={14} aria-hidden />,
  split: <IconArrowsSplit size={14} aria-hidden />,
  dissolve: <IconCircleX size={14} aria-hidden />,
};

function UnitLinks({ units, selfId }: { units: Named[]; selfId: string }) {
  return (
    <>
      {units.map((u, i) => (
        <Fragment key={u.id}>
          {i > 0 && ', '}
          {u.id === selfId ? (
            <strong>{u.name}</strong>
          ) : (
            <Anchor component={Link} to={`/units/${u.id}`}>
              {u.name || '…'}
            </Anchor>
          )}
        </Fragment>
      ))}
    </>
  );
}

/** What an event did, in a sentence with links to the units on each side. */
function EventText({ event, selfId }: { event: Event; selfId: string }) {
  const { t } = useTranslation();
  const { before, after } = event;
  switch (event.kind) {
    case 'create':
      return <>{t('units.history.create')}: <UnitLinks units={after} selfId={selfId} /></>;
    case 'rename':
      return <>{t('units.history.rename')}{event.note ? `: ${event.note}` : ''}</>;
    case 'move':
      return (
        <>
          {t('units.history.move')}: <UnitLinks units={before.slice(0, 1)} selfId={selfId} />
          {before[1] && <> — {t('units.history.from')} <UnitLinks units={[before[1]]} selfId={selfId} /></>}
          {after[1] && <> {t('units.history.to')} <UnitLinks units={[after[1]]} selfId={selfId} /></>}
        </>
      );
    case 'merge':
      return <>{t('units.history.merge')}: <UnitLinks units={before} selfId={selfId} /> → <UnitLinks units={after} selfId={selfId} /></>;
    case 'split':
      return <>{t('units.history.split')}: <UnitLinks units={before} selfId={selfId} /> → <UnitLinks units={after} selfId={selfId} /></>;
    case 'dissolve':
      return <>{t('units.history.dissolve')}: <UnitLinks units={before} selfId={selfId} /></>;
    default:
      return <>{event.kind}</>;
  }
}

/** Restructuring history: the unit's events and the units merged into it (their history stays reachable). */
export function UnitHistory({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Section title={t('units.historyTitle')} id="history-title" titleGap="md">
        {unit.events.length === 0 ? (
          <Hint>{t('units.noHistory')}</Hint>
        ) : (
          <Timeline bulletSize={24} lineWidth={2} active={unit.events.length}>
            {unit.events.map((e) => (
              <Timeline.Item key={e.id} bullet={ICONS[e.kind] ?? <IconPoint size={14} aria-hidden />} title={formatViDate(e.occurredOn)}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <EventText event={e} selfId={unit.id} />
                </Text>
                {e.note && e.kind !== 'rename' && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {e.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Section>
      <Section title={t('units.absorbed')} id="absorbed-title">
        <Bullets items={unit.absorbed} itemKey={(a) => a.id} empty={t('units.noAbsorbed')} gap={6}>
          {(a) => (
            <>
              <Anchor component={Link} to={`/units/${a.id}`}>
                {a.name}
              </Anchor>
              {a.validTo && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  — {t('units.mergedOn', { date: formatViDate(a.validTo) })}
                </Text>
              )}
            </>
          )}
        </Bullets>
      </Section>
    </Stack>
  );
}
