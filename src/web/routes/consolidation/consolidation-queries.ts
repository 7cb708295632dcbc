import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsolidationDraftInput, ConsolidationSubmitted, ConsolidationView } from '#shared/consolidation.ts';
import type { PlanList, PlanView } from '#shared/plans.ts';
import { api, apiUrl } from '../../api-client.ts';

export const consolidationKeys = {
  all: ['consolidation'] as const,
  view: (obligationId: string, unit: string | null, period: string | null) => ['consolidation', obligationId, unit ?? '', period ?? ''] as const,
  plans: (unitId: string, view: 'issued' | 'to_carry_out') => ['consolidation', 'plans', unitId, view] as const,
  plan: (planId: string) => ['consolidation', 'plan', planId] as const,
};

/** `?unit=&period=` of the consolidation routes, leaving out what is not chosen. */
export const scopeQuery = (unit: string | null, period: string | null) => ({ unit, period });

/** The consolidated report of a unit's subtree for a period, with its draft and sources. */
export function useConsolidation(obligationId: string, unit: string | null, period: string | null, enabled = true) {
  return useQuery({
    queryKey: consolidationKeys.view(obligationId, unit, period),
    queryFn: ({ signal }) => api.get<ConsolidationView>(`/api/obligations/${obligationId}/consolidation`, scopeQuery(unit, period), signal),
    enabled,
  });
}

export function useSaveConsolidation(obligationId: string, unit: string | null, period: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, baseVersion }: { draft: ConsolidationDraftInput; baseVersion: number }) =>
      api.put<{ version: number }>(apiUrl(`/api/obligations/${obligationId}/consolidation`, scopeQuery(unit, period)), { draft, baseVersion }),
    onSuccess: () => void client.invalidateQueries({ queryKey: consolidationKeys.all }),
  });
}

export function useSubmitConsolidation(obligationId: string, unit: string | null, period: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ConsolidationSubmitted>(apiUrl(`/api/obligations/${obligationId}/consolidation/submit`, scopeQuery(unit, period)), {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: consolidationKeys.all }),
  });
}

/** Published plans of a unit: those it issued, or those it must carry out. */
export function usePublishedPlans(unitId: string | null, view: 'issued' | 'to_carry_out') {
  return useQuery({
    queryKey: consolidationKeys.plans(unitId ?? '', view),
    queryFn: ({ signal }) => api.get<PlanList>('/api/plans', { unitId, view, status: 'published', limit: 100 }, signal),
    enabled: !!unitId,
  });
}

export function usePlanObligations(planId: string) {
  return useQuery({ queryKey: consolidationKeys.plan(planId), queryFn: ({ signal }) => api.get<PlanView>(`/api/plans/${planId}`, undefined, signal) });
}
