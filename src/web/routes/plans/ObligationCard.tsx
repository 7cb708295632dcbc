import { ActionIcon, Button, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DueEditor } from '../../components/DueEditor.tsx';
import { PLAN_DUE_TYPES, PLAN_RECURRENCES, defaultDue } from '../../components/due-values.ts';
import { todayIso } from '../../components/format.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { AudienceField } from './AudienceField.tsx';
import { ItemCard } from './ItemCard.tsx';
import type { ItemCardProps } from './ItemList.tsx';
import type { ObligationForm } from './plan-form.ts';
import { ReportFormEditor } from './ReportFormEditor.tsx';

interface Props extends ItemCardProps<ObligationForm> {
  obligation: ObligationForm;
}

/** One report the units must send: to whom, through whom, by when (or every period), with which figures. */
export function ObligationCard({ obligation: o, index, count, onChange, onMove, onRemove, errors }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ObligationForm>(key: K, value: ObligationForm[K]) => onChange({ ...o, [key]: value });

  return (
    <ItemCard name={t('plans.editor.reportN', { n: index + 1 })} index={index} count={count} onMove={onMove} onRemove={onRemove}>
      <Stack gap="sm">
        <Textarea label={t('plans.report.title')} value={o.title} onChange={(e) => set('title', e.currentTarget.value)} autosize minRows={1} maxRows={5} required error={errors.title} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <UnitSelect label={t('plans.report.to')} value={o.to} onChange={(u) => set('to', u)} error={errors.toUnitId} />
          <UnitSelect label={t('plans.report.via')} value={o.via} onChange={(u) => set('via', u)} error={errors.viaUnitId} />
          <AudienceField value={o.audience} onChange={(a) => set('audience', a)} error={errors['audience.unitIds'] ?? errors['audience.kinds']} />
          <NumberInput
            label={t('plans.report.cutoffDay')}
            description={t('plans.report.cutoffDayHint')}
            value={o.cutoffDay ?? ''}
            min={1}
            max={31}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            size="md"
            onChange={(v) => set('cutoffDay', typeof v === 'number' ? v : null)}
            error={errors.cutoffDay}
          />
        </SimpleGrid>
        <Title order={4} fz="sm">
          {t('plans.report.dues')}
        </Title>
        {o.due.length === 0 && (
          <Text size="sm" c={errors.due ? 'red' : 'dimmed'}>
            {t('plans.report.noDue')}
          </Text>
        )}
        {o.due.map((d, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>
              <DueEditor
                types={PLAN_DUE_TYPES}
                recurrences={PLAN_RECURRENCES}
                value={d}
                typeLabel={o.due.length > 1 ? t('plans.report.dueTypeN', { n: i + 1 }) : undefined}
                onChange={(nd) => set('due', o.due.map((x, j) => (j === i ? nd : x)))}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              onClick={() => set('due', o.due.filter((_, j) => j !== i))}
              aria-label={t('plans.report.removeDue', { n: i + 1 })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => set('due', [...o.due, defaultDue('date', todayIso())])}
          >
            {t('plans.report.addDue')}
          </Button>
        </Group>
        <ReportFormEditor
          figures={o.figures}
          sections={o.sections}
          onChange={(f) => onChange({ ...o, ...f })}
          error={errors['form.figures'] ?? errors.form}
        />
      </Stack>
    </ItemCard>
  );
}
