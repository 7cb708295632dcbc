import type { Action } from '#core/access/roles.ts';
import { z, IdResponseSchema } from '#shared/common.ts';
import {
  AudienceAddResultSchema, AudienceAddSchema, CancelInputSchema, CancelResultSchema, CoverageSchema, HeatmapSchema, ImplementingCreateSchema, OverdueListSchema,
  OverdueQuerySchema, PlanAccessSchema, PlanDraftSchema, PlanIdParamsSchema, PlanListQuerySchema, PlanListSchema, PlanSummarySchema,
  PlanTreeQuerySchema, PlanTreeSchema, PlanUnitProposalsSchema, PlanUnitQuerySchema, PlanUpdateSchema, PlanViewSchema, ProgressRowSchema, PublishResultSchema,
  StaleListSchema, StaleQuerySchema,
} from '#shared/plans.ts';
import { PlanFromDocumentParamsSchema } from '#shared/documents.ts';
import { idParam, scoped } from '../plugins/access.ts';
import type { ResourceRule } from '../plugins/access.ts';
import { addAudience } from '../services/plans/add-audience.ts';
import { cancelPlan } from '../services/plans/cancel-plan.ts';
import { deleteDraftPlan } from '../services/plans/delete-draft-plan.ts';
import { createImplementingPlan } from '../services/plans/create-implementing-plan.ts';
import { createPlan } from '../services/plans/create-plan.ts';
import { createPlanFromDocument } from '../services/plans/create-plan-from-document.ts';
import { findOverdue } from '../services/plans/find-overdue.ts';
import { findPlans } from '../services/plans/find-plans.ts';
import { findStaleUnits } from '../services/plans/find-stale-units.ts';
import { getCoverage } from '../services/plans/get-coverage.ts';
import { getHeatmap } from '../services/plans/get-heatmap.ts';
import { getPlanTree } from '../services/plans/get-plan-tree.ts';
import { getPlan } from '../services/plans/get-plan.ts';
import { findPlanProgress } from '../services/plans/find-plan-progress.ts';
import { getPlanSummary } from '../services/plans/get-plan-summary.ts';
import { proposePlanUnits } from '../services/plans/propose-plan-units.ts';
import { publishPlan } from '../services/plans/publish-plan.ts';
import { setPlanAccess } from '../services/plans/set-plan-access.ts';
import { updatePlan } from '../services/plans/update-plan.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['plans'];
const plan = (action: Action): ResourceRule => idParam('plan', action);
/** `?unit=` of the dashboards: a unit the actor may read (the service defaults to the plan's unit). */
const unitQuery: ResourceRule = { from: 'query', key: 'unit', resource: 'unit', action: 'read', optional: true };

const plans: RouteModule = async (app, { ctx }) => {
  app.post('/api/plans', {
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Lập dự thảo kế hoạch (nhiệm vụ, báo cáo, đối tượng thực hiện)', body: PlanDraftSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createPlan(request.body, s));
    return reply.status(201).send(out);
  });

  app.get('/api/plans', {
    config: { access: scoped({ from: 'query', key: 'unitId', resource: 'unit', action: 'read' }) },
    schema: {
      tags, summary: 'Kế hoạch của đơn vị: đã ban hành (view=issued) hoặc cần triển khai thực hiện (view=to_carry_out)',
      querystring: PlanListQuerySchema, response: { 200: PlanListSchema },
    },
  }, async (request) => findPlans(request.query, readContext(ctx, request)));

  app.get('/api/plans/:id', {
    config: { access: scoped(plan('read')) },
    schema: { tags, summary: 'Một kế hoạch: văn bản, nhiệm vụ, báo cáo', params: PlanIdParamsSchema, response: { 200: PlanViewSchema } },
  }, async (request) => getPlan(request.params.id, readContext(ctx, request)));

  app.get('/api/plans/:id/unit-proposals', {
    config: { access: scoped(plan('write')) },
    schema: {
      tags, summary: 'Đơn vị đề xuất cho các tên đơn vị trong văn bản (chủ trì, phối hợp, nơi nhận báo cáo); người sửa kiểm tra lại',
      params: PlanIdParamsSchema, response: { 200: PlanUnitProposalsSchema },
    },
  }, async (request) => proposePlanUnits(request.params.id, readContext(ctx, request)));

  app.put('/api/plans/:id', {
    config: { access: scoped(plan('write')) },
    schema: { tags, summary: 'Sửa dự thảo kế hoạch (409 PLAN_NOT_DRAFT khi đã ban hành)', params: PlanIdParamsSchema, body: PlanUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updatePlan(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.delete('/api/plans/:id', {
    config: { access: scoped(plan('write')) },
    schema: {
      tags, summary: 'Xóa dự thảo kế hoạch chưa ban hành (409 PLAN_NOT_DRAFT khi đã ban hành: hãy thu hồi)',
      params: PlanIdParamsSchema, response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => deleteDraftPlan(request.params.id, s));
    return reply.status(204).send(null);
  });

  app.post('/api/plans/:id/cancel', {
    config: { access: scoped(plan('write')) },
    schema: {
      tags, summary: 'Thu hồi kế hoạch đã ban hành, ghi rõ lý do: mọi nhiệm vụ, báo cáo được giữ lại và đánh dấu đã thu hồi, đơn vị được thông báo',
      params: PlanIdParamsSchema, body: CancelInputSchema, response: { 200: CancelResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => cancelPlan(request.params.id, request.body, s)));

  app.post('/api/plans/:id/publish', {
    config: { access: scoped(plan('write')) },
    schema: {
      tags, summary: 'Ban hành kế hoạch: giao nhiệm vụ, báo cáo cho từng đơn vị thực hiện theo từng kỳ, thông báo cho đơn vị',
      params: PlanIdParamsSchema, response: { 200: PublishResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => publishPlan({ planId: request.params.id }, s)));

  app.post('/api/plans/:id/implementing', {
    config: { access: scoped(plan('read'), { from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: {
      tags, summary: 'Xây dựng kế hoạch thực hiện của đơn vị cấp dưới (điền sẵn nhiệm vụ, báo cáo được giao)',
      params: PlanIdParamsSchema, body: ImplementingCreateSchema, response: { 201: IdResponseSchema },
    },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createImplementingPlan(request.params.id, request.body, s));
    return reply.status(201).send(out);
  });

  app.post('/api/plans/:id/audience', {
    config: { access: scoped(plan('write')) },
    schema: {
      tags, summary: 'Bổ sung đơn vị thực hiện (đơn vị mới thành lập, sáp nhập) cho kế hoạch đã ban hành',
      params: PlanIdParamsSchema, body: AudienceAddSchema, response: { 200: AudienceAddResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => addAudience(request.params.id, request.body, s)));

  app.put('/api/plans/:id/access', {
    config: { access: scoped(plan('write')) },
    schema: { tags, summary: 'Người được xem kế hoạch (kế hoạch mật)', params: PlanIdParamsSchema, body: PlanAccessSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => setPlanAccess(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.get('/api/plans/:id/tree', {
    config: { access: scoped(plan('read')) },
    schema: { tags, summary: 'Cây kế hoạch thực hiện của các cấp dưới', params: PlanIdParamsSchema, querystring: PlanTreeQuerySchema, response: { 200: PlanTreeSchema } },
  }, async (request) => getPlanTree(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/plans/:id/coverage', {
    config: { access: scoped(plan('read'), unitQuery) },
    schema: {
      tags, summary: 'Nhiệm vụ chưa được cụ thể hóa trong kế hoạch thực hiện của đơn vị cấp dưới',
      params: PlanIdParamsSchema, querystring: PlanUnitQuerySchema, response: { 200: CoverageSchema },
    },
  }, async (request) => getCoverage(request.params.id, request.query.unit, readContext(ctx, request)));

  app.get('/api/plans/:id/progress', {
    config: { access: scoped(plan('read'), unitQuery) },
    schema: {
      tags, summary: 'Tiến độ theo từng đơn vị trực thuộc (tính cả cấp dưới): nhiệm vụ, báo cáo',
      params: PlanIdParamsSchema, querystring: PlanUnitQuerySchema, response: { 200: z.array(ProgressRowSchema) },
    },
  }, async (request) => findPlanProgress(request.params.id, request.query.unit, readContext(ctx, request)));

  app.get('/api/plans/:id/summary', {
    config: { access: scoped(plan('read'), unitQuery) },
    schema: {
      tags, summary: 'Tổng hợp của đơn vị, tỷ lệ hoàn thành và đúng hạn của từng đơn vị trực thuộc, cách tính',
      params: PlanIdParamsSchema, querystring: PlanUnitQuerySchema, response: { 200: PlanSummarySchema },
    },
  }, async (request) => getPlanSummary(request.params.id, request.query.unit, readContext(ctx, request)));

  app.get('/api/plans/:id/heatmap', {
    config: { access: scoped(plan('read'), unitQuery) },
    schema: { tags, summary: 'Bản đồ nhiệt: đơn vị trực thuộc × nhiệm vụ', params: PlanIdParamsSchema, querystring: PlanUnitQuerySchema, response: { 200: HeatmapSchema } },
  }, async (request) => getHeatmap(request.params.id, request.query.unit, readContext(ctx, request)));

  app.get('/api/plans/:id/overdue', {
    config: { access: scoped(plan('read'), unitQuery) },
    schema: { tags, summary: 'Nhiệm vụ, báo cáo quá hạn của các đơn vị (số ngày trễ)', params: PlanIdParamsSchema, querystring: OverdueQuerySchema, response: { 200: OverdueListSchema } },
  }, async (request) => findOverdue(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/plans/:id/stale', {
    config: { access: scoped(plan('read'), unitQuery) },
    schema: {
      tags, summary: 'Đơn vị lâu không cập nhật (còn việc chưa xong, không thay đổi trong N ngày)',
      params: PlanIdParamsSchema, querystring: StaleQuerySchema, response: { 200: StaleListSchema },
    },
  }, async (request) => findStaleUnits(request.params.id, request.query, readContext(ctx, request)));

  app.post('/api/plans/from-document/:documentId', {
    config: { access: scoped({ from: 'params', key: 'documentId', resource: 'document', action: 'write' }) },
    schema: {
      tags, summary: 'Lập dự thảo kế hoạch từ văn bản đã nhập (giao cho mọi tổ chức cơ sở và chi bộ trực thuộc)',
      params: PlanFromDocumentParamsSchema, response: { 200: IdResponseSchema, 201: IdResponseSchema },
    },
  }, async (request, reply) => {
    const { documentId } = request.params;
    const out = await inTransaction(ctx, request, (s) => createPlanFromDocument({ documentId }, s));
    return reply.status(out.created ? 201 : 200).send({ id: out.id });
  });
};
export default plans;
