import { Anchor, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconClipboardText, IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MyRounds, RoundList } from '#shared/personal-plans.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { CardList } from '../../components/CardList.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { usePaging } from '../../components/use-paged-search.ts';
import { mayWrite, useMe } from '../../components/use-me.ts';
import { LaunchRoundModal } from './LaunchRoundModal.tsx';
import { useMyRounds, useRounds, ROUNDS_PAGE } from './personal-plan-queries.ts';
import { PlanBadges } from './PlanBadges.tsx';
import { usePlanLabels } from './plan-labels.ts';
import { PledgeSignModal } from './PledgeSignModal.tsx';

/** "Kế hoạch cá nhân": what the rounds ask of the signed-in member, then the rounds of the unit they act for. */
export function PersonalPlansPage() {
  const { t } = useTranslation();
  const acting = useActingUnit();
  return (
    <>
      <PageHeader title={t('personalPlans.title')} subtitle={t('personalPlans.subtitle')} />
      <Stack gap="lg">
        <MyRoundsSection />
        {acting.unitId && <UnitRounds key={acting.unitId} unitId={acting.unitId} unitName={acting.unitName ?? ''} />}
      </Stack>
    </>
  );
}

type Mine = MyRounds['items'][number];

function MyRoundsSection() {
  const { t } = useTranslation();
  const mine = useMyRounds();
  const [signing, setSigning] = useState<{ item: Mine; personId: string } | null>(null);
  return (
    <Section title={t('personalPlans.mine.title')} id="my-rounds">
      <Loaded query={mine}>
        {(data) =>
          data.personId === null ? (
            <Hint>{t('personalPlans.mine.noPerson')}</Hint>
          ) : data.items.length === 0 ? (
            <EmptyState icon={<IconClipboardText size={36} aria-hidden />} title={t('personalPlans.mine.empty')} description={t('personalPlans.mine.emptyBody')} py="md" />
          ) : (
            <CardList items={data.items} label={t('personalPlans.mine.title')} itemKey={(x) => x.round.id} cardProps={(x) => ({ 'aria-label': x.round.title })}>
              {(x) => <MyRoundCard item={x} personId={data.personId!} onSign={() => setSigning({ item: x, personId: data.personId! })} />}
            </CardList>
          )
        }
      </Loaded>
      {signing && <PledgeSignModal roundId={signing.item.round.id} personId={signing.personId} pledgeText={signing.item.round.pledgeText ?? ''} self onClose={() => setSigning(null)} />}
    </Section>
  );
}

function MyRoundCard({ item, personId, onSign }: { item: Mine; personId: string; onSign: () => void }) {
  const { t } = useTranslation();
  const l = usePlanLabels();
  const r = item.round;
  const pledge = r.kind === 'pledge';
  return (
    <Stack gap={6}>
      {pledge ? (
        <Text fw={600}>{r.title}</Text>
      ) : (
        <Anchor component={Link} to={`/personal-plans/rounds/${r.id}/plans/${personId}`} fw={600}>
          {r.title}
        </Anchor>
      )}
      <PlanBadges state={item.state} kind={r.kind} signedOn={item.signedOn} formLabel={item.formLabel} late={item.late} />
      <Hint>
        {[l.kind(r.kind), r.unitName, r.submitBy && t(pledge ? 'personalPlans.signBy' : 'personalPlans.submitBy', { date: formatDate(r.submitBy) })].filter(Boolean).join(' · ')}
      </Hint>
      {pledge && !item.signedOn && (
        <Group>
          <Button size="sm" onClick={onSign}>
            {t('personalPlans.pledge.sign')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type RoundRow = RoundList['items'][number];

/** The rounds that reach the unit, a page at a time, with the unit's figures; who may write the unit launches one. */
function UnitRounds({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const l = usePlanLabels();
  const me = useMe().data;
  const { page, paging } = usePaging(ROUNDS_PAGE);
  const rounds = useRounds(unitId, page);
  const [launching, setLaunching] = useState(false);
  const open = (r: RoundRow) => `/personal-plans/rounds/${r.id}?unit=${unitId}`;
  const share = (n: number, of: number, pct: number | null) => `${formatNumber(n)}/${formatNumber(of)}${pct === null ? '' : ` (${pct}%)`}`;
  const columns: Column<RoundRow>[] = [
    {
      key: 'title',
      header: t('personalPlans.rounds.round'),
      rowHeader: true,
      cell: (r) => (
        <Anchor component={Link} to={open(r)}>
          {r.title}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('personalPlans.rounds.kind'), cell: (r) => l.kind(r.kind) },
    { key: 'unit', header: t('personalPlans.rounds.launchedBy'), cell: (r) => r.unitName },
    { key: 'due', header: t('personalPlans.rounds.deadline'), nowrap: true, cell: (r) => formatDate(r.submitBy) },
    { key: 'submitted', header: t('personalPlans.rounds.submitted'), numeric: true, nowrap: true, cell: (r) => share(r.coverage.submitted, r.coverage.must, r.coverage.percentSubmitted) },
    { key: 'confirmed', header: t('personalPlans.rounds.confirmed'), numeric: true, nowrap: true, cell: (r) => (r.kind === 'pledge' ? '—' : share(r.coverage.confirmed, r.coverage.must, r.coverage.percentConfirmed)) },
    { key: 'late', header: t('personalPlans.rounds.late'), numeric: true, cell: (r) => formatNumber(r.coverage.late) },
  ];
  return (
    <Section
      title={t('personalPlans.rounds.title', { unit: unitName })}
      id="unit-rounds"
      action={mayWrite(me, unitId) && (
        <Button leftSection={<IconRocket size={18} aria-hidden />} onClick={() => setLaunching(true)}>
          {t('personalPlans.launch.open')}
        </Button>
      )}
    >
      <Stack gap="xs">
        <PagedTable
          query={rounds}
          label={t('personalPlans.rounds.title', { unit: unitName })}
          columns={columns}
          minWidth={760}
          empty={<Hint>{t('personalPlans.rounds.empty')}</Hint>}
          count={(n) => t('personalPlans.rounds.count', { count: n, n: formatNumber(n) })}
          paging={paging}
          card={(r) => (
            <Stack gap={4}>
              <Anchor component={Link} to={open(r)} fw={600}>
                {r.title}
              </Anchor>
              <Hint>{[l.kind(r.kind), r.unitName, r.submitBy && t('personalPlans.submitBy', { date: formatDate(r.submitBy) })].filter(Boolean).join(' · ')}</Hint>
              <Text size="sm">
                {t(r.kind === 'pledge' ? 'personalPlans.rounds.cardFiguresPledge' : 'personalPlans.rounds.cardFigures', {
                  submitted: share(r.coverage.submitted, r.coverage.must, r.coverage.percentSubmitted),
                  confirmed: share(r.coverage.confirmed, r.coverage.must, r.coverage.percentConfirmed),
                  late: formatNumber(r.coverage.late),
                })}
              </Text>
            </Stack>
          )}
        />
      </Stack>
      {launching && <LaunchRoundModal unitId={unitId} onClose={() => setLaunching(false)} />}
    </Section>
  );
}
