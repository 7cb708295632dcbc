import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitDetail } from '#shared/units.ts';
import { apiUrl } from '../../api-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { unitHref, useChildUnits } from '../../components/unit-queries.ts';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';

/** The sub-units of a unit, today's or, on a page of a past day, that day's; each a link to its page as of the same day. */
export function SubUnitList({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const on = unit.on;
  // A unit that has ended has no sub-units today, but had some on a day it stood.
  const ended = unit.validTo !== null && on === null;
  const children = useChildUnits(unit.id, on, !ended);

  return (
    <Section
      title={`${t('units.subUnits')}${children.data ? ` (${children.data.length})` : ''}`}
      id="sub-units-title"
      action={
        !ended && (children.data?.length ?? 0) > 0 && (
          <Button variant="default" size="xs" component="a" href={apiUrl(`/api/units/${unit.id}/children.xlsx${on ? `?on=${on}` : ''}`)} download leftSection={<IconDownload size={16} aria-hidden />}>
            {t('units.exportChildren')}
          </Button>
        )
      }
    >
      {ended ? (
        <Hint>{t('units.endedNoChildren')}</Hint>
      ) : children.isPending ? (
        <PageLoader />
      ) : children.isError ? (
        <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.length === 0 ? (
        <Hint>{on ? t('units.noChildrenOn') : t('units.noChildren')}</Hint>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('units.subUnits')}>
          {children.data.map((c) => (
            <li key={c.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Group justify="space-between" gap="xs" py={10} wrap="nowrap">
                <Anchor component={Link} to={unitHref(c.id, on)} fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {c.name}
                </Anchor>
                <Text size="xs" c="dimmed" ta="right" style={{ flexShrink: 0, maxWidth: '45%' }}>
                  {labels.unitKind(c.kind)}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
