import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { ATTACHMENT_EXTENSIONS } from '#shared/attachments.ts';
import type { AttachmentLimits, AttachmentList } from '#shared/attachments.ts';
import { taskFiles } from '../../db/queries/attachments.ts';
import { resourcePaths } from '../../db/queries/access.ts';
import type { ServiceContext } from '../context.ts';
import { sql } from 'drizzle-orm';

/** The limits as a list states them. */
export const limitsOf = (limits: AttachmentLimits): AttachmentList['limits'] => ({ ...limits, extensions: ATTACHMENT_EXTENSIONS });

/** The files attached to a task instance, and whether the reader may add and remove them. Throws NOT_FOUND. */
export async function listTaskAttachments(id: string, limits: AttachmentLimits, { actor, tx }: ServiceContext): Promise<AttachmentList> {
  const [path] = await resourcePaths.task_instance(tx, id);
  if (!path || !can(actor, 'read', path)) throw new DomainError('NOT_FOUND', 'Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem.');
  const status = (await tx.execute<{ status: string }>(sql`SELECT status FROM task_instance WHERE id = ${id}`)).rows[0]?.status;
  return { items: await taskFiles(tx, id), limits: limitsOf(limits), can: { change: status !== 'cancelled' && can(actor, 'write', path) } };
}
