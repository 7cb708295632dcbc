import type { FastifyRequest } from 'fastify';
import { DomainError } from '#core/errors.ts';
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
import { attachmentHeader, readUploadForm } from './upload-form.ts';

const tags = ['documents'];
const onDocument = (action: 'read' | 'write') => scoped(idParam('document', action));

/** Reads the multipart body of an import: the file (field `file`) and the form field `unitId`. */
async function readImportForm(request: FastifyRequest, maxBytes: number): Promise<{ file: UploadedDocument; unitId: string | null }> {
  const { file, fields } = await readUploadForm(request, maxBytes, 'Hãy chọn tệp văn bản (.docx, .pdf, .doc hoặc .txt) để nhập (trường "file").');
  const unitId = fields.unitId?.trim() || null;
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
