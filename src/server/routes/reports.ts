import {
  AcceptInputSchema, DueBelowItemsQuerySchema, DueBelowItemsSchema, DueBelowQuerySchema, DueBelowSchema, IdParamsSchema, ObligationInstanceDetailSchema, ObligationListQuerySchema, ObligationListSchema,
  ObligationStatusQuerySchema, ObligationStatusListSchema, ReceivedReportsQuerySchema, ReceivedReportsSchema, ReturnInputSchema, ReviewResultSchema, SubmissionInputSchema,
  SubmissionSavedSchema, UrgeInputSchema, UrgeResultSchema,
} from '#shared/reports.ts';
import { UnitIdParamsSchema } from '#shared/units.ts';
import { scoped } from '../plugins/access.ts';
import { findDueBelow, findDueBelowItems } from '../services/reports/find-due-below.ts';
import { findObligationStatus } from '../services/reports/find-obligation-status.ts';
import { findReceivedReports } from '../services/reports/find-received-reports.ts';
import { findObligations } from '../services/reports/find-obligations.ts';
import { getObligationInstance } from '../services/reports/get-obligation-instance.ts';
import { reviewSubmission } from '../services/reports/review-submission.ts';
import { saveSubmission } from '../services/reports/save-submission.ts';
import { urgeUnits } from '../services/reports/urge-units.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['reports'];

const reports: RouteModule = async (app, { ctx }) => {
  app.get('/api/units/:id/obligations', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'unit', action: 'read' }) },
    schema: {
      tags, summary: 'Các báo cáo đơn vị phải gửi (theo kỳ, hạn, trạng thái)',
      params: UnitIdParamsSchema, querystring: ObligationListQuerySchema, response: { 200: ObligationListSchema },
    },
  }, async (request) => findObligations(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/units/:id/received-reports', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'unit', action: 'read' }) },
    schema: {
      tags, summary: 'Báo cáo gửi về đơn vị: chờ tiếp nhận, quá hạn chưa gửi (mọi kế hoạch)',
      params: UnitIdParamsSchema, querystring: ReceivedReportsQuerySchema, response: { 200: ReceivedReportsSchema },
    },
  }, async (request) => findReceivedReports(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/units/:id/due-below', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'unit', action: 'read' }) },
    schema: {
      tags, summary: 'Lịch việc đến hạn ở đơn vị trực thuộc: số báo cáo gửi về và nhiệm vụ của đơn vị cấp dưới theo từng ngày (tối đa 42 ngày)',
      params: UnitIdParamsSchema, querystring: DueBelowQuerySchema, response: { 200: DueBelowSchema },
    },
  }, async (request) => findDueBelow(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/units/:id/due-below/items', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'unit', action: 'read' }) },
    schema: {
      tags, summary: 'Báo cáo gửi về và nhiệm vụ của đơn vị cấp dưới đến hạn trong một ngày',
      params: UnitIdParamsSchema, querystring: DueBelowItemsQuerySchema, response: { 200: DueBelowItemsSchema },
    },
  }, async (request) => findDueBelowItems(request.params.id, request.query, readContext(ctx, request)));

  app.post('/api/obligations/:id/submissions', {
    // NOTE: `:id` is an obligation instance or a report obligation (with unitId and period in the
    // body); the service resolves it and checks `write` on the instance's unit itself.
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'write', optional: true }) },
    schema: {
      tags, summary: 'Lưu nháp (submit: false) hoặc gửi báo cáo (submit: true) của đơn vị cho một kỳ',
      params: IdParamsSchema, body: SubmissionInputSchema, response: { 201: SubmissionSavedSchema },
    },
  }, async (request, reply) => {
    // NOTE: not wrapped in a transaction: the service writes in one statement, or opens its own
    // transaction when it must lock (docs/decisions/006).
    const out = await saveSubmission(request.params.id, request.body, readContext(ctx, request));
    return reply.status(201).send(out);
  });

  app.get('/api/obligation-instances/:id', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'obligation_instance', action: 'read' }) },
    schema: { tags, summary: 'Một báo cáo của đơn vị với mọi lần gửi (phiên bản)', params: IdParamsSchema, response: { 200: ObligationInstanceDetailSchema } },
  }, async (request) => getObligationInstance(request.params.id, ctx.config.attachments, readContext(ctx, request)));

  app.post('/api/submissions/:id/accept', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'submission', action: 'write' }) },
    schema: { tags, summary: 'Cấp nhận báo cáo tiếp nhận báo cáo', params: IdParamsSchema, body: AcceptInputSchema.nullish(), response: { 200: ReviewResultSchema } },
  }, async (request) => {
    return inTransaction(ctx, request, (s) => reviewSubmission(request.params.id, { decision: 'accept', comment: request.body?.comment }, s));
  });

  app.post('/api/submissions/:id/return', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'submission', action: 'write' }) },
    schema: { tags, summary: 'Cấp nhận báo cáo trả lại báo cáo kèm ý kiến', params: IdParamsSchema, body: ReturnInputSchema, response: { 200: ReviewResultSchema } },
  }, async (request) => {
    return inTransaction(ctx, request, (s) => reviewSubmission(request.params.id, { decision: 'return', comment: request.body.comment }, s));
  });

  app.get('/api/obligations/:id/status', {
    // The service checks `read` on the plan's unit when `unit` is left out.
    config: { access: scoped({ from: 'query', key: 'unit', resource: 'unit', action: 'read', optional: true }) },
    schema: {
      tags, summary: 'Tình hình gửi báo cáo của các đơn vị cấp dưới (đã gửi, trễ hạn, chưa gửi)',
      params: IdParamsSchema, querystring: ObligationStatusQuerySchema, response: { 200: ObligationStatusListSchema },
    },
  }, async (request) => findObligationStatus(request.params.id, request.query, readContext(ctx, request)));

  app.post('/api/obligations/:id/urge', {
    // The service checks `write` on the plan's unit when `unit` is left out.
    config: { access: scoped({ from: 'body', key: 'unit', resource: 'unit', action: 'write', optional: true }) },
    schema: {
      tags, summary: 'Đôn đốc một lần mọi đơn vị chưa gửi báo cáo của một kỳ',
      params: IdParamsSchema, body: UrgeInputSchema, response: { 200: UrgeResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => urgeUnits(request.params.id, request.body, s)));
};
export default reports;
