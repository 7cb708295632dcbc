import { NumberInput, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DueListEditor } from '../../components/DueListEditor.tsx';
import { PLAN_DUE_TYPES, PLAN_RECURRENCES, defaultDue } from '../../components/due-values.ts';
import { todayIso } from '../../components/format.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { AudienceField } from './AudienceField.tsx';
import { ItemCard } from './ItemCard.tsx';
import type { ItemCardProps } from './ItemList.tsx';
import { NameNote } from './NameNote.tsx';
import { settled, suggestedUnits } from './plan-form.ts';
import type { NameProposal, ObligationForm } from './plan-form.ts';
import { ReportFormEditor } from './ReportFormEditor.tsx';

interface Props extends ItemCardProps<ObligationForm> {
  obligation: ObligationForm;
  /** What the server proposed for the document's names (empty for a plan not drafted from one). */
  proposals: ReadonlyMap<string, NameProposal>;
}

/** One report the units must send: to whom, through whom, by when (or every period), with which figures. */
export function ObligationCard({ obligation: o, index, count, onChange, onMove, onRemove, errors, proposals }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ObligationForm>(key: K, value: ObligationForm[K]) => onChange({ ...o, [key]: value });

  return (
    <ItemCard name={t('plans.editor.reportN', { n: index + 1 })} index={index} count={count} onMove={onMove} onRemove={onRemove}>
      <Stack gap="sm">
        <Textarea label={t('plans.report.title')} value={o.title} onChange={(e) => set('title', e.currentTarget.value)} autosize minRows={1} maxRows={5} required error={errors.title} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {(['to', 'via'] as const).map((field) => {
            const asWritten = field === 'to' ? o.toText : o.viaText;
            return (
              <Stack gap={4} key={field}>
                <UnitSelect label={t(`plans.report.${field}`)} value={o[field]} onChange={(u) => onChange(settled({ ...o, [field]: u }, field))} error={errors[`${field}UnitId`]} />
                <NameNote
                  asWritten={asWritten ? [asWritten] : []}
                  proposed={o.proposed.includes(field)}
                  empty={!o[field]}
                  suggestions={asWritten ? suggestedUnits([asWritten], proposals) : []}
                  onConfirm={() => onChange(settled(o, field))}
                  onPick={(u) => onChange(settled({ ...o, [field]: u }, field))}
                />
              </Stack>
            );
          })}
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
        <DueListEditor
          dues={o.due}
          onChange={(due) => set('due', due)}
          newDue={() => defaultDue('date', todayIso())}
          addLabel={t('plans.report.addDue')}
          typeLabel={(i) => (o.due.length > 1 ? t('plans.report.dueTypeN', { n: i + 1 }) : undefined)}
          removeLabel={(i) => t('plans.report.removeDue', { n: i + 1 })}
          types={PLAN_DUE_TYPES}
          recurrences={PLAN_RECURRENCES}
        />
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
