import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitDetail } from '../../../shared/units.ts';
import { apiUrl } from '../../api-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useChildUnits } from '../../components/unit-queries.ts';

/** The current sub-units of a unit, each a link to its page. */
export function SubUnitList({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const children = useChildUnits(unit.id, null, unit.validTo === null);

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="sub-units-title">
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} fz="h4" id="sub-units-title">
          {t('units.subUnits')}
          {children.data ? ` (${children.data.length})` : ''}
        </Title>
        {unit.validTo === null && (children.data?.length ?? 0) > 0 && (
          <Button variant="default" size="xs" component="a" href={apiUrl(`/api/units/${unit.id}/children.xlsx`)} download leftSection={<IconDownload size={16} aria-hidden />}>
            {t('units.exportChildren')}
          </Button>
        )}
      </Group>
      {unit.validTo !== null ? (
        <Text c="dimmed" size="sm">
          {t('units.endedNoChildren')}
        </Text>
      ) : children.isPending ? (
        <PageLoader />
      ) : children.isError ? (
        <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('units.noChildren')}
        </Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('units.subUnits')}>
          {children.data.map((c) => (
            <li key={c.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Group justify="space-between" gap="xs" py={10} wrap="nowrap">
                <Anchor component={Link} to={`/units/${c.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
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
    </Paper>
  );
}
