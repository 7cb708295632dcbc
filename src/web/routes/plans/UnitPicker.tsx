import { MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../shared/units.ts';
import { api } from '../../api-client.ts';
import { unitKeys, useUnitSearch } from '../../components/unit-queries.ts';
import type { UnitRef } from './plan-form.ts';

/** Names of units the editor knows only by id, looked up once for the whole form. */
export const UnitNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The name to show for a chosen unit: its own, or the one looked up. */
export function useUnitName(): (u: UnitRef) => string {
  const names = useContext(UnitNamesContext);
  return (u) => u.name || names.get(u.id) || '…';
}

/**
 * Names of units known only by id (a loaded plan keeps the ids of its chosen units): read once
 * each from the unit's page data. Ids whose name is already known are not asked for.
 */
export function useUnitNames(ids: readonly string[], known: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  const results = useQueries({
    queries: missing.map((id) => ({
      queryKey: unitKeys.detail(id),
      queryFn: () => api.get<UnitDetail>(`/api/units/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map(known);
  results.forEach((r, i) => {
    if (r.data) names.set(missing[i]!, r.data.name);
  });
  return names;
}

interface Props {
  label: string;
  value: UnitRef[];
  onChange: (units: UnitRef[]) => void;
  error?: string | undefined;
  description?: string;
}

/** Chooses several units by typing part of their names (diacritics not needed); options show where each stands. */
export function UnitPicker({ label, value, onChange, error, description }: Props) {
  const { t } = useTranslation();
  const nameOf = useUnitName();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const query = useUnitSearch(debounced);
  const found = query.data?.items ?? [];
  const paths = useMemo(() => new Map(found.map((u) => [u.id, u.path])), [found]);
  const data = useMemo(() => {
    const out = value.map((u) => ({ value: u.id, label: nameOf(u) }));
    for (const u of found) if (!out.some((o) => o.value === u.id)) out.push({ value: u.id, label: u.name });
    return out;
  }, [value, found, nameOf]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? t('units.searchPlaceholder') : undefined}
      searchable
      value={value.map((u) => u.id)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => onChange(ids.map((id) => value.find((v) => v.id === id) ?? { id, name: found.find((u) => u.id === id)?.name ?? '' }))}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim().length >= 2 && !query.isFetching ? t('units.searchNothing') : t('units.searchHint')}
      renderOption={({ option }) => {
        const path = paths.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {path && path.length > 0 && (
              <Text size="xs" c="dimmed">
                {path.join(' › ')}
              </Text>
            )}
          </Stack>
        );
      }}
      error={error}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
