import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderWithPath } from './option-with-path.tsx';
import { useServerSearch } from './server-search.ts';
import type { SearchSource } from './server-search.ts';
import { useUnitName } from './unit-names.ts';
import type { UnitRef } from './unit-queries.ts';
import { UNIT_SEARCH } from './unit-search.ts';

/** A unit as a picker offers it: with the names of the units above it, and when it ended. */
export interface UnitOption extends UnitRef {
  path: string[];
  validTo?: string | null;
}

interface Props {
  label: string;
  value: UnitRef | null;
  onChange: (unit: UnitRef | null) => void;
  error?: string | undefined;
  description?: string;
  /** Units that may not be chosen (the unit itself, its current parent…). */
  excludeIds?: string[];
  required?: boolean;
  /** Where the units come from: by default every unit the user may see. */
  source?: SearchSource<UnitOption>;
  placeholder?: string;
  /** Said when a search finds nothing. */
  nothingFound?: string;
  clearable?: boolean;
  /** A word after a unit's name (that it has ended, say). */
  noteOf?: (unit: UnitOption) => string | null;
}

/** Chooses a unit by typing part of its name (diacritics not needed); options show where each stands. */
export function UnitSelect({ label, value, onChange, error, description, excludeIds, required, source = UNIT_SEARCH, placeholder, nothingFound, clearable = true, noteOf }: Props) {
  const { t } = useTranslation();
  const nameOf = useUnitName();
  const search = useServerSearch(source, value ? nameOf(value) : undefined);
  // The unit last chosen keeps its place in the list (with its path) after the search moves on.
  const [chosen, setChosen] = useState<UnitOption | null>(null);
  const options = search.found.filter((u) => !excludeIds?.includes(u.id));
  if (value && !options.some((u) => u.id === value.id)) options.unshift(chosen?.id === value.id ? chosen : { ...value, name: nameOf(value), path: [] });
  const byId = new Map(options.map((u) => [u.id, u]));

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('units.searchPlaceholder')}
      searchable
      clearable={clearable}
      required={required}
      value={value?.id ?? null}
      searchValue={search.search}
      onSearchChange={search.setSearch}
      onChange={(id) => {
        const unit = (id && byId.get(id)) || null;
        setChosen(unit);
        onChange(unit && { id: unit.id, name: unit.name });
      }}
      data={options.map((u) => ({ value: u.id, label: u.name }))}
      filter={({ options: shown }) => shown}
      nothingFoundMessage={search.needsMore ? t('units.searchHint') : (nothingFound ?? t('units.searchNothing'))}
      renderOption={renderWithPath((id) => {
        const u = byId.get(id);
        return u && { path: u.path, note: noteOf?.(u) };
      })}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
