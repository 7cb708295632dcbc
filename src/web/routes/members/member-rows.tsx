import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MemberRow } from '#shared/members.ts';
import type { Column } from '../../components/DataTable.tsx';

import { useLabels } from '../../components/labels.ts';
import { formatDate } from '../../components/format.ts';

/** The columns of a member list. */
export function useMemberColumns(): Column<MemberRow>[] {
  const { t } = useTranslation();
  const labels = useLabels();
  return [
    {
      key: 'name',
      header: t('members.fullName'),
      cell: (m) => (
        <>
          <Anchor component={Link} to={`/people/${m.personId}`} fw={500}>
            {m.fullName}
          </Anchor>
          {m.partyCardNo && (
            <Text size="xs" c="dimmed">
              {t('members.partyCardShort', { no: m.partyCardNo })}
            </Text>
          )}
        </>
      ),
    },
    { key: 'birthDate', header: t('members.birthDate'), cell: (m) => formatDate(m.birthDate) },
    { key: 'gender', header: t('members.gender'), cell: (m) => (m.gender ? t(`members.genders.${m.gender}`) : '') },
    { key: 'category', header: t('members.category'), cell: (m) => labels.category(m.category) },
    { key: 'positions', header: t('members.positions'), cell: (m) => m.positions.map(labels.position).join(', ') },
    { key: 'since', header: t('members.since'), cell: (m) => formatDate(m.validFrom) },
  ];
}

/** A member on a phone: one card instead of a table too wide for the screen. */
export function MemberCard({ m }: { m: MemberRow }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <Anchor component={Link} to={`/people/${m.personId}`} fw={600} display="block" py={4}>
        {m.fullName}
      </Anchor>
      <Text size="sm">
        {labels.category(m.category)}
        {m.positions.length > 0 && ` · ${m.positions.map(labels.position).join(', ')}`}
      </Text>
      <Text size="xs" c="dimmed">
        {[m.birthDate && `${t('members.birthDate')}: ${formatDate(m.birthDate)}`, m.gender && t(`members.genders.${m.gender}`), `${t('members.since')}: ${formatDate(m.validFrom)}`]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </>
  );
}
