import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/labels.ts';

interface Field<T> {
  value: T;
  onChange: (value: T) => void;
  error: string | undefined;
}

/** The category of a membership (full member, probationary member…). */
export function CategorySelect({ value, onChange, error, required }: Field<string> & { required?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Select
      label={t('members.category')}
      required={required}
      data={labels.categoryOptions()}
      value={value}
      onChange={(c) => c && onChange(c)}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The positions a member holds in the unit (secretary, deputy secretary…). */
export function PositionsSelect({ value, onChange, error }: Field<string[]>) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <MultiSelect label={t('members.positions')} data={labels.positionOptions()} value={value} onChange={onChange} error={error} clearable comboboxProps={{ withinPortal: true }} />
  );
}
