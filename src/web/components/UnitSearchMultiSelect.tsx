import { MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch } from './unit-queries.ts';
import type { UnitSearchItem } from './unit-queries.ts';

interface Props {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  description?: string;
  excludeIds?: string[];
}

/** Chooses several units by typing part of their names; options show the path. */
export function UnitSearchMultiSelect({ label, value, onChange, error, description, excludeIds }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<UnitSearchItem[]>([]);
  const [debounced] = useDebouncedValue(search, 250);
  const query = useUnitSearch(debounced);
  const items = useMemo(() => {
    const found = (query.data?.items ?? []).filter((u) => !excludeIds?.includes(u.id));
    for (const c of chosen) if (!found.some((u) => u.id === c.id)) found.push(c);
    return found;
  }, [query.data, chosen, excludeIds]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? t('units.searchPlaceholder') : undefined}
      searchable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        setChosen(ids.map((id) => byId.get(id)).filter((u): u is UnitSearchItem => !!u));
        onChange(ids);
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
      hidePickedOptions
    />
  );
}
