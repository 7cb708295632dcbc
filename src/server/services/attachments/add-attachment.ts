import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { AttachmentFile, AttachmentLimits, ReportAttachmentQuery } from '#shared/attachments.ts';
import { countFiles, fileById } from '../../db/queries/attachments.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkAttachmentType } from './file-type.ts';
import { lockReportForFiles, lockTaskForFiles } from './owners.ts';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

type Owner = { report: string } | { task: string };

/**
 * Stores one file for its owner once its type (extension and content) and the owner's count are
 * checked, and records the upload in the audit log, in the caller's transaction. Throws
 * EMPTY_FILE, ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_CONTENT_MISMATCH, TOO_MANY_ATTACHMENTS.
 */
async function store(owner: Owner, unitPath: string, file: UploadedFile, limits: AttachmentLimits, { actor, tx, now }: ServiceContext): Promise<AttachmentFile> {
  const type = checkAttachmentType(file.filename, file.data);
  if ((await countFiles(tx, owner)) >= limits.maxCount) {
    throw new DomainError('TOO_MANY_ATTACHMENTS', `Đã đủ ${limits.maxCount} tệp đính kèm (tối đa ${limits.maxCount} tệp); hãy gỡ bớt tệp trước khi thêm.`);
  }
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  await tx.execute(sql`
    INSERT INTO attachment (id, obligation_instance_id, task_instance_id, file_name, mime, size_bytes, sha256, bytes, uploaded_by, uploaded_at)
    VALUES (${id}, ${'report' in owner ? owner.report : null}, ${'task' in owner ? owner.task : null}, ${type.name}, ${type.mime}, ${file.data.length},
            ${sha256}, ${file.data}, ${actor.userId}, ${now.toISOString()})`);
  await writeAudit(tx, actor, {
    action: 'attachment.upload', entity: 'attachment', entityId: id, unitPath,
    after: { ...('report' in owner ? { obligationInstanceId: owner.report } : { taskInstanceId: owner.task }), name: type.name, size: file.data.length, sha256 },
  }, now);
  return (await fileById(tx, id))!;
}

/**
 * Attaches a file to a unit's report: it joins the working set, which the next version sent
 * carries (a version already sent keeps its own files). Needs the right to submit the report
 * (`onBehalf` for the level above entering it from paper) while it is open.
 */
export async function addReportAttachment(instanceId: string, file: UploadedFile, query: ReportAttachmentQuery, limits: AttachmentLimits, s: ServiceContext): Promise<AttachmentFile> {
  const inst = await lockReportForFiles(s.tx, s.actor, instanceId, query.onBehalf === 'true');
  return store({ report: inst.id }, inst.unitPath, file, limits, s);
}

/** Attaches a file to a task instance as evidence. Needs `write` on the instance's unit. */
export async function addTaskAttachment(taskInstanceId: string, file: UploadedFile, limits: AttachmentLimits, s: ServiceContext): Promise<AttachmentFile> {
  const ti = await lockTaskForFiles(s.tx, s.actor, taskInstanceId);
  return store({ task: ti.id }, ti.accessPath, file, limits, s);
}
