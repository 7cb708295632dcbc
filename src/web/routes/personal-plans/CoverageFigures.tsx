import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoverageRow, RoundKind } from '#shared/personal-plans.ts';
import { formatNumber } from '../../components/format.ts';

interface Figure {
  key: string;
  label: string;
  value: number;
  percent?: number | null;
  /** "3/5": a count out of its own total. */
  of?: number;
  color?: string;
}

/** The figures a round counts, as the server gives them: each a labelled group a screen reader reads as "Đã nộp: 12 (40%)". */
export function figuresOf(row: CoverageRow, kind: RoundKind, t: (key: string) => string): Figure[] {
  const k = (name: string) => t(`personalPlans.figures.${kind === 'pledge' ? `pledge.${name}` : name}`);
  const all: Figure[] = [
    { key: 'must', label: k('must'), value: row.must },
    { key: 'submitted', label: k('submitted'), value: row.submitted, percent: row.percentSubmitted },
    { key: 'late', label: k('late'), value: row.late, color: 'orange' },
    { key: 'overdue', label: k('overdue'), value: row.overdue, color: 'red' },
  ];
  if (kind === 'pledge') return all;
  return [
    ...all.slice(0, 2),
    { key: 'confirmed', label: k('confirmed'), value: row.confirmed, percent: row.percentConfirmed, color: 'green' },
    ...all.slice(2),
    { key: 'leaders', label: k('leaders'), value: row.leadersRegistered, of: row.leaders },
  ];
}

/** A unit's coverage of a round at a glance: must, submitted, confirmed, late, overdue, leaders registered. */
export function CoverageFigures({ row, kind, label }: { row: CoverageRow; kind: RoundKind; label: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" role="group" aria-label={label}>
      {figuresOf(row, kind, t).map((f) => {
        const value = f.of === undefined ? formatNumber(f.value) : `${formatNumber(f.value)}/${formatNumber(f.of)}`;
        const pct = f.percent === null || f.percent === undefined ? '' : ` (${f.percent}%)`;
        return (
          <Paper key={f.key} withBorder p="xs" role="group" aria-label={`${f.label}: ${value}${pct}`} data-figure={f.key}>
            <Text size="xs" c="dimmed" fw={600}>
              {f.label}
            </Text>
            <Group gap={6} align="baseline">
              <Text fz={22} fw={700} c={f.value > 0 ? f.color : undefined}>
                {value}
              </Text>
              {pct && (
                <Text size="sm" c="dimmed">
                  {pct.trim()}
                </Text>
              )}
            </Group>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
