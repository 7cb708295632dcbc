import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { roleAllows } from '#core/access/roles.ts';
import type { Actor } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { DOCUMENT_KIND_LABELS, UNKNOWN_KIND } from '#shared/documents.ts';
import type { DocumentImportResult } from '#shared/documents.ts';
import type { Tx } from '../../db/client.ts';
import { documentNumberKey, documentSearchText } from '../../db/queries/documents.ts';
import type { UnitRow } from '../../db/queries/units.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import type { DocumentFormat } from '../../readers/document-text.ts';
import type { FileReaders } from '../../readers/file-readers.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';

/** An uploaded file as the route hands it over. */
export interface UploadedDocument {
  filename: string;
  data: Buffer;
}

const MIME: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  doc: 'application/msword',
  txt: 'text/plain; charset=utf-8',
};

const unitNotFound = () => new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');

/**
 * The unit a document is imported for: the one named, else the actor's only unit where they may
 * write (a secretary, deputy, staff or admin of one unit). Throws UNIT_NOT_FOUND, FORBIDDEN,
 * UNIT_REQUIRED.
 */
export async function importingUnit(tx: Tx, actor: Actor, unitId: string | null): Promise<UnitRow> {
  let id = unitId;
  if (!id) {
    const writable = [...new Set(actor.grants.filter((g) => roleAllows(g.role, 'write')).map((g) => g.unitId))];
    if (writable.length !== 1) {
      throw new DomainError('UNIT_REQUIRED', 'Hãy chọn đơn vị nhập văn bản (đơn vị lưu giữ và thực hiện văn bản).');
    }
    id = writable[0] as string;
  }
  const unit = await lookupUnit(tx, id);
  if (!unit || !can(actor, 'read', unit.path)) throw unitNotFound();
  if (!can(actor, 'write', unit.path)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền nhập văn bản cho đơn vị này.');
  return unit;
}

/**
 * Imports a document for a unit: reads the text of the file (.docx, .pdf, .doc, .txt) and proposes
 * its structure (extraction/SCHEMA.md) in a reader's thread, and stores the document as a draft
 * with the file as it came and the places of the proposed items in its text, all in one
 * transaction (the file is read before the transaction opens). Needs `write` on the unit. Throws
 * what importingUnit, readDocumentText and the readers throw (FILE_READERS_BUSY, FILE_TOO_COMPLEX);
 * nothing is stored then.
 */
export async function importDocument(
  input: { unitId: string | null; file: UploadedDocument },
  { actor, tx, now }: ServiceContext,
  readers: FileReaders,
): Promise<DocumentImportResult> {
  const unit = await importingUnit(tx, actor, input.unitId);
  const fileName = input.file.filename.normalize('NFC').slice(0, 255) || 'van-ban';
  const { text, format, extraction, spans } = await readers.readDocument(input.file.data, fileName);
  const id = randomUUID();
  const kind = extraction.kind ?? UNKNOWN_KIND;
  const at = now.toISOString();
  const sha256 = createHash('sha256').update(input.file.data).digest('hex');
  const search = documentSearchText({ number: extraction.number, kindLabel: DOCUMENT_KIND_LABELS[kind]?.vi ?? null, title: extraction.title, issuer: extraction.issuer });
  await tx.transaction(async (t) => {
    await t.execute(sql`
      INSERT INTO document (id, kind, number, number_key, issued_on, issuer_name, place, title, body_text, signer, recipients,
                            structure, proposed, proposed_spans, status, owner_unit_id, owner_path, source_file_name, source_format, source_sha256,
                            source_size, created_by, created_at, updated_at, search_folded)
      VALUES (${id}, ${kind}, ${extraction.number}, ${documentNumberKey(extraction.number)}, ${extraction.date}, ${extraction.issuer},
              ${extraction.place}, ${extraction.title}, ${text}, ${JSON.stringify(extraction.signer)}::jsonb,
              ARRAY(SELECT json_array_elements_text(${JSON.stringify(extraction.recipients)}::json)),
              ${JSON.stringify(extraction)}::jsonb, ${JSON.stringify(extraction)}::jsonb, ${JSON.stringify(spans)}::jsonb, 'draft', ${unit.id}, ${unit.path}::ltree,
              ${fileName}, ${format}, ${sha256}, ${input.file.data.length}, ${actor.userId}, ${at}, ${at}, ${search})`);
    await t.execute(sql`
      INSERT INTO document_file (document_id, file_name, mime, bytes) VALUES (${id}, ${fileName}, ${MIME[format]}, ${input.file.data})`);
    await writeAudit(t, actor, {
      action: 'document.import', entity: 'document', entityId: id, unitPath: unit.path,
      after: { fileName, format, size: input.file.data.length, sha256, kind, number: extraction.number },
    }, now);
  });
  return { documentId: id, extraction, spans, text, format };
}
