import { DatePickerInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  description?: string;
  clearable?: boolean;
  required?: boolean;
  placeholder?: string;
  maxDate?: string;
  minDate?: string;
}

/** A date picker that shows dd/mm/yyyy and gives back YYYY-MM-DD; a full-screen calendar on phones. */
export function DateField({ label, value, onChange, error, description, clearable, required, placeholder, maxDate, minDate }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 30em)');
  return (
    <DatePickerInput
      label={label}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      placeholder={placeholder ?? t('common.datePlaceholder')}
      leftSection={<IconCalendar size={18} aria-hidden />}
      error={error}
      description={description}
      clearable={clearable}
      required={required}
      maxDate={maxDate}
      minDate={minDate}
      dropdownType={phone ? 'modal' : 'popover'}
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
    />
  );
}
