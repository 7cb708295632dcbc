import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { renderWithPath } from './option-with-path.tsx';
import { useServerSearch } from './server-search.ts';
import type { SearchSource } from './server-search.ts';

/** A chosen item as a form holds it: its id and the label it was chosen under. */
export interface Choice {
  id: string;
  label: string;
}

interface Props<T> {
  label: string;
  value: Choice[];
  onChange: (value: Choice[]) => void;
  source: SearchSource<T>;
  /** How a found item is offered: its id, its label and, when it has one, where it stands (shown under the label). */
  option: (item: T) => Choice & { path?: string[] };
  placeholder: string;
  /** Said when a search finds nothing. */
  nothingFound: string;
  error?: string | undefined;
  description?: string;
  excludeIds?: readonly string[];
}

/** Chooses several items by typing part of them; the server searches, the chosen ones stay in the box. */
export function SearchMultiSelect<T>({ label, value, onChange, source, option, placeholder, nothingFound, error, description, excludeIds }: Props<T>) {
  const { t } = useTranslation();
  const search = useServerSearch(source);
  const found = search.found.map(option).filter((o) => !excludeIds?.includes(o.id));
  const paths = new Map(found.map((o) => [o.id, o.path ?? []]));
  const choices = [...value, ...found.filter((o) => !value.some((v) => v.id === o.id))];

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? placeholder : undefined}
      searchable
      value={value.map((v) => v.id)}
      searchValue={search.search}
      onSearchChange={search.setSearch}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: choices.find((c) => c.id === id)?.label ?? id })))}
      data={choices.map((c) => ({ value: c.id, label: c.label }))}
      filter={({ options }) => options}
      nothingFoundMessage={search.needsMore ? t('units.searchHint') : nothingFound}
      renderOption={found.some((o) => o.path) ? renderWithPath((id) => ({ path: paths.get(id) ?? [] })) : undefined}
      error={error}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
