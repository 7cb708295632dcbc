import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CancelResult, Coverage, Heatmap, OverdueList, PlanDraft, PlanList, PlanStatus, PlanSummary, PlanTree, PlanUnitProposals, PlanUpdate, PlanView, PublishResult, StaleUnitSchema,
} from '#shared/plans.ts';
import type { z } from '#shared/common.ts';
import { api } from '../../api-client.ts';

export const PLANS_PAGE = 20;
export const OVERDUE_PAGE = 20;

export type PlanListView = 'issued' | 'to_carry_out';
export type StaleUnit = z.infer<typeof StaleUnitSchema>;

export const planKeys = {
  all: ['plans'] as const,
  list: (unitId: string, view: PlanListView, q: string, page: number, status?: PlanStatus) => ['plans', 'list', unitId, view, q, page, status ?? 'current'] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  unitProposals: (id: string) => ['plans', 'detail', id, 'unit-proposals'] as const,
  dashboard: (id: string) => ['plans', 'dashboard', id] as const,
  summary: (id: string, unit: string) => ['plans', 'dashboard', id, 'summary', unit] as const,
  heatmap: (id: string, unit: string) => ['plans', 'dashboard', id, 'heatmap', unit] as const,
  overdue: (id: string, unit: string, page: number) => ['plans', 'dashboard', id, 'overdue', unit, page] as const,
  stale: (id: string, unit: string, days: number) => ['plans', 'dashboard', id, 'stale', unit, days] as const,
  coverage: (id: string, unit: string) => ['plans', 'dashboard', id, 'coverage', unit] as const,
  tree: (id: string) => ['plans', 'dashboard', id, 'tree'] as const,
};

/** One page of a unit's plans: those it issued, or those it must carry out; cancelled ones only when `status` asks for them. */
export function usePlans(unitId: string | null, view: PlanListView, q: string, page: number, status?: PlanStatus) {
  return useQuery({
    queryKey: planKeys.list(unitId ?? '', view, q, page, status),
    queryFn: ({ signal }) =>
      api.get<PlanList>('/api/plans', { unitId, view, status, q: q.trim(), limit: PLANS_PAGE, offset: (page - 1) * PLANS_PAGE }, signal),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: planKeys.detail(id ?? ''), queryFn: () => api.get<PlanView>(`/api/plans/${id}`), enabled: !!id });
}

/** The units the names a draft writes as the document does stand for, to pre-select in the editor. */
export function usePlanUnitProposals(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.unitProposals(id ?? ''),
    queryFn: () => api.get<PlanUnitProposals>(`/api/plans/${id}/unit-proposals`),
    enabled: !!id,
    staleTime: Infinity,
  });
}

/** Creates a draft (no id yet) or saves the whole draft; gives back the plan's id. */
export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, draft }: { id: string | null; draft: PlanDraft }): Promise<string> => {
      if (!id) return (await api.post<{ id: string }>('/api/plans', draft)).id;
      const update: PlanUpdate = draft;
      await api.put(`/api/plans/${id}`, update);
      return id;
    },
    onSuccess: (planId) => {
      void client.invalidateQueries({ queryKey: ['plans', 'list'] });
      void client.invalidateQueries({ queryKey: planKeys.detail(planId) });
    },
  });
}

export function usePublishPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<PublishResult>(`/api/plans/${id}/publish`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: planKeys.all });
      void client.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

/** Deletes a draft never published (the plan page then leaves for the list). */
export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/plans/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans', 'list'] }),
  });
}

/** Cancels ("thu hồi") a published plan, or one unit's task or report of it, with a reason. */
export function useCancel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ url, reason }: { url: string; reason: string }) => api.post<CancelResult>(url, { reason }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: planKeys.all });
      void client.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

/** The URL that cancels a plan, a task instance or a report instance. */
export function cancelUrl(what: 'plan' | 'task' | 'report', id: string): string {
  return what === 'plan' ? `/api/plans/${id}/cancel` : what === 'task' ? `/api/task-instances/${id}/cancel` : `/api/obligation-instances/${id}/cancel`;
}

/** "Make our implementing plan": a draft of `unitId` pre-filled from the plan addressed to it. */
export function useCreateImplementingPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, unitId }: { planId: string; unitId: string }) => api.post<{ id: string }>(`/api/plans/${planId}/implementing`, { unitId }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans', 'list'] }),
  });
}

export function usePlanSummary(id: string, unit: string) {
  return useQuery({
    queryKey: planKeys.summary(id, unit),
    queryFn: () => api.get<PlanSummary>(`/api/plans/${id}/summary`, { unit }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanHeatmap(id: string, unit: string) {
  return useQuery({ queryKey: planKeys.heatmap(id, unit), queryFn: () => api.get<Heatmap>(`/api/plans/${id}/heatmap`, { unit }) });
}

export function usePlanOverdue(id: string, unit: string, page: number) {
  return useQuery({
    queryKey: planKeys.overdue(id, unit, page),
    queryFn: () =>
      api.get<OverdueList>(`/api/plans/${id}/overdue`, { unit, limit: OVERDUE_PAGE, offset: (page - 1) * OVERDUE_PAGE }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanStale(id: string, unit: string, days: number) {
  return useQuery({
    queryKey: planKeys.stale(id, unit, days),
    queryFn: () => api.get<{ items: StaleUnit[]; total: number }>(`/api/plans/${id}/stale`, { unit, days, limit: 50 }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanCoverage(id: string, unit: string) {
  return useQuery({ queryKey: planKeys.coverage(id, unit), queryFn: () => api.get<Coverage>(`/api/plans/${id}/coverage`, { unit }) });
}

export function usePlanTree(id: string) {
  return useQuery({ queryKey: planKeys.tree(id), queryFn: () => api.get<PlanTree>(`/api/plans/${id}/tree`) });
}
