import { useQuery } from '@tanstack/react-query';
import type { BulkResultSchema, TaskInstanceBulk, TaskInstanceListSchema, TaskInstancePatch, TaskInstanceView } from '#shared/plans.ts';
import type { ObligationList } from '#shared/reports.ts';
import type { z } from '#shared/common.ts';
import { api } from '../../api-client.ts';
import { useMutationWithNotice } from '../use-mutation-with-notice.ts';
import type { Notice } from '../use-mutation-with-notice.ts';

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

/** One task's progress (note, evidence, done), or one action on many (mark them done with one note and evidence). */
export type TaskUpdate = { id: string; patch: TaskInstancePatch } | { bulk: TaskInstanceBulk };

/** Updates task instances; gives back how many were updated. */
export function useUpdateTasks(notice: Notice<TaskUpdate, number>) {
  return useMutationWithNotice({
    mutationFn: async (update: TaskUpdate) => {
      if ('bulk' in update) return (await api.post<z.infer<typeof BulkResultSchema>>('/api/task-instances/bulk', update.bulk)).updated;
      await api.patch<TaskInstanceView>(`/api/task-instances/${update.id}`, update.patch);
      return 1;
    },
    invalidates: [workKeys.all, ['plans']],
    ...notice,
  });
}
