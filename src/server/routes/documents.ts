import type { FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '#core/errors.ts';
import { z } from '#shared/common.ts';
import {
  DocumentDetailSchema, DocumentIdParamsSchema, DocumentImportQuerySchema, DocumentImportResultSchema, DocumentListQuerySchema,
  DocumentListSchema, DocumentStructureSchema, IssuingUnitListSchema, IssuingUnitsQuerySchema, SaveStructureResultSchema,
} from '#shared/documents.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { findDocuments } from '../services/documents/find-documents.ts';
import { findIssuingUnits } from '../services/documents/find-issuing-units.ts';
import { getDocumentFile } from '../services/documents/get-document-file.ts';
import { getDocument } from '../services/documents/get-document.ts';
import type { UploadedDocument } from '../services/documents/import-document.ts';
import { importDocument } from '../services/documents/import-document.ts';
import { saveStructure } from '../services/documents/save-structure.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['documents'];
const onDocument = (action: 'read' | 'write') => scoped(idParam('document', action));

/**
 * Content-Disposition for a download with a Vietnamese file name (RFC 6266 / RFC 5987): an ASCII
 * fallback for old clients, the UTF-8 name for the others.
 */
export function attachmentHeader(fileName: string): string {
  const plain = fileName.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const ascii = plain.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'van-ban';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const tooLarge = (maxBytes: number) =>
  new DomainError('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (tối đa ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB); không có gì được lưu.`);

/**
 * Reads the multipart body of an import: the file (field `file`) and the form field `unitId`.
 * An oversize file is refused whole (413) and nothing of it is kept.
 */
async function readImportForm(request: FastifyRequest, maxBytes: number): Promise<{ file: UploadedDocument; unitId: string | null }> {
  if (!request.isMultipart()) throw new DomainError('NOT_MULTIPART', 'Hãy gửi tệp văn bản dưới dạng multipart/form-data (trường "file").');
  let file: UploadedDocument | null = null;
  let unitId: string | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(maxBytes);
        if (part.fieldname === 'file') file = { filename: part.filename ?? '', data };
      } else if (part.fieldname === 'unitId' && typeof part.value === 'string' && part.value.trim() !== '') {
        unitId = part.value.trim();
      }
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw e;
  }
  if (!file) throw new DomainError('NO_FILE', 'Hãy chọn tệp văn bản (.docx, .pdf, .doc hoặc .txt) để nhập (trường "file").');
  if (unitId !== null && !z.uuid().safeParse(unitId).success) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
  return { file, unitId };
}

const documents: RouteModule = async (app, { ctx }) => {
  app.post('/api/documents/import', {
    // The unit may come as `?unitId=` (checked here) or as the form field `unitId` (checked by the service).
    config: { access: scoped({ from: 'query', key: 'unitId', resource: 'unit', action: 'write', optional: true }) },
    schema: {
      tags,
      summary: 'Nhập văn bản (.docx, .pdf, .doc, .txt; trường "file", trường "unitId" là đơn vị nhập): đọc nội dung, đề xuất cấu trúc',
      consumes: ['multipart/form-data'],
      querystring: DocumentImportQuerySchema,
      response: { 201: DocumentImportResultSchema },
    },
  }, async (request, reply) => {
    const form = await readImportForm(request, ctx.config.maxUploadBytes);
    const query = request.query;
    const out = await importDocument({ unitId: form.unitId ?? query.unitId ?? null, file: form.file }, readContext(ctx, request), ctx.readers);
    return reply.status(201).send(out);
  });

  app.get('/api/documents', {
    config: { access: { kind: 'signed-in' } },
    schema: {
      tags, summary: 'Văn bản người dùng được xem (của đơn vị trong phạm vi và văn bản được trích dẫn), mới nhất trước; q tìm không dấu',
      querystring: DocumentListQuerySchema, response: { 200: DocumentListSchema },
    },
  }, async (request) => findDocuments(request.query, readContext(ctx, request)));

  app.get('/api/documents/issuing-units', {
    config: { access: { kind: 'signed-in' } },
    schema: {
      tags, summary: 'Đơn vị người dùng được nhập văn bản (kể cả đơn vị đã kết thúc hoạt động) và dung lượng tệp tối đa',
      querystring: IssuingUnitsQuerySchema, response: { 200: IssuingUnitListSchema },
    },
  }, async (request) => ({
    ...(await findIssuingUnits(request.query, readContext(ctx, request))),
    maxUploadBytes: ctx.config.maxUploadBytes,
  }));

  app.get('/api/documents/:id', {
    config: { access: onDocument('read') },
    schema: {
      tags, summary: 'Một văn bản: nội dung, cấu trúc, văn bản thực hiện và được thực hiện, chuỗi văn bản cấp trên, kế hoạch',
      params: DocumentIdParamsSchema, response: { 200: DocumentDetailSchema },
    },
  }, async (request) => getDocument(request.params.id, readContext(ctx, request)));

  app.put('/api/documents/:id/structure', {
    config: { access: onDocument('write') },
    schema: {
      tags, summary: 'Xác nhận cấu trúc văn bản đã sửa; với kế hoạch (KH) lập hoặc cập nhật dự thảo kế hoạch (409 PLAN_NOT_DRAFT khi đã ban hành)',
      params: DocumentIdParamsSchema, body: DocumentStructureSchema, response: { 200: SaveStructureResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => saveStructure(request.params.id, request.body, s)));

  app.get('/api/documents/:id/file', {
    config: { access: onDocument('read') },
    schema: { tags, summary: 'Tải tệp gốc của văn bản', params: DocumentIdParamsSchema },
  }, async (request, reply) => {
    const f = await getDocumentFile(request.params.id, readContext(ctx, request));
    return reply.header('content-type', f.mime).header('content-disposition', attachmentHeader(f.fileName)).send(f.bytes);
  });
};
export default documents;
