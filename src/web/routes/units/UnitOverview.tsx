import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitDetail } from '#shared/units.ts';
import { formatNumber } from '../../components/format.ts';
import { formatViDate } from '#core/text/dates.ts';
import { useLabels } from '../../components/labels.ts';
import { Fact } from '../../components/Fact.tsx';
import { Section } from '../../components/Section.tsx';
import { Bullets } from '../../components/Bullets.tsx';

/** Term of office, validity, counts and leaders of a unit. */
export function UnitOverview({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const term = unit.term;
  const termText = [term.label, term.start || term.end ? `${formatViDate(term.start) || '…'} – ${formatViDate(term.end) || '…'}` : null].filter(Boolean).join(', ');
  const validity = unit.validTo ? t('units.validFromTo', { from: formatViDate(unit.validFrom), to: formatViDate(unit.validTo) }) : t('units.validFrom', { from: formatViDate(unit.validFrom) });

  return (
    <Section title={t('units.info')} id="unit-info-title" mb="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('units.kind')} caps>{labels.unitKind(unit.kind)}</Fact>
        <Fact label={t('units.term')} caps>{termText || <Text span c="dimmed">{t('units.noTerm')}</Text>}</Fact>
        <Fact label={t('units.validity')} caps>{validity}</Fact>
        <Fact label={t('units.memberCount')} caps>{formatNumber(unit.memberCount)}</Fact>
        <Fact label={t('units.childCount')} caps>{formatNumber(unit.childCount)}</Fact>
        {unit.code && <Fact label={t('units.code')} caps>{unit.code}</Fact>}
      </SimpleGrid>
      <Fact label={t('units.leaders')} caps mt="md">
        <Bullets items={unit.leaders} itemKey={(l) => l.personId} empty={t('units.noLeaders')}>
          {(l) => (
            <>
              <Anchor component={Link} to={`/people/${l.personId}`}>
                {l.fullName}
              </Anchor>
              <Text span c="dimmed" size="sm">
                {' — '}
                {l.positions.map(labels.position).join(', ')}
              </Text>
            </>
          )}
        </Bullets>
      </Fact>
    </Section>
  );
}
