import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Due, Every } from '../../../core/deadline/types.ts';
import type { IsoDate } from '../../../core/ids.ts';
import { todayIso } from '../../components/format.ts';
import type { EditableDueType, Lang } from './due-words.ts';
import { DUE_TYPE_LABELS, EDITABLE_DUE_TYPES, EVERY_LABELS, EVERY_VALUES, defaultDue, dueInWords, parseTermYears } from './due-words.ts';
import { parseViDate } from '../../../core/text/dates.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];
const NONE = 'none';

function YearField({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('plans.due.year')}
      value={Number(value) || ''}
      min={1990}
      max={2100}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      size="md"
      onChange={(v) => {
        const y = typeof v === 'number' ? v : Number(v);
        if (Number.isInteger(y) && y >= 1990 && y <= 2100) onChange(String(y));
      }}
      w={100}
    />
  );
}

/** A date typed as dd/mm/yyyy or picked in a calendar. */
function TypedDate({ value, onChange, label }: { value: IsoDate; onChange: (d: IsoDate) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      value={value}
      valueFormat="DD/MM/YYYY"
      placeholder={t('common.datePlaceholder')}
      dateParser={(text) => parseViDate(text)}
      onChange={(v) => v && onChange(String(v).slice(0, 10) as IsoDate)}
      w={150}
      size="md"
      popoverProps={{ withinPortal: true }}
    />
  );
}

/** Years of the term as typed ("2, 4"), applied when the field is left. */
function TermYears({ years, onChange }: { years: number[]; onChange: (years: number[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(years.join(', '));
  useEffect(() => setText(years.join(', ')), [years]);
  return (
    <TextInput
      label={t('plans.due.termYears')}
      description={t('plans.due.termYearsHint')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => {
        const parsed = parseTermYears(text);
        if (parsed) onChange(parsed);
        else setText(years.join(', '));
      }}
      w={200}
    />
  );
}

interface Props {
  value: Due | null;
  onChange: (due: Due | null) => void;
  /** Offer "no deadline" (a task may have none; a report always has one). */
  allowNone?: boolean;
  /** Types offered (a recurring deadline's start offers only fixed times). */
  types?: readonly EditableDueType[];
  typeLabel?: string;
  error?: string | undefined;
}

/**
 * Edits one deadline: its type, then the fields that type takes; the deadline is shown back in
 * words under the fields ("Quý I/2022", "Hằng quý"). Deadlines of other types (read from an
 * imported document) are kept as they are until the person picks another type.
 */
export function DueEditor({ value, onChange, allowNone, types = EDITABLE_DUE_TYPES, typeLabel, error }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const options = [
    ...(allowNone ? [{ value: NONE, label: t('plans.due.none') }] : []),
    ...types.map((x) => ({ value: x, label: DUE_TYPE_LABELS[x][lang] })),
    ...(value && !(types as readonly string[]).includes(value.type) ? [{ value: value.type, label: DUE_TYPE_LABELS[value.type][lang] }] : []),
  ];

  const body = (() => {
    if (!value) return null;
    switch (value.type) {
      case 'date':
        return <TypedDate label={t('plans.due.date')} value={value.value} onChange={(d) => onChange({ type: 'date', value: d })} />;
      case 'month': {
        const [y = '', m = '01'] = value.value.split('-');
        return (
          <>
            <Select
              label={t('plans.due.month')}
              data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: String(i + 1) }))}
              value={m}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type: 'month', value: `${y}-${v}` })}
              w={90}
              comboboxProps={{ withinPortal: true }}
            />
            <YearField value={y} onChange={(ny) => onChange({ type: 'month', value: `${ny}-${m}` })} />
          </>
        );
      }
      case 'quarter':
      case 'quarter-end': {
        const kind = value.type;
        const [y = '', q = '1'] = value.value.split('-Q');
        return (
          <>
            <Select
              label={t('plans.due.quarter')}
              data={ROMAN.map((r, i) => ({ value: String(i + 1), label: r }))}
              value={q}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type: kind, value: `${y}-Q${v}` })}
              w={90}
              comboboxProps={{ withinPortal: true }}
            />
            <YearField value={y} onChange={(ny) => onChange({ type: kind, value: `${ny}-Q${q}` })} />
          </>
        );
      }
      case 'half': {
        const [y = '', h = 'H1'] = value.value.split('-');
        return (
          <>
            <Select
              label={t('plans.due.half')}
              data={[
                { value: 'H1', label: t('plans.due.h1') },
                { value: 'H2', label: t('plans.due.h2') },
              ]}
              value={h}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type: 'half', value: `${y}-${v}` })}
              w={190}
              comboboxProps={{ withinPortal: true }}
            />
            <YearField value={y} onChange={(ny) => onChange({ type: 'half', value: `${ny}-${h}` })} />
          </>
        );
      }
      case 'year':
        return <YearField value={value.value} onChange={(ny) => onChange({ type: 'year', value: ny })} />;
      case 'recurring': {
        const { every, from } = value.value;
        return (
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('plans.due.every')}
                data={[...EVERY_VALUES, ...(EVERY_VALUES.includes(every) ? [] : [every])].map((x) => ({ value: x, label: EVERY_LABELS[x][lang] }))}
                value={every}
                allowDeselect={false}
                onChange={(v) => v && onChange({ type: 'recurring', value: { every: v as Every, from } })}
                w={190}
                comboboxProps={{ withinPortal: true }}
              />
              <Checkbox
                label={t('plans.due.startsFrom')}
                checked={from !== null}
                onChange={(e) =>
                  onChange({ type: 'recurring', value: { every, from: e.currentTarget.checked ? defaultDue('month', todayIso() as IsoDate) : null } })
                }
                mb={10}
              />
            </Group>
            {from && (
              <DueEditor
                value={from}
                typeLabel={t('plans.due.startType')}
                types={['date', 'month', 'quarter', 'half', 'year']}
                onChange={(f) => onChange({ type: 'recurring', value: { every, from: f } })}
              />
            )}
          </Stack>
        );
      }
      case 'term-years':
        return <TermYears years={value.value.years} onChange={(years) => onChange({ type: 'term-years', value: { years } })} />;
      default:
        // Read from a document in a form the editor does not take apart (a range, "from", "before the event").
        return (
          <Text size="sm" c="dimmed" maw={280}>
            {t('plans.due.asImported')}
          </Text>
        );
    }
  })();

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={typeLabel ?? t('plans.due.type')}
          data={options}
          value={value ? value.type : NONE}
          allowDeselect={false}
          onChange={(v) => {
            if (!v || v === (value?.type ?? NONE)) return;
            onChange(v === NONE ? null : defaultDue(v as EditableDueType, todayIso() as IsoDate));
          }}
          w={210}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
        {body}
      </Group>
      <Text size="sm" c={value ? undefined : 'dimmed'} aria-live="polite">
        {value ? dueInWords(value, lang) : t('plans.due.noneWords')}
      </Text>
    </Stack>
  );
}
