import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentFile, AttachmentList } from '#shared/attachments.ts';
import { api } from '../../api-client.ts';

/** Where a file is downloaded (always as a download: docs/decisions/015). */
export const fileUrl = (id: string) => `/api/attachments/${id}`;

/** Whose files: a unit's report (its working set; `onBehalf` when the level above enters it from paper) or a task instance. */
export type FileOwner = { report: string; onBehalf?: boolean } | { task: string };

export const attachmentKeys = {
  task: (id: string) => ['attachments', 'task', id] as const,
};

/** The files of a task instance, with the limits and whether the reader may change them. */
export function useTaskFiles(taskInstanceId: string) {
  return useQuery({ queryKey: attachmentKeys.task(taskInstanceId), queryFn: () => api.get<AttachmentList>(`/api/task-instances/${taskInstanceId}/attachments`) });
}

/** What a change of an owner's files makes stale: the report page, or the task's list. */
function staleOf(owner: FileOwner) {
  return 'report' in owner ? [['reports', 'instance', owner.report]] : [attachmentKeys.task(owner.task), ['work']];
}

const onBehalfQuery = (owner: FileOwner) => ('report' in owner && owner.onBehalf ? { onBehalf: 'true' } : undefined);

/** Uploads one file to its owner, reporting the progress of the bytes going up (0..1). */
export function useUploadFile(owner: FileOwner, onProgress: (fraction: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<AttachmentFile>('report' in owner ? `/api/obligation-instances/${owner.report}/attachments` : `/api/task-instances/${owner.task}/attachments`, file, {
        query: onBehalfQuery(owner),
        onProgress,
      }),
    onSuccess: async () => {
      await Promise.all(staleOf(owner).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

/** Removes one file from its owner (from a report's working set: a version already sent keeps it). */
export function useRemoveFile(owner: FileOwner) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => {
      const q = onBehalfQuery(owner);
      return api.delete(`${fileUrl(id)}${q ? '?onBehalf=true' : ''}`);
    },
    onSuccess: async () => {
      await Promise.all(staleOf(owner).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
