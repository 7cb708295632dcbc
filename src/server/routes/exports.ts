import { ConsolidationQuerySchema } from '#shared/consolidation.ts';
import { PlanIdParamsSchema, PlanUnitQuerySchema, TaskInstanceListQuerySchema } from '#shared/plans.ts';
import { IdParamsSchema, ObligationStatusQuerySchema } from '#shared/reports.ts';
import { UnitAtQuerySchema, UnitIdParamsSchema } from '#shared/units.ts';
import { idParam, scoped } from '../plugins/access.ts';
import type { ResourceRule } from '../plugins/access.ts';
import { exportPlanDocx, exportTaskListDocx } from '../services/exports/export-plan-docx.ts';
import { exportChildrenXlsx, exportObligationStatusXlsx, exportProgressXlsx, exportTaskInstancesXlsx } from '../services/exports/export-tables.ts';
import { exportUrgingLetter } from '../services/exports/export-urging-letter.ts';
import { DOCX_CONTENT_TYPE } from '../services/exports/issuer-context.ts';
import { attachment, XLSX_CONTENT_TYPE } from '../services/members/member-sheet.ts';
import type { RouteModule } from './context.ts';
import { actorOf, readContext } from './tx.ts';

const tags = ['exports'];
const unitParam = idParam('unit', 'read');
const unitQuery: ResourceRule = { from: 'query', key: 'unit', resource: 'unit', action: 'read', optional: true };
const planRead = idParam('plan', 'read');

export const TaskInstanceExportQuerySchema = TaskInstanceListQuerySchema.omit({ limit: true, offset: true });
export const ObligationStatusExportQuerySchema = ObligationStatusQuerySchema.omit({ limit: true, offset: true });

/** Documents out: a plan, its task list and an urging letter as Word files; the tables of the app as Excel files. */
const exportsRoutes: RouteModule = async (app, { ctx }) => {
  const docx = (filename: string) => ({ 'content-type': DOCX_CONTENT_TYPE, 'content-disposition': attachment(filename, 'van-ban.docx') });
  const xlsx = (filename: string) => ({ 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': attachment(filename, 'bang.xlsx') });

  app.get('/api/plans/:id/export.docx', {
    config: { access: scoped(planRead) },
    schema: { tags, summary: 'Xuất kế hoạch ra tệp Word đúng thể thức văn bản (Đảng, nhà nước, Đoàn theo loại đơn vị)', params: PlanIdParamsSchema },
  }, async (request, reply) => {
    const out = await exportPlanDocx(request.params.id, readContext(ctx, request));
    return reply.headers(docx(out.filename)).send(out.data);
  });

  app.get('/api/plans/:id/tasks.docx', {
    config: { access: scoped(planRead) },
    schema: { tags, summary: 'Xuất phụ lục danh mục nhiệm vụ của kế hoạch ra tệp Word', params: PlanIdParamsSchema },
  }, async (request, reply) => {
    const out = await exportTaskListDocx(request.params.id, readContext(ctx, request));
    return reply.headers(docx(out.filename)).send(out.data);
  });

  app.get('/api/obligations/:id/urging-letter.docx', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Công văn đôn đốc các đơn vị quá hạn chưa gửi báo cáo (tệp Word)', params: IdParamsSchema, querystring: ConsolidationQuerySchema },
  }, async (request, reply) => {
    const out = await exportUrgingLetter(request.params.id, request.query, readContext(ctx, request));
    return reply.headers(docx(out.filename)).send(out.data);
  });

  app.get('/api/units/:id/children.xlsx', {
    config: { access: scoped(unitParam) },
    schema: { tags, summary: 'Xuất danh sách đơn vị trực thuộc ra tệp Excel; ?on= cho cây tổ chức tại một ngày', params: UnitIdParamsSchema, querystring: UnitAtQuerySchema },
  }, async (request, reply) => {
    const { on } = request.query;
    const out = await exportChildrenXlsx(ctx.db, actorOf(request), request.params.id, on ?? null, ctx.clock());
    return reply.headers(xlsx(out.filename)).send(out.data);
  });

  app.get('/api/units/:id/task-instances.xlsx', {
    config: { access: scoped(unitParam) },
    schema: { tags, summary: 'Xuất danh sách nhiệm vụ của đơn vị ra tệp Excel', params: UnitIdParamsSchema, querystring: TaskInstanceExportQuerySchema },
  }, async (request, reply) => {
    const q = request.query;
    const out = await exportTaskInstancesXlsx(request.params.id, q, readContext(ctx, request));
    return reply.headers(xlsx(out.filename)).send(out.data);
  });

  app.get('/api/obligations/:id/status.xlsx', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Xuất tình hình gửi báo cáo của các đơn vị ra tệp Excel', params: IdParamsSchema, querystring: ObligationStatusExportQuerySchema },
  }, async (request, reply) => {
    const q = request.query;
    const out = await exportObligationStatusXlsx(request.params.id, q, readContext(ctx, request));
    return reply.headers(xlsx(out.filename)).send(out.data);
  });

  app.get('/api/plans/:id/progress.xlsx', {
    config: { access: scoped(planRead, unitQuery) },
    schema: { tags, summary: 'Xuất số liệu tiến độ theo từng đơn vị trực thuộc ra tệp Excel', params: PlanIdParamsSchema, querystring: PlanUnitQuerySchema },
  }, async (request, reply) => {
    const { unit } = request.query;
    const out = await exportProgressXlsx(request.params.id, unit, readContext(ctx, request));
    return reply.headers(xlsx(out.filename)).send(out.data);
  });
};
export default exportsRoutes;
