import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import type { ServiceContext } from '../context.ts';
import { resourcePaths } from '../../db/queries/access.ts';
import { notFound } from '../reports/rules.ts';

/**
 * The bytes of an attached file with its name and type, for a reader of its report's or task's
 * unit. Throws NOT_FOUND for a file out of sight, the same answer as for an id that names nothing.
 */
export async function getAttachmentFile(id: string, { actor, tx }: ServiceContext): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  const paths = await resourcePaths.attachment(tx, id);
  if (paths.length === 0 || !paths.every((p) => can(actor, 'read', p))) throw notFound();
  const r = await tx.execute<{ fileName: string; mime: string; bytes: Uint8Array }>(sql`
    SELECT file_name AS "fileName", mime, bytes FROM attachment WHERE id = ${id}`);
  const f = r.rows[0];
  if (!f) throw notFound();
  return { fileName: f.fileName, mime: f.mime, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) };
}
