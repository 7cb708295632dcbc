import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ObligationInstanceDetail, ObligationStatusList, ReviewResult, SubmissionInput, SubmissionSaved,
} from '#shared/reports.ts';
import { api } from '../../api-client.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import type { Notice } from '../../components/use-mutation-with-notice.ts';

export const STATUS_PAGE = 50;

export const reportKeys = {
  all: ['reports'] as const,
  instance: (id: string) => ['reports', 'instance', id] as const,
  status: (id: string, unit: string | null, period: string | null, state: string, page: number) =>
    ['reports', 'status', id, unit ?? '', period ?? '', state, page] as const,
};

/** One report of a unit with every version, and what the reader may do with it. */
export function useObligationInstance(id: string) {
  return useQuery({ queryKey: reportKeys.instance(id), queryFn: () => api.get<ObligationInstanceDetail>(`/api/obligation-instances/${id}`) });
}

/** What a report's change makes stale: the report, the work lists, the plans' dashboards and lists. */
const REPORT_CHANGE = [reportKeys.all, ['work'], ['plans', 'dashboard'], ['plans', 'list']] as const;

/** Saves the draft (`submit: false`) or submits the report of an obligation instance. */
export function useSaveSubmission(instanceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmissionInput) => api.post<SubmissionSaved>(`/api/obligations/${instanceId}/submissions`, body),
    // Try even when the browser says it is offline: the failure is what keeps the report on the device.
    networkMode: 'always',
    onSuccess: () => {
      for (const queryKey of REPORT_CHANGE) void client.invalidateQueries({ queryKey });
    },
  });
}

type Review = { submissionId: string; decision: 'accept' | 'return'; comment: string };

/** The receiving level accepts a submitted version, or returns it with a comment. */
export function useReviewSubmission(notice: Notice<Review, ReviewResult>) {
  return useMutationWithNotice({
    mutationFn: ({ submissionId, decision, comment }: Review) =>
      api.post<ReviewResult>(`/api/submissions/${submissionId}/${decision}`, decision === 'return' ? { comment } : comment ? { comment } : {}),
    invalidates: REPORT_CHANGE,
    ...notice,
  });
}

export function useObligationStatus(id: string, unit: string | null, period: string | null, state: string, page: number, reach: 'received' | 'subtree' = 'received') {
  return useQuery({
    queryKey: [...reportKeys.status(id, unit, period, state, page), reach],
    queryFn: () =>
      api.get<ObligationStatusList>(`/api/obligations/${id}/status`, { unit, period, state, reach, limit: STATUS_PAGE, offset: (page - 1) * STATUS_PAGE }),
    placeholderData: keepPreviousData,
  });
}
