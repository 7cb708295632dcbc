import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MemberRow } from '../../../shared/members.ts';
import { formatViDate } from '../../../core/text/dates.ts';
import { useLabels } from '../../components/labels.ts';

/** The member list on a phone: one card per person instead of a table too wide for the screen. */
export function MemberCards({ rows, caption }: { rows: MemberRow[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={caption}>
      {rows.map((m) => (
        <Paper component="li" key={m.membershipId} withBorder p="sm">
          <Anchor component={Link} to={`/people/${m.personId}`} fw={600} display="block" py={4}>
            {m.fullName}
          </Anchor>
          <Text size="sm">
            {labels.category(m.category)}
            {m.positions.length > 0 && ` · ${m.positions.map(labels.position).join(', ')}`}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              m.birthDate && `${t('members.birthDate')}: ${formatViDate(m.birthDate)}`,
              m.gender && t(`members.genders.${m.gender}`),
              `${t('members.since')}: ${formatViDate(m.validFrom)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
