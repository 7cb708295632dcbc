import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Due, DueType, Every } from '#core/deadline/types.ts';
import { DUE_TYPE_LABELS, DUE_TYPES, EVERY_LABELS, EVERY_VALUES, HALF_LABELS, QUARTER_NUMERALS, dueLabel } from '#core/deadline/words.ts';
import type { IsoDate } from '#core/ids.ts';
import { POINT_DUE_TYPES, defaultDue, parseTermYears } from './due-values.ts';
import { todayIso } from './format.ts';
import { TypedDateInput } from './TypedDateInput.tsx';
import { useLang } from './use-lang.ts';

const NONE = 'none';
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: String(i + 1) }));

function YearField({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('due.year')}
      value={Number(value) || ''}
      min={1900}
      max={2100}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      // NOTE: the theme gives text fields and selects size md, but not number fields.
      size="md"
      onChange={(v) => {
        const y = typeof v === 'number' ? v : Number(v);
        if (Number.isInteger(y) && y >= 1900 && y <= 2100) onChange(String(y));
      }}
      w={100}
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
      label={t('due.termYears')}
      description={t('due.termYearsHint')}
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

interface FieldsProps {
  value: Due | null;
  onChange: (due: Due | null) => void;
  allowNone: boolean;
  types: readonly DueType[];
  recurrences: readonly Every[];
  typeLabel: string;
  near: IsoDate;
  error?: string | undefined;
}

/** The type of one deadline and the fields that type takes; a range or a start nests more of these. */
function DueFields({ value, onChange, allowNone, types, recurrences, typeLabel, near, error }: FieldsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const options = [
    ...(allowNone ? [{ value: NONE, label: t('due.none') }] : []),
    ...types.map((x) => ({ value: x, label: DUE_TYPE_LABELS[x][lang] })),
    // A deadline read from a document may be of a type this form does not offer: it stays as it is.
    ...(value && !types.includes(value.type) ? [{ value: value.type, label: DUE_TYPE_LABELS[value.type][lang] }] : []),
  ];
  const nested = (label: string, due: Due, set: (d: Due) => void) => (
    <DueFields
      value={due}
      onChange={(d) => d && set(d)}
      allowNone={false}
      types={POINT_DUE_TYPES}
      recurrences={recurrences}
      typeLabel={label}
      near={near}
    />
  );

  const body = (() => {
    if (!value) return null;
    switch (value.type) {
      case 'date':
        return <TypedDateInput label={t('due.date')} value={value.value} onChange={(d) => d && onChange({ type: 'date', value: d })} w={150} />;
      case 'month': {
        const [y = '', m = '01'] = value.value.split('-');
        return (
          <>
            <Select
              label={t('due.month')}
              data={MONTHS}
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
              label={t('due.quarter')}
              data={QUARTER_NUMERALS.map((r, i) => ({ value: String(i + 1), label: r }))}
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
              label={t('due.half')}
              data={(['H1', 'H2'] as const).map((x) => ({ value: x, label: HALF_LABELS[x][lang] }))}
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
      case 'range': {
        const { from, to } = value.value;
        return (
          <Stack gap="xs" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {nested(t('due.fromOf', { label: typeLabel }), from, (f) => onChange({ type: 'range', value: { from: f, to } }))}
            {nested(t('due.toOf', { label: typeLabel }), to, (x) => onChange({ type: 'range', value: { from, to: x } }))}
          </Stack>
        );
      }
      case 'recurring': {
        const { every, from } = value.value;
        return (
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('due.every')}
                data={[...recurrences, ...(recurrences.includes(every) ? [] : [every])].map((x) => ({ value: x, label: EVERY_LABELS[x][lang] }))}
                value={every}
                allowDeselect={false}
                onChange={(v) => v && onChange({ type: 'recurring', value: { every: v as Every, from } })}
                w={190}
                comboboxProps={{ withinPortal: true }}
              />
              <Checkbox
                label={t('due.startsFrom')}
                checked={from !== null}
                onChange={(e) => onChange({ type: 'recurring', value: { every, from: e.currentTarget.checked ? defaultDue('month', near) : null } })}
                mb={10}
              />
            </Group>
            {from && (
              <Stack gap="xs" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
                {nested(t('due.startOf', { label: typeLabel }), from, (f) => onChange({ type: 'recurring', value: { every, from: f } }))}
              </Stack>
            )}
          </Stack>
        );
      }
      case 'continuous':
        return null;
      case 'term-years':
        return <TermYears years={value.value.years} onChange={(years) => onChange({ type: 'term-years', value: { years } })} />;
      case 'relative': {
        const { days } = value.value;
        return (
          <>
            <Select
              label={t('due.beforeAfter')}
              data={[
                { value: 'before', label: t('due.before') },
                { value: 'after', label: t('due.after') },
              ]}
              value={days < 0 ? 'before' : 'after'}
              allowDeselect={false}
              onChange={(v) => onChange({ type: 'relative', value: { to: 'event', days: (v === 'before' ? -1 : 1) * Math.abs(days) } })}
              w={110}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('due.days')}
              value={Math.abs(days)}
              min={0}
              max={366}
              allowDecimal={false}
              allowNegative={false}
              size="md"
              onChange={(v) => onChange({ type: 'relative', value: { to: 'event', days: (days < 0 ? -1 : 1) * (Number(v) || 0) } })}
              w={100}
            />
          </>
        );
      }
      case 'from':
        return (
          <Stack gap="xs" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {nested(t('due.fromOf', { label: typeLabel }), value.value, (f) => onChange({ type: 'from', value: f }))}
          </Stack>
        );
    }
  })();

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={typeLabel}
        data={options}
        value={value ? value.type : NONE}
        allowDeselect={false}
        onChange={(v) => {
          if (!v || v === (value?.type ?? NONE)) return;
          onChange(v === NONE ? null : defaultDue(v as DueType, near));
        }}
        w={210}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {body}
    </Group>
  );
}

interface CommonProps {
  /** The types offered, in order (default: every type). A value of another type is offered too, and kept until another is picked. */
  types?: readonly DueType[];
  /** The recurrences offered (default: every one). */
  recurrences?: readonly Every[];
  /** Names the type field and, through it, the fields of a range or a start: "Loại thời hạn — Thời hạn 3 — từ". */
  typeLabel?: string;
  /** The day new values start near: today in a plan, the document's year in its review (default: today). */
  near?: IsoDate | undefined;
  error?: string | undefined;
}

type Props = CommonProps &
  (
    | { /** Offer "no deadline" (a task may have none; a report always has one). */ allowNone: true; value: Due | null; onChange: (due: Due | null) => void }
    | { allowNone?: false; value: Due; onChange: (due: Due) => void }
  );

/**
 * Edits one deadline (extraction/SCHEMA.md `due`): its type, then the fields that type takes. The
 * deadline is read back in words under the fields ("Quý I/2022", "Hằng quý"), from
 * core/deadline/words.ts, so the editor says what documents and tables will say.
 */
export function DueEditor(props: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { value, types = DUE_TYPES, recurrences = EVERY_VALUES, typeLabel = t('due.type'), error } = props;
  const change = (d: Due | null) => {
    if (props.allowNone) props.onChange(d);
    else if (d) props.onChange(d);
  };
  return (
    <Stack gap={4}>
      <DueFields
        value={value}
        onChange={change}
        allowNone={props.allowNone ?? false}
        types={types}
        recurrences={recurrences}
        typeLabel={typeLabel}
        near={props.near ?? todayIso()}
        error={error}
      />
      <Text size="sm" c={value ? undefined : 'dimmed'} aria-live="polite">
        {value ? dueLabel(value, lang) : t('due.none')}
      </Text>
    </Stack>
  );
}
