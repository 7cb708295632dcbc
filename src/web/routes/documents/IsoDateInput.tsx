import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../core/ids.ts';
import { formatDate } from '../../components/format.ts';

/** "31/3/2022" or "31-03-2022" → "2022-03-31"; null when it is not a date. */
export function parseVietnameseDate(s: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A light date field typed as dd/mm/yyyy (giving YYYY-MM-DD), for forms with dozens of dates: the
 * review of a document has one per citation and per deadline.
 */
export function IsoDateInput({ label, value, onChange, error }: { label: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDate(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(formatDate(value));
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
        const iso = parseVietnameseDate(text);
        setBad(iso === null);
        if (iso !== null && iso !== value) onChange(iso);
      }}
    />
  );
}
