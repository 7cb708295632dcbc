import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KIND_LABELS } from '../../../shared/documents.ts';
import type { DocumentList } from '../../../shared/documents.ts';
import { api } from '../../api-client.ts';
import type { DocRef } from './plan-form.ts';
import { useLang } from '../../components/use-lang.ts';

interface Props {
  label: string;
  value: DocRef[];
  onChange: (docs: DocRef[]) => void;
  /** The plan itself, which cannot carry itself out. */
  excludeId?: string | undefined;
  description?: string;
}

/** Chooses the documents a plan carries out ("Thực hiện Kế hoạch số 161-KH/TU …") by number or title. */
export function DocumentPicker({ label, value, onChange, excludeId, description }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['documents', 'list', q, '', 'picker'],
    queryFn: ({ signal }) => api.get<DocumentList>('/api/documents', { q, limit: 20 }, signal),
    enabled: q.length >= 2,
  });
  const options = (found.data?.items ?? [])
    .filter((d) => d.id !== excludeId)
    .map((d) => ({
      value: d.id,
      label: [`${DOCUMENT_KIND_LABELS[d.kind]?.[lang] ?? d.kind} ${d.number ?? ''}`.trim(), d.title].filter(Boolean).join(' — '),
    }));
  const data = [...value.map((d) => ({ value: d.id, label: d.label })), ...options.filter((o) => !value.some((d) => d.id === o.value))];

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? t('plans.editor.implementsPlaceholder') : undefined}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={value.map((d) => d.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: data.find((o) => o.value === id)?.label ?? id })))}
      data={data}
      filter={({ options: o }) => o}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('plans.editor.noDocument') : t('units.searchHint')}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
