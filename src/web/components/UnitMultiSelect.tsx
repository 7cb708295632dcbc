import { useTranslation } from 'react-i18next';
import { SearchMultiSelect } from './SearchMultiSelect.tsx';
import { useUnitName } from './unit-names.ts';
import type { UnitRef } from './unit-queries.ts';
import { UNIT_SEARCH } from './unit-search.ts';

interface Props {
  label: string;
  value: UnitRef[];
  onChange: (units: UnitRef[]) => void;
  error?: string | undefined;
  description?: string;
  /** Units that may not be chosen. */
  excludeIds?: readonly string[];
}

/** Chooses several units by typing part of their names (diacritics not needed); options show where each stands. */
export function UnitMultiSelect({ label, value, onChange, error, description, excludeIds }: Props) {
  const { t } = useTranslation();
  const nameOf = useUnitName();
  return (
    <SearchMultiSelect
      label={label}
      description={description}
      value={value.map((u) => ({ id: u.id, label: nameOf(u) }))}
      onChange={(chosen) => onChange(chosen.map((c) => value.find((u) => u.id === c.id) ?? { id: c.id, name: c.label }))}
      source={UNIT_SEARCH}
      option={(u) => ({ id: u.id, label: u.name, path: u.path })}
      placeholder={t('units.searchPlaceholder')}
      nothingFound={t('units.searchNothing')}
      error={error}
      excludeIds={excludeIds}
    />
  );
}
