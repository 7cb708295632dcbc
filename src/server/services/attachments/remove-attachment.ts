import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { ReportAttachmentQuery } from '#shared/attachments.ts';
import { lockAttachment } from '../../db/queries/attachments.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../reports/rules.ts';
import { lockReportForFiles, lockTaskForFiles } from './owners.ts';

/**
 * Removes a file. From a report, only from its working set while the report is open: a version
 * already sent still lists the file (its row stays, out of the working set); a file no version
 * sent is deleted. From a task instance, the file is deleted. The removal is audit-logged.
 * Throws NOT_FOUND, FORBIDDEN, SUBMISSION_LOCKED, REPORT_CLOSED, INSTANCE_CANCELLED,
 * ATTACHMENT_LOCKED (the file belongs only to a version already sent).
 */
export async function removeAttachment(id: string, query: ReportAttachmentQuery, { actor, tx, now }: ServiceContext): Promise<{ id: string; removed: true }> {
  const a = await lockAttachment(tx, id);
  if (!a) throw notFound();
  let unitPath: string;
  if (a.obligationInstanceId) {
    unitPath = (await lockReportForFiles(tx, actor, a.obligationInstanceId, query.onBehalf === 'true')).unitPath;
    if (a.removedAt !== null) {
      throw new DomainError('ATTACHMENT_LOCKED', 'Tệp này chỉ còn trong phiên bản báo cáo đã gửi; phiên bản đã gửi không thay đổi được.');
    }
  } else {
    unitPath = (await lockTaskForFiles(tx, actor, a.taskInstanceId!)).accessPath;
  }
  if (a.sent) await tx.execute(sql`UPDATE attachment SET removed_at = ${now.toISOString()}, removed_by = ${actor.userId} WHERE id = ${id}`);
  else await tx.execute(sql`DELETE FROM attachment WHERE id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'attachment.remove', entity: 'attachment', entityId: id, unitPath,
    before: { name: a.name, ...(a.obligationInstanceId ? { obligationInstanceId: a.obligationInstanceId } : { taskInstanceId: a.taskInstanceId }) },
    after: { keptForSentVersion: a.sent },
  }, now);
  return { id, removed: true };
}
