import {
  ConsolidationQuerySchema, ConsolidationSavedSchema, ConsolidationSaveSchema, ConsolidationSubmitSchema, ConsolidationSubmittedSchema,
  ConsolidationViewSchema,
} from '#shared/consolidation.ts';
import { IdParamsSchema } from '#shared/reports.ts';
import { scoped } from '../plugins/access.ts';
import { exportConsolidatedReport } from '../services/consolidation/export-consolidated-report.ts';
import { exportConsolidationXlsx } from '../services/consolidation/export-consolidation-xlsx.ts';
import { getConsolidation } from '../services/consolidation/get-consolidation.ts';
import { saveConsolidation } from '../services/consolidation/save-consolidation.ts';
import { submitConsolidation } from '../services/consolidation/submit-consolidation.ts';
import { DOCX_CONTENT_TYPE } from '../services/exports/issuer-context.ts';
import { attachment, XLSX_CONTENT_TYPE } from '../services/members/member-sheet.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['consolidation'];
/** `?unit=`: the subtree consolidated (the service defaults to the plan's unit and checks it then). */
const unit = (action: 'read' | 'write') => scoped({ from: 'query', key: 'unit', resource: 'unit', action, optional: true });

/** The consolidated report (báo cáo tổng hợp) of a report obligation over a unit's subtree. */
const consolidation: RouteModule = async (app, { ctx }) => {
  app.get('/api/obligations/:id/consolidation', {
    config: { access: unit('read') },
    schema: {
      tags, summary: 'Dự thảo báo cáo tổng hợp: số liệu cộng từ báo cáo đã tiếp nhận của cấp dưới (có nguồn), nội dung theo mục, đơn vị trễ hạn, chưa báo cáo',
      params: IdParamsSchema, querystring: ConsolidationQuerySchema, response: { 200: ConsolidationViewSchema },
    },
  }, async (request) => getConsolidation(request.params.id, request.query, readContext(ctx, request)));

  app.put('/api/obligations/:id/consolidation', {
    config: { access: unit('write') },
    schema: {
      tags, summary: 'Lưu dự thảo báo cáo tổng hợp đã chỉnh sửa (thành một phiên bản mới)',
      params: IdParamsSchema, querystring: ConsolidationQuerySchema, body: ConsolidationSaveSchema, response: { 200: ConsolidationSavedSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => saveConsolidation(request.params.id, request.query, request.body, s)));

  app.post('/api/obligations/:id/consolidated.docx', {
    // Exporting records what was sent (a version with its number): a POST, since only POST, PUT,
    // PATCH and DELETE change anything, and it needs `write` on the unit.
    config: { access: unit('write') },
    schema: { tags, summary: 'Xuất báo cáo tổng hợp ra tệp Word đúng thể thức (ghi lại phiên bản đã xuất)', params: IdParamsSchema, querystring: ConsolidationQuerySchema },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => exportConsolidatedReport(request.params.id, request.query, s));
    return reply.header('content-type', DOCX_CONTENT_TYPE).header('content-disposition', attachment(out.filename, 'bao-cao-tong-hop.docx')).send(out.data);
  });

  app.post('/api/obligations/:id/consolidation/submit', {
    config: { access: unit('write') },
    schema: {
      tags, summary: 'Gửi báo cáo tổng hợp lên cấp trên (thành báo cáo của đơn vị gửi cấp trên)',
      params: IdParamsSchema, querystring: ConsolidationQuerySchema, body: ConsolidationSubmitSchema, response: { 201: ConsolidationSubmittedSchema },
    },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => submitConsolidation(request.params.id, request.query, request.body, s));
    return reply.status(201).send(out);
  });

  app.get('/api/obligations/:id/consolidation.xlsx', {
    config: { access: unit('read') },
    schema: { tags, summary: 'Xuất bảng số liệu tổng hợp theo từng đơn vị trực thuộc ra tệp Excel', params: IdParamsSchema, querystring: ConsolidationQuerySchema },
  }, async (request, reply) => {
    const out = await exportConsolidationXlsx(request.params.id, request.query, readContext(ctx, request));
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment(out.filename, 'tong-hop-so-lieu.xlsx')).send(out.data);
  });
};
export default consolidation;
