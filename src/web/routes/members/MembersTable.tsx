import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MemberRow } from '../../../shared/members.ts';
import { formatViDate } from '../../../core/text/dates.ts';
import { useLabels } from '../../components/labels.ts';

/** The rows of a member list; scrolls sideways on a phone rather than squeezing the columns. */
export function MembersTable({ rows, caption }: { rows: MemberRow[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.fullName')}</Table.Th>
            <Table.Th>{t('members.birthDate')}</Table.Th>
            <Table.Th>{t('members.gender')}</Table.Th>
            <Table.Th>{t('members.category')}</Table.Th>
            <Table.Th>{t('members.positions')}</Table.Th>
            <Table.Th>{t('members.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.membershipId}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${m.personId}`} fw={500}>
                  {m.fullName}
                </Anchor>
                {m.partyCardNo && (
                  <Text size="xs" c="dimmed">
                    {t('members.partyCardShort', { no: m.partyCardNo })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatViDate(m.birthDate)}</Table.Td>
              <Table.Td>{m.gender ? t(`members.genders.${m.gender}`) : ''}</Table.Td>
              <Table.Td>{labels.category(m.category)}</Table.Td>
              <Table.Td>{m.positions.map(labels.position).join(', ')}</Table.Td>
              <Table.Td>{formatViDate(m.validFrom)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
