import { Alert, Anchor, Badge, Button, Group, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconClockHour4, IconHistory, IconInfoCircle, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isIsoDate } from '#core/ids.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { formatViDate } from '#core/text/dates.ts';
import { useLabels } from '../../components/labels.ts';
import layout from '../../components/layout.module.css';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { unitHref, useUnit } from '../../components/unit-queries.ts';
import { useChoiceParam } from '../../components/use-choice-param.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { SubUnitList } from './SubUnitList.tsx';
import { UnitActions } from './UnitActions.tsx';
import { UnitHistory } from './UnitHistory.tsx';
import { UnitOverview } from './UnitOverview.tsx';

const TABS = ['overview', 'members', 'history'] as const;

export interface UnitPageProps {
  /** A unit's member list, from the members module; the route table hands it in so the two modules stay apart. */
  membersPanel: ComponentType<{ unitId: string; unitName: string; canManage: boolean }>;
}

/**
 * A unit: what it is, who leads it, its sub-units, its members and how it came to be; with ?on=, as
 * it stood that day (opened from the tree of a past date), its sub-units opening as of that day too.
 */
export function UnitPage({ membersPanel: MembersPanel }: UnitPageProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useRouteId();
  const [params] = useSearchParams();
  const raw = params.get('on');
  const on = raw && isIsoDate(raw) ? raw : null;
  const unit = useUnit(id, on);
  const wide = useMediaQuery('(min-width: 36em)');
  const [tab, setTab] = useChoiceParam('tab', TABS);

  if (unit.isPending) return <PageLoader />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  const ended = u.validTo !== null;
  // The members panel lists today's members: a page of a past day shows their count in the overview.
  const shown = on && tab === 'members' ? 'overview' : tab;

  return (
    <>
      <PageHeader
        title={u.name}
        ancestors={u.ancestors}
        crumbHref={(x) => unitHref(x, on)}
        subtitle={
          <Group gap={6}>
            <Badge variant="light" color="gray" radius="sm" tt="none">
              {labels.unitKind(u.kind)}
            </Badge>
            {u.shortName && <span>{u.shortName}</span>}
            {ended && (
              <Badge color="orange" variant="light" radius="sm" tt="none">
                {t('units.endedBadge')}
              </Badge>
            )}
          </Group>
        }
        actions={u.permissions.manageUnits && !ended && !on ? <UnitActions unit={u} /> : null}
      />
      {on && (
        <Alert color="yellow" icon={<IconClockHour4 aria-hidden />} p="sm" mb="md">
          <Group justify="space-between" gap="xs">
            <span>{t('units.unitOn', { date: formatViDate(on) })}</span>
            <Group gap="xs">
              <Button size="xs" variant="white" component={Link} to={`/units?on=${on}`}>
                {t('units.treeOfThatDay')}
              </Button>
              <Button size="xs" variant="white" component={Link} to={unitHref(u.id)}>
                {t('units.unitToday')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {ended && (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />} mb="md">
          {u.mergedInto ? (
            <>
              {t('units.mergedIntoOn', { date: formatViDate(u.validTo) })}{' '}
              <Anchor component={Link} to={`/units/${u.mergedInto.id}`} fw={600}>
                {u.mergedInto.name}
              </Anchor>
            </>
          ) : (
            t('units.endedOn', { date: formatViDate(u.validTo) })
          )}
        </Alert>
      )}
      <Tabs
        value={shown}
        onChange={setTab}
        keepMounted={false}
      >
        <Tabs.List mb="md" className={layout.tabList}>
          <Tabs.Tab value="overview" leftSection={wide ? <IconInfoCircle size={18} aria-hidden /> : undefined}>
            {t('units.tabOverview')}
          </Tabs.Tab>
          {!on && (
            <Tabs.Tab value="members" leftSection={wide ? <IconUsers size={18} aria-hidden /> : undefined}>
              {t('units.tabMembers')} ({formatNumber(u.memberCount)})
            </Tabs.Tab>
          )}
          <Tabs.Tab value="history" leftSection={wide ? <IconHistory size={18} aria-hidden /> : undefined}>
            {t('units.tabHistory')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <UnitOverview unit={u} />
          <SubUnitList unit={u} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersPanel unitId={u.id} unitName={u.name} canManage={u.permissions.manageMembers && !ended} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <UnitHistory unit={u} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
