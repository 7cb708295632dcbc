import { Alert, Anchor, Badge, Group, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconHistory, IconInfoCircle, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { formatViDate } from '#core/text/dates.ts';
import { useLabels } from '../../components/labels.ts';
import layout from '../../components/layout.module.css';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useUnit } from '../../components/unit-queries.ts';
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

/** A unit: what it is, who leads it, its sub-units, its members and how it came to be. */
export function UnitPage({ membersPanel: MembersPanel }: UnitPageProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useRouteId();
  const unit = useUnit(id);
  const wide = useMediaQuery('(min-width: 36em)');
  const [tab, setTab] = useChoiceParam('tab', TABS);

  if (unit.isPending) return <PageLoader />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  const ended = u.validTo !== null;

  return (
    <>
      <PageHeader
        title={u.name}
        ancestors={u.ancestors}
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
        actions={u.permissions.manageUnits && !ended ? <UnitActions unit={u} /> : null}
      />
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
        value={tab}
        onChange={setTab}
        keepMounted={false}
      >
        <Tabs.List mb="md" className={layout.tabList}>
          <Tabs.Tab value="overview" leftSection={wide ? <IconInfoCircle size={18} aria-hidden /> : undefined}>
            {t('units.tabOverview')}
          </Tabs.Tab>
          <Tabs.Tab value="members" leftSection={wide ? <IconUsers size={18} aria-hidden /> : undefined}>
            {t('units.tabMembers')} ({formatNumber(u.memberCount)})
          </Tabs.Tab>
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
