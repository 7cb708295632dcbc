import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ObligationInstanceDetail, ObligationStatusList, ReviewResult, SubmissionInput, SubmissionSaved, UrgeInput, UrgeResult,
} from '../../../shared/reports.ts';
import { api } from '../../api-client.ts';

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

function useInvalidateReports() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: reportKeys.all });
    void client.invalidateQueries({ queryKey: ['work'] });
    void client.invalidateQueries({ queryKey: ['plans', 'dashboard'] });
    void client.invalidateQueries({ queryKey: ['plans', 'list'] });
  };
}

/** Saves the draft (`submit: false`) or submits the report of an obligation instance. */
export function useSaveSubmission(instanceId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: SubmissionInput) => api.post<SubmissionSaved>(`/api/obligations/${instanceId}/submissions`, body),
    // Try even when the browser says it is offline: the failure is what keeps the report on the device.
    networkMode: 'always',
    onSuccess: invalidate,
  });
}

/** The receiving level accepts a submitted version, or returns it with a comment. */
export function useReviewSubmission() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ submissionId, decision, comment }: { submissionId: string; decision: 'accept' | 'return'; comment: string }) =>
      api.post<ReviewResult>(`/api/submissions/${submissionId}/${decision}`, decision === 'return' ? { comment } : comment ? { comment } : {}),
    onSuccess: invalidate,
  });
}

export function useObligationStatus(id: string, unit: string | null, period: string | null, state: string, page: number) {
  return useQuery({
    queryKey: reportKeys.status(id, unit, period, state, page),
    queryFn: () =>
      api.get<ObligationStatusList>(`/api/obligations/${id}/status`, { unit, period, state, limit: STATUS_PAGE, offset: (page - 1) * STATUS_PAGE }),
    placeholderData: keepPreviousData,
  });
}

/** Urges, in one action, every unit that has not sent the report of a period. */
export function useUrge(obligationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UrgeInput) => api.post<UrgeResult>(`/api/obligations/${obligationId}/urge`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
