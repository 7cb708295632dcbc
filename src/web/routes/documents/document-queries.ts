import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Extraction } from '#core/extract/types.ts';
import type { DocumentDetail, DocumentImportResult, DocumentList, IssuingUnit, IssuingUnitList, SaveStructureResult } from '#shared/documents.ts';
import { api } from '../../api-client.ts';
import { useSearchQuery } from '../../components/server-search.ts';
import type { SearchSource } from '../../components/server-search.ts';

export const DOCUMENTS_PAGE = 20;

export const documentKeys = {
  all: ['documents'] as const,
  list: (q: string, kind: string | null, page: number) => ['documents', 'list', q, kind ?? '', page] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  issuingUnits: (q: string) => ['documents', 'issuing-units', q] as const,
};

/** One page of the documents the user may read, searchable without diacritics. */
export function useDocuments(q: string, kind: string | null, page: number) {
  return useQuery({
    queryKey: documentKeys.list(q, kind, page),
    queryFn: ({ signal }) => api.get<DocumentList>('/api/documents', { q: q.trim(), kind, limit: DOCUMENTS_PAGE, offset: (page - 1) * DOCUMENTS_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: documentKeys.detail(id), queryFn: () => api.get<DocumentDetail>(`/api/documents/${id}`) });
}

/** Units the user may import a document for (ended ones too, for old documents), and the largest file the server takes. */
export const ISSUING_UNITS: SearchSource<IssuingUnit, IssuingUnitList> = {
  key: documentKeys.issuingUnits,
  fetch: (text, signal) => api.get<IssuingUnitList>('/api/documents/issuing-units', { q: text }, signal),
  minLength: 0,
};

export function useIssuingUnits(q: string) {
  return useSearchQuery(ISSUING_UNITS, q);
}

/** Uploads a file for a unit; `onProgress` gets 0..1 while the bytes go up. */
export function useImportDocument(onProgress: (fraction: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, unitId }: { file: File; unitId: string | null }) =>
      api.upload<DocumentImportResult>('/api/documents/import', file, { query: { unitId }, onProgress }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['documents', 'list'] }),
  });
}

export function useSaveStructure(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (structure: Extraction) => api.put<SaveStructureResult>(`/api/documents/${id}/structure`, structure),
    onSuccess: () => void client.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export function useCreatePlanFromDocument(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ id: string }>(`/api/plans/from-document/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentKeys.all });
      void client.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}
