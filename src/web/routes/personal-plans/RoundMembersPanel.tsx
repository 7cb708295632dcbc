import { Anchor, Button, Checkbox, Chip, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MEMBER_FILTERS } from '#shared/personal-plans.ts';
import type { RoundCoverage, RoundMemberRow } from '#shared/personal-plans.ts';
import { apiUrl } from '../../api-client.ts';
import type { Column } from '../../components/DataTable.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { Section } from '../../components/Section.tsx';
import { usePagedSearch } from '../../components/use-paged-search.ts';
import { MEMBERS_PAGE, useRoundMembers } from './personal-plan-queries.ts';
import type { MemberFilter } from './personal-plan-queries.ts';
import { PlanBadges } from './PlanBadges.tsx';
import { PledgeSignModal } from './PledgeSignModal.tsx';

/**
 * The members a round asks at a unit, for who may read their plans: by state (chips), found by
 * name without diacritics (searched by the server), a page at a time, each opening the plan — or,
 * in a pledge round, recording a pledge signed on paper.
 */
export function RoundMembersPanel({ r }: { r: RoundCoverage }) {
  const { t } = useTranslation();
  const round = r.round;
  const pledge = round.kind === 'pledge';
  const [filter, setFilter] = useState<MemberFilter>('all');
  const [subtree, setSubtree] = useState(false);
  const search = usePagedSearch(MEMBERS_PAGE);
  const members = useRoundMembers(round.id, r.unit.id, filter, search.q, search.page, subtree);
  const [signing, setSigning] = useState<RoundMemberRow | null>(null);
  const planHref = (m: RoundMemberRow) => `/personal-plans/rounds/${round.id}/plans/${m.personId}`;
  const filters = pledge ? MEMBER_FILTERS.filter((f) => f === 'all' || f === 'not_submitted' || f === 'submitted' || f === 'late') : MEMBER_FILTERS;

  const name = (m: RoundMemberRow) =>
    pledge ? (
      <Text fw={500}>{m.fullName}</Text>
    ) : (
      <Anchor component={Link} to={planHref(m)} fw={500}>
        {m.fullName}
      </Anchor>
    );
  const badges = (m: RoundMemberRow) => <PlanBadges state={m.state} kind={round.kind} signedOn={m.signedOn} late={m.late} leader={m.leader} onBehalf={m.onBehalf} />;
  const signButton = (m: RoundMemberRow) =>
    pledge && !m.signedOn ? (
      <Button size="xs" variant="light" leftSection={<IconSignature size={16} aria-hidden />} onClick={() => setSigning(m)} aria-label={t('personalPlans.pledge.recordFor', { name: m.fullName })}>
        {t('personalPlans.pledge.recordShort')}
      </Button>
    ) : null;
  const columns: Column<RoundMemberRow>[] = [
    { key: 'name', header: t('personalPlans.members.name'), rowHeader: true, cell: name },
    ...(subtree ? [{ key: 'unit', header: t('personalPlans.members.unit'), cell: (m: RoundMemberRow) => m.unitName }] : []),
    ...(pledge ? [] : [{ key: 'form', header: t('personalPlans.members.form'), cell: (m: RoundMemberRow) => m.formLabel ?? '—' }]),
    { key: 'state', header: t('personalPlans.members.state'), cell: badges },
    pledge
      ? { key: 'signed', header: t('personalPlans.members.signedOn'), nowrap: true, cell: (m) => formatDate(m.signedOn) }
      : { key: 'submitted', header: t('personalPlans.members.submittedOn'), nowrap: true, cell: (m) => formatDate(m.submittedOn) },
    ...(pledge ? [{ key: 'sign', header: '', cell: signButton }] : [{ key: 'confirmed', header: t('personalPlans.members.confirmedOn'), nowrap: true, cell: (m: RoundMemberRow) => formatDate(m.confirmedOn) }]),
  ];
  const hasChildren = r.children.length > 0;
  return (
    <Section
      title={t('personalPlans.members.title', { unit: r.unit.name })}
      id="round-members"
      action={
        <Button variant="default" size="xs" component="a" href={apiUrl(`/api/rounds/${round.id}/members.xlsx`, { unit: r.unit.id })} download leftSection={<IconDownload size={16} aria-hidden />}>
          {t('personalPlans.members.download')}
        </Button>
      }
    >
      <Stack gap="sm">
        <Chip.Group
          multiple={false}
          value={filter}
          onChange={(v) => {
            setFilter(v as MemberFilter);
            search.firstPage();
          }}
        >
          <Group gap={6} role="group" aria-label={t('personalPlans.members.filter')}>
            {filters.map((f) => (
              <Chip key={f} value={f} size="sm">
                {t(pledge ? `personalPlans.members.pledgeFilters.${f}` : `personalPlans.members.filters.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="sm" align="flex-end">
          <SearchInput label={t('personalPlans.members.search')} placeholder={t('personalPlans.members.searchPlaceholder')} value={search.text} onChange={search.search} style={{ flex: '1 1 14rem' }} />
          {hasChildren && (
            <Checkbox
              label={t('personalPlans.members.subtree')}
              checked={subtree}
              onChange={(e) => {
                setSubtree(e.currentTarget.checked);
                search.firstPage();
              }}
              mb={8}
            />
          )}
        </Group>
        <PagedTable
          query={members}
          label={t('personalPlans.members.title', { unit: r.unit.name })}
          rowKey={(m) => m.personId}
          columns={columns}
          minWidth={640}
          empty={<Hint>{search.q || filter !== 'all' ? t('personalPlans.members.noneFound') : t('personalPlans.members.empty')}</Hint>}
          count={(n) => t('personalPlans.members.count', { count: n, n: formatNumber(n) })}
          paging={search.paging}
          card={(m) => (
            <Stack gap={4}>
              {name(m)}
              {badges(m)}
              <Hint>
                {[
                  subtree && m.unitName,
                  !pledge && m.formLabel,
                  pledge ? m.signedOn && t('personalPlans.pledge.signedOn', { date: formatDate(m.signedOn) }) : m.submittedOn && t('personalPlans.members.submittedCard', { date: formatDate(m.submittedOn) }),
                  m.confirmedOn && t('personalPlans.members.confirmedCard', { date: formatDate(m.confirmedOn) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Hint>
              {signButton(m) && <Group>{signButton(m)}</Group>}
            </Stack>
          )}
        />
      </Stack>
      {signing && <PledgeSignModal roundId={round.id} personId={signing.personId} pledgeText={round.pledgeText ?? ''} name={signing.fullName} onClose={() => setSigning(null)} />}
    </Section>
  );
}
