import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkResultSchema, TaskInstanceBulk, TaskInstanceListSchema, TaskInstancePatch, TaskInstanceView } from '../../../shared/plans.ts';
import type { ObligationList } from '../../../shared/reports.ts';
import type { z } from '../../../shared/common.ts';
import { api } from '../../api-client.ts';

/** The most the work lists ask for at once (the server's page size). */
export const WORK_LIMIT = 200;

export const workKeys = {
  all: ['work'] as const,
  tasks: (unitId: string, planId: string | null) => ['work', 'tasks', unitId, planId ?? ''] as const,
  obligations: (unitId: string, status: string) => ['work', 'obligations', unitId, status] as const,
};

/** The unit's task instances of published plans (of one plan when given), open ones first by due date. */
export function useUnitTasks(unitId: string | null, planId: string | null = null) {
  return useQuery({
    queryKey: workKeys.tasks(unitId ?? '', planId),
    queryFn: () => api.get<z.infer<typeof TaskInstanceListSchema>>(`/api/units/${unitId}/task-instances`, { planId, limit: WORK_LIMIT }),
    enabled: !!unitId,
  });
}

/** What the unit must report (`open`: not submitted yet), open ones first by due date. */
export function useUnitObligations(unitId: string | null, status: 'all' | 'open' = 'all') {
  return useQuery({
    queryKey: workKeys.obligations(unitId ?? '', status),
    queryFn: () => api.get<ObligationList>(`/api/units/${unitId}/obligations`, { status, limit: WORK_LIMIT }),
    enabled: !!unitId,
  });
}

function useInvalidateWork() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: workKeys.all });
    void client.invalidateQueries({ queryKey: ['plans'] });
  };
}

/** One action on many task instances (mark done with one note and evidence). */
export function useBulkUpdateTasks() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: TaskInstanceBulk) => api.post<z.infer<typeof BulkResultSchema>>('/api/task-instances/bulk', body),
    onSuccess: invalidate,
  });
}

export function useUpdateTask() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TaskInstancePatch }) => api.patch<TaskInstanceView>(`/api/task-instances/${id}`, patch),
    onSuccess: invalidate,
  });
}
