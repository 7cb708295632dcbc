import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '#core/ids.ts';
import { formatViDate, parseViDate } from '#core/text/dates.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: IsoDate | null) => void;
  error?: string | undefined;
  /** Width in pixels; the field fills its column when none is given. */
  w?: number;
}

/**
 * A date typed as dd/mm/yyyy (also d/m/yyyy, with "-" or "."), giving YYYY-MM-DD when the field is
 * left; a text that is not a date is kept and marked. A plain text field rather than a calendar:
 * the review of a document has one per citation and per deadline, and a plan one per task.
 * DateField is the calendar picker for forms with a date or two.
 */
export function TypedDateInput({ label, value, onChange, error, w }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatViDate(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(formatViDate(value));
    setBad(false);
  }, [value]);
  return (
    <TextInput
      label={label}
      value={text}
      placeholder={t('common.datePlaceholder')}
      inputMode="numeric"
      error={error ?? (bad ? t('common.badDate') : undefined)}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => {
        if (text.trim() === '') {
          setBad(false);
          if (value !== null) onChange(null);
          return;
        }
        const iso = parseViDate(text);
        setBad(iso === null);
        if (iso !== null && iso !== value) onChange(iso);
      }}
      w={w}
    />
  );
}
