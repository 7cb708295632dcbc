import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Due, Every } from '../../../core/deadline/types.ts';
import type { IsoDate } from '../../../core/ids.ts';
import { IsoDateInput } from './IsoDateInput.tsx';
import { DUE_TYPE_LABELS, DUE_TYPES, EVERY, EVERY_LABELS, defaultDue, describeDue } from './due-words.ts';

interface Props {
  /** Names the fields for a screen reader: "Thời hạn 3". */
  label: string;
  value: Due;
  onChange: (due: Due) => void;
  /** The year new values start in (the document's year). */
  year: number;
  /** Nested deadlines (a range's ends, a "from") go two levels deep at most. */
  depth?: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

function YearInput({ label, value, onChange }: { label: string; value: string; onChange: (y: string) => void }) {
  return (
    <NumberInput
      label={label}
      value={Number(value) || ''}
      min={1900}
      max={2100}
      allowDecimal={false}
      onChange={(v) => onChange(String(typeof v === 'number' ? v : Number(v) || new Date().getFullYear()).padStart(4, '0'))}
      w={110}
    />
  );
}

/** Edits a normalised deadline (extraction/SCHEMA.md `due`): its type, then the value that type takes. */
export function DueEditor({ label, value, onChange, year, depth = 0 }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const types = DUE_TYPES.filter((x) => depth < 2 || !['range', 'from', 'recurring'].includes(x));
  const typeSelect = (
    <Select
      label={t('documents.dueType', { label })}
      data={types.map((x) => ({ value: x, label: DUE_TYPE_LABELS[x][lang] }))}
      value={value.type}
      allowDeselect={false}
      onChange={(v) => v && v !== value.type && onChange(defaultDue(v as Due['type'], year))}
      w={190}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const body = (() => {
    switch (value.type) {
      case 'date':
        return <IsoDateInput label={t('documents.dueDate')} value={value.value} onChange={(v) => v && onChange({ type: 'date', value: v as IsoDate })} />;
      case 'month': {
        const [y = String(year), m = '12'] = value.value.split('-');
        return (
          <Group gap="xs" align="flex-end">
            <Select
              label={t('documents.dueMonth')}
              data={MONTHS}
              value={String(Number(m))}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type: 'month', value: `${y}-${v.padStart(2, '0')}` })}
              w={90}
            />
            <YearInput label={t('documents.dueYear')} value={y} onChange={(ny) => onChange({ type: 'month', value: `${ny}-${m}` })} />
          </Group>
        );
      }
      case 'quarter':
      case 'quarter-end': {
        const [y = String(year), q = 'Q4'] = value.value.split('-');
        const type = value.type;
        return (
          <Group gap="xs" align="flex-end">
            <Select
              label={t('documents.dueQuarter')}
              data={ROMAN.map((r, i) => ({ value: `Q${i + 1}`, label: r }))}
              value={q}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type, value: `${y}-${v}` })}
              w={90}
            />
            <YearInput label={t('documents.dueYear')} value={y} onChange={(ny) => onChange({ type, value: `${ny}-${q}` })} />
          </Group>
        );
      }
      case 'half': {
        const [y = String(year), h = 'H2'] = value.value.split('-');
        return (
          <Group gap="xs" align="flex-end">
            <Select
              label={t('documents.dueHalf')}
              data={[{ value: 'H1', label: t('documents.dueH1') }, { value: 'H2', label: t('documents.dueH2') }]}
              value={h}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type: 'half', value: `${y}-${v}` })}
              w={180}
            />
            <YearInput label={t('documents.dueYear')} value={y} onChange={(ny) => onChange({ type: 'half', value: `${ny}-${h}` })} />
          </Group>
        );
      }
      case 'year':
        return <YearInput label={t('documents.dueYear')} value={value.value} onChange={(ny) => onChange({ type: 'year', value: ny })} />;
      case 'range':
        return (
          <Stack gap="xs" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            <DueEditor label={t('documents.dueFromOf', { label })} value={value.value.from} onChange={(from) => onChange({ type: 'range', value: { ...value.value, from } })} year={year} depth={depth + 1} />
            <DueEditor label={t('documents.dueToOf', { label })} value={value.value.to} onChange={(to) => onChange({ type: 'range', value: { ...value.value, to } })} year={year} depth={depth + 1} />
          </Stack>
        );
      case 'recurring': {
        const from = value.value.from;
        return (
          <Stack gap="xs">
            <Select
              label={t('documents.dueEvery')}
              data={EVERY.map((x) => ({ value: x, label: EVERY_LABELS[x][lang] }))}
              value={value.value.every}
              allowDeselect={false}
              onChange={(v) => v && onChange({ type: 'recurring', value: { every: v as Every, from } })}
              w={190}
            />
            <Checkbox
              label={t('documents.dueStartsFrom')}
              checked={from !== null}
              onChange={(e) => onChange({ type: 'recurring', value: { every: value.value.every, from: e.currentTarget.checked ? { type: 'year', value: String(year) } : null } })}
            />
            {from && (
              <DueEditor label={t('documents.dueFromOf', { label })} value={from} onChange={(f) => onChange({ type: 'recurring', value: { every: value.value.every, from: f } })} year={year} depth={depth + 1} />
            )}
          </Stack>
        );
      }
      case 'continuous':
        return null;
      case 'term-years':
        return (
          <TextInput
            label={t('documents.dueTermYears')}
            description={t('documents.dueTermYearsHint')}
            defaultValue={value.value.years.join(', ')}
            onBlur={(e) => {
              const years = e.currentTarget.value.split(/[^\d]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 10);
              if (years.length > 0) onChange({ type: 'term-years', value: { years } });
            }}
            w={200}
          />
        );
      case 'relative':
        return (
          <Group gap="xs" align="flex-end">
            <Select
              label={t('documents.dueBeforeAfter')}
              data={[{ value: 'before', label: t('documents.dueBefore') }, { value: 'after', label: t('documents.dueAfter') }]}
              value={value.value.days < 0 ? 'before' : 'after'}
              allowDeselect={false}
              onChange={(v) => onChange({ type: 'relative', value: { to: 'event', days: (v === 'before' ? -1 : 1) * Math.abs(value.value.days) } })}
              w={110}
            />
            <NumberInput
              label={t('documents.dueDays')}
              value={Math.abs(value.value.days)}
              min={0}
              max={365}
              allowDecimal={false}
              onChange={(v) => onChange({ type: 'relative', value: { to: 'event', days: (value.value.days < 0 ? -1 : 1) * (Number(v) || 0) } })}
              w={100}
            />
          </Group>
        );
      case 'from':
        return <DueEditor label={t('documents.dueFromOf', { label })} value={value.value} onChange={(f) => onChange({ type: 'from', value: f })} year={year} depth={depth + 1} />;
    }
  })();
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        {typeSelect}
        {body}
      </Group>
      <Text size="xs" c="dimmed">
        {describeDue(value, lang)}
      </Text>
    </Stack>
  );
}
