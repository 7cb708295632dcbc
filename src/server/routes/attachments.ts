import {
  AttachmentFileSchema, AttachmentIdParamsSchema, AttachmentListSchema, AttachmentRemovedSchema, ReportAttachmentQuerySchema,
} from '#shared/attachments.ts';
import { IdParamsSchema } from '#shared/reports.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { addReportAttachment, addTaskAttachment } from '../services/attachments/add-attachment.ts';
import { ALLOWED_TYPES_TEXT } from '../services/attachments/file-type.ts';
import { getAttachmentFile } from '../services/attachments/get-attachment-file.ts';
import { listTaskAttachments } from '../services/attachments/list-task-attachments.ts';
import { removeAttachment } from '../services/attachments/remove-attachment.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';
import { attachmentHeader, readUploadForm } from './upload-form.ts';

const tags = ['attachments'];
const NO_FILE = `Hãy chọn tệp đính kèm (trường "file"): ${ALLOWED_TYPES_TEXT}.`;

/**
 * A file served only as a download: never shown inline, never sniffed into another type, and
 * should a browser open it anyway, it runs nothing and loads nothing (docs/decisions/015).
 */
const DOWNLOAD_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
  'cache-control': 'private, no-store',
  'cross-origin-resource-policy': 'same-origin',
};

/** Files attached as evidence to a unit's report (kept with the version that sends them) and to a task instance. */
const attachments: RouteModule = async (app, { ctx }) => {
  const limits = ctx.config.attachments;

  app.post('/api/obligation-instances/:id/attachments', {
    // The service checks the right to submit the report (or to enter it on the unit's behalf).
    config: { access: scoped(idParam('obligation_instance', 'write')) },
    schema: {
      tags, summary: 'Đính kèm một tệp vào báo cáo đang soạn (trường "file"); phiên bản gửi tiếp theo mang theo tệp',
      consumes: ['multipart/form-data'], params: IdParamsSchema, querystring: ReportAttachmentQuerySchema, response: { 201: AttachmentFileSchema },
    },
  }, async (request, reply) => {
    const { file } = await readUploadForm(request, limits.maxBytes, NO_FILE);
    const out = await inTransaction(ctx, request, (s) => addReportAttachment(request.params.id, file, request.query, limits, s));
    return reply.status(201).send(out);
  });

  app.get('/api/task-instances/:id/attachments', {
    config: { access: scoped(idParam('task_instance', 'read')) },
    schema: { tags, summary: 'Tệp minh chứng của một nhiệm vụ', params: IdParamsSchema, response: { 200: AttachmentListSchema } },
  }, async (request) => listTaskAttachments(request.params.id, limits, readContext(ctx, request)));

  app.post('/api/task-instances/:id/attachments', {
    config: { access: scoped(idParam('task_instance', 'write')) },
    schema: {
      tags, summary: 'Đính kèm một tệp minh chứng vào nhiệm vụ (trường "file")',
      consumes: ['multipart/form-data'], params: IdParamsSchema, response: { 201: AttachmentFileSchema },
    },
  }, async (request, reply) => {
    const { file } = await readUploadForm(request, limits.maxBytes, NO_FILE);
    const out = await inTransaction(ctx, request, (s) => addTaskAttachment(request.params.id, file, limits, s));
    return reply.status(201).send(out);
  });

  app.get('/api/attachments/:id', {
    config: { access: scoped(idParam('attachment', 'read')) },
    schema: { tags, summary: 'Tải một tệp đính kèm (chỉ tải về, không mở trong trình duyệt)', params: AttachmentIdParamsSchema },
  }, async (request, reply) => {
    const f = await getAttachmentFile(request.params.id, readContext(ctx, request));
    return reply.headers(DOWNLOAD_HEADERS).header('content-type', f.mime).header('content-disposition', attachmentHeader(f.fileName)).send(f.bytes);
  });

  app.delete('/api/attachments/:id', {
    config: { access: scoped(idParam('attachment', 'write')) },
    schema: {
      tags, summary: 'Gỡ một tệp đính kèm khỏi báo cáo đang soạn hoặc khỏi nhiệm vụ (phiên bản báo cáo đã gửi giữ nguyên tệp của nó)',
      params: AttachmentIdParamsSchema, querystring: ReportAttachmentQuerySchema, response: { 200: AttachmentRemovedSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => removeAttachment(request.params.id, request.query, s)));
};
export default attachments;
