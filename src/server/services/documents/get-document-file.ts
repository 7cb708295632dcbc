import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { lookupDocument } from '../../db/queries/documents.ts';
import { isSecretHidden } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The file a document was imported from, as it came. Throws NOT_FOUND for a document out of the
 * actor's sight (a secret one the actor may not read as a plan included), FILE_NOT_FOUND for one without a file (a stub).
 */
export async function getDocumentFile(id: string, { actor, tx }: ServiceContext): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  const doc = await lookupDocument(tx, id);
  if (!doc || (doc.ownerPath !== null && !can(actor, 'read', doc.ownerPath)) || (await isSecretHidden(tx, actor, id))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem.');
  }
  const r = await tx.execute<{ fileName: string; mime: string; bytes: Uint8Array }>(sql`
    SELECT file_name AS "fileName", mime, bytes FROM document_file WHERE document_id = ${id}`);
  const f = r.rows[0];
  if (!f) throw new DomainError('FILE_NOT_FOUND', 'Văn bản này không có tệp gốc (chỉ được biết qua trích dẫn).');
  return { fileName: f.fileName, mime: f.mime, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) };
}
