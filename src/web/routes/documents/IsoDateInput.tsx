import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatViDate, parseViDate } from '../../../core/text/dates.ts';

/**
 * A light date field typed as dd/mm/yyyy (giving YYYY-MM-DD), for forms with dozens of dates: the
 * review of a document has one per citation and per deadline.
 */
export function IsoDateInput({ label, value, onChange, error }: { label: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined }) {
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
      error={error ?? (bad ? t('documents.badDate') : undefined)}
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
    />
  );
}
