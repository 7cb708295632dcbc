import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField.tsx';

/** When a change to the organisation takes effect, and an optional note on it. */
export interface DatedChange {
  on: string | null;
  note: string;
}

interface Props {
  values: DatedChange;
  errors: Record<string, string>;
  set: (key: keyof DatedChange, value: DatedChange[keyof DatedChange]) => void;
}

/** The foot of every dated change (restructuring a unit, ending or moving a membership): its date and a note. */
export function DatedChangeFields({ values, errors, set }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <DateField label={t('units.effectiveDate')} required value={values.on} onChange={(d) => set('on', d)} error={errors.on} />
      <Textarea label={t('units.note')} autosize minRows={2} value={values.note} onChange={(e) => set('note', e.currentTarget.value)} error={errors.note} />
    </>
  );
}

/** The date and note as the API takes them: no date fails validation, an empty note is left out. */
export function datedChangePayload({ on, note }: DatedChange): { on: string; note?: string } {
  return { on: on ?? '', ...(note.trim() ? { note: note.trim() } : {}) };
}
