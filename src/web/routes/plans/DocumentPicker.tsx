import { useTranslation } from 'react-i18next';
import { DOCUMENT_KIND_LABELS } from '#shared/documents.ts';
import type { DocumentList } from '#shared/documents.ts';
import { api } from '../../api-client.ts';
import { SearchMultiSelect } from '../../components/SearchMultiSelect.tsx';
import type { SearchSource } from '../../components/server-search.ts';
import { useLang } from '../../components/use-lang.ts';
import type { DocRef } from './plan-form.ts';

type Found = DocumentList['items'][number];

const DOCUMENTS: SearchSource<Found, DocumentList> = {
  key: (text) => ['documents', 'list', text, '', 'picker'],
  fetch: (text, signal) => api.get<DocumentList>('/api/documents', { q: text, limit: 20 }, signal),
  minLength: 2,
};

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
  const kind = (d: Found) => DOCUMENT_KIND_LABELS[d.kind]?.[lang] ?? d.kind;
  return (
    <SearchMultiSelect
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      source={DOCUMENTS}
      option={(d) => ({ id: d.id, label: [`${kind(d)} ${d.number ?? ''}`.trim(), d.title].filter(Boolean).join(' — ') })}
      placeholder={t('plans.editor.implementsPlaceholder')}
      nothingFound={t('plans.editor.noDocument')}
      excludeIds={excludeId ? [excludeId] : undefined}
    />
  );
}
