import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitDetail } from '../../../shared/units.ts';
import { formatNumber } from '../../components/format.ts';
import { formatViDate } from '../../../core/text/dates.ts';
import { useLabels } from '../../components/labels.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

/** Term of office, validity, counts and leaders of a unit. */
export function UnitOverview({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const term = unit.term;
  const termText = [term.label, term.start || term.end ? `${formatViDate(term.start) || '…'} – ${formatViDate(term.end) || '…'}` : null].filter(Boolean).join(', ');
  const validity = unit.validTo ? t('units.validFromTo', { from: formatViDate(unit.validFrom), to: formatViDate(unit.validTo) }) : t('units.validFrom', { from: formatViDate(unit.validFrom) });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md" component="section" aria-labelledby="unit-info-title">
      <Title order={2} fz="h4" mb="sm" id="unit-info-title">
        {t('units.info')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Field label={t('units.kind')}>{labels.unitKind(unit.kind)}</Field>
        <Field label={t('units.term')}>{termText || <Text span c="dimmed">{t('units.noTerm')}</Text>}</Field>
        <Field label={t('units.validity')}>{validity}</Field>
        <Field label={t('units.memberCount')}>{formatNumber(unit.memberCount)}</Field>
        <Field label={t('units.childCount')}>{formatNumber(unit.childCount)}</Field>
        {unit.code && <Field label={t('units.code')}>{unit.code}</Field>}
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('units.leaders')}
        </Text>
        {unit.leaders.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('units.noLeaders')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} m={0} pl="md">
            {unit.leaders.map((l) => (
              <li key={l.personId}>
                <Anchor component={Link} to={`/people/${l.personId}`}>
                  {l.fullName}
                </Anchor>
                <Text span c="dimmed" size="sm">
                  {' — '}
                  {l.positions.map(labels.position).join(', ')}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
