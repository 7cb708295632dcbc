import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AttachmentFile } from '#shared/attachments.ts';
import type { Db, Tx } from '../client.ts';
import { isoTime } from './reports.ts';

/** What a list shows of a file (never its bytes), from `attachment a` with the uploader's name. */
const FILE_COLUMNS = sql`a.id, a.file_name AS name, a.mime, a.size_bytes AS size, a.sha256, a.uploaded_by AS "uploadedById",
  coalesce(p.full_name, au.username) AS "uploadedByName", a.uploaded_at AS "uploadedAt"`;
const FILE_FROM = sql`attachment a LEFT JOIN app_user au ON au.id = a.uploaded_by LEFT JOIN person p ON p.id = au.person_id`;

type FileRow = Omit<AttachmentFile, 'uploadedBy' | 'uploadedAt'> & { uploadedById: string | null; uploadedByName: string | null; uploadedAt: unknown };

const present = (r: FileRow): AttachmentFile => ({
  id: r.id, name: r.name, mime: r.mime, size: Number(r.size), sha256: r.sha256,
  uploadedBy: r.uploadedById ? { id: r.uploadedById, name: r.uploadedByName ?? '' } : null,
  uploadedAt: isoTime(r.uploadedAt),
});

async function filesWhere(tx: Db | Tx, where: SQL): Promise<AttachmentFile[]> {
  const r = await tx.execute<FileRow>(sql`SELECT ${FILE_COLUMNS} FROM ${FILE_FROM} WHERE ${where} ORDER BY a.seq`);
  return r.rows.map(present);
}

/** A report's working set: the files the next version sends (those the last carried forward, and the new ones). */
export const reportWorkingSet = (tx: Db | Tx, instanceId: string) =>
  filesWhere(tx, sql`a.obligation_instance_id = ${instanceId} AND a.removed_at IS NULL`);

/** The files each version of a report sent, by submission id. */
export async function versionFiles(tx: Db | Tx, instanceId: string): Promise<Map<string, AttachmentFile[]>> {
  const r = await tx.execute<FileRow & { submissionId: string }>(sql`
    SELECT sa.submission_id AS "submissionId", ${FILE_COLUMNS}
    FROM submission_attachment sa JOIN submission s ON s.id = sa.submission_id JOIN ${FILE_FROM} ON a.id = sa.attachment_id
    WHERE s.obligation_instance_id = ${instanceId}
    ORDER BY a.seq`);
  const out = new Map<string, AttachmentFile[]>();
  for (const row of r.rows) {
    const list = out.get(row.submissionId) ?? [];
    list.push(present(row));
    out.set(row.submissionId, list);
  }
  return out;
}

/** The files of a task instance. */
export const taskFiles = (tx: Db | Tx, taskInstanceId: string) => filesWhere(tx, sql`a.task_instance_id = ${taskInstanceId}`);

/** One file, with its owner. */
export const fileById = async (tx: Db | Tx, id: string) => (await filesWhere(tx, sql`a.id = ${id}`))[0] ?? null;

/** How many files a report's working set or a task instance holds. */
export async function countFiles(tx: Tx, owner: { report: string } | { task: string }): Promise<number> {
  const where = 'report' in owner
    ? sql`obligation_instance_id = ${owner.report} AND removed_at IS NULL`
    : sql`task_instance_id = ${owner.task}`;
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM attachment WHERE ${where}`);
  return r.rows[0]!.n;
}

/** An attachment's owner and state, locked for a removal. */
export async function lockAttachment(tx: Tx, id: string): Promise<{
  id: string; name: string; obligationInstanceId: string | null; taskInstanceId: string | null; removedAt: unknown; sent: boolean;
} | null> {
  const r = await tx.execute<{ id: string; name: string; obligationInstanceId: string | null; taskInstanceId: string | null; removedAt: unknown; sent: boolean }>(sql`
    SELECT a.id, a.file_name AS name, a.obligation_instance_id AS "obligationInstanceId", a.task_instance_id AS "taskInstanceId", a.removed_at AS "removedAt",
           EXISTS (SELECT 1 FROM submission_attachment sa WHERE sa.attachment_id = a.id) AS sent
    FROM attachment a WHERE a.id = ${id} FOR UPDATE OF a`);
  return r.rows[0] ?? null;
}
