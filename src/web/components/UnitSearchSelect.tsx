import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch } from './unit-queries.ts';
import type { UnitSearchItem } from './unit-queries.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null, item: UnitSearchItem | null) => void;
  error?: string | undefined;
  description?: string;
  /** Units that may not be chosen (the unit itself, its current parent…). */
  excludeIds?: string[];
  required?: boolean;
  /** The name of the unit already chosen (editing an existing value). */
  valueLabel?: string;
}

/** Chooses a unit by typing part of its name (diacritics not needed); options show the path. */
export function UnitSearchSelect({ label, value, onChange, error, description, excludeIds, required, valueLabel }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<UnitSearchItem | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const query = useUnitSearch(chosen && debounced === chosen.name ? '' : debounced);
  const items = useMemo(() => {
    const found = (query.data?.items ?? []).filter((u) => !excludeIds?.includes(u.id));
    if (chosen && !found.some((u) => u.id === chosen.id)) found.unshift(chosen);
    if (value && valueLabel && !found.some((u) => u.id === value)) {
      found.unshift({ id: value, name: valueLabel, path: [], kind: 'cell', shortName: null, parentId: null, validFrom: '', validTo: null, childCount: 0 });
    }
    return found;
  }, [query.data, chosen, excludeIds, value, valueLabel]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('units.searchPlaceholder')}
      searchable
      clearable
      required={required}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const item = id ? (byId.get(id) ?? null) : null;
        setChosen(item);
        onChange(id, item);
      }}
      data={items.map((u) => ({ value: u.id, label: u.name }))}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim().length >= 2 && !query.isFetching ? t('units.searchNothing') : t('units.searchHint')}
      renderOption={({ option }) => {
        const u = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {u && u.path.length > 0 && (
              <Text size="xs" c="dimmed">
                {u.path.join(' › ')}
              </Text>
            )}
          </Stack>
        );
      }}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
