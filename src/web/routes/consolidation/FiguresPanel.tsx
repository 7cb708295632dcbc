import { ActionIcon, Anchor, Checkbox, Group, NumberInput, Popover, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatViNumber, formatViPercent } from '#core/documents-out/format-vi.ts';
import type { ConsolidationDraftInput, ConsolidationView } from '#shared/consolidation.ts';
import { numberSeparators } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';

type Figure = ConsolidationView['figures'][number];
type ChildRow = ConsolidationView['children'][number];
type Override = ConsolidationDraftInput['overrides'][number];

const num = (v: number | null | undefined) => (typeof v === 'number' ? formatViNumber(v) : '—');

/** "42/46 (91,30%)" for a figure that is part of another, else "42". */
function withShare(value: number | null, whole: number | null | undefined): string {
  if (value === null) return '—';
  return typeof whole === 'number' && whole > 0 ? `${formatViNumber(value)}/${formatViNumber(whole)} (${formatViPercent(value, whole)})` : formatViNumber(value);
}

/** Where a figure came from: each accepted report with its version and value, and the reports that left it empty. */
function Sources({ figure, instanceOf }: { figure: Figure; instanceOf: (unitId: string) => string | undefined }) {
  const { t } = useTranslation();
  return (
    <Popover width={360} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" aria-label={t('consolidation.sourcesOf', { label: figure.label, n: figure.sources.length })}>
          <IconInfoCircle size={18} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
          {t('consolidation.sourcesTitle', { label: figure.label })}
        </Text>
        {figure.sources.length === 0 ? (
          <Hint>{t('consolidation.noSources')}</Hint>
        ) : (
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {figure.sources.map((s) => {
              const instance = instanceOf(s.unitId);
              return (
                <Text key={s.submissionId} size="sm" component="li">
                  {instance ? (
                    <Anchor component={Link} to={`/obligation-instances/${instance}`} size="sm">
                      {s.unitName}
                    </Anchor>
                  ) : (
                    s.unitName
                  )}{' '}
                  — {t('consolidation.version', { v: s.version })}: <strong>{formatViNumber(s.value)}</strong>
                </Text>
              );
            })}
          </Stack>
        )}
        {figure.gaps.length > 0 && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('consolidation.gaps', { units: figure.gaps.map((g) => g.unitName).join(', ') })}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

interface Props {
  view: ConsolidationView;
  overrides: readonly Override[];
  editable: boolean;
  onChange: (overrides: Override[]) => void;
}

/**
 * The consolidated figures: the sum of the accepted reports with its sources one click away, the
 * figure the report prints (overridable with a note), and the figures per direct child unit.
 */
export function FiguresPanel({ view, overrides, editable, onChange }: Props) {
  const { t } = useTranslation();
  const instanceOf = (unitId: string) => view.reports.find((r) => r.unitId === unitId)?.instanceId;
  const overrideOf = (key: string) => overrides.find((o) => o.key === key);
  const printed = (f: Figure) => overrideOf(f.key)?.value ?? f.total;
  const setOverride = (key: string, next: Override | null) => onChange([...overrides.filter((o) => o.key !== key), ...(next ? [next] : [])]);
  if (view.figures.length === 0) return null;
  const byKey = new Map(view.figures.map((f) => [f.key, f]));
  const byUnit: Column<ChildRow>[] = [
    { key: 'unit', header: t('consolidation.unit'), cell: (c) => c.name },
    { key: 'reported', header: t('consolidation.reported'), numeric: true, cell: (c) => `${c.counted}/${c.expected}` },
    ...view.figures.map((f) => ({ key: f.key, header: f.label, numeric: true, cell: (c: ChildRow) => num(c.figures[f.key]) })),
  ];
  return (
    <Section title={t('consolidation.figures')} id="figures-title" titleGap={4}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('consolidation.figuresHint', { counted: view.summary.counted, expected: view.summary.expected })}
      </Text>
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" aria-label={t('consolidation.figures')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consolidation.figure')}</Table.Th>
              <Table.Th ta="right">{t('consolidation.sum')}</Table.Th>
              <Table.Th>{t('consolidation.printed')}</Table.Th>
              <Table.Th w={60}>{t('consolidation.sources')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.figures.map((f) => {
              const o = overrideOf(f.key);
              const whole = f.of ? printed(byKey.get(f.of)!) : null;
              return (
                <Table.Tr key={f.key}>
                  <Table.Td>
                    {f.label}
                    {f.unit ? <Text span c="dimmed" size="sm">{` (${f.unit})`}</Text> : null}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {withShare(f.total, f.of ? byKey.get(f.of)?.total : null)}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {withShare(printed(f), whole)}
                        </Text>
                        {editable && (
                          <Checkbox
                            size="xs"
                            label={t('consolidation.override')}
                            checked={!!o}
                            onChange={(e) => setOverride(f.key, e.currentTarget.checked ? { key: f.key, value: f.total ?? 0, note: '' } : null)}
                            aria-label={t('consolidation.overrideOf', { label: f.label })}
                          />
                        )}
                      </Group>
                      {o && (
                        <Group gap="xs" align="flex-start" wrap="wrap">
                          <NumberInput
                            size="xs"
                            w={120}
                            min={0}
                            allowDecimal={false}
                            thousandSeparator={numberSeparators().thousands}
                            decimalSeparator={numberSeparators().decimal}
                            label={t('consolidation.overrideValue')}
                            value={o.value}
                            readOnly={!editable}
                            onChange={(v) => setOverride(f.key, { ...o, value: typeof v === 'number' ? v : Number(v) || 0 })}
                          />
                          <TextInput
                            size="xs"
                            style={{ flex: '1 1 12rem' }}
                            label={t('consolidation.overrideNote')}
                            value={o.note}
                            readOnly={!editable}
                            required
                            error={o.note.trim() === '' ? t('consolidation.noteRequired') : undefined}
                            onChange={(e) => setOverride(f.key, { ...o, note: e.currentTarget.value })}
                          />
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Sources figure={f} instanceOf={instanceOf} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {view.children.length > 0 && (
        <>
          <Title order={3} fz="h5" mt="md" mb={4}>
            {t('consolidation.byUnit')}
          </Title>
          <DataTable label={t('consolidation.byUnit')} rows={view.children} rowKey={(c) => c.unitId} columns={byUnit} minWidth={560} verticalSpacing={4} />
        </>
      )}
    </Section>
  );
}
